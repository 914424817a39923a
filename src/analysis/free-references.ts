import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { forEachChild, isFunction } from './ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** How a name used inside an expression is bound outside of it. */
export type FreeReference =
  /** An import, a module-level `const`, function or class, or a `let` that is never reassigned. */
  | { kind: 'module'; identifier: TSESTree.Identifier; variable: Variable; declaredAt: number }
  /** A module-level `let`/`var` that is reassigned somewhere. */
  | { kind: 'module-mutable'; identifier: TSESTree.Identifier; variable: Variable }
  /** A global such as `process` (`process.env.URL`) or `Number`. */
  | { kind: 'global'; identifier: TSESTree.Identifier }
  /** A local of an enclosing function: a parameter, or a variable that may hold per-request data. */
  | { kind: 'local'; identifier: TSESTree.Identifier; variable: Variable };

export interface ExpressionFacts {
  references: FreeReference[];
  /** `this`, `super` and `new.target` of the enclosing function: outside nested non-arrow functions and classes. */
  thisExpressions: TSESTree.Node[];
  /** Calls evaluated when the expression is (not inside nested functions), except pure conversions. */
  calls: TSESTree.CallExpression[];
  awaits: boolean;
}

const PURE_GLOBAL_CALLS = new Set(['Number', 'String', 'Boolean', 'BigInt', 'parseInt', 'parseFloat', 'require']);

/** The names an expression depends on from outside itself, and what evaluating it does. */
export function expressionFacts(sourceCode: SourceCode, expression: TSESTree.Node): ExpressionFacts {
  const facts: ExpressionFacts = { references: [], thisExpressions: [], calls: [], awaits: false };
  for (const reference of freeReferences(sourceCode, expression)) facts.references.push(classify(reference));
  walkEvaluated(sourceCode, expression, (node, inArrow) => {
    if (isFunctionThis(node)) facts.thisExpressions.push(node);
    else if (inArrow) return;
    else if (node.type === AST_NODE_TYPES.AwaitExpression) facts.awaits = true;
    else if (node.type === AST_NODE_TYPES.CallExpression && node !== expression && !isPureConversion(node)) facts.calls.push(node);
  });
  return facts;
}

/** Calls that give the same result at startup as per request: conversions, `JSON.parse`, `require`. */
function isPureConversion(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return PURE_GLOBAL_CALLS.has(callee.name);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'JSON' &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'parse'
  );
}

/** References inside `node` to variables declared outside it (or to undeclared globals). */
function freeReferences(sourceCode: SourceCode, node: TSESTree.Node): TSESLint.Scope.Reference[] {
  const inside = (candidate: TSESTree.Node) => candidate.range[0] >= node.range[0] && candidate.range[1] <= node.range[1];
  const scope = sourceCode.getScope(node);
  const references: TSESLint.Scope.Reference[] = [];
  // A node's own references are not always in `getScope(node)`: a switch's discriminant, for one,
  // is read in the scope around the switch's. Up to the function's scope, any scope may hold them.
  for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
    for (const reference of current.references) if (inside(reference.identifier as TSESTree.Node)) references.push(reference);
    if (current.variableScope === current) break;
  }
  const visit = (child: TSESLint.Scope.Scope) => {
    if (!inside(child.block as TSESTree.Node)) {
      for (const grandchild of child.childScopes) visit(grandchild);
      return;
    }
    for (const reference of child.through) references.push(reference);
  };
  for (const child of scope.childScopes) visit(child);
  return references.filter((reference) => {
    const declaration = reference.resolved?.defs[0]?.name as TSESTree.Node | undefined;
    return !declaration || !inside(declaration);
  });
}

function classify(reference: TSESLint.Scope.Reference): FreeReference {
  const identifier = reference.identifier as TSESTree.Identifier;
  const variable = reference.resolved;
  if (!variable || variable.defs.length === 0) return { kind: 'global', identifier };
  if (isModuleLevel(variable.scope)) {
    const reassigned = variable.references.some((candidate) => candidate.isWrite() && !candidate.init);
    const definition = variable.defs[0]!;
    const isLetOrVar = definition.type === 'Variable' && definition.parent?.type === AST_NODE_TYPES.VariableDeclaration && definition.parent.kind !== 'const';
    if (reassigned && isLetOrVar) return { kind: 'module-mutable', identifier, variable };
    return { kind: 'module', identifier, variable, declaredAt: definition.name.range[0] };
  }
  return { kind: 'local', identifier, variable };
}

/** `this`, `super`, `new.target`: bound by the nearest non-arrow function. */
function isFunctionThis(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ThisExpression ||
    node.type === AST_NODE_TYPES.Super ||
    (node.type === AST_NODE_TYPES.MetaProperty && node.meta.name === 'new')
  );
}

/**
 * The module's own scope: an ES module's, the global scope of a script, or the function scope that
 * wraps a CommonJS module (`sourceType: 'commonjs'`, as ESLint parses `.cjs` files).
 */
export function isModuleLevel(scope: TSESLint.Scope.Scope): boolean {
  return scope.type === 'module' || scope.type === 'global' || (scope.type === 'function' && scope.block.type === AST_NODE_TYPES.Program);
}

/**
 * Visits the nodes of `root` that run when it is evaluated, and (with `inArrow`) those inside
 * nested arrow functions, which share the enclosing function's `this`. Nested non-arrow
 * functions and class bodies have a `this` of their own and are not visited.
 */
function walkEvaluated(sourceCode: SourceCode, root: TSESTree.Node, visit: (node: TSESTree.Node, inArrow: boolean) => void): void {
  const walk = (node: TSESTree.Node, inArrow: boolean): void => {
    visit(node, inArrow);
    if (node !== root && isFunction(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return;
    if (node.type === AST_NODE_TYPES.ClassBody) return;
    const childInArrow = inArrow || (node !== root && node.type === AST_NODE_TYPES.ArrowFunctionExpression);
    forEachChild(sourceCode, node, (child) => walk(child, childInArrow));
  };
  walk(root, false);
}

/**
 * Whether a value depends on per-call data: parameters, `this`, or locals computed from them.
 * A local `const url = process.env.URL` is static; `const token = req.headers.authorization` is not.
 */
export function dependsOnCallData(sourceCode: SourceCode, facts: ExpressionFacts, depth = 0): boolean {
  return callDataReferences(sourceCode, facts, depth).length > 0;
}

/** The places in an expression that read per-call data: `this`, parameters, locals derived from them. */
export function callDataReferences(sourceCode: SourceCode, facts: ExpressionFacts, depth = 0): TSESTree.Node[] {
  return [
    ...facts.thisExpressions,
    ...facts.references
      .filter((reference) => reference.kind === 'local' && !isStaticLocal(sourceCode, reference.variable, depth))
      .map((reference) => reference.identifier),
  ];
}

function isStaticLocal(sourceCode: SourceCode, variable: Variable, depth: number): boolean {
  if (depth > 4) return false;
  const definition = variable.defs[0];
  if (definition?.type !== 'Variable' || definition.parent?.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  if (definition.parent.kind !== 'const' || !definition.node.init || !isPlainBinding(definition.node.id)) return false;
  return !dependsOnCallData(sourceCode, expressionFacts(sourceCode, definition.node.init), depth + 1);
}

/** `x`, or a destructuring without default values (`const { REGION: region } = process.env`): its values all come from the initialiser. */
function isPlainBinding(pattern: TSESTree.Node): boolean {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.every((property) =>
        property.type === AST_NODE_TYPES.RestElement ? isPlainBinding(property.argument) : !property.computed && isPlainBinding(property.value),
      );
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.every((element) => element === null || isPlainBinding(element.type === AST_NODE_TYPES.RestElement ? element.argument : element));
    default:
      return false;
  }
}
