import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { type CacheContents, cacheFile, defaultCacheDirectory, indexFileOf, readCache, writeOnExit } from './disk-cache.js';
import { clearFileSummaries } from './file-summary.js';
import { ProjectIndex, UnchangedTree } from './project-index.js';
import { clearProjectRoots, findProjectRoot } from './root.js';
import { Solver } from './solver.js';
import { type Knowledge, knowledgeFrom } from '../settings.js';

export interface ProjectOptions {
  /** The project root; found from the file (workspaces `package.json`, tsconfig, package.json) when absent. */
  root?: string;
  /** Globs of the project's source files, relative to the root (all sources by default). */
  include?: readonly string[];
  /** Globs left out, relative to the root. */
  exclude?: readonly string[];
  /** The disk cache's directory (`node_modules/.cache/eslint-plugin-shared-client` under the root by default); `false`: none. */
  cache?: string | false;
  /** The rules' catalogs and settings, for the analysis of the project's other files (the built-in ones by default). */
  knowledge?: Knowledge;
}

let solvers = new WeakMap<Knowledge, Map<string, Solver>>();

/** The solver of the project `filename` belongs to, its index built on first use; `null` outside any project. */
export function projectSolver(filename: string, options: ProjectOptions | undefined): { solver: Solver; file: string } | null {
  const { file, root } = projectRootOf(filename, options);
  if (root === null) return null;
  const key = JSON.stringify([root, options?.include ?? null, options?.exclude ?? null, options?.cache ?? null]);
  const knowledge = options?.knowledge ?? knowledgeFrom(undefined);
  let byKey = solvers.get(knowledge);
  if (!byKey) solvers.set(knowledge, (byKey = new Map()));
  let solver = byKey.get(key);
  if (!solver) {
    solver = createSolver(root, options, knowledge);
    byKey.set(key, solver);
  }
  return { solver, file };
}

/** The file's real path and its project root (the configured one, else found from the file); no index is built. */
export function projectRootOf(filename: string, options: ProjectOptions | undefined): { file: string; root: string | null } {
  const file = realPath(resolve(filename));
  return { file, root: options?.root ? realPath(resolve(options.root)) : findProjectRoot(file) };
}

/**
 * A solver whose index and answers start from the disk cache when there is one, and are saved
 * there when the process ends. The cache file is chosen by the root (as seen from the cache
 * directory, so a restored cache fits another checkout), the file globs, the user's settings and
 * the deploy configs' handlers.
 */
function createSolver(root: string, options: ProjectOptions | undefined, knowledge: Knowledge): Solver {
  const directory = options?.cache === false ? null : options?.cache ?? defaultCacheDirectory(root);
  const settingsKey = [options?.include ?? null, options?.exclude ?? null, knowledge.fingerprint];
  const path = directory === null ? null : cacheFile(directory, [relative(directory, root), ...settingsKey]);
  const indexPath = path === null ? null : indexFileOf(path);
  const saved = path === null ? {} : readCache(path);
  const savedHandlers = (saved.answers as { handlers?: unknown } | undefined)?.handlers;
  // Saved answers hold as they are on a tree unchanged since (same deploy configs, so same handlers): no walk, no index.
  const unchangedTree = typeof savedHandlers === 'string' ? UnchangedTree.of(root, saved.stamps) : null;
  const solver = new Solver(
    () => new ProjectIndex(root, options?.include, options?.exclude, indexPath === null ? undefined : readCache(indexPath).index),
    knowledge,
    unchangedTree,
  );
  const handlersKey =
    unchangedTree !== null && typeof savedHandlers === 'string'
      ? savedHandlers
      : JSON.stringify(solver.index.handlers.map((handler) => [solver.index.relative(handler.file), handler.exportName, solver.index.relative(handler.config), handler.line]));
  /** Saved answers hold only under the same deploy handlers. */
  const restoreFrom = (contents: CacheContents) => {
    const answers = contents.answers as { handlers?: unknown; entries?: unknown } | undefined;
    if (answers?.handlers === handlersKey) solver.restore(answers.entries);
  };
  restoreFrom(saved);
  if (path !== null && indexPath !== null) {
    writeOnExit(indexPath, () => {
      const index = solver.indexSnapshot();
      return index === null ? null : { index };
    });
    writeOnExit(path, () => {
      if (!solver.indexChanged && !solver.hasNewAnswers) return null;
      // Another worker of the same run may have saved answers meanwhile: keep those still valid.
      restoreFrom(readCache(path));
      return { stamps: solver.indexStamps() ?? saved.stamps, answers: { handlers: handlersKey, entries: solver.snapshot() } };
    });
  }
  return solver;
}

export function clearProjects(): void {
  solvers = new WeakMap();
  clearFileSummaries();
  clearProjectRoots();
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
