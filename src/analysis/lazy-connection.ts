import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyName, valueSlot } from './ast.js';
import type { ClientCreation } from './clients.js';
import { setupMocksAcrossFiles } from './cross-file.js';
import type { FileAnalysis } from './file-analysis.js';
import { mockKey } from './mocked-modules.js';
import type { ValueFlow, ValueUse } from './value-flow.js';

/** Adding a listener sends nothing to the server. */
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'off', 'removeListener']);

/**
 * A client that connects on its first command (ioredis with `lazyConnect: true`, written at the
 * construction or forced on the real class by a mock in the test runner's setup files) opens
 * nothing while the code only reads its properties (`redis.options.host`) or adds listeners to
 * it: there is nothing to close.
 */
export function opensNoConnection(analysis: FileAnalysis, creation: ClientCreation, flow: ValueFlow): boolean {
  const option = creation.entry.lazyConnectOption;
  if (option === undefined || !flow.uses.every(isInert)) return false;
  return setsOptionTrue(creation, option) || setupMockForces(analysis, creation, option);
}

function isInert(use: ValueUse): boolean {
  if (use.kind === 'method') return LISTENER_METHODS.has(use.name);
  if (use.kind !== 'other') return false;
  const slot = valueSlot(use.node);
  const parent = slot.parent;
  if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== slot) return false;
  // `redis.options.host` reads; `redis.get('a')` or `redis['get']('a')` sends a command.
  const grandparent = parent.parent;
  return !(grandparent.type === AST_NODE_TYPES.CallExpression && grandparent.callee === parent);
}

function setsOptionTrue(creation: ClientCreation, option: string): boolean {
  return creation.node.arguments.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property): property is TSESTree.Property =>
          property.type === AST_NODE_TYPES.Property &&
          propertyName(property) === option &&
          property.value.type === AST_NODE_TYPES.Literal &&
          property.value.value === true,
      ),
  );
}

function setupMockForces(analysis: FileAnalysis, creation: ClientCreation, option: string): boolean {
  const forced = new RegExp(`\\b${option}\\s*:\\s*true\\b`);
  const module = mockKey(creation.specifier);
  return setupMocksAcrossFiles(analysis).some((mock) => mock.module === module && forced.test(mock.factory));
}
