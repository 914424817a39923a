import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const CONFIG_FILES = ['tsconfig.json', 'jsconfig.json', 'package.json'];

/**
 * The project root of `filename`: the nearest directory upwards whose `package.json` declares
 * `workspaces`, else the nearest one with a `tsconfig.json`, `jsconfig.json` or `package.json`;
 * never above the git repository root (a directory holding `.git`, a folder or a worktree file).
 * `null` when no directory qualifies.
 */
export function findProjectRoot(filename: string): string | null {
  let nearest: string | null = null;
  for (let directory = dirname(resolve(filename)); ; ) {
    if (nearest === null && CONFIG_FILES.some((name) => existsSync(join(directory, name)))) nearest = directory;
    if (declaresWorkspaces(join(directory, 'package.json'))) return directory;
    if (existsSync(join(directory, '.git'))) return nearest;
    const parent = dirname(directory);
    if (parent === directory) return nearest;
    directory = parent;
  }
}

function declaresWorkspaces(packageJson: string): boolean {
  if (!existsSync(packageJson)) return false;
  try {
    const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as { workspaces?: unknown };
    return manifest.workspaces !== undefined && manifest.workspaces !== null;
  } catch {
    return false;
  }
}

/** The nearest `package.json` in or above the directory of `filename`; `null` when there is none. */
export function nearestPackageJson(filename: string): string | null {
  for (let directory = dirname(resolve(filename)); ; ) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) return manifest;
    const parent = dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
}
