import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isFunction } from './ast.js';
import type { ClientCreation } from './clients.js';
import type { ExecutionContext } from './contexts.js';
import { type ExpressionFacts, callDataReferences } from './free-references.js';
import { isKeptAcrossIterations } from './value-flow.js';

export interface LoopRepetition {
  /** The loop is around the creation (rather than around a call of the function that creates it). */
  loopIsAround: boolean;
  /** The function called in the loop, when the loop is in a caller. */
  called: string | undefined;
}

/**
 * Whether a client made outside requests is made again, the same, on every iteration of a loop.
 * A loop that keeps each client, or builds each one from the item it is iterating over (one
 * client per database to migrate), makes distinct clients on purpose: `null`.
 */
export function loopRepetition(
  sourceCode: Readonly<TSESLint.SourceCode>,
  executionContext: ExecutionContext,
  creation: ClientCreation,
  argumentFacts: ExpressionFacts,
): LoopRepetition | null {
  const loop = executionContext.loop;
  if (!loop || (executionContext.kind !== 'startup' && executionContext.kind !== 'unknown')) return null;
  if (isKeptAcrossIterations(sourceCode, creation.node)) return null;
  const loopIsAround = isWithin(creation.node, loop);
  if (loopIsAround && isLoop(loop) && leavesAfter(sourceCode, loop, creation.node)) return null;
  const callData = new Set(callDataReferences(sourceCode, argumentFacts));
  const perIterationData = argumentFacts.references.some(
    // Loop in a caller: the function's parameters carry the item. Loop around: variables declared in it do.
    (reference) =>
      reference.kind === 'local' &&
      callData.has(reference.identifier) &&
      (!loopIsAround || isWithin(reference.variable.defs[0]?.name ?? reference.identifier, loop)),
  );
  if (perIterationData) return null;
  return { loopIsAround, called: executionContext.via[0] };
}

/**
 * A `return` or `break` after the creation in the loop's own body: the iteration that succeeds
 * leaves the loop, so the loop retries (a connect-with-backoff loop) instead of building a client
 * per item.
 */
function leavesAfter(sourceCode: Readonly<TSESLint.SourceCode>, loop: TSESTree.Node, creation: TSESTree.Node): boolean {
  const keys = sourceCode.visitorKeys as Record<string, readonly string[] | undefined>;
  const visit = (node: TSESTree.Node, depthInLoops: number): boolean => {
    if (node !== loop && isFunction(node)) return false;
    if (node.range[0] >= creation.range[1]) {
      if (node.type === AST_NODE_TYPES.ReturnStatement) return true;
      if (node.type === AST_NODE_TYPES.BreakStatement && depthInLoops === 0 && node.label === null) return true;
    }
    const nested = node !== loop && (isLoop(node) || node.type === AST_NODE_TYPES.SwitchStatement) ? depthInLoops + 1 : depthInLoops;
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item && visit(item as TSESTree.Node, nested)) return true;
      }
    }
    return false;
  };
  return visit(loop, 0);
}

function isLoop(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
