import { isAbsolute, relative, resolve } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type Knowledge, knowledgeFrom } from '../settings.js';
import { type ClientCreation, clientCreationsFor } from './clients.js';
import { ContextAnalysis } from './contexts.js';
import type { RoleEnvironment } from './function-roles.js';
import { type FileFacts, factsFor } from './file-facts.js';
import { catalogResolver } from './imports.js';
import { mockKey, mockedModulesInFile } from './mocked-modules.js';
import { setupMocksAcrossFiles } from './cross-file.js';
import { programValues } from './program-cache.js';
import { packageRuntime } from '../project/root.js';

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Everything the rules share about one file, computed lazily and once per `Program`. */
export interface FileAnalysis {
  /** ESLint's filename (absolute in a CLI or editor run) and cwd. */
  filename: string;
  cwd: string | undefined;
  sourceCode: Readonly<TSESLint.SourceCode>;
  facts: FileFacts;
  knowledge: Knowledge;
  env: RoleEnvironment;
  contexts: ContextAnalysis;
  clientCreations: ReadonlyMap<TSESTree.Node, ClientCreation>;
}

export function analyzeFile(context: RuleContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const values = programValues(sourceCode);
  const cached = values.get(analyzeFile) as FileAnalysis | undefined;
  if (cached) return cached;
  const knowledge = knowledgeFrom(context.settings);
  let facts: FileFacts | undefined;
  let env: RoleEnvironment | undefined;
  let contexts: ContextAnalysis | undefined;
  let clientCreations: ReadonlyMap<TSESTree.Node, ClientCreation> | undefined;
  // Each part is computed on first use: most files have nothing for the rules, and learn it from clientCreations alone.
  const analysis: FileAnalysis = {
    filename: context.filename,
    cwd: context.cwd,
    sourceCode,
    get facts() {
      facts ??= factsFor(sourceCode, projectPath(context.filename, context.cwd), knowledge.runtime ?? packageRuntime(resolve(context.cwd ?? process.cwd(), context.filename)));
      return facts;
    },
    knowledge,
    get env() {
      env ??= { sourceCode, facts: analysis.facts, knowledge, registrations: catalogResolver(knowledge.registrations)(sourceCode) };
      return env;
    },
    get contexts() {
      contexts ??= new ContextAnalysis(analysis.env);
      return contexts;
    },
    get clientCreations() {
      clientCreations ??= withoutMocks(analysis, clientCreationsFor(knowledge.clients)(sourceCode));
      return clientCreations;
    },
  };
  values.set(analyzeFile, analysis);
  return analysis;
}

/**
 * The creations that are real clients: a construction from a module the test mocks (in the file,
 * or in the runner's setup files for a test file) builds the mock's object instead.
 */
function withoutMocks(analysis: FileAnalysis, creations: ReadonlyMap<TSESTree.Node, ClientCreation>): ReadonlyMap<TSESTree.Node, ClientCreation> {
  if (creations.size === 0) return creations;
  const inFile = mockedModulesInFile(analysis.sourceCode);
  const fromSetup = new Set(setupMocksAcrossFiles(analysis).flatMap((mock) => (mock.builtOnTheRealModule ? [] : [mock.module])));
  if (inFile.size === 0 && fromSetup.size === 0) return creations;
  const real = new Map<TSESTree.Node, ClientCreation>();
  for (const [node, creation] of creations) {
    const key = mockKey(creation.specifier);
    if (!inFile.has(key) && !fromSetup.has(key)) real.set(node, creation);
  }
  return real;
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
