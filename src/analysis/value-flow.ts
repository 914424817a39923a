import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunction, memberName, valueSlot } from './ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** One place where a created value goes after its creation. */
export type ValueUse =
  /** `return x`, an arrow's expression body, or inside an object/array literal that is returned. */
  | { kind: 'returned'; node: TSESTree.Node }
  /** Assigned to a property, an outer variable, put in an object/array literal, or added to a collection (`push/set/add`). */
  | { kind: 'stored'; node: TSESTree.Node }
  /** Passed as an argument to a function or constructor. */
  | { kind: 'passed'; node: TSESTree.Node; call: TSESTree.CallExpression | TSESTree.NewExpression }
  /** A method called on the value: `x.query()`, `x.end()`. */
  | { kind: 'method'; node: TSESTree.Node; name: string; call: TSESTree.CallExpression }
  /** Bound to another name: `const db = pool`. */
  | { kind: 'aliased'; node: TSESTree.Node }
  /** Exported by name: `export { pool }`, `export default pool`. */
  | { kind: 'exported'; node: TSESTree.Node }
  /** Yielded from a generator. */
  | { kind: 'yielded'; node: TSESTree.Node }
  /** Anything else: property reads, comparisons, template interpolation. */
  | { kind: 'other'; node: TSESTree.Node };

export interface ValueFlow {
  /** The `const`/`let` the value is first bound to, when it is. */
  binding: Variable | null;
  declarator: TSESTree.VariableDeclarator | null;
  /** With `throughAssignment`: the `x = value` that binds the value to a variable declared elsewhere. */
  assignment: TSESTree.AssignmentExpression | null;
  uses: ValueUse[];
}

export interface ValueFlowOptions {
  /** Follow `x = value` into the variable `x` and its reads, instead of stopping at a `stored` use. */
  throughAssignment?: boolean;
}

const BINDING_ASSIGNMENTS = new Set(['=', '||=', '??=']);

const COLLECTION_METHODS = new Set(['push', 'unshift', 'set', 'add', 'splice']);

/** Where the value created at `node` goes: directly, or through the variable it is bound to. */
export function valueFlow(sourceCode: SourceCode, node: TSESTree.Node, options: ValueFlowOptions = {}): ValueFlow {
  const slot = valueSlot(node);
  const parent = slot.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === slot && parent.id.type === AST_NODE_TYPES.Identifier) {
    const name = parent.id.name;
    const binding = sourceCode.scopeManager?.getDeclaredVariables(parent).find((variable) => variable.name === name) ?? null;
    return { binding, declarator: parent, assignment: null, uses: readUses(binding) };
  }
  if (
    options.throughAssignment &&
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.right === slot &&
    BINDING_ASSIGNMENTS.has(parent.operator) &&
    parent.left.type === AST_NODE_TYPES.Identifier
  ) {
    const binding = ASTUtils.findVariable(sourceCode.getScope(parent), parent.left);
    if (binding) return { binding, declarator: null, assignment: parent, uses: readUses(binding) };
  }
  return { binding: null, declarator: null, assignment: null, uses: [classifyUse(slot)] };
}

/** Where the value of a variable goes: one use per read of it. */
export function readUses(binding: Variable | null): ValueUse[] {
  return (binding?.references ?? []).filter((reference) => reference.isRead()).map((reference) => classifyUse(reference.identifier as TSESTree.Node));
}

function classifyUse(node: TSESTree.Node): ValueUse {
  const slot = valueSlot(node);
  const parent = slot.parent;
  if (!parent) return { kind: 'other', node };
  switch (parent.type) {
    case AST_NODE_TYPES.ReturnStatement:
      return { kind: 'returned', node };
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === slot ? { kind: 'returned', node } : { kind: 'other', node };
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === slot ? { kind: 'stored', node } : { kind: 'other', node };
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.ArrayExpression:
      return containerIsReturned(parent) ? { kind: 'returned', node } : { kind: 'stored', node };
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      if (parent.callee === slot) return { kind: 'other', node };
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee.type === AST_NODE_TYPES.MemberExpression) {
        if (COLLECTION_METHODS.has(memberName(parent.callee) ?? '')) return { kind: 'stored', node };
      }
      return { kind: 'passed', node, call: parent };
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === slot && parent.id.type === AST_NODE_TYPES.Identifier ? { kind: 'aliased', node } : { kind: 'other', node };
    case AST_NODE_TYPES.ExportSpecifier:
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return { kind: 'exported', node };
    case AST_NODE_TYPES.YieldExpression:
      return { kind: 'yielded', node };
    case AST_NODE_TYPES.MemberExpression: {
      const call = parent.parent;
      const name = memberName(parent);
      if (parent.object === slot && name !== null && call?.type === AST_NODE_TYPES.CallExpression && call.callee === parent) {
        return { kind: 'method', node, name, call };
      }
      return { kind: 'other', node };
    }
    default:
      return { kind: 'other', node };
  }
}

/** An object or array literal (possibly nested) that is itself returned. */
function containerIsReturned(start: TSESTree.Node): boolean {
  let node: TSESTree.Node = start;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.ObjectExpression ||
      node.parent.type === AST_NODE_TYPES.ArrayExpression ||
      node.parent.type === AST_NODE_TYPES.Property)
  ) {
    node = node.parent;
  }
  const slot = valueSlot(node);
  const parent = slot.parent;
  return parent?.type === AST_NODE_TYPES.ReturnStatement || (parent !== undefined && isFunction(parent) && parent.body === slot);
}

/** The created value outlives one loop iteration: returned from the iteration callback or stored in a collection. */
export function isKeptAcrossIterations(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  return valueFlow(sourceCode, node).uses.some((use) => use.kind === 'returned' || use.kind === 'stored');
}
