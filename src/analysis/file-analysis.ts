import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type Knowledge, knowledgeFrom } from '../settings.js';
import { type ClientCreation, clientCreationsFor } from './clients.js';
import { ContextAnalysis } from './contexts.js';
import { type FileFacts, factsFor } from './file-facts.js';
import { catalogResolver } from './imports.js';

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Everything the rules share about one file, computed lazily and once per `Program`. */
export interface FileAnalysis {
  sourceCode: Readonly<TSESLint.SourceCode>;
  facts: FileFacts;
  knowledge: Knowledge;
  contexts: ContextAnalysis;
  clientCreations: ReadonlyMap<TSESTree.Node, ClientCreation>;
}

const analyses = new WeakMap<TSESTree.Program, FileAnalysis>();

export function analyzeFile(context: RuleContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const cached = analyses.get(sourceCode.ast);
  if (cached) return cached;
  const knowledge = knowledgeFrom(context.settings);
  const facts = factsFor(sourceCode, context.filename, knowledge.runtime);
  let contexts: ContextAnalysis | undefined;
  let clientCreations: ReadonlyMap<TSESTree.Node, ClientCreation> | undefined;
  const analysis: FileAnalysis = {
    sourceCode,
    facts,
    knowledge,
    get contexts() {
      contexts ??= new ContextAnalysis({
        sourceCode,
        facts,
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
  analyses.set(sourceCode.ast, analysis);
  return analysis;
}
