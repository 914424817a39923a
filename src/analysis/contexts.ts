import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { startupFunctionNames } from '../catalog/frameworks.js';
import { type FunctionNode, forEachChild, isCallLike, isFunction, isRepeatedPartOfLoop, isLoop, isValueWrapper, memberName, propertyName } from './ast.js';
import { exportNames } from './exports.js';
import { type FunctionRole, type RoleEnvironment, functionRole, positionRole } from './function-roles.js';
import { isDevelopmentOnly } from './development-only.js';
import { isInOnceRegion } from './once-guards.js';

/**
 * How often code at a given place runs:
 * - `request`: once per request, job, message or timer tick (a handler, or reachable from one);
 * - `startup`: once per process (module scope, main(), constructors of long-lived services, plugins);
 * - `once`: behind a once-guard or keyed cache, or in code production never runs (`if (NODE_ENV !== 'production')`);
 * - `offload`: on a worker thread; `edge`: an edge runtime handler;
 * - `test`: test file code, with its phase;
 * - `unknown`: a function whose callers the file does not show (exported, never called here).
 */
export type ContextKind = 'request' | 'startup' | 'once' | 'offload' | 'edge' | 'test' | 'unknown';

export interface ExecutionContext {
  kind: ContextKind;
  /** What decided the context, for messages: `route handler`, `module scope`, `main()`. */
  label: string;
  /** The innermost loop or iteration callback that repeats the code within its context. */
  loop: TSESTree.Node | null;
  /**
   * `request` code that a timer or scheduler runs (`setInterval`, a cron job) and no request does:
   * it repeats at a rate of its own, which does not grow with traffic.
   */
  scheduled?: true;
  /** Calls between the code and the place that decided, innermost first: `load()`, `new Repo()`. */
  via: readonly string[];
  /** The phase of a test file the code runs in. */
  testPhase?: 'module' | 'setup' | 'teardown' | 'test';
  /**
   * For `unknown` code in a synchronous function: the async function of the file whose work it
   * runs in (`export async function build() { load() }` for the code of `load()`), with the calls
   * between, innermost first (`load()`). Such code blocks the loop as much as the async function's own.
   */
  asyncCaller?: { name: string; via: readonly string[] };
  /**
   * `startup` only by assumption: instance code of a class the file never instantiates (a
   * long-lived service, unless another file instantiates it per request).
   */
  assumed?: true;
  /** Decided by other files of the project: their call sites, nearest first, the last one deciding. */
  across?: readonly { place: string; label: string; sameFile?: boolean }[];
}

/**
 * Why the code at `node` does not repeat per request where requests are served, within its
 * function: it fills a cache once (`'once-guard'`), or production never runs it
 * (`'development-only code'`); `null` when neither.
 */
export function rareRegionAt(sourceCode: RoleEnvironment['sourceCode'], node: TSESTree.Node): 'once-guard' | 'development-only code' | null {
  if (isInOnceRegion(sourceCode, node)) return 'once-guard';
  if (isDevelopmentOnly(sourceCode, node)) return 'development-only code';
  return null;
}

/**
 * Code contexts of one file, memoized per function and class.
 *
 * A function's context comes from its callers', so recursion (`f` calls `g` calls `f`) meets a
 * function whose context is still being worked out; that call site counts as `unknown`. A result
 * computed under such a stand-in is provisional: it holds until the function it stood in for is
 * done, and only then can it be known for good. Caching it for good would make a function's
 * context depend on which function was asked about first.
 */
export class ContextAnalysis {
  private readonly functionContexts = new Map<TSESTree.Node, ExecutionContext>();
  private readonly classContexts = new Map<TSESTree.Node, ExecutionContext>();
  /** Functions and classes being worked out, outermost first, with their depth. */
  private readonly inProgress = new Map<TSESTree.Node, number>();
  /** The outermost depth the frame being worked out has leaned on a stand-in for. */
  private leanedOn = Number.POSITIVE_INFINITY;
  /** Provisional results, by the depth of the frame they leaned on; dropped when that frame is done. */
  private readonly provisional = new Map<TSESTree.Node, { context: ExecutionContext; leanedOn: number }>();
  private readonly provisionalByDepth: TSESTree.Node[][] = [];
  private readonly thisMemberSites = new Map<TSESTree.Node, Map<string, TSESTree.MemberExpression[]>>();

  constructor(private readonly env: RoleEnvironment) {}

  /** The context in which the code at `node` runs. */
  contextAt(node: TSESTree.Node): ExecutionContext {
    const rare = rareRegionAt(this.env.sourceCode, node);
    if (rare) return { kind: 'once', label: rare, loop: null, via: [] };
    return this.contextOutsideOnceGuards(node);
  }

  /**
   * The context of the code at `node` if no once-guard were around it: `contextAt` without its
   * first question. For a rule that is quiet in `once` code and in most other contexts, asking
   * `rareRegionAt` only about the code this returns a repeating context for saves a walk per call.
   */
  contextOutsideOnceGuards(node: TSESTree.Node): ExecutionContext {
    let loop: TSESTree.Node | null = null;
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (isLoop(parent) && isRepeatedPartOfLoop(parent, child)) loop ??= parent;
      if (isFunction(parent)) return withLoop(this.functionContext(parent), loop);
      if (parent.type === AST_NODE_TYPES.PropertyDefinition && child === parent.value) {
        const classNode = parent.parent.parent;
        return withLoop(parent.static ? startup('static field') : this.instanceContext(classNode), loop);
      }
      if (parent.type === AST_NODE_TYPES.StaticBlock) return withLoop(startup('static block'), loop);
    }
    return withLoop(this.moduleContext(), loop);
  }

  /** Why `fn` runs: its own role (a handler, a callback run inline or per element, a named function...). */
  roleOf(fn: FunctionNode): FunctionRole {
    return functionRole(this.env, fn);
  }

  /** The context in which the body of `fn` runs. */
  functionContext(fn: FunctionNode): ExecutionContext {
    return this.memoized(this.functionContexts, fn, unknown('recursive function'), () =>
      this.contextFromRole(functionRole(this.env, fn), fn, fn),
    );
  }

  /**
   * `compute()` once per node; `standIn` when the node is already being worked out further up
   * (recursion). Results that leaned on a stand-in stay provisional (see the class comment).
   */
  private memoized(
    cache: Map<TSESTree.Node, ExecutionContext>,
    node: TSESTree.Node,
    standIn: ExecutionContext,
    compute: () => ExecutionContext,
  ): ExecutionContext {
    const cached = cache.get(node);
    if (cached) return cached;
    const provisional = this.provisional.get(node);
    if (provisional) {
      this.leanedOn = Math.min(this.leanedOn, provisional.leanedOn);
      return provisional.context;
    }
    const depthInProgress = this.inProgress.get(node);
    if (depthInProgress !== undefined) {
      this.leanedOn = Math.min(this.leanedOn, depthInProgress);
      return standIn;
    }
    const depth = this.inProgress.size;
    const outerLeanedOn = this.leanedOn;
    this.inProgress.set(node, depth);
    this.leanedOn = Number.POSITIVE_INFINITY;
    try {
      const context = compute();
      if (this.leanedOn < depth) {
        this.provisional.set(node, { context, leanedOn: this.leanedOn });
        (this.provisionalByDepth[this.leanedOn] ??= []).push(node);
      } else {
        cache.set(node, context);
      }
      return context;
    } finally {
      this.inProgress.delete(node);
      for (const dependent of this.provisionalByDepth[depth] ?? []) this.provisional.delete(dependent);
      this.provisionalByDepth.length = Math.min(this.provisionalByDepth.length, depth);
      this.leanedOn = Math.min(outerLeanedOn, this.leanedOn < depth ? this.leanedOn : Number.POSITIVE_INFINITY);
    }
  }

  private moduleContext(): ExecutionContext {
    if (this.env.facts.role === 'test') return { kind: 'test', label: 'test file', loop: null, via: [], testPhase: 'module' };
    return startup('module scope');
  }

  /** Turns a role of a function (placed at `slot`) into the context its body runs in. */
  private contextFromRole(role: FunctionRole, slot: TSESTree.Node, fn: FunctionNode): ExecutionContext {
    switch (role.kind) {
      case 'request':
        return role.scheduled ? { kind: 'request', label: role.label, loop: null, via: [], scheduled: true } : { kind: 'request', label: role.label, loop: null, via: [] };
      case 'startup':
      case 'offload':
      case 'edge':
      case 'once':
        return { kind: role.kind, label: role.label, loop: null, via: [] };
      case 'test-setup':
        return { kind: 'test', label: role.label, loop: null, via: [], testPhase: 'setup' };
      case 'test-teardown':
        return { kind: 'test', label: role.label, loop: null, via: [], testPhase: 'teardown' };
      case 'test-body':
        return { kind: 'test', label: role.label, loop: null, via: [], testPhase: 'test' };
      case 'iteration': {
        const outer = this.contextAt(enclosingCall(slot) ?? slot);
        return { ...outer, loop: fn };
      }
      case 'inline':
        return this.contextAt(enclosingCall(slot) ?? slot);
      case 'callable':
        return this.callersContext(fn);
      case 'instance':
        return this.instanceContext(classOf(fn));
    }
  }

  /** A named function runs where it is called from: any per-request caller makes it per-request. */
  private callersContext(fn: FunctionNode): ExecutionContext {
    const name = functionName(fn);
    const results: ExecutionContext[] = [];
    const via = (context: ExecutionContext): ExecutionContext => ({ ...context, via: [`${name}()`, ...context.via] });
    // Prefer a call chain that does not pass through the function itself (recursion), so the chain shown is the direct one.
    const direct = (context: ExecutionContext) => !context.via.includes(`${name}()`);
    let escapes = false;
    let asyncCaller: ExecutionContext['asyncCaller'];
    for (const site of this.callSites(fn)) {
      const context = this.siteContext(site, fn);
      // The first direct per-request caller decides, whatever the other callers are: no need to work them out.
      if (isPerRequest(context) && direct(context)) return via(context);
      if (context) results.push(context);
      else escapes = true;
      if (context?.kind === 'unknown' && !asyncCaller) asyncCaller = this.asyncCallerAt(site, context, name);
    }
    escapes ||= exportNames(this.env.sourceCode, fn).length > 0;
    const perRequest = results.find(isPerRequest);
    if (perRequest) return via(perRequest);
    for (const kind of ['request', 'edge', 'offload', 'test'] as const) {
      const found = results.find((context) => context.kind === kind && direct(context)) ?? results.find((context) => context.kind === kind);
      if (found) return via(found);
    }
    const calledOnlyOnce = results.length > 0 && !escapes && results.every((c) => c.kind === 'startup' || c.kind === 'once');
    if (calledOnlyOnce) {
      const repeated = results.find((context) => context.loop !== null);
      return via(repeated ?? results[0]!);
    }
    if (startupFunctionNames.has(name)) return startup(`${name}()`);
    const repeated = results.find((context) => context.loop !== null);
    const result: ExecutionContext = repeated ? via({ ...repeated, kind: 'unknown' }) : { kind: 'unknown', label: `${name}()`, loop: null, via: [] };
    if (fn.async) delete result.asyncCaller;
    else if (asyncCaller) result.asyncCaller = asyncCaller;
    return result;
  }

  /**
   * The async function whose work a call of the sync function `name` at `site` runs in: the
   * function around the site (through callbacks run inline or per element) when it is async, or
   * the one its own unknown context already names.
   */
  private asyncCallerAt(site: TSESTree.Node, context: ExecutionContext, name: string): ExecutionContext['asyncCaller'] {
    let owner = enclosingFunctionOf(site);
    while (owner && !owner.async) {
      const role = this.roleOf(owner).kind;
      if (role !== 'inline' && role !== 'iteration') break;
      owner = enclosingFunctionOf(owner);
    }
    if (owner?.async) return { name: functionName(owner), via: [`${name}()`] };
    return context.asyncCaller ? { name: context.asyncCaller.name, via: [`${name}()`, ...context.asyncCaller.via] } : undefined;
  }

  /** The context a reference to a function puts it in; `null` when the reference lets it escape. */
  private siteContext(site: TSESTree.Node, fn: FunctionNode): ExecutionContext | null {
    let slot = site;
    while (slot.parent && isValueWrapper(slot.parent)) slot = slot.parent;
    const parent = slot.parent;
    if (parent && isCallLike(parent) && parent.callee === slot) return this.contextAt(parent);
    if (parent?.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === slot) return this.contextAt(parent);
    const role = positionRole(this.env, site, fn);
    if (role && role.kind !== 'callable' && role.kind !== 'instance') return this.contextFromRole(role, site, fn);
    return null;
  }

  /** Places that call or pass `fn`: references of its binding, `this.method` uses, `object.method` uses. */
  private callSites(fn: FunctionNode): TSESTree.Node[] {
    const sourceCode = this.env.sourceCode;
    const holder = bindingHolder(fn);
    if (holder.type === AST_NODE_TYPES.MethodDefinition || holder.type === AST_NODE_TYPES.PropertyDefinition) {
      const name = propertyName(holder);
      return name === null ? [] : (this.thisMembers(holder.parent).get(name) ?? []);
    }
    if (holder.type === AST_NODE_TYPES.Property) {
      const key = propertyName(holder);
      const objectHolder = holder.parent.parent;
      if (key === null || objectHolder?.type !== AST_NODE_TYPES.VariableDeclarator) return [];
      return readReferences(sourceCode, objectHolder).flatMap((identifier) => {
        const member = identifier.parent;
        return member.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && memberName(member) === key ? [member] : [];
      });
    }
    if (holder.type === AST_NODE_TYPES.VariableDeclarator || holder.type === AST_NODE_TYPES.FunctionDeclaration) {
      return readReferences(sourceCode, holder).filter((identifier) => !isInside(identifier, fn));
    }
    return [];
  }

  /** Constructors and instance fields run wherever the class is instantiated; uninstantiated classes are long-lived services. */
  private instanceContext(classNode: TSESTree.Node): ExecutionContext {
    return this.memoized(this.classContexts, classNode, startup('constructor'), () => {
      const name = classNode.type === AST_NODE_TYPES.ClassDeclaration || classNode.type === AST_NODE_TYPES.ClassExpression ? classNode.id?.name : undefined;
      const results: ExecutionContext[] = [];
      const declarator = classNode.parent?.type === AST_NODE_TYPES.VariableDeclarator ? classNode.parent : null;
      const binding = classNode.type === AST_NODE_TYPES.ClassDeclaration ? classNode : declarator;
      for (const identifier of binding ? readReferences(this.env.sourceCode, binding) : []) {
        if (identifier.parent.type === AST_NODE_TYPES.NewExpression && identifier.parent.callee === identifier) {
          results.push(this.contextAt(identifier.parent));
        }
      }
      const label = `${name ?? 'class'} constructor`;
      const perRequest =
        results.find(isPerRequest) ?? results.find((context) => context.kind === 'request' || context.kind === 'test' || context.kind === 'edge');
      const call = `new ${name ?? 'class'}()`;
      if (perRequest) return { ...perRequest, via: [call, ...perRequest.via] };
      return results.find((c) => c.loop) ?? (results.length > 0 ? startup(label) : { ...startup(label), assumed: true });
    });
  }

  /** `this.name` member expressions inside a class body, by name, collected once per class. */
  private thisMembers(classBody: TSESTree.Node): Map<string, TSESTree.MemberExpression[]> {
    let sites = this.thisMemberSites.get(classBody);
    if (sites) return sites;
    sites = new Map();
    const sourceCode = this.env.sourceCode;
    const found = sites;
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = memberName(node);
        if (name !== null) {
          const list = found.get(name);
          if (list) list.push(node);
          else found.set(name, [node]);
        }
      }
      if (node !== classBody && node.type === AST_NODE_TYPES.ClassBody) return;
      forEachChild(sourceCode, node, visit);
    };
    visit(classBody);
    this.thisMemberSites.set(classBody, sites);
    return sites;
  }
}

/** Per request and not only on a schedule: such a caller decides over every other. */
function isPerRequest(context: ExecutionContext | null): context is ExecutionContext {
  return context?.kind === 'request' && !context.scheduled;
}

function startup(label: string): ExecutionContext {
  return { kind: 'startup', label, loop: null, via: [] };
}

function unknown(label: string): ExecutionContext {
  return { kind: 'unknown', label, loop: null, via: [] };
}

function withLoop(context: ExecutionContext, loop: TSESTree.Node | null): ExecutionContext {
  return loop && !context.loop ? { ...context, loop } : context;
}

/** The call that `slot` (a function or a reference to one) is an argument of, looking through objects and arrays. */
function enclosingCall(slot: TSESTree.Node): TSESTree.Node | null {
  let node = slot;
  for (let parent = node.parent; parent; node = parent, parent = parent.parent) {
    if (isCallLike(parent)) return parent.callee === node ? null : parent;
    if (
      !isValueWrapper(parent) &&
      parent.type !== AST_NODE_TYPES.Property &&
      parent.type !== AST_NODE_TYPES.ObjectExpression &&
      parent.type !== AST_NODE_TYPES.ArrayExpression
    ) {
      return null;
    }
  }
  return null;
}

/** The node that gives `fn` its name: declaration, declarator, method, property or class field. */
function bindingHolder(fn: FunctionNode): TSESTree.Node {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn;
  let slot: TSESTree.Node = fn;
  while (slot.parent && isValueWrapper(slot.parent)) slot = slot.parent;
  return slot.parent ?? fn;
}

function classOf(fn: FunctionNode): TSESTree.Node {
  for (let node: TSESTree.Node | undefined = fn.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return node;
  }
  return fn;
}

export function functionName(fn: FunctionNode): string {
  if (fn.id) return fn.id.name;
  const holder = bindingHolder(fn);
  if (holder.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return holder.id.name;
  if (holder.type === AST_NODE_TYPES.MethodDefinition || holder.type === AST_NODE_TYPES.PropertyDefinition || holder.type === AST_NODE_TYPES.Property) {
    return propertyName(holder) ?? 'anonymous function';
  }
  // `exports.sendMail = (settings) => ...`, `module.exports.handler = ...`, `obj.run = function () {}`.
  if (holder.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.MemberExpression) {
    return memberName(holder.left) ?? 'anonymous function';
  }
  if (holder.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.Identifier) return holder.left.name;
  return 'anonymous function';
}

function readReferences(
  sourceCode: RoleEnvironment['sourceCode'],
  declaration: TSESTree.VariableDeclarator | TSESTree.FunctionDeclaration | TSESTree.ClassDeclaration,
): TSESTree.Identifier[] {
  const name = declaration.id?.type === AST_NODE_TYPES.Identifier ? declaration.id.name : null;
  if (name === null) return [];
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declaration).find((candidate) => candidate.name === name);
  return (variable?.references ?? [])
    .filter((reference) => reference.isRead() && reference.identifier.type === AST_NODE_TYPES.Identifier)
    .map((reference) => reference.identifier as TSESTree.Identifier);
}

/** The innermost function around `node`; `null` at module level or in a class field or static block. */
function enclosingFunctionOf(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
    if (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.StaticBlock) return null;
  }
  return null;
}

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
