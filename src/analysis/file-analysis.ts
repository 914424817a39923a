import { isAbsolute, relative } from 'node:path';
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
  const facts = factsFor(sourceCode, projectPath(context.filename, context.cwd), knowledge.runtime);
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

/**
 * The file's path from the project root (ESLint's cwd), so that directories above the project
 * (`/home/ci/scripts/app/src/routes.ts`) do not make application code look like a script or a test.
 */
function projectPath(filename: string, cwd: string | undefined): string {
  if (!cwd) return filename;
  const fromRoot = relative(cwd, filename);
  return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot) ? fromRoot : filename;
}
