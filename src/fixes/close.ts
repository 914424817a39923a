import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, valueSlot } from '../analysis/ast.js';
import { packageDependencies } from '../project/root.js';
import type { Ownership } from '../analysis/ownership.js';
import type { ClientEntry } from '../catalog/types.js';
import { isFreeModuleName } from './names.js';
import { indentUnit, lineIndent, shiftedText, statementEnd, statementRemovalRange, usesSemicolons, wrapStart } from './source-edits.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

export type ClosePlan =
  | { kind: 'fix'; style: 'try-finally' | 'await-using'; fix: Fix }
  | { kind: 'suggestion'; style: 'try-finally' | 'await-using'; fix: Fix; reason: string }
  | { kind: 'none'; reason: string };

export interface CloseFixOptions {
  /** Prefer `await using` for clients that implement `Symbol.asyncDispose`. */
  useAwaitUsing: boolean;
}

/** The variable declaration that binds the client, when the fix can work on it. */
interface BoundClient {
  name: string;
  declaration: TSESTree.VariableDeclaration;
  block: TSESTree.BlockStatement;
}

function boundClient(ownership: Ownership): BoundClient | string {
  const declarator = ownership.flow.declarator;
  if (!declarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return 'it is not declared as a variable of its own';
  const declaration = declarator.parent;
  if (declaration.type !== AST_NODE_TYPES.VariableDeclaration || declaration.parent.type !== AST_NODE_TYPES.BlockStatement) {
    return 'its declaration is not a statement of a block';
  }
  if (ownership.flow.binding?.references.some((reference) => reference.isWrite() && !reference.init)) return 'it is reassigned';
  return { name: declarator.id.name, declaration, block: declaration.parent };
}

/**
 * For a function-owned client that is never closed: `try { ...rest } finally { await x.close(); }`
 * around the statements after its declaration, or `await using` when asked for and the client
 * supports it. An autofix only when the declaration is a `const` directly in the function body
 * and all the client's work is awaited in the function.
 */
export function planCloseOnExit(sourceCode: SourceCode, ownership: Ownership, entry: ClientEntry, options: CloseFixOptions): ClosePlan {
  const fn = ownership.owner.kind === 'function' ? ownership.owner.fn : null;
  const close = entry.close;
  if (!fn || !close) return { kind: 'none', reason: 'it has no owning function' };
  const bound = boundClient(ownership);
  if (typeof bound === 'string') return { kind: 'none', reason: bound };
  const blocker = functionBlocker(fn, entry);
  if (blocker) return { kind: 'none', reason: blocker };

  const returnEdits = awaitReturnEdits(sourceCode, ownership, entry);
  const reason = nonMechanicalReason(fn, bound, ownership);
  if (options.useAwaitUsing && canUseAwaitUsing(fn, bound, entry)) {
    const fix: Fix = (fixer) => [awaitUsingEdit(fixer, sourceCode, bound.declaration), ...returnEdits.map((edit) => fixer.insertTextBeforeRange([edit.at, edit.at], edit.text))];
    return reason ? { kind: 'suggestion', style: 'await-using', fix, reason } : { kind: 'fix', style: 'await-using', fix };
  }
  const closeText = `${entry.syncClose ? '' : 'await '}${bound.name}.${close}()${usesSemicolons(sourceCode, bound.declaration) ? ';' : ''}`;
  const rest = bound.block.body.slice(bound.block.body.indexOf(bound.declaration) + 1);
  if (rest.length === 0) return { kind: 'none', reason: 'nothing uses it after its creation' };
  if (declaresNamesUsedOutside(sourceCode, rest)) return { kind: 'none', reason: 'declarations after it are used before it' };
  const start = statementEnd(sourceCode, bound.declaration);
  const end = blockContentEnd(sourceCode, bound.block);
  const indent = lineIndent(sourceCode, bound.declaration);
  const unit = indentUnit(sourceCode);
  const fix: Fix = (fixer) => {
    const body = shiftedText(sourceCode, [wrapStart(sourceCode, start), end], unit, returnEdits);
    return [fixer.replaceTextRange([start, end], `\n${indent}try {${body}\n${indent}} finally {\n${indent}${unit}${closeText}\n${indent}}`)];
  };
  return reason ? { kind: 'suggestion', style: 'try-finally', fix, reason } : { kind: 'fix', style: 'try-finally', fix };
}

/**
 * For a client closed only when nothing throws first: move its one `x.close()` statement into a
 * `finally` around the statements between the declaration and the close (or, with `await using`,
 * drop it when it is the block's last statement).
 */
export function planCloseInFinally(sourceCode: SourceCode, ownership: Ownership, entry: ClientEntry, options: CloseFixOptions): ClosePlan {
  const fn = ownership.owner.kind === 'function' ? ownership.owner.fn : null;
  if (!fn) return { kind: 'none', reason: 'it has no owning function' };
  const bound = boundClient(ownership);
  if (typeof bound === 'string') return { kind: 'none', reason: bound };
  const [close, ...others] = ownership.closes;
  if (!close || others.length > 0) return { kind: 'none', reason: 'it is closed in more than one place' };
  const statement = valueSlot(close.call).parent;
  const body = bound.block.body;
  const from = body.indexOf(bound.declaration);
  const to = statement?.type === AST_NODE_TYPES.ExpressionStatement ? body.indexOf(statement) : -1;
  if (!statement || to <= from + 1) return { kind: 'none', reason: 'its close call is not a statement of the block that declares it' };
  if (fn.generator) return { kind: 'none', reason: 'the function is a generator' };
  const returnEdits = awaitReturnEdits(sourceCode, ownership, entry);
  if (!fn.async && ownership.pendingReturns.length > 0 && !entry.syncClose) {
    return { kind: 'none', reason: 'it returns work on the client that a non-async function cannot wait for' };
  }
  const between = body.slice(from + 1, to);
  const after = body.slice(to + 1);
  if (declaresNamesUsedOutside(sourceCode, between)) {
    return { kind: 'none', reason: 'variables declared before the close are used after it' };
  }
  const reason = nonMechanicalReason(fn, bound, ownership);
  if (options.useAwaitUsing && canUseAwaitUsing(fn, bound, entry) && after.length === 0) {
    const fix: Fix = (fixer) => [
      awaitUsingEdit(fixer, sourceCode, bound.declaration),
      fixer.removeRange(statementRemovalRange(sourceCode, statement)),
      ...returnEdits.map((edit) => fixer.insertTextBeforeRange([edit.at, edit.at], edit.text)),
    ];
    return reason ? { kind: 'suggestion', style: 'await-using', fix, reason } : { kind: 'fix', style: 'await-using', fix };
  }
  const start = statementEnd(sourceCode, bound.declaration);
  const end = sourceCode.getTokenBefore(statement, { includeComments: true })?.range[1] ?? start;
  const indent = lineIndent(sourceCode, bound.declaration);
  const unit = indentUnit(sourceCode);
  const fix: Fix = (fixer) => {
    const wrapped = shiftedText(sourceCode, [wrapStart(sourceCode, start), end], unit, returnEdits);
    const closeText = sourceCode.getText(statement);
    return [fixer.replaceTextRange([start, statement.range[1]], `\n${indent}try {${wrapped}\n${indent}} finally {\n${indent}${unit}${closeText}\n${indent}}`)];
  };
  return reason ? { kind: 'suggestion', style: 'try-finally', fix, reason } : { kind: 'fix', style: 'try-finally', fix };
}

function functionBlocker(fn: FunctionNode, entry: ClientEntry): string | null {
  if (fn.generator) return 'the function is a generator';
  if (!entry.syncClose && !fn.async) return `the function is not async, so it cannot wait for \`${entry.close}()\``;
  return null;
}

/** Why the rewrite is offered as a suggestion rather than applied: `null` when it is mechanical. */
function nonMechanicalReason(fn: FunctionNode, bound: BoundClient, ownership: Ownership): string | null {
  if (bound.declaration.kind !== 'const') return `it is declared with \`${bound.declaration.kind}\`, so it may be reassigned`;
  if (bound.block !== fn.body) return 'it is declared in a nested block';
  if (!ownership.settled) return 'some of its work is not awaited in the function and could still be running when it closes';
  return null;
}

function canUseAwaitUsing(fn: FunctionNode, bound: BoundClient, entry: ClientEntry): boolean {
  return Boolean(entry.asyncDispose) && fn.async && bound.declaration.kind === 'const' && bound.declaration.declarations.length === 1;
}

function awaitUsingEdit(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, declaration: TSESTree.VariableDeclaration): TSESLint.RuleFix {
  const keyword = sourceCode.getFirstToken(declaration)!;
  return fixer.replaceText(keyword, 'await using');
}

/** `return pool.query(sql)` → `return await pool.query(sql)`, so the close waits for the work. */
function awaitReturnEdits(sourceCode: SourceCode, ownership: Ownership, entry: ClientEntry): { at: number; text: string }[] {
  if (entry.syncClose) return [];
  return ownership.pendingReturns.flatMap((statement) => {
    const argument = statement.argument;
    if (!argument) return [];
    const open = sourceCode.getTokenBefore(argument);
    const parenthesized = open?.value === '(' && open.range[0] > statement.range[0];
    if (parenthesized || !needsParentheses(argument)) return [{ at: (parenthesized ? open : argument).range[0], text: 'await ' }];
    return [
      { at: argument.range[0], text: 'await (' },
      { at: argument.range[1], text: ')' },
    ];
  });
}

/** Expressions that bind less tightly than `await` and need parentheses after it. */
function needsParentheses(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.AwaitExpression:
      return false;
    default:
      return true;
  }
}

/** The end of the last token or comment inside a block, before its closing brace. */
function blockContentEnd(sourceCode: SourceCode, block: TSESTree.BlockStatement): number {
  const closing = sourceCode.getLastToken(block)!;
  return sourceCode.getTokenBefore(closing, { includeComments: true })?.range[1] ?? block.range[0] + 1;
}

/** Whether `statements` declare a name that `later` statements read (wrapping them in a block would hide it). */
/** Whether `statements` declare a name read outside them: wrapping them in a block would hide it. */
function declaresNamesUsedOutside(sourceCode: SourceCode, statements: readonly TSESTree.Node[]): boolean {
  const first = statements[0];
  const last = statements.at(-1);
  if (!first || !last) return false;
  return statements.some((statement) =>
    (sourceCode.scopeManager?.getDeclaredVariables(statement) ?? []).some((variable) =>
      variable.references.some((reference) => reference.identifier.range[0] < first.range[0] || reference.identifier.range[1] > last.range[1]),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Test files

type TestStyle = 'jest' | 'mocha';

export interface TeardownPlan {
  hook: string;
  fix: Fix;
}

/**
 * `afterAll(async () => { await client.quit(); })` (or `afterEach` for a client made in
 * `beforeEach`, `after` for mocha and node:test) right after the statement that creates it, using
 * the hook the file imports or, without an import, the globals its style suggests.
 */
export function planTestTeardown(
  sourceCode: SourceCode,
  ownership: Ownership,
  entry: ClientEntry,
  creation: TSESTree.Node,
  filename?: string,
): TeardownPlan | null {
  const binding = ownership.flow.binding;
  const close = entry.close;
  if (!binding || !close || ownership.owner.kind !== 'test-lifecycle') return null;
  const container = containerOf(binding.scope.block as TSESTree.Node);
  if (!container) return null;
  const anchor = statementIn(container, creation);
  if (!anchor) return null;
  const style = testStyle(sourceCode, filename);
  const hookName = hookFor(style.style, ownership.owner.setupHook);
  const callee = hookCallee(sourceCode, style, hookName, anchor);
  if (!callee) return null;

  const semicolon = usesSemicolons(sourceCode) ? ';' : '';
  const optional = ownership.flow.assignment ? '?.' : '.';
  const indent = lineIndent(sourceCode, anchor);
  const unit = indentUnit(sourceCode);
  const body = `${entry.syncClose ? '' : 'await '}${binding.name}${optional}${close}()${semicolon}`;
  const hookText = `\n\n${indent}${callee.text}(${entry.syncClose ? '' : 'async '}() => {\n${indent}${unit}${body}\n${indent}})${semicolon}`;
  const at = statementEnd(sourceCode, anchor);
  return {
    hook: hookName,
    fix: (fixer) => [...(callee.edit ? [fixer.insertTextAfterRange([callee.edit.at, callee.edit.at], callee.edit.text)] : []), fixer.insertTextAfterRange([at, at], hookText)],
  };
}

/** The teardown hook that matches a setup hook in the file's test style: `afterEach` for `beforeEach`, else `afterAll` or `after`. */
export function teardownHookName(sourceCode: SourceCode, setupHook: string | null, filename?: string): string {
  return hookFor(testStyle(sourceCode, filename).style, setupHook);
}

function hookFor(style: TestStyle, setupHook: string | null): string {
  if (setupHook === 'beforeEach') return 'afterEach';
  return style === 'mocha' ? 'after' : 'afterAll';
}

interface StyleSource {
  style: TestStyle;
  /** The framework's import or require, when the file has one. */
  source: TSESTree.ImportDeclaration | TSESTree.VariableDeclarator | null;
}

const JEST_STYLE_MODULES = new Set(['vitest', '@jest/globals', 'bun:test']);
const MOCHA_STYLE_MODULES = new Set(['node:test', 'mocha']);

function testStyle(sourceCode: SourceCode, filename?: string): StyleSource {
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type') {
      const style = moduleStyle(statement.source.value);
      if (style) return { style, source: statement };
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (
          init?.type === AST_NODE_TYPES.CallExpression &&
          init.callee.type === AST_NODE_TYPES.Identifier &&
          init.callee.name === 'require' &&
          init.arguments[0]?.type === AST_NODE_TYPES.Literal &&
          typeof init.arguments[0].value === 'string'
        ) {
          const style = moduleStyle(init.arguments[0].value);
          if (style) return { style, source: declarator };
        }
      }
    }
  }
  const globalScope = sourceCode.scopeManager?.globalScope;
  const usesGlobal = (name: string) => globalScope?.through.some((reference) => reference.identifier.name === name) ?? false;
  if (usesGlobal('beforeAll') || usesGlobal('afterAll')) return { style: 'jest', source: null };
  if (usesGlobal('before') || usesGlobal('after')) return { style: 'mocha', source: null };
  // Only hooks both runners have (`beforeEach`, `describe`, `it`): the package's test runner decides.
  return { style: filename !== undefined && packageTestRunner(filename) === 'mocha' ? 'mocha' : 'jest', source: null };
}

/** `mocha` when the nearest package.json depends on mocha and on neither Jest nor Vitest; `null` when it does not tell. */
function packageTestRunner(filename: string): TestStyle | null {
  const names = packageDependencies(filename);
  return names.has('mocha') && !names.has('jest') && !names.has('vitest') ? 'mocha' : null;
}

function moduleStyle(specifier: string): TestStyle | null {
  if (JEST_STYLE_MODULES.has(specifier)) return 'jest';
  if (MOCHA_STYLE_MODULES.has(specifier)) return 'mocha';
  return null;
}

/** How to call the hook: an imported name (added to the import if missing), a namespace member, or the global. */
function hookCallee(
  sourceCode: SourceCode,
  style: StyleSource,
  hook: string,
  anchor: TSESTree.Node,
): { text: string; edit?: { at: number; text: string } } | null {
  const source = style.source;
  if (!source) return { text: hook };
  if (source.type === AST_NODE_TYPES.ImportDeclaration) {
    const namespace = source.specifiers.find((specifier) => specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
    if (namespace) return { text: `${namespace.local.name}.${hook}` };
    const named = source.specifiers.filter((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier);
    const existing = named.find((specifier) => specifier.imported.type === AST_NODE_TYPES.Identifier && specifier.imported.name === hook);
    if (existing) return { text: existing.local.name };
    const last = named.at(-1);
    if (!last || !isFreeModuleName(sourceCode, hook, anchor)) return null;
    return { text: hook, edit: { at: last.range[1], text: `, ${hook}` } };
  }
  const pattern = source.id;
  if (pattern.type === AST_NODE_TYPES.Identifier) return { text: `${pattern.name}.${hook}` };
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return null;
  const properties = pattern.properties;
  const existing = properties.find(
    (property) => property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === hook,
  );
  if (existing?.type === AST_NODE_TYPES.Property && existing.value.type === AST_NODE_TYPES.Identifier) return { text: existing.value.name };
  const last = properties.at(-1);
  if (!last || last.type === AST_NODE_TYPES.RestElement || !isFreeModuleName(sourceCode, hook, anchor)) return null;
  return { text: hook, edit: { at: last.range[1], text: `, ${hook}` } };
}

/** The statement list that a variable's scope block holds: the module, or a function's body. */
function containerOf(scopeBlock: TSESTree.Node): TSESTree.Program | TSESTree.BlockStatement | null {
  if (scopeBlock.type === AST_NODE_TYPES.Program) return scopeBlock;
  if (
    (scopeBlock.type === AST_NODE_TYPES.ArrowFunctionExpression || scopeBlock.type === AST_NODE_TYPES.FunctionExpression) &&
    scopeBlock.body.type === AST_NODE_TYPES.BlockStatement
  ) {
    return scopeBlock.body;
  }
  return null;
}

/** The statement of `container` that contains `node`. */
function statementIn(container: TSESTree.Program | TSESTree.BlockStatement, node: TSESTree.Node): TSESTree.Node | null {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (current.parent === container) return current;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Module scope

/**
 * A long-running module's client: close it on SIGTERM/SIGINT, then send the signal again so the
 * process still stops the way it would have (a `once` listener is gone by then).
 */
export function planShutdownHook(sourceCode: SourceCode, ownership: Ownership, entry: ClientEntry, creation: TSESTree.Node, typescript: boolean): Fix | null {
  const binding = ownership.flow.binding;
  const close = entry.close;
  if (!binding || !close || binding.scope.block.type !== AST_NODE_TYPES.Program) return null;
  const anchor = statementIn(sourceCode.ast, creation);
  if (!anchor) return null;
  const signal = binding.name === 'signal' ? 'shutdownSignal' : 'signal';
  const semicolon = usesSemicolons(sourceCode) ? ';' : '';
  const unit = indentUnit(sourceCode);
  const closeCall = `${entry.syncClose ? '' : 'await '}${binding.name}.${close}()${semicolon}`;
  const lines = [
    `for (const ${signal} of ['SIGTERM', 'SIGINT']${typescript ? ' as const' : ''}) {`,
    `${unit}process.once(${signal}, ${entry.syncClose ? '' : 'async '}() => {`,
    `${unit}${unit}try {`,
    `${unit}${unit}${unit}${closeCall}`,
    `${unit}${unit}} finally {`,
    `${unit}${unit}${unit}process.kill(process.pid, ${signal})${semicolon}`,
    `${unit}${unit}}`,
    `${unit}})${semicolon}`,
    '}',
  ];
  const at = statementEnd(sourceCode, anchor);
  return (fixer) => [fixer.insertTextAfterRange([at, at], `\n\n${lines.join('\n')}`)];
}

export type ScriptPlan = { kind: 'finally-chain'; call: string; fix: Fix } | { kind: 'try-finally'; fix: Fix };

/**
 * A script's module-level client: append `.finally(() => client.close())` to the top-level
 * `main()` call that uses it, or, in a module that works with top-level `await`, wrap the
 * statements after the creation in `try { ... } finally { ... }`.
 */
export function planScriptClose(sourceCode: SourceCode, ownership: Ownership, entry: ClientEntry, creation: TSESTree.Node): ScriptPlan | null {
  const binding = ownership.flow.binding;
  const close = entry.close;
  if (!binding || !close || binding.scope.block.type !== AST_NODE_TYPES.Program) return null;
  const anchor = statementIn(sourceCode.ast, creation);
  if (!anchor) return null;
  const body = sourceCode.ast.body;
  const rest = body.slice(body.indexOf(anchor as TSESTree.ProgramStatement) + 1);
  const closeArrow = `() => ${binding.name}.${close}()`;

  const usesInside = (fn: TSESTree.Node) =>
    binding.references.some((reference) => reference.identifier.range[0] >= fn.range[0] && reference.identifier.range[1] <= fn.range[1]);
  for (const statement of [...rest].reverse()) {
    const chain = topLevelCallChain(statement);
    if (!chain) continue;
    const fn = localFunction(sourceCode, chain.root);
    if (!fn || !usesInside(fn)) continue;
    const call = sourceCode.getText(chain.root);
    return { kind: 'finally-chain', call, fix: (fixer) => [fixer.insertTextAfter(chain.expression, `.finally(${closeArrow})`)] };
  }

  if (sourceCode.ast.sourceType !== 'module' || rest.length === 0) return null;
  if (rest.some((statement) => statement.type.startsWith('Export') || statement.type === AST_NODE_TYPES.ImportDeclaration)) return null;
  if (rest.some((statement) => startsFloatingWork(sourceCode, statement, binding))) return null;
  if (declaresNamesUsedOutside(sourceCode, rest)) return null;
  const start = statementEnd(sourceCode, anchor);
  const lastToken = sourceCode.getLastToken(sourceCode.ast, { includeComments: true });
  const end = lastToken ? lastToken.range[1] : start;
  const unit = indentUnit(sourceCode);
  const semicolon = usesSemicolons(sourceCode) ? ';' : '';
  const closeText = `${entry.syncClose ? '' : 'await '}${binding.name}.${close}()${semicolon}`;
  return {
    kind: 'try-finally',
    fix: (fixer) => [fixer.replaceTextRange([start, end], `\ntry {${shiftedText(sourceCode, [wrapStart(sourceCode, start), end], unit)}\n} finally {\n${unit}${closeText}\n}`)],
  };
}

/** `main()`, `main().catch(...)`, `void main()`, `await main()` as a statement: the whole chain and its first call. */
function topLevelCallChain(statement: TSESTree.Node): { expression: TSESTree.Node; root: TSESTree.CallExpression } | null {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  let expression: TSESTree.Node = statement.expression;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') expression = expression.argument;
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = expression.argument;
  let root: TSESTree.Node = expression;
  while (root.type === AST_NODE_TYPES.CallExpression && root.callee.type === AST_NODE_TYPES.MemberExpression && root.callee.object.type === AST_NODE_TYPES.CallExpression) {
    root = root.callee.object;
  }
  if (root.type !== AST_NODE_TYPES.CallExpression || root.callee.type !== AST_NODE_TYPES.Identifier) return null;
  return { expression, root };
}

/**
 * A top-level statement that starts work without awaiting it (`main()`, `x.then(...)`,
 * `client.flushall()`): a `finally` around it would close the client while the work runs.
 */
function startsFloatingWork(sourceCode: SourceCode, statement: TSESTree.Node, binding: TSESLint.Scope.Variable): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  let expression: TSESTree.Node = statement.expression;
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === 'void') expression = expression.argument;
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  if (topLevelCallChain(statement) && localFunction(sourceCode, topLevelCallChain(statement)!.root)) return true;
  const callee = expression.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (callee.property.type === AST_NODE_TYPES.Identifier && ['then', 'catch', 'finally'].includes(callee.property.name)) return true;
  return binding.references.some((reference) => reference.identifier === callee.object);
}

/** The module-level function a call calls: `function main() {}` or `const main = async () => {}`. */
function localFunction(sourceCode: SourceCode, call: TSESTree.CallExpression): TSESTree.Node | null {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const definition = ASTUtils.findVariable(sourceCode.getScope(call), callee)?.defs[0];
  if (!definition) return null;
  if (definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return definition.node;
  if (definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
    const init = definition.node.init;
    if (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression) return init;
  }
  return null;
}
