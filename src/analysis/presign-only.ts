import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { presigners } from '../catalog/clients.js';
import { propertyName } from './ast.js';
import type { ClientCreation } from './clients.js';
import { normalizeSpecifier } from './modules.js';
import { valueFlow } from './value-flow.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Whether the created client only presigns: built with static keys (`credentials: { accessKeyId,
 * secretAccessKey }` written in its options) and used only as the first argument of a presigner
 * imported from its package (`getSignedUrl(client, command)`). Signing is local: the client never
 * opens a connection, so one per request costs no more than any other object. Without keys in the
 * options the client resolves credentials itself, which may be a request per client.
 */
export function onlyPresigns(sourceCode: SourceCode, creation: ClientCreation): boolean {
  const module = normalizeSpecifier(creation.specifier);
  const known = presigners.filter((presigner) => presigner.clientModule === module);
  if (known.length === 0 || !hasStaticCredentials(creation.node)) return false;
  const { binding, uses } = valueFlow(sourceCode, creation.node);
  if (binding === null || uses.length === 0) return false;
  return uses.every(
    (use) => use.kind === 'passed' && use.call.type === AST_NODE_TYPES.CallExpression && use.call.arguments[0] === use.node && isImportOf(sourceCode, use.call.callee, known),
  );
}

function hasStaticCredentials(construction: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const [options] = construction.arguments;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return options.properties.some(
    (property) => property.type === AST_NODE_TYPES.Property && propertyName(property) === 'credentials' && property.value.type === AST_NODE_TYPES.ObjectExpression,
  );
}

function isImportOf(sourceCode: SourceCode, callee: TSESTree.Node, known: readonly { module: string; export: string }[]): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs[0];
  if (definition?.type !== 'ImportBinding' || definition.node.type !== AST_NODE_TYPES.ImportSpecifier) return false;
  const declaration = definition.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return false;
  const imported = definition.node.imported.type === AST_NODE_TYPES.Identifier ? definition.node.imported.name : definition.node.imported.value;
  return known.some((presigner) => presigner.module === normalizeSpecifier(declaration.source.value) && presigner.export === imported);
}
