import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
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

function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
