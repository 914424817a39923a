import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, innermostFunction, isFunction } from './ast.js';
import { exportNames } from './exports.js';
import { readUses } from './value-flow.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Calls that keep the client busy after the function returns: listeners, subscriptions, servers. */
const LONG_LIVED_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'subscribe', 'psubscribe', 'ssubscribe', 'listen', 'consume', 'watch', 'monitor']);

/** The function a call reaches: declared in this file, or imported by name from `specifier`. */
export type CalledFunction = { kind: 'local'; fn: FunctionNode } | { kind: 'imported'; specifier: string; exportName: string };

/**
 * Whether `fn` only borrows its parameter at `index`: every use is a method call in its own body
 * (`await pool.query(...)`) or a property read, none closes it (`closeNames`), listens on it or
 * subscribes with it, and it is not returned, stored, passed on, reassigned or captured by a
 * nested function. A client passed to such a function is still the caller's to close.
 */
export function borrowsParameter(sourceCode: SourceCode, fn: FunctionNode, index: number, closeNames: ReadonlySet<string>): boolean {
  const param = fn.params[index];
  const id = param?.type === AST_NODE_TYPES.Identifier ? param : param?.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier ? param.left : null;
  if (!id || fn.params.slice(0, index).some((earlier) => earlier.type === AST_NODE_TYPES.RestElement)) return false;
  const variables = sourceCode.scopeManager?.getDeclaredVariables(fn) ?? [];
  const variable = variables.find((candidate) => candidate.name === id.name);
  if (!variable || variable.references.some((reference) => reference.isWrite() && reference.identifier !== id)) return false;
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && (sourceCode.scopeManager?.acquire(fn)?.set.get('arguments')?.references.length ?? 0) > 0) return false;
  for (const reference of variable.references) {
    if (reference.isRead() && innermostFunction(reference.identifier as TSESTree.Node) !== fn) return false;
  }
  return readUses(variable).every((use) => use.kind === 'other' || (use.kind === 'method' && !closeNames.has(use.name) && !LONG_LIVED_METHODS.has(use.name)));
}

/** The function `call` reaches by name, when the file says which: a local declaration or a named/default import. */
export function calledFunction(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): CalledFunction | null {
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return null;
  const variable = ASTUtils.findVariable(sourceCode.getScope(call), call.callee);
  const [definition] = variable?.defs ?? [];
  if (!definition || variable!.defs.length !== 1) return null;
  if (definition.type === 'FunctionName' && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) return { kind: 'local', fn: definition.node };
  if (definition.type === 'Variable') {
    const declarator = definition.node;
    if (declarator.parent.kind === 'const' && declarator.init && isFunction(declarator.init)) return { kind: 'local', fn: declarator.init };
    return null;
  }
  if (definition.type === 'ImportBinding') {
    const specifier = definition.node;
    const declaration = definition.parent;
    if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return null;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      const exportName = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      return { kind: 'imported', specifier: declaration.source.value, exportName };
    }
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { kind: 'imported', specifier: declaration.source.value, exportName: 'default' };
  }
  return null;
}

/** The module-level function exported as `name` (`export function f`, `export const f = () =>`, `export { f }`, CommonJS). */
export function exportedFunction(sourceCode: SourceCode, name: string): FunctionNode | null {
  for (const statement of sourceCode.ast.body) {
    const declaration =
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) && statement.declaration
        ? statement.declaration
        : statement;
    const candidates: TSESTree.Node[] = [];
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration) candidates.push(declaration);
    else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) candidates.push(...declaration.declarations.flatMap((declarator) => (declarator.init ? [declarator.init] : [])));
    else if (isFunction(declaration)) candidates.push(declaration);
    else if (declaration.type === AST_NODE_TYPES.ExpressionStatement && declaration.expression.type === AST_NODE_TYPES.AssignmentExpression) candidates.push(declaration.expression.right);
    for (const candidate of candidates) if (isFunction(candidate) && exportNames(sourceCode, candidate).includes(name)) return candidate;
  }
  return null;
}
