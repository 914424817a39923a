import { CALL } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ClientEntry } from '../catalog/types.js';
import { valueSlot } from './ast.js';
import { type CallLike, type ResolvedCall, type TraceNode, catalogResolver, referenceTracker } from './imports.js';
import { perNode, perProgram } from './program-cache.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A construction of a catalogued client: `new Pool()`, `axios.create()`, `kafka.producer()`. */
export interface ClientCreation {
  node: CallLike;
  entry: ClientEntry;
  /** The name shown in messages: the entry's label, or the export used (`S3Client`). */
  name: string;
  /** The module specifier the file imports it from, as written. */
  specifier: string;
}

/**
 * Every client creation in the file for a given client catalog, including clients made by
 * methods of other clients (`kafka.producer()` on a tracked `new Kafka()`).
 */
export const clientCreationsFor = perNode((catalog: readonly ClientEntry[]) =>
  perProgram((sourceCode: SourceCode): ReadonlyMap<TSESTree.Node, ClientCreation> => {
    const creations = new Map<TSESTree.Node, ClientCreation>();
    for (const call of catalogResolver(catalog)(sourceCode).values()) {
      const exportName = call.path.at(-1) ?? call.entry.export;
      const name = call.entry.export.includes('*') ? exportName : call.entry.label;
      creations.set(call.node, { node: call.node, entry: call.entry, name, specifier: call.specifier });
      addMemberCreations(sourceCode, call, creations);
    }
    return creations;
  }),
);

function addMemberCreations(sourceCode: SourceCode, { node, entry, specifier }: ResolvedCall<ClientEntry>, creations: Map<TSESTree.Node, ClientCreation>) {
  if (!entry.members?.length) return;
  const traceMap: Record<string, Record<symbol, ClientEntry>> = {};
  for (const member of entry.members) {
    const memberEntry: ClientEntry = { ...member, module: entry.module, export: `${entry.export}#${member.method}` };
    traceMap[member.method] = { [CALL]: memberEntry };
  }
  const tracker = referenceTracker(sourceCode);
  for (const found of tracker.iteratePropertyReferences<ClientEntry>(valueSlot(node), traceMap as unknown as TraceNode)) {
    const memberEntry = found.info;
    if (found.node.type === 'CallExpression' && !creations.has(found.node)) {
      creations.set(found.node, { node: found.node, entry: memberEntry, name: memberEntry.label, specifier });
    }
  }
}
