import { type ProjectOptions, clearProjects, projectSolver } from './project-cache.js';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileSummary } from './file-summary.js';
import type { CrossFileContext } from './solver.js';
import { fileStamp } from './stamp.js';

export type { CrossFileCaller, CrossFileContext, CrossFileKind } from './solver.js';
export type { ProjectOptions } from './project-cache.js';

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

/** Forgets every project index, file summary and answer (the next question builds them again). */
export function clearProjectCache(): void {
  clearProjects();
}
