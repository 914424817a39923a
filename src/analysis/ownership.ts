import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { closeMethodNames } from '../catalog/clients.js';
import { iterationMethods, testBlocks, testSetupHooks, testTeardownHooks } from '../catalog/frameworks.js';
import { type FunctionNode, calleeName, innermostFunction, isCallLike, isFunction, isValueWrapper, memberName, valueSlot } from './ast.js';
import type { ClientCreation } from './clients.js';
import { borrowsParameter, calledFunction } from './borrowing.js';
import { borrowsAcrossFiles } from './cross-file.js';
import { exportNames } from './exports.js';
import type { FileAnalysis } from './file-analysis.js';
import { globalReferences } from './modules.js';
import { type ValueFlow, type ValueUse, valueFlow } from './value-flow.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** Who is responsible for closing a client. */
export type Owner =
  /** The function that creates it (or that declares the variable it is assigned to). */
  | { kind: 'function'; fn: FunctionNode }
  /** The module: a module-level binding. */
  | { kind: 'module' }
  /** A test file's module scope or `describe` body (`suite`), possibly filled in by a setup hook (`beforeAll`). */
  | { kind: 'test-lifecycle'; setupHook: string | null; suite: string | null }
  /** A class field: the instance or the class holds it. */
  | { kind: 'class' };

/** Ways ownership leaves the owner. */
export type HandOffKind = 'returned' | 'stored' | 'passed' | 'aliased' | 'exported' | 'captured';

export interface HandOff {
  kind: HandOffKind;
  node: TSESTree.Node;
  /** For `captured`: what the callback itself does with the client, when it hands it on. */
  inner?: HandOffKind | null;
}

/**
 * How surely a close call runs once the owner is done with the client:
 * - `finally`: in a `finally` block; `promise-finally`: in a `.finally()` callback;
 * - `both-paths`: on success and on failure (`.then(close, close)`, `.then(close).catch(close)`,
 *   a close at the end of a `try` block and another in its `catch`);
 * - `hook`: in a callback run later (shutdown hook, `'close'` listener, teardown hook);
 * - `some-paths`: only when nothing throws before it (or only when something does).
 */
export type CloseGuarantee = 'finally' | 'promise-finally' | 'both-paths' | 'hook' | 'some-paths';

export interface CloseSite {
  call: TSESTree.CallExpression;
  method: string;
  guarantee: CloseGuarantee;
  /** For `hook`: what runs it (`afterAll`, `process.once('SIGTERM')`, `onModuleDestroy`). */
  hook: string | null;
}

export type Verdict = 'closed' | 'handed-on' | 'closed-on-some-paths' | 'not-closed';

export interface Ownership {
  owner: Owner;
  /** The flow of the created value, followed into the variable it is assigned to. */
  flow: ValueFlow;
  /** Declared with `using` / `await using`. */
  using: boolean;
  closes: CloseSite[];
  handOffs: HandOff[];
  /** Every use of the client in the owner settles before the owner returns (so a close on the way out cuts nothing off). */
  settled: boolean;
  /** `return` statements of the owner whose value uses the client without `await`: a `finally` would close it first. */
  pendingReturns: TSESTree.ReturnStatement[];
  verdict: Verdict;
}

const SHUTDOWN_EVENTS = new Set(['SIGTERM', 'SIGINT', 'SIGHUP', 'beforeExit', 'exit', 'close']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const SHUTDOWN_HOOKS = new Set(['onClose', 'preClose']);
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);
const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);
/** Test blocks whose callback runs while the file loads, like module scope (the others are test bodies). */
const SUITE_BLOCKS: ReadonlySet<string> = new Set(['describe', 'suite', 'context'].filter((name) => testBlocks.has(name)));
const MAX_CALL_DEPTH = 6;

/**
 * Who owns a created client and whether it is closed on the way out, handed on, or left open
 * (see DESIGN.md, "Ownership"). Uses inside nested functions count where those functions run:
 * inline (array callbacks, promise callbacks, IIFEs, local functions called directly, callbacks of
 * awaited calls) or later (anything registered with something that outlives the owner).
 */
export function ownershipOf(analysis: FileAnalysis, creation: ClientCreation): Ownership {
  const { sourceCode } = analysis;
  const start = carrier(creation.node, creation);
  const home = enclosingHome(start);
  const flow = valueFlow(sourceCode, start, { throughAssignment: true });
  if (home === 'class') return result({ kind: 'class' }, flow, emptyFacts(), 'handed-on');
  if (home && start.parent?.type === AST_NODE_TYPES.AssignmentPattern && start.parent.right === start) {
    // A default parameter: callers may pass a client of their own, which the function must not close.
    return result({ kind: 'function', fn: home }, flow, { ...emptyFacts(), handOffs: [{ kind: 'aliased', node: start }] }, 'handed-on');
  }

  let ownerFn = home;
  let setupHook: string | null = null;
  if (flow.assignment && flow.binding) {
    // Assigned to a variable declared around the function: whoever declares the variable owns it.
    const declaredIn = declaringFunction(flow.binding);
    if (declaredIn !== ownerFn) {
      setupHook = ownerFn ? setupHookOf(ownerFn) : null;
      ownerFn = declaredIn;
    }
  }

  const owner = classifyOwner(analysis, ownerFn, setupHook);
  const boundary: TSESTree.Node = ownerFn ?? sourceCode.ast;
  const facts = collectFacts(analysis, flow, boundary, creation);
  if (ownerFn) facts.entry = entryExits(sourceCode, ownerFn);
  const exported = exportNames(sourceCode, start).length > 0 || isExportedBinding(flow.binding);
  if (owner.kind !== 'function' && exported && !facts.handOffs.some((handOff) => handOff.kind === 'exported')) {
    facts.handOffs.push({ kind: 'exported', node: start });
  }
  const using = flow.declarator?.parent.type === AST_NODE_TYPES.VariableDeclaration && flow.declarator.parent.kind.endsWith('using');
  return result(owner, flow, facts, verdictFor(analysis, owner, facts, using), using);
}

interface Facts {
  closes: CloseSite[];
  handOffs: HandOff[];
  settled: boolean;
  pendingReturns: TSESTree.ReturnStatement[];
  /** A close runs unconditionally when nothing throws (straight-line, or at the end of a `try` block). */
  closedOnSuccess: boolean;
  /** How `process.exit()` ends the process from the owner: on every path, or when nothing throws. */
  exits: { always: boolean; onSuccess: boolean };
  /** For a function run only as the script's entry (`main().catch(() => process.exit(1))`): the paths on which its caller ends the process. */
  entry: { onSuccess: boolean; onFailure: boolean } | null;
}

function emptyFacts(): Facts {
  return { closes: [], handOffs: [], settled: true, pendingReturns: [], closedOnSuccess: false, exits: { always: false, onSuccess: false }, entry: null };
}

function result(owner: Owner, flow: ValueFlow, facts: Facts, verdict: Verdict, using = false): Ownership {
  const { closes, handOffs, settled, pendingReturns } = facts;
  return { owner, flow, using, closes, handOffs, settled, pendingReturns, verdict };
}

function verdictFor(analysis: FileAnalysis, owner: Owner, facts: Facts, using: boolean): Verdict {
  const { closes, handOffs, exits, entry } = facts;
  if (using) return 'closed';
  // `process.exit()` closes every socket: a process that ends itself explicitly does not hang on the client.
  if (owner.kind !== 'class' && owner.kind !== 'test-lifecycle') {
    const onSuccess = exits.onSuccess || entry?.onSuccess === true;
    if (exits.always || (entry?.onSuccess && entry.onFailure)) return 'closed';
    if (entry?.onFailure && (onSuccess || facts.closedOnSuccess)) return 'closed';
    if (owner.kind === 'module' && closes.length === 0 && onSuccess) return 'closed';
  }
  switch (owner.kind) {
    case 'class':
      return 'handed-on';
    case 'function': {
      if (closes.some((close) => close.guarantee !== 'some-paths')) return 'closed';
      // A function that closes the client itself owns it, even if it lends it to a call on the way.
      if (handOffs.some((handOff) => handOff.kind !== 'passed')) return 'handed-on';
      if (closes.length > 0) return 'closed-on-some-paths';
      return handOffs.length > 0 ? 'handed-on' : 'not-closed';
    }
    case 'module': {
      if (closes.length > 0) return 'closed';
      if (handOffs.some((handOff) => handOff.kind !== 'captured')) return 'handed-on';
      // A script whose client serves routes or listeners is a long-running process, not a one-off.
      if (analysis.facts.role !== 'application' && handOffs.length > 0) return 'handed-on';
      return 'not-closed';
    }
    case 'test-lifecycle': {
      const contexts = analysis.contexts;
      const closed = closes.some((close) => {
        // A test-support module's exported teardown (`export function disconnect()`) is the tests' to call from their hooks.
        if (close.hook === 'an exported function') return true;
        const context = contexts.contextAt(close.call);
        if (context.kind !== 'test') return false;
        if (owner.setupHook === 'beforeEach') return context.testPhase === 'teardown' && context.label === 'afterEach';
        return context.testPhase === 'teardown' || context.testPhase === 'test';
      });
      if (closed) return 'closed';
      const setupHandOff = handOffs.some((handOff) => {
        if (handOff.kind === 'captured' && !handOff.inner) return false;
        const phase = contexts.contextAt(handOff.node).testPhase;
        return phase === 'module' || phase === 'setup';
      });
      return setupHandOff ? 'handed-on' : 'not-closed';
    }
  }
}

/** A test runner's global setup or teardown file (`global-setup.ts`, `globalTeardown.js`): run by the runner, outside any test file. */
export const GLOBAL_SETUP_FILE = /(^|[/\\])global[-_.]?(setup|teardown)[^/\\]*$/i;

/** Whether the file calls a test runner at all (`describe(`, `it(`, `test.describe(`, hooks): a file of a test folder that does not is a script (a seed, a fixture builder). */
const TEST_RUNNER_CALL = /\b(?:describe|it|test|beforeAll|beforeEach|afterAll|afterEach|before|after|suite)\s*(?:\.\s*\w+\s*)?\(/;

function classifyOwner(analysis: FileAnalysis, ownerFn: FunctionNode | null, setupHook: string | null): Owner {
  if (analysis.facts.role === 'test' && (TEST_RUNNER_CALL.test(analysis.sourceCode.text) || GLOBAL_SETUP_FILE.test(analysis.facts.path))) {
    if (ownerFn === null) return { kind: 'test-lifecycle', setupHook, suite: null };
    const call = callOfCallback(ownerFn);
    const name = call ? calleeName(call) : null;
    if (name !== null && SUITE_BLOCKS.has(name)) return { kind: 'test-lifecycle', setupHook, suite: name };
  }
  return ownerFn ? { kind: 'function', fn: ownerFn } : { kind: 'module' };
}

/** Gathers the close calls and hand-offs of every use, placed where its code runs relative to `boundary`. */
function collectFacts(analysis: FileAnalysis, flow: ValueFlow, boundary: TSESTree.Node, creation: ClientCreation): Facts {
  const { sourceCode } = analysis;
  const facts = emptyFacts();
  const closeNames = new Set(closeMethodNames);
  if (creation.entry.close) closeNames.add(creation.entry.close);
  const partial: { site: CloseSite | null; key: TSESTree.Node; side: 'success' | 'failure' }[] = [];
  const pendingReturns = new Set<TSESTree.ReturnStatement>();

  for (const use of flow.uses.map((first) => throughSelfReturning(sourceCode, first, creation))) {
    const isClose = use.kind === 'method' && closeNames.has(use.name);
    for (const placement of placementsOf(sourceCode, use.node, boundary)) {
      const later = placement.steps.find((step) => step.kind === 'later');
      if (placement.steps.some((step) => !step.settled)) facts.settled = false;
      if (isClose && use.kind === 'method') {
        const site: CloseSite = { call: use.call, method: use.name, guarantee: 'some-paths', hook: later?.kind === 'later' ? later.label : null };
        facts.closes.push(site);
        const outcome = later ? null : closeOutcome(placement, boundary);
        if (later) site.guarantee = 'hook';
        else if (isFixtureTeardown(use.call, placement, boundary)) {
          site.guarantee = 'hook';
          site.hook = 'a fixture teardown';
        } else if (outcome?.kind === 'sure') site.guarantee = outcome.guarantee;
        else if (outcome?.kind === 'partial') partial.push({ site, key: outcome.key, side: outcome.side });
        if (!later && (outcome === null || (outcome.kind === 'partial' && outcome.side === 'success')) && runsOnSuccess(use.call, placement, boundary)) {
          facts.closedOnSuccess = true;
        }
        continue;
      }
      const handOff = use.kind === 'passed' && isLent(analysis, use, closeNames) ? null : (handOffKind(sourceCode, use) ?? boundResultHandOff(sourceCode, use, creation));
      if (use.kind === 'method' && subscribes(use.call, use.name)) {
        // `queueEvents.on('completed', onDone)`: its owner keeps the client for its listeners, like one a route captures.
        facts.handOffs.push({ kind: 'captured', node: use.node, inner: null });
        continue;
      }
      if (later) {
        facts.handOffs.push({ kind: 'captured', node: use.node, inner: handOff });
        continue;
      }
      if (handOff) facts.handOffs.push({ kind: handOff, node: use.node });
      if (use.kind === 'method' && !isSettled(use.call) && isPromiseChained(use.call)) facts.settled = false;
      const pending = pendingReturn(placement.at, boundary);
      if (pending) pendingReturns.add(pending);
    }
  }
  for (const exit of exitCalls(sourceCode)) {
    if (!isInside(exit, boundary)) continue;
    for (const placement of placementsOf(sourceCode, exit, boundary)) {
      if (placement.steps.some((step) => step.kind === 'later') || !runsOnSuccess(exit, placement, boundary, true)) continue;
      const outcome = closeOutcome(placement, boundary);
      if (outcome?.kind === 'sure') facts.exits.always = true;
      else if (outcome?.kind === 'partial') partial.push({ site: null, key: outcome.key, side: outcome.side });
      if (outcome === null || (outcome.kind === 'partial' && outcome.side === 'success')) facts.exits.onSuccess = true;
    }
  }
  for (const entry of partial) {
    const bothSides = partial.some((other) => other.key === entry.key && other.side !== entry.side);
    if (!bothSides) continue;
    if (entry.site) entry.site.guarantee = 'both-paths';
    else facts.exits.always ||= partial.some((other) => other.key === entry.key && other.side !== entry.side && !other.site);
  }
  facts.pendingReturns = [...pendingReturns];
  return facts;
}

/**
 * `client.on('error', f)` used as a value is the client: its own use is what counts
 * (`return client.on(...)` returns the client, `client.on(...).quit()` closes it).
 */
function throughSelfReturning(sourceCode: SourceCode, use: ValueUse, creation: ClientCreation): ValueUse {
  let current = use;
  while (current.kind === 'method' && returnsClient(creation, current.name)) {
    const flow = valueFlow(sourceCode, current.call);
    if (flow.binding) return { kind: 'aliased', node: current.call };
    const next = flow.uses[0];
    if (!next || next.kind === 'other') return current;
    current = next;
  }
  return current;
}

/** Events every client emits about itself; a listener on one says nothing about how long the client should live. */
const LIFECYCLE_EVENTS = new Set([
  'error', 'end', 'close', 'connect', 'connected', 'connection', 'ready', 'reconnecting', 'reconnect', 'disconnect', 'disconnected',
  'warning', 'drain', 'timeout', 'finish', 'exit', 'wait', 'idle', 'acquire', 'release', 'remove',
]);

/** A listener for what the client delivers (`sub.on('message', f)`, `queueEvents.on('completed', f)`), not for its own lifecycle. */
function subscribes(call: TSESTree.CallExpression, method: string): boolean {
  if (!LISTENER_METHODS.has(method)) return false;
  const [event] = call.arguments;
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && !LIFECYCLE_EVENTS.has(event.value);
}

/**
 * A client lent to a function that only uses it (`await migrate(pool)`, where `migrate` only
 * queries), declared in this file or imported from another file of the project: no hand-off, the
 * caller still closes it.
 */
function isLent(analysis: FileAnalysis, use: Extract<ValueUse, { kind: 'passed' }>, closeNames: ReadonlySet<string>): boolean {
  const index = use.call.arguments.indexOf(valueSlot(use.node) as TSESTree.CallExpressionArgument);
  if (index < 0) return false;
  const called = calledFunction(analysis.sourceCode, use.call);
  if (!called) return false;
  if (called.kind === 'local') return borrowsParameter(analysis.sourceCode, called.fn, index, closeNames);
  return borrowsAcrossFiles(analysis, called.specifier, called.exportName, index, closeNames);
}

/** `return { users: db.define('user', ...) }`: the model handed out keeps the Sequelize instance it was defined on. */
function boundResultHandOff(sourceCode: SourceCode, use: ValueUse, creation: ClientCreation): HandOffKind | null {
  if (use.kind !== 'method' || !creation.entry.boundResults?.includes(use.name)) return null;
  const kinds = valueFlow(sourceCode, use.call, { throughAssignment: true }).uses.map((resultUse) => handOffKind(sourceCode, resultUse));
  return kinds.find((kind) => kind === 'returned' || kind === 'stored' || kind === 'exported') ?? null;
}

function handOffKind(sourceCode: SourceCode, use: ValueUse): HandOffKind | null {
  switch (use.kind) {
    case 'returned':
    case 'yielded':
      return 'returned';
    case 'stored':
      return 'stored';
    case 'aliased':
      return 'aliased';
    case 'exported':
      return 'exported';
    case 'passed':
      return isConsoleCall(sourceCode, use.call) ? null : 'passed';
    default:
      return null;
  }
}

function isConsoleCall(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const object = callee.object;
  return object.name === 'console' && (globalReferences(sourceCode).get('console') ?? []).includes(object);
}

// ---------------------------------------------------------------------------------------------
// Where code runs relative to the owner

/** One way the code at a node is reached from the owner's own body. */
type Step =
  | { kind: 'inline'; settled: boolean }
  | { kind: 'promise-finally'; settled: boolean }
  | { kind: 'promise-then'; side: 'success' | 'failure'; chain: TSESTree.Node; settled: boolean }
  | { kind: 'later'; label: string; settled: true };

interface Placement {
  /** The node in the owner's own body (outside any nested function) through which the code runs. */
  at: TSESTree.Node;
  /** The nested functions crossed on the way, innermost first. */
  steps: Step[];
}

/**
 * The places in the owner's body through which the code at `node` runs. A local function called
 * from two places gives two placements; one never referenced gives none.
 */
function placementsOf(sourceCode: SourceCode, node: TSESTree.Node, boundary: TSESTree.Node): Placement[] {
  return place(node, []);

  function place(current: TSESTree.Node, steps: Step[], seen: ReadonlySet<FunctionNode> = new Set()): Placement[] {
    const fn = enclosingFunctionBelow(current, boundary);
    if (!fn) return [{ at: current, steps }];
    if (seen.has(fn) || seen.size >= MAX_CALL_DEPTH) return [{ at: fn, steps: [...steps, later('a recursive call')] }];
    const nextSeen = new Set(seen).add(fn);
    const named = namedBinding(sourceCode, fn);
    if (!named) return fromSlot(fn, fn, steps, nextSeen);
    if (exportNames(sourceCode, fn).length > 0) return [{ at: fn, steps: [...steps, later('an exported function')] }];
    return named.references
      .filter((reference) => reference.isRead() && !isInside(reference.identifier, fn))
      .flatMap((reference) => fromSlot(reference.identifier, fn, steps, nextSeen));
  }

  function fromSlot(slot: TSESTree.Node, fn: FunctionNode, steps: Step[], seen: ReadonlySet<FunctionNode>): Placement[] {
    const { step, position } = invocation(slot, fn);
    if (step.kind === 'later') return [{ at: position, steps: [...steps, step] }];
    return place(position, [...steps, step], seen);
  }
}

function later(label: string): Step {
  return { kind: 'later', label, settled: true };
}

/** How the function at `slot` (the function itself, or a reference to it) is run. */
function invocation(slot: TSESTree.Node, fn: FunctionNode): { step: Step; position: TSESTree.Node } {
  const value = valueSlot(slot);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
    return { step: later(`${memberLabel(parent)}()`), position: parent };
  }
  if (!parent || !isCallLike(parent)) return { step: later('a stored callback'), position: value };
  if (parent.callee === value) return { step: { kind: 'inline', settled: !fn.async || isSettled(parent) }, position: parent };

  const index = parent.arguments.indexOf(value as TSESTree.CallExpressionArgument);
  if (parent.type === AST_NODE_TYPES.NewExpression && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Promise') {
    return { step: { kind: 'inline', settled: isSettled(parent) }, position: parent };
  }
  const name = calleeName(parent);
  if (parent.callee.type === AST_NODE_TYPES.MemberExpression && name !== null) {
    if (name === 'finally' || name === 'then' || name === 'catch') {
      const chain = promiseChainRoot(parent);
      const settled = isSettled(chain);
      if (name === 'finally') return { step: { kind: 'promise-finally', settled }, position: chain };
      if (name === 'then' && index > 1) return { step: later('a .then() callback'), position: parent };
      const side = name === 'then' && index === 0 ? 'success' : 'failure';
      return { step: { kind: 'promise-then', side, chain, settled }, position: chain };
    }
    if (iterationMethods.has(name) && index === 0) {
      return { step: { kind: 'inline', settled: !fn.async || isSettled(parent) }, position: parent };
    }
  }
  const hook = hookLabel(parent, name);
  if (hook) return { step: later(hook), position: parent };
  if (isSettled(parent)) return { step: { kind: 'inline', settled: true }, position: parent };
  return { step: later(`a ${name ?? 'function'}() callback`), position: parent };
}

/** Lifecycle registrations a close inside is run by: shutdown hooks, `'close'` listeners, teardown hooks. */
function hookLabel(call: TSESTree.CallExpression | TSESTree.NewExpression, name: string | null): string | null {
  if (name === null) return null;
  const first = call.arguments[0];
  const event = first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : null;
  if (LISTENER_METHODS.has(name) && event !== null && SHUTDOWN_EVENTS.has(event)) return `${name}('${event}')`;
  if (name === 'addHook' && event !== null && SHUTDOWN_HOOKS.has(event)) return `addHook('${event}')`;
  if (testTeardownHooks.has(name)) return name;
  return null;
}

function memberLabel(method: TSESTree.MethodDefinition): string {
  return method.key.type === AST_NODE_TYPES.Identifier && !method.computed ? method.key.name : 'method';
}

/** Whether a close at this owner-level placement runs on success, on failure, or always. */
function closeOutcome(
  placement: Placement,
  boundary: TSESTree.Node,
): { kind: 'sure'; guarantee: CloseGuarantee } | { kind: 'partial'; key: TSESTree.Node; side: 'success' | 'failure' } | null {
  const then = placement.steps.find((step) => step.kind === 'promise-then');
  if (then?.kind === 'promise-then') return { kind: 'partial', key: then.chain, side: then.side };
  if (placement.steps.some((step) => step.kind === 'promise-finally')) return { kind: 'sure', guarantee: 'promise-finally' };
  let tryPart: { key: TSESTree.Node; side: 'success' | 'failure' } | null = null;
  let child: TSESTree.Node = placement.at;
  for (let parent = child.parent; parent && parent !== boundary; child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.TryStatement) continue;
    if (child === parent.finalizer) return { kind: 'sure', guarantee: 'finally' };
    if (!tryPart && child === parent.block) tryPart = { key: parent, side: 'success' };
    if (!tryPart && child === parent.handler) tryPart = { key: parent, side: 'failure' };
  }
  return tryPart ? { kind: 'partial', ...tryPart } : null;
}

/** The `return` whose value uses the client at `at` without awaiting it first. */
function pendingReturn(at: TSESTree.Node, boundary: TSESTree.Node): TSESTree.ReturnStatement | null {
  let awaited = false;
  for (let node: TSESTree.Node | undefined = at; node && node !== boundary; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ReturnStatement) return awaited ? null : node;
    if (node.type === AST_NODE_TYPES.AwaitExpression) awaited = true;
    else if (node.type.endsWith('Statement') || node.type.endsWith('Declaration')) return null;
  }
  return null;
}

/** The value of `node` is waited for before the function goes on: awaited, returned, or chained into something that is. */
export function isSettled(node: TSESTree.Node): boolean {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (isFunction(parent)) return parent.body === current;
    if (isValueWrapper(parent) || parent.type === AST_NODE_TYPES.ArrayExpression) current = parent;
    else if (isPromiseMember(parent, current)) current = parent.parent;
    else if (
      parent.type === AST_NODE_TYPES.CallExpression &&
      isPromiseCombinator(parent) &&
      parent.arguments.includes(current as TSESTree.CallExpressionArgument)
    ) {
      current = parent;
    } else {
      return false;
    }
  }
}

/** `current.then(...)`: `parent` is the member and its parent the call. */
function isPromiseMember(parent: TSESTree.Node, current: TSESTree.Node): parent is TSESTree.MemberExpression & { parent: TSESTree.CallExpression } {
  return (
    parent.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === current &&
    PROMISE_METHODS.has(memberName(parent) ?? '') &&
    parent.parent.type === AST_NODE_TYPES.CallExpression &&
    parent.parent.callee === parent
  );
}

function isPromiseChained(call: TSESTree.Node): boolean {
  const slot = valueSlot(call);
  return slot.parent !== undefined && isPromiseMember(slot.parent, slot);
}

function isPromiseCombinator(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    PROMISE_COMBINATORS.has(memberName(callee) ?? '')
  );
}

/** The outermost call of a `.then().catch().finally()` chain that `call` is part of. */
function promiseChainRoot(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node {
  let current: TSESTree.Node = call;
  while (current.parent && isPromiseMember(current.parent, current)) current = current.parent.parent;
  return current;
}

/**
 * A close after `await use(client)` in a test fixture (`test.extend({ db: async ({}, use) => {...} })`,
 * Playwright and Vitest): the runner resumes the fixture after the test whether it passed or failed,
 * so the code after `use()` is its teardown and always runs once setup succeeded.
 */
function isFixtureTeardown(close: TSESTree.Node, placement: Placement, boundary: TSESTree.Node): boolean {
  if (!isFunction(boundary) || boundary.body.type !== AST_NODE_TYPES.BlockStatement || placement.steps.length > 0) return false;
  const use = boundary.params[1];
  const property = valueSlot(boundary).parent;
  const object = property?.parent;
  const call = object?.parent;
  if (
    use?.type !== AST_NODE_TYPES.Identifier ||
    property?.type !== AST_NODE_TYPES.Property ||
    object?.type !== AST_NODE_TYPES.ObjectExpression ||
    call?.type !== AST_NODE_TYPES.CallExpression ||
    !call.arguments.includes(object) ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    memberName(call.callee) !== 'extend'
  ) {
    return false;
  }
  const body = boundary.body.body;
  const index = body.findIndex((statement) => isInside(close, statement));
  if (index < 0 || !unconditional(close, body[index]!.parent, true)) return false;
  return body.slice(0, index).some((statement) => {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AwaitExpression) return false;
    const awaited = statement.expression.argument;
    return awaited.type === AST_NODE_TYPES.CallExpression && awaited.callee.type === AST_NODE_TYPES.Identifier && awaited.callee.name === use.name;
  });
}

// ---------------------------------------------------------------------------------------------
// Ending the process

/** `process.exit(...)` calls on the global `process`. */
function exitCalls(sourceCode: SourceCode): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of globalReferences(sourceCode).get('process') ?? []) {
    const member = reference.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference || memberName(member) !== 'exit') continue;
    if (member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) calls.push(member.parent);
  }
  return calls;
}

/** `process.exit` itself, passed as a callback: `.finally(process.exit)`. */
function isExitReference(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    memberName(node) === 'exit' &&
    (globalReferences(sourceCode).get('process') ?? []).includes(node.object)
  );
}

/**
 * Whether the code at `node` runs whenever the code around it runs without throwing: no `if`,
 * `?:`, `&&`/`||`, loop or `switch` on the way from its own function (and from `placement.at` up to
 * `boundary`). With `outsideCatch`, a `catch` block on the way inside a nested function also
 * disqualifies it (the owner's own `try` is weighed by `closeOutcome`).
 */
function runsOnSuccess(node: TSESTree.Node, placement: Placement, boundary: TSESTree.Node, outsideCatch = false): boolean {
  const own = placement.at === node ? null : enclosingFunctionBelow(node, boundary);
  return unconditional(node, own ?? boundary, outsideCatch && own !== null) && (own === null || unconditional(placement.at, boundary, false));
}

function unconditional(node: TSESTree.Node, stop: TSESTree.Node, rejectCatch: boolean): boolean {
  let child = node;
  for (let parent = node.parent; parent && parent !== stop; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test !== child) return false;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.right === child) return false;
        break;
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return false;
      case AST_NODE_TYPES.CatchClause:
        if (rejectCatch) return false;
        break;
      default:
        if (isFunction(parent)) return false;
    }
  }
  return true;
}

/**
 * For a function that is only ever run as the script's entry, `main().catch(() => process.exit(1))`
 * or `main().finally(process.exit)` at module scope: the paths on which its caller ends the process.
 */
function entryExits(sourceCode: SourceCode, fn: FunctionNode, depth = 0): Facts['entry'] {
  const calls: TSESTree.CallExpression[] = [];
  const slot = valueSlot(fn);
  if (slot.parent?.type === AST_NODE_TYPES.CallExpression && slot.parent.callee === slot) {
    calls.push(slot.parent);
  } else {
    const named = namedBinding(sourceCode, fn);
    if (!named || exportNames(sourceCode, fn).length > 0) return null;
    for (const reference of named.references) {
      if (!reference.isRead() || isInside(reference.identifier, fn)) continue;
      const call = reference.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return null;
      calls.push(call);
    }
  }
  if (calls.length === 0) return null;
  const outcomes: { onSuccess: boolean; onFailure: boolean }[] = [];
  for (const call of calls) {
    const caller = innermostFunction(call);
    if (caller === null) {
      outcomes.push(chainExits(sourceCode, call));
      continue;
    }
    const outcome = callerExits(sourceCode, caller, call, depth);
    if (!outcome) return null;
    outcomes.push(outcome);
  }
  return { onSuccess: outcomes.every((outcome) => outcome.onSuccess), onFailure: outcomes.every((outcome) => outcome.onFailure) };
}

/**
 * How the process ends around a call made inside another function that awaits it: a
 * `process.exit()` later in that function on its success path (`await Promise.all(queues.map(...
 * workerFun ...)); ...; process.exit(0)`), or whatever ends the process around that function's
 * own callers (a failure that is not caught there travels up). `null` when the call is not
 * awaited, is caught, or the chain is longer than a few functions.
 */
function callerExits(sourceCode: SourceCode, caller: FunctionNode, call: TSESTree.CallExpression, depth: number): { onSuccess: boolean; onFailure: boolean } | null {
  if (depth >= 2 || !isAwaitedIn(sourceCode, call, caller) || isInsideTry(call, caller)) return null;
  const outer = entryExits(sourceCode, caller, depth + 1);
  if (!outer) return null;
  const exitsAfter = exitCalls(sourceCode).some((exit) => exit.range[0] > call.range[1] && innermostFunction(exit) === caller && unconditional(exit, caller, true));
  return { onSuccess: outer.onSuccess || exitsAfter, onFailure: outer.onFailure };
}

/** `await f()`, `await Promise.all([f(), ...])`, or a `const` holding `f()` awaited so, unconditionally in `caller`'s body. */
function isAwaitedIn(sourceCode: SourceCode, call: TSESTree.CallExpression, caller: FunctionNode): boolean {
  let slot = belowAwait(call);
  // `cond ? workerFun(q) : skip()`: the branch's value is the expression's.
  while (slot.parent?.type === AST_NODE_TYPES.ConditionalExpression && slot.parent.test !== slot) slot = belowAwait(slot.parent);
  const declarator = slot.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === slot && declarator.id.type === AST_NODE_TYPES.Identifier) {
    // `const running = workerFun(q); ...; await Promise.all([running, other])`.
    const [variable] = sourceCode.scopeManager?.getDeclaredVariables(declarator) ?? [];
    return (variable?.references ?? []).some((reference) => reference.isRead() && isAwaitedValue(reference.identifier as TSESTree.Node, caller));
  }
  return isAwaitedValue(slot, caller);
}

/** `node` through type assertions, not through an `await` around it. */
function belowAwait(node: TSESTree.Node): TSESTree.Node {
  let slot = node;
  while (slot.parent && isValueWrapper(slot.parent) && slot.parent.type !== AST_NODE_TYPES.AwaitExpression) slot = slot.parent;
  return slot;
}

/** The value at `slot` is awaited, alone or in a `Promise.all([...])`, unconditionally in `caller`. */
function isAwaitedValue(slot: TSESTree.Node, caller: FunctionNode): boolean {
  let current = belowAwait(slot);
  if (current.parent?.type === AST_NODE_TYPES.ArrayExpression) {
    const combinator = current.parent.parent;
    if (combinator?.type !== AST_NODE_TYPES.CallExpression || !isPromiseCombinator(combinator)) return false;
    current = belowAwait(combinator);
  }
  const awaited = current.parent;
  return awaited?.type === AST_NODE_TYPES.AwaitExpression && innermostFunction(awaited) === caller && unconditional(awaited, caller, true);
}

function isInsideTry(node: TSESTree.Node, stop: TSESTree.Node): boolean {
  for (let child = node, parent = node.parent; parent && parent !== stop; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child) return true;
  }
  return false;
}

function chainExits(sourceCode: SourceCode, call: TSESTree.CallExpression): { onSuccess: boolean; onFailure: boolean } {
  const outcome = { onSuccess: false, onFailure: false };
  let handled = false;
  let current: TSESTree.Node = valueSlot(call);
  while (current.parent && isPromiseMember(current.parent, current)) {
    const link = current.parent.parent;
    const [first, second] = link.arguments;
    switch (memberName(current.parent)) {
      case 'finally':
        if (first && endsProcess(sourceCode, first)) outcome.onSuccess = outcome.onFailure = true;
        break;
      case 'then':
        if (first && endsProcess(sourceCode, first)) outcome.onSuccess = true;
        if (second && endsProcess(sourceCode, second)) outcome.onFailure = true;
        handled ||= second !== undefined;
        break;
      case 'catch':
        if (first && endsProcess(sourceCode, first)) outcome.onFailure = true;
        handled = true;
        break;
    }
    current = valueSlot(link);
  }
  // `main();` or `await main();` with nothing to catch its error: it ends the process (an uncaught
  // exception, or an unhandled rejection since Node 15), unless the file listens for those.
  if (!handled && isDiscardedStatement(current) && !/\b(?:unhandledRejection|uncaughtException)\b/.test(sourceCode.text)) outcome.onFailure = true;
  return outcome;
}

/** An expression statement's whole expression, or `void` of one. */
function isDiscardedStatement(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return parent.parent?.type === AST_NODE_TYPES.ExpressionStatement;
  return parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/** A callback that always ends the process: `process.exit`, `() => process.exit(0)`, `(e) => { log(e); process.exit(1); }`. */
function endsProcess(sourceCode: SourceCode, callback: TSESTree.Node): boolean {
  if (isExitReference(sourceCode, callback)) return true;
  if (!isFunction(callback)) return false;
  return exitCalls(sourceCode).some((exit) => isInside(exit, callback) && unconditional(exit, callback, true));
}

// ---------------------------------------------------------------------------------------------
// Structure helpers

/**
 * The creation's value through `cond ? new A() : new B()`, `x ?? new A()`, and calls that return
 * the client itself: `createClient(url).on('error', f)`, `await createClient(url).connect()`.
 */
function carrier(node: TSESTree.Node, creation: ClientCreation): TSESTree.Node {
  let current = valueSlot(node);
  for (;;) {
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) current = valueSlot(parent);
    else if (parent?.type === AST_NODE_TYPES.LogicalExpression) current = valueSlot(parent);
    else {
      const call = selfReturningCall(current, creation);
      if (!call) return current;
      current = valueSlot(call);
    }
  }
}

/**
 * EventEmitter methods that return the emitter (`emitter.on(...) === emitter`). kafkajs
 * instrumentation `on()` returns a function that removes the listener instead.
 */
const EMITTER_SELF_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'off', 'removeListener', 'removeAllListeners', 'setMaxListeners']);
const EMITTER_EXCEPTIONS = new Set(['kafkajs']);
/** Methods documented to resolve to the client itself (or a view of it that closes with it), per module. */
const SELF_RESOLVING_METHODS: Readonly<Record<string, ReadonlySet<string>>> = {
  redis: new Set(['connect']),
  '@redis/client': new Set(['connect']),
  mongodb: new Set(['connect']),
  mssql: new Set(['connect']),
  typeorm: new Set(['initialize']),
  mongoose: new Set(['asPromise']),
  // An extended Prisma client and a composed undici dispatcher share the original's connections.
  '@prisma/client': new Set(['$extends']),
  '@prisma/client/edge': new Set(['$extends']),
  undici: new Set(['compose']),
};

/** Whether `client.method()` returns (or resolves to) the client itself. */
export function returnsClient(creation: ClientCreation, method: string): boolean {
  const module = creation.entry.module;
  if (EMITTER_SELF_METHODS.has(method)) return !EMITTER_EXCEPTIONS.has(module);
  return SELF_RESOLVING_METHODS[module]?.has(method) ?? false;
}

/** `value.on(...)` when `value` is the client and the method returns it. */
function selfReturningCall(value: TSESTree.Node, creation: ClientCreation): TSESTree.CallExpression | null {
  const member = value.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value || member.optional) return null;
  const call = member.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return null;
  const name = memberName(member);
  return name !== null && returnsClient(creation, name) ? call : null;
}

/** The function the code at `node` belongs to, `null` for module scope, `'class'` for class fields and static blocks. */
function enclosingHome(node: TSESTree.Node): FunctionNode | null | 'class' {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return parent;
    if (parent.type === AST_NODE_TYPES.PropertyDefinition && child === parent.value) return 'class';
    if (parent.type === AST_NODE_TYPES.StaticBlock) return 'class';
  }
  return null;
}

function enclosingFunctionBelow(node: TSESTree.Node, boundary: TSESTree.Node): FunctionNode | null {
  for (let parent = node.parent; parent && parent !== boundary; parent = parent.parent) {
    if (isFunction(parent)) return parent;
  }
  return null;
}

/** The function whose scope declares `variable` (`null` for module and global scope). */
function declaringFunction(variable: Variable): FunctionNode | null {
  for (let node: TSESTree.Node | undefined = variable.scope.block as TSESTree.Node; node; node = node.parent) {
    if (isFunction(node)) return node;
  }
  return null;
}

/** `export let client;`, assigned later. */
function isExportedBinding(variable: Variable | null): boolean {
  return (variable?.defs ?? []).some((definition) => definition.node.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration);
}

/** The variable a named function is bound to: `function f() {}`, `const f = () => {}`. */
function namedBinding(sourceCode: SourceCode, fn: FunctionNode): Variable | null {
  const value = valueSlot(fn);
  const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : value.parent;
  if (!holder) return null;
  if (holder.type === AST_NODE_TYPES.FunctionDeclaration && holder.id) {
    return sourceCode.scopeManager?.getDeclaredVariables(holder).find((variable) => variable.name === holder.id?.name) ?? null;
  }
  if (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value && holder.id.type === AST_NODE_TYPES.Identifier) {
    const name = holder.id.name;
    return sourceCode.scopeManager?.getDeclaredVariables(holder).find((variable) => variable.name === name) ?? null;
  }
  return null;
}

/** The call a function is passed to directly: `beforeAll(fn)`, `describe('x', fn)`. */
function callOfCallback(fn: FunctionNode): TSESTree.CallExpression | TSESTree.NewExpression | null {
  const value = valueSlot(fn);
  const parent = value.parent;
  return parent && isCallLike(parent) && parent.callee !== value ? parent : null;
}

/** `beforeAll`/`beforeEach`/`before` when `fn` is the callback of that hook. */
function setupHookOf(fn: FunctionNode): string | null {
  const call = callOfCallback(fn);
  const name = call ? calleeName(call) : null;
  return name !== null && testSetupHooks.has(name) ? name : null;
}

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
