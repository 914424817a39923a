import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { propertyName } from './ast.js';
import type { ClientCreation } from './clients.js';
import { valueFlow, type ValueUse } from './value-flow.js';

/** Commands that block only when asked to: `XREAD ... BLOCK ms`, `xRead(streams, { BLOCK: ms })`. */
const BLOCKING_ON_REQUEST = new Set(['xread', 'xreadgroup']);

/**
 * Whether the created client is issued a command that holds its connection (a blocking read,
 * subscriber mode): such a client is a connection of its own by necessity, not one to share.
 * Follows the client through a `connect()` that returns it (`await createClient().connect()`).
 */
export function holdsDedicatedConnection(sourceCode: Readonly<TSESLint.SourceCode>, creation: ClientCreation): boolean {
  const commands = creation.entry.dedicatedConnectionCommands;
  if (!commands) return false;
  const pending: ValueUse[] = [...valueFlow(sourceCode, creation.node).uses];
  for (let use = pending.pop(), steps = 0; use && steps < 8; use = pending.pop(), steps++) {
    if (use.kind !== 'method') continue;
    const command = use.name.toLowerCase();
    if (command === 'connect') pending.push(...valueFlow(sourceCode, awaitedOrSelf(use.call)).uses);
    else if (commands.includes(command) && (!BLOCKING_ON_REQUEST.has(command) || asksToBlock(use.call))) return true;
  }
  return false;
}

function awaitedOrSelf(call: TSESTree.CallExpression): TSESTree.Node {
  return call.parent.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
}

function asksToBlock(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(
    (argument) =>
      (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' && argument.value.toUpperCase() === 'BLOCK') ||
      (argument.type === AST_NODE_TYPES.ObjectExpression &&
        argument.properties.some((property) => property.type === AST_NODE_TYPES.Property && propertyName(property)?.toUpperCase() === 'BLOCK')),
  );
}
