import { dirname } from 'node:path';
import { type ProjectOptions, clearProjects, projectRootOf, projectSolver } from './project-cache.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileSummary } from './file-summary.js';
import type { CrossFileContext } from './solver.js';
import { nearestPackageJson } from './root.js';
import { fileStamp } from './stamp.js';
import { importSpecifier } from './import-specifier.js';
import { type SharedClient, sameArgumentTexts, sharedClientsOf } from './shared-clients.js';
import type { ClientEntry } from '../catalog/types.js';
import { borrowsParameter, exportedFunction } from '../analysis/borrowing.js';
import { fileSummary } from './file-summary.js';
import { setupFileMocks } from './test-setup.js';
import type { SetupMock } from '../analysis/mocked-modules.js';

export type { CrossFileCaller, CrossFileContext, CrossFileKind } from './solver.js';
export type { ProjectOptions } from './project-cache.js';
export { flushCaches as flushProjectCaches } from './disk-cache.js';
export { parsedSummaryCount } from './file-summary.js';
export { builtIndexCount } from './project-index.js';

/**
 * The context of the export `exportName` of `filename` (`default` for a default export; a class
 * as `ClassName` for its constructor and fields, `ClassName.method` for a method) from its call
 * sites in the other files of its project, transitively. `chain` lists the call sites from the
 * nearest caller to the one that decided (a route registration, a deploy config), files absolute,
 * lines 1-based. Never throws: `unknown` when nothing is known or any link is a guess.
 */
export function crossFileContext(filename: string, exportName: string, options?: ProjectOptions): CrossFileContext {
  try {
    const project = projectSolver(filename, options);
    return project ? project.solver.context(project.file, exportName) : { kind: 'unknown', chain: [] };
  } catch {
    return { kind: 'unknown', chain: [] };
  }
}

/** A file being linted, with the rules' own analysis of ESLint's tree (unsaved editor text included). */
export type LintedFile = Omit<FileSummary, 'file' | 'stamp'> & { filename: string };

/**
 * The context of the code at `node` of a file being linted, for code whose callers the file does
 * not show: from the call sites of its function (or class) in the other files of the project.
 * `chain[0]` is that function, at `node`'s line; the last link decided. Never throws.
 */
export function crossFileContextAt(linted: LintedFile, node: TSESTree.Node, options?: ProjectOptions): CrossFileContext {
  try {
    const project = projectSolver(linted.filename, options);
    if (!project) return { kind: 'unknown', chain: [] };
    const summary: FileSummary = { ...linted, file: project.file, stamp: fileStamp(project.file) ?? '' };
    return project.solver.contextAt(summary, node);
  } catch {
    return { kind: 'unknown', chain: [] };
  }
}

/** A shared client of the project, with the specifier the linted file would import it by. */
export interface ProjectSharedClient extends SharedClient {
  specifier: string;
}

/**
 * The project's exported module-level client of catalog entry `entry` that `filename` should use
 * instead of building its own (another file's in the same package, where a deploy bundles both;
 * the one built with the same arguments when there are several), and how to import it; `null`
 * when the project has none. Never throws.
 */
export function projectSharedClient(
  filename: string,
  entry: ClientEntry,
  name: string,
  argumentTexts: readonly string[],
  existingSpecifiers: readonly string[],
  options?: ProjectOptions,
): ProjectSharedClient | null {
  try {
    const project = projectSolver(filename, options);
    if (!project) return null;
    const { index } = project.solver;
    const scope = packageDirectory(project.file);
    const candidates = sharedClientsOf(index, entry, project.solver.knowledge).filter(
      (client) => client.file !== project.file && client.name === name && packageDirectory(client.file) === scope,
    );
    const chosen = candidates.find((client) => sameArgumentTexts(client.argumentTexts, argumentTexts)) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!chosen) return null;
    const specifier = importSpecifier(index.resolve, project.file, chosen.file, existingSpecifiers, (file) => index.files.has(file));
    return specifier === null ? null : { ...chosen, specifier };
  } catch {
    return null;
  }
}

/**
 * Whether the function that `filename` imports as `exportName` from `specifier` (a project file,
 * through barrels) only borrows its parameter at `index` (see `borrowsParameter`). `false` when
 * the layer cannot tell: outside the project, a package, not a function. Never throws.
 */
export function importedFunctionBorrows(
  filename: string,
  specifier: string,
  exportName: string,
  index: number,
  closeNames: ReadonlySet<string>,
  options?: ProjectOptions,
): boolean {
  try {
    const project = projectSolver(filename, options);
    if (!project) return false;
    const { index: projectIndex, knowledge } = project.solver;
    let file = projectIndex.resolve(project.file, specifier);
    let name = exportName;
    for (let hops = 0; file !== null && projectIndex.files.has(file) && hops < 5; hops++) {
      const summary = fileSummary(file, projectIndex.root, knowledge);
      if (!summary) return false;
      const fn = exportedFunction(summary.sourceCode, name);
      if (fn) return borrowsParameter(summary.sourceCode, fn, index, closeNames);
      const reExport = projectIndex.reExports(file).find((candidate) => candidate.exportName === name && candidate.importName !== '*' && candidate.importName !== '**');
      if (!reExport) return false;
      file = reExport.from;
      name = reExport.importName;
    }
    return false;
  } catch {
    return false;
  }
}

/**
 * The mocks of the test runner's setup files for the test file `filename` (Vitest `setupFiles`,
 * Jest `setupFiles`/`setupFilesAfterEnv`). Empty when there are none. Never throws.
 */
export function testSetupMocks(filename: string, options?: ProjectOptions): readonly SetupMock[] {
  try {
    // The runner's config is found from the file up to the root: no project index is needed.
    const { file, root } = projectRootOf(filename, options);
    return root === null ? [] : setupFileMocks(file, root);
  } catch {
    return [];
  }
}

/** The directory of the nearest `package.json` above `file` (the file's own directory when none). */
function packageDirectory(file: string): string {
  return dirname(nearestPackageJson(file) ?? file);
}

/** Forgets every project index, file summary and answer (the next question builds them again). */
export function clearProjectCache(): void {
  clearProjects();
}
