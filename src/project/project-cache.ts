import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { clearFileSummaries } from './file-summary.js';
import { ProjectIndex } from './project-index.js';
import { findProjectRoot } from './root.js';
import { Solver } from './solver.js';

export interface ProjectOptions {
  /** The project root; found from the file (workspaces `package.json`, tsconfig, package.json) when absent. */
  root?: string;
  /** Globs of the project's source files, relative to the root (all sources by default). */
  include?: readonly string[];
  /** Globs left out, relative to the root. */
  exclude?: readonly string[];
}

const solvers = new Map<string, Solver>();

/** The solver of the project `filename` belongs to, its index built on first use; `null` outside any project. */
export function projectSolver(filename: string, options: ProjectOptions | undefined): { solver: Solver; file: string } | null {
  const file = realPath(resolve(filename));
  const root = options?.root ? realPath(resolve(options.root)) : findProjectRoot(file);
  if (root === null) return null;
  const key = JSON.stringify([root, options?.include ?? null, options?.exclude ?? null]);
  let solver = solvers.get(key);
  if (!solver) {
    solver = new Solver(new ProjectIndex(root, options?.include, options?.exclude));
    solvers.set(key, solver);
  }
  return { solver, file };
}

export function clearProjects(): void {
  solvers.clear();
  clearFileSummaries();
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
