import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { memberChainAround, valueSlot } from '../analysis/ast.js';
import type { ClientCreation } from '../analysis/clients.js';
import { type ExpressionFacts, callDataReferences } from '../analysis/free-references.js';
import { valueFlow } from '../analysis/value-flow.js';
import { flowBlocker, perRequestCloses } from './hoist.js';
import { capitalize, clientVariableName, isFreeModuleName, pickName } from './names.js';
import { closeRemovalEdits } from './remove-close.js';
import { combineEdits, firstLoadTimeUse, moduleDeclarationText, moduleInsertionIndex, topLevelStatement, usesSemicolons } from './source-edits.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface CachePerKeyPlan {
  key: string;
  mapName: string;
  fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/**
 * For a client whose options depend on one piece of request data (`tenant.dbUrl`), a module-level
 * `Map` from that key to one shared client: `map.get(key) ?? map.set(key, new Pool(...)).get(key)`.
 * Offered only when the request data is a single side-effect-free expression.
 */
export function planCachePerKey(sourceCode: SourceCode, creation: ClientCreation, facts: ExpressionFacts, typescript: boolean): CachePerKeyPlan | null {
  const { node, entry } = creation;
  if (entry.kind !== 'pool' || entry.async || entry.connect || facts.awaits || facts.calls.length > 0) return null;
  const keyText = singleRequestKey(sourceCode, facts);
  if (keyText === null) return null;
  const flow = valueFlow(sourceCode, node);
  if (flowBlocker(sourceCode, flow, valueSlot(node)) !== null) return null;
  const closes = perRequestCloses(flow, entry.close);
  if (typeof closes === 'string') return null;

  const keyName = /([A-Za-z_$][\w$]*)$/.exec(keyText)?.[1] ?? 'key';
  const base = clientVariableName(node.callee, sourceCode, 'client');
  const mapName = pickName([`${base}sBy${capitalize(keyName)}`], (name) => isFreeModuleName(sourceCode, name, node));
  const calleeText = sourceCode.getText(node.callee);
  const typeArguments =
    typescript && /^[A-Za-z_$][\w$.]*$/.test(calleeText)
      ? `<unknown, ${node.type === AST_NODE_TYPES.NewExpression ? 'InstanceType' : 'ReturnType'}<typeof ${calleeText}>>`
      : '';
  const insertAt = moduleInsertionIndex(sourceCode, firstLoadTimeUse(sourceCode, topLevelStatement(node)));
  const semicolon = usesSemicolons(sourceCode) ? ';' : '';
  const lookup = `${mapName}.get(${keyText}) ?? ${mapName}.set(${keyText}, ${sourceCode.getText(node)}).get(${keyText})${typescript ? '!' : ''}`;
  const inner = [{ range: node.range, text: needsParentheses(node) ? `(${lookup})` : lookup }];
  const closeEdits = closeRemovalEdits(sourceCode, closes, inner);
  const edits = closeEdits && combineEdits(closeEdits, inner);
  if (!edits) return null;
  return {
    key: keyText,
    mapName,
    fix: (fixer) => [
      fixer.insertTextBeforeRange([insertAt, insertAt], moduleDeclarationText(sourceCode, insertAt, `const ${mapName} = new Map${typeArguments}()${semicolon}\n`)),
      ...edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
    ],
  };
}

/** The one member chain (`req.tenant.id`) that all request-dependent names in the options sit in. */
function singleRequestKey(sourceCode: SourceCode, facts: ExpressionFacts): string | null {
  const chains = callDataReferences(sourceCode, facts).map(memberChainAround);
  // A bare `super` is not a value that can be a key.
  if (chains.some((chain) => chain.type === AST_NODE_TYPES.Super)) return null;
  const keys = new Set(chains.map((chain) => sourceCode.getText(chain)));
  return keys.size === 1 ? [...keys][0]! : null;
}

function needsParentheses(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.Property:
      return false;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right !== node;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body !== node;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node;
    default:
      return true;
  }
}
