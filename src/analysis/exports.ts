import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isValueWrapper, memberName, propertyName, staticKeyName, valueSlot } from './ast.js';
import { globalReferences } from './modules.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `module.exports` or `exports` (the CommonJS export object), when not shadowed by a local binding. */
export function isCommonJsExportObject(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'exports' && isGlobalReference(sourceCode, node);
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    memberName(node) === 'exports' &&
    isGlobalReference(sourceCode, node.object)
  );
}

function isGlobalReference(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  return (globalReferences(sourceCode).get(identifier.name) ?? []).includes(identifier);
}

/**
 * The names under which the value at `slot` leaves the module: `export function GET`,
 * `export default x`, `exports.handler = x`, `module.exports = { handler: x }`, and through one
 * wrapping call (`export const handler = middy(x)`). Bindings are followed to their references.
 */
export function exportNames(sourceCode: SourceCode, slot: TSESTree.Node, depth = 0): string[] {
  const names: string[] = [];
  let node = slot;
  while (node.parent && isValueWrapper(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!parent) return names;

  switch (parent.type) {
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      names.push('default');
      break;
    case AST_NODE_TYPES.ExportNamedDeclaration:
      if ((node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassDeclaration) && node.id) names.push(node.id.name);
      break;
    case AST_NODE_TYPES.VariableDeclarator:
      if (parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
        if (parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) names.push(parent.id.name);
        names.push(...bindingExportNames(sourceCode, parent));
      }
      break;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right === node) names.push(...commonJsAssignmentNames(sourceCode, parent.left));
      break;
    case AST_NODE_TYPES.Property:
      if (parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
        const object = parent.parent;
        const key = propertyName(parent);
        if (key !== null && object.parent.type === AST_NODE_TYPES.AssignmentExpression && object.parent.right === object) {
          if (isCommonJsExportObject(sourceCode, object.parent.left)) names.push(key);
        }
        if (key !== null && isDefaultExportedObject(object)) names.push(`default.${key}`);
      }
      break;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      if (depth < 2 && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
        names.push(...exportNames(sourceCode, parent, depth + 1));
      }
      break;
    default:
      break;
  }
  if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassDeclaration) {
    names.push(...bindingExportNames(sourceCode, node));
  }
  return names;
}

/** A reference that only exports its binding: `export { f }`, `export default f`, `exports.f = f`, `module.exports = { f }`. */
export function isExportReference(sourceCode: SourceCode, identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ExportSpecifier) return parent.local === identifier;
  if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === identifier) return commonJsAssignmentNames(sourceCode, parent.left).length > 0;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === identifier && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const assignment = parent.parent.parent;
    return assignment.type === AST_NODE_TYPES.AssignmentExpression && assignment.right === parent.parent && isCommonJsExportObject(sourceCode, assignment.left);
  }
  return false;
}

/** Export names reached through the references of the binding that `declaration` declares. */
function bindingExportNames(
  sourceCode: SourceCode,
  declaration: TSESTree.VariableDeclarator | TSESTree.FunctionDeclaration | TSESTree.ClassDeclaration,
): string[] {
  const names: string[] = [];
  const nameNode = declaration.id;
  if (nameNode?.type !== AST_NODE_TYPES.Identifier) return names;
  const variable = sourceCode.scopeManager?.getDeclaredVariables(declaration).find((candidate) => candidate.name === nameNode.name);
  for (const reference of variable?.references ?? []) {
    const identifier = reference.identifier;
    const parent = identifier.parent;
    if (parent.type === AST_NODE_TYPES.ExportSpecifier && parent.local === identifier) {
      names.push(parent.exported.type === AST_NODE_TYPES.Identifier ? parent.exported.name : String(parent.exported.value));
    } else if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      names.push('default');
    } else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === identifier) {
      names.push(...commonJsAssignmentNames(sourceCode, parent.left));
    } else if (parent.type === AST_NODE_TYPES.Property && parent.value === identifier) {
      const object = parent.parent;
      const key = propertyName(parent);
      if (key !== null && object.type === AST_NODE_TYPES.ObjectExpression && isDefaultExportedObject(object)) names.push(`default.${key}`);
      if (
        key !== null &&
        object.type === AST_NODE_TYPES.ObjectExpression &&
        object.parent.type === AST_NODE_TYPES.AssignmentExpression &&
        isCommonJsExportObject(sourceCode, object.parent.left)
      ) {
        names.push(key);
      }
    }
  }
  return names;
}

/** `export default { create, list }`: a service object whose functions importers call as `service.create()`. */
function isDefaultExportedObject(object: TSESTree.ObjectExpression): boolean {
  return valueSlot(object).parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** `module.exports = x` → `default`; `exports.handler = x` / `module.exports.handler = x` → `handler`. */
function commonJsAssignmentNames(sourceCode: SourceCode, left: TSESTree.Node): string[] {
  if (isCommonJsExportObject(sourceCode, left)) return left.type === AST_NODE_TYPES.MemberExpression ? ['default'] : [];
  if (left.type === AST_NODE_TYPES.MemberExpression && isCommonJsExportObject(sourceCode, left.object)) {
    const key = staticKeyName(left.property, left.computed);
    return key === null ? [] : [key];
  }
  return [];
}
