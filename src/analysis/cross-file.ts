import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { crossFileContextAt, importedFunctionBorrows, projectSharedClient, testSetupMocks } from '../project/index.js';
import type { SharedClientImport } from '../fixes/reuse.js';
import type { ClientCreation } from './clients.js';
import { moduleSources } from './modules.js';
import type { ExecutionContext } from './contexts.js';
import type { FileAnalysis } from './file-analysis.js';
import type { SetupMock } from './mocked-modules.js';

/** One call site of a cross-file chain, for messages: `routes/users.ts:6` and what it runs in. */
export interface CrossFileLink {
  place: string;
  label: string;
  /** A call site in the reported file itself: `place` is `line 12`. */
  sameFile?: boolean;
}

/** Whether the file's own analysis left the code's context open for other files to decide. */
export function isOpenLocally(context: ExecutionContext): boolean {
  return context.kind === 'unknown' || (context.kind === 'startup' && context.assumed === true);
}

const answers = new WeakMap<FileAnalysis, Map<TSESTree.Node, ExecutionContext>>();

/**
 * The context of the code at `node` once the project's other files are read: the local one when
 * it is already known, the layer is off, or the other files do not settle it; otherwise the
 * project layer's answer, with its chain of call sites.
 */
export function contextAcrossFiles(analysis: FileAnalysis, node: TSESTree.Node, local: ExecutionContext): ExecutionContext {
  const settings = analysis.knowledge.project;
  if (!isOpenLocally(local) || settings === false) return local;
  const filename = fileOnDisk(analysis);
  if (filename === null) return local;
  let cache = answers.get(analysis);
  if (!cache) answers.set(analysis, (cache = new Map()));
  const known = cache.get(node);
  if (known) return known;
  const cwd = analysis.cwd ?? process.cwd();
  const answer = crossFileContextAt(
    { filename, sourceCode: analysis.sourceCode, facts: analysis.facts, env: analysis.env, contexts: analysis.contexts },
    node,
    projectOptions(analysis),
  );
  const [own, ...callers] = answer.chain;
  let result = local;
  if (answer.kind !== 'unknown' && own && callers.length > 0) {
    const decider = callers.at(-1)!;
    const label = decider.label.split(' < ').at(-1)!;
    // Links in the file itself say only the line: the file is the one the report is in.
    const links = callers.map((caller) =>
      caller.file === filename ? { place: `line ${caller.line}`, label: caller.label, sameFile: true } : { place: displayPlace(caller.file, caller.line, cwd), label: caller.label },
    );
    result = { kind: answer.kind === 'scheduled' ? 'request' : answer.kind, label, loop: null, via: [own.label], across: links };
    if (answer.kind === 'scheduled') result.scheduled = true;
  }
  cache.set(node, result);
  return result;
}

/**
 * The project's shared client to use instead of `creation` (an exported module-level client of
 * the same catalog entry in another file), with the specifier this file would import it by;
 * `null` when the layer is off or the project has none.
 */
export function sharedClientAcrossFiles(analysis: FileAnalysis, creation: ClientCreation): SharedClientImport | null {
  if (analysis.knowledge.project === false) return null;
  const filename = fileOnDisk(analysis);
  if (filename === null) return null;
  const sourceCode = analysis.sourceCode;
  const argumentTexts = creation.node.arguments.map((argument) => sourceCode.getText(argument));
  const specifiers = moduleSources(sourceCode).map((source) => source.specifier);
  const shared = projectSharedClient(filename, creation.entry, creation.name, argumentTexts, specifiers, projectOptions(analysis));
  if (!shared) return null;
  const place = displayPlace(shared.file, shared.line, analysis.cwd ?? process.cwd());
  return { exportName: shared.exportName, specifier: shared.specifier, place, argumentTexts: shared.argumentTexts, access: shared.access };
}

/**
 * Whether the function this file imports as `exportName` from `specifier` only borrows its
 * parameter at `index` (uses it without closing, keeping or passing it on); `false` when the layer
 * is off or cannot tell.
 */
export function borrowsAcrossFiles(analysis: FileAnalysis, specifier: string, exportName: string, index: number, closeNames: ReadonlySet<string>): boolean {
  if (analysis.knowledge.project === false) return false;
  const filename = fileOnDisk(analysis);
  return filename !== null && importedFunctionBorrows(filename, specifier, exportName, index, closeNames, projectOptions(analysis));
}

/** The mocks of the test runner's setup files for this test file; none when the layer is off or it is no test. */
export function setupMocksAcrossFiles(analysis: FileAnalysis): readonly SetupMock[] {
  const filename = analysis.knowledge.project === false || analysis.facts.role !== 'test' ? null : fileOnDisk(analysis);
  return filename === null ? [] : testSetupMocks(filename, projectOptions(analysis));
}

function projectOptions(analysis: FileAnalysis) {
  const settings = analysis.knowledge.project;
  if (settings === false) return undefined;
  const cwd = analysis.cwd ?? process.cwd();
  const cache = typeof settings.cache === 'string' ? resolve(cwd, settings.cache) : settings.cache;
  return { ...settings, root: settings.root === undefined ? undefined : resolve(cwd, settings.root), cache, knowledge: analysis.knowledge };
}

/**
 * The linted file's absolute path: ESLint's CLI and editors give one; the `Linter` API may give a
 * path relative to its cwd. `null` for text that is not a file of a project (`<input>`, `file.ts`).
 */
function fileOnDisk(analysis: FileAnalysis): string | null {
  if (isAbsolute(analysis.filename)) return analysis.filename;
  if (analysis.cwd === undefined) return null;
  const filename = resolve(analysis.cwd, analysis.filename);
  return existsSync(filename) ? filename : null;
}

/** `routes/users.ts:6` from ESLint's cwd (absolute outside it), the way editors and terminals link it. */
function displayPlace(file: string, line: number, cwd: string): string {
  const path = relative(cwd, file);
  const shown = path === '' || path.startsWith('..') || isAbsolute(path) ? file : path;
  return `${shown.replaceAll('\\', '/')}:${line}`;
}
