import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type Knowledge, knowledgeFrom } from '../settings.js';
import { type ClientCreation, clientCreationsFor } from './clients.js';
import { ContextAnalysis } from './contexts.js';
import { type FileFacts, factsFor } from './file-facts.js';
import { catalogResolver } from './imports.js';
import { programValues } from './program-cache.js';

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Everything the rules share about one file, computed lazily and once per `Program`. */
export interface FileAnalysis {
  sourceCode: Readonly<TSESLint.SourceCode>;
  facts: FileFacts;
  knowledge: Knowledge;
  contexts: ContextAnalysis;
  clientCreations: ReadonlyMap<TSESTree.Node, ClientCreation>;
}

export function analyzeFile(context: RuleContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const values = programValues(sourceCode);
  const cached = values.get(analyzeFile) as FileAnalysis | undefined;
  if (cached) return cached;
  const knowledge = knowledgeFrom(context.settings);
  const filename = context.filename;
  let facts: FileFacts | undefined;
  let contexts: ContextAnalysis | undefined;
  let clientCreations: ReadonlyMap<TSESTree.Node, ClientCreation> | undefined;
  // Each part is computed on first use: most files have nothing for the rules, and learn it from clientCreations alone.
  const analysis: FileAnalysis = {
    sourceCode,
    get facts() {
      facts ??= factsFor(sourceCode, filename, knowledge.runtime);
      return facts;
    },
    knowledge,
    get contexts() {
      contexts ??= new ContextAnalysis({
        sourceCode,
        facts: analysis.facts,
        knowledge,
        registrations: catalogResolver(knowledge.registrations)(sourceCode),
      });
      return contexts;
    },
    get clientCreations() {
      clientCreations ??= clientCreationsFor(knowledge.clients)(sourceCode);
      return clientCreations;
    },
  };
  values.set(analyzeFile, analysis);
  return analysis;
}
