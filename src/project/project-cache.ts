import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { clearFileSummaries } from './file-summary.js';
import { ProjectIndex } from './project-index.js';
import { findProjectRoot } from './root.js';
import { Solver } from './solver.js';
import { type Knowledge, knowledgeFrom } from '../settings.js';

export interface ProjectOptions {
  /** The project root; found from the file (workspaces `package.json`, tsconfig, package.json) when absent. */
  root?: string;
  /** Globs of the project's source files, relative to the root (all sources by default). */
  include?: readonly string[];
  /** Globs left out, relative to the root. */
  exclude?: readonly string[];
  /** The rules' catalogs and settings, for the analysis of the project's other files (the built-in ones by default). */
  knowledge?: Knowledge;
}

let solvers = new WeakMap<Knowledge, Map<string, Solver>>();

/** The solver of the project `filename` belongs to, its index built on first use; `null` outside any project. */
export function projectSolver(filename: string, options: ProjectOptions | undefined): { solver: Solver; file: string } | null {
  const file = realPath(resolve(filename));
  const root = options?.root ? realPath(resolve(options.root)) : findProjectRoot(file);
  if (root === null) return null;
  const key = JSON.stringify([root, options?.include ?? null, options?.exclude ?? null]);
  const knowledge = options?.knowledge ?? knowledgeFrom(undefined);
  let byKey = solvers.get(knowledge);
  if (!byKey) solvers.set(knowledge, (byKey = new Map()));
  let solver = byKey.get(key);
  if (!solver) {
    solver = new Solver(new ProjectIndex(root, options?.include, options?.exclude), knowledge);
    byKey.set(key, solver);
  }
  return { solver, file };
}

export function clearProjects(): void {
  solvers = new WeakMap();
  clearFileSummaries();
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
