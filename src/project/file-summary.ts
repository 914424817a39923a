import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { analyze } from '@typescript-eslint/scope-manager';
import { parse } from '@typescript-eslint/typescript-estree';
import { TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { ContextAnalysis } from '../analysis/contexts.js';
import { type FileFacts, factsFor } from '../analysis/file-facts.js';
import type { RoleEnvironment } from '../analysis/function-roles.js';
import { catalogResolver } from '../analysis/imports.js';
import type { Knowledge } from '../settings.js';
import { packageRuntime } from './root.js';
import { fileStamp } from './stamp.js';

/** One importer, parsed the way ESLint parses it, with the rules' own context analysis. */
export interface FileSummary {
  file: string;
  stamp: string;
  sourceCode: Readonly<TSESLint.SourceCode>;
  facts: FileFacts;
  env: RoleEnvironment;
  contexts: ContextAnalysis;
}

const summaries = new Map<string, FileSummary | null>();
/** The knowledge each kept summary was analysed with: another configuration analyses the file again. */
const knowledgeOf = new Map<string, Knowledge>();
const stamps = new Map<string, string | null>();
/** Parsed importers kept at most (each holds a tree, tokens and scopes: about 0.4 MB on outline): the most recently used stay. */
const MAX_SUMMARIES = 2000;
let parsed = 0;

/** How many files the layer has parsed in this process (for the benchmark and the cache's tests). */
export function parsedSummaryCount(): number {
  return parsed;
}

/** The summary of `file` in the project at `root`, read again when its mtime or size changed; `null` when it does not parse. */
export function fileSummary(file: string, root: string, knowledge: Knowledge): FileSummary | null {
  const stamp = fileStamp(file);
  if (stamps.get(file) === stamp && knowledgeOf.get(file) === knowledge && summaries.has(file)) {
    const kept = summaries.get(file)!;
    summaries.delete(file);
    summaries.set(file, kept);
    return kept;
  }
  let summary: FileSummary | null = null;
  try {
    if (stamp !== null) summary = summarize(file, root, stamp, knowledge);
  } catch {
    summary = null;
  }
  stamps.set(file, stamp);
  knowledgeOf.set(file, knowledge);
  summaries.delete(file);
  summaries.set(file, summary);
  for (const oldest of summaries.keys()) {
    if (summaries.size <= MAX_SUMMARIES) break;
    summaries.delete(oldest);
    stamps.delete(oldest);
    knowledgeOf.delete(oldest);
  }
  return summary;
}

export function clearFileSummaries(): void {
  summaries.clear();
  stamps.clear();
  knowledgeOf.clear();
}

function summarize(file: string, root: string, stamp: string, knowledge: Knowledge): FileSummary {
  const text = readFileSync(file, 'utf8');
  parsed++;
  const commonJs = /\.c[jt]s$/.test(file);
  const ast = parse(text, { jsx: /\.[jt]sx$/.test(file), range: true, loc: true, tokens: true, comment: true, filePath: file });
  setParents(ast);
  const scopeManager = analyze(ast, { sourceType: commonJs ? 'script' : 'module', globalReturn: commonJs, jsxPragma: 'React', lib: ['esnext'] });
  const sourceCode = new TSESLint.SourceCode({ text, ast, scopeManager, visitorKeys } as never);
  const facts = factsFor(sourceCode, relative(root, file).replaceAll('\\', '/'), knowledge.runtime ?? packageRuntime(file));
  const env: RoleEnvironment = { sourceCode, facts, knowledge, registrations: catalogResolver(knowledge.registrations)(sourceCode) };
  return { file, stamp, sourceCode, facts, env, contexts: new ContextAnalysis(env) };
}

/** ESLint sets `parent` while it traverses; a tree parsed here gets it the same way. */
function setParents(root: TSESTree.Node): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const keys = (visitorKeys as Record<string, readonly string[] | undefined>)[node.type] ?? [];
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) {
          if (item && typeof item === 'object' && 'type' in item) {
            (item as { parent?: TSESTree.Node }).parent = node;
            stack.push(item as TSESTree.Node);
          }
        }
      } else if (child && typeof child === 'object' && 'type' in child) {
        (child as { parent?: TSESTree.Node }).parent = node;
        stack.push(child as TSESTree.Node);
      }
    }
  }
}
