import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REVALIDATE_MS } from './stamp.js';

const CONFIG_FILES = ['tsconfig.json', 'jsconfig.json', 'package.json'];

/**
 * The project root of `filename`: the nearest directory upwards whose `package.json` declares
 * `workspaces` (or that holds a `pnpm-workspace.yaml`), else the nearest one with a `tsconfig.json`, `jsconfig.json` or `package.json`;
 * never above the git repository root (a directory holding `.git`, a folder or a worktree file).
 * `null` when no directory qualifies.
 */
export function findProjectRoot(filename: string): string | null {
  return byDirectory(projectRoots, filename, walkToProjectRoot);
}

/** What `walk` finds from `filename`'s directory, remembered for the directory's other files. */
function byDirectory(memo: Map<string, string | null>, filename: string, walk: (directory: string) => string | null): string | null {
  const start = dirname(resolve(filename));
  forgetIfStale();
  const known = memo.get(start);
  if (known !== undefined) return known;
  const found = walk(start);
  memo.set(start, found);
  return found;
}

/** Answers by directory: every file of a directory asks the same walk of `existsSync` calls and manifests. */
const projectRoots = new Map<string, string | null>();
const nearestManifests = new Map<string, string | null>();
let readAt = 0;

/** Empties the memos once they are older than the layer's revalidation interval. */
function forgetIfStale(): void {
  const now = Date.now();
  if (now - readAt < REVALIDATE_MS) return;
  readAt = now;
  projectRoots.clear();
  nearestManifests.clear();
  dependenciesOf.clear();
}

/** Forgets the roots and manifests found so far (what a process that starts afresh sees). */
export function clearProjectRoots(): void {
  readAt = 0;
}

function walkToProjectRoot(start: string): string | null {
  let nearest: string | null = null;
  for (let directory = start; ; ) {
    if (nearest === null && CONFIG_FILES.some((name) => existsSync(join(directory, name)))) nearest = directory;
    if (declaresWorkspaces(join(directory, 'package.json'))) return directory;
    if (existsSync(join(directory, '.git'))) return nearest;
    const parent = dirname(directory);
    if (parent === directory) return nearest;
    directory = parent;
  }
}

function declaresWorkspaces(packageJson: string): boolean {
  if (existsSync(join(dirname(packageJson), 'pnpm-workspace.yaml'))) return true;
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
  return byDirectory(nearestManifests, filename, walkToPackageJson);
}

function walkToPackageJson(start: string): string | null {
  for (let directory = start; ; ) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) return manifest;
    const parent = dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
}

const dependenciesOf = new Map<string, ReadonlySet<string>>();

/** The names in `dependencies` and `devDependencies` of the nearest `package.json` above `filename` (empty when none or unreadable). */
export function packageDependencies(filename: string): ReadonlySet<string> {
  const manifest = nearestPackageJson(filename);
  if (manifest === null) return EMPTY;
  // `nearestPackageJson` has just emptied the memos if they were stale, this one included.
  let names = dependenciesOf.get(manifest);
  if (!names) {
    try {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: object; devDependencies?: object };
      names = new Set([...Object.keys(json.dependencies ?? {}), ...Object.keys(json.devDependencies ?? {})]);
    } catch {
      names = EMPTY;
    }
    dependenciesOf.set(manifest, names);
  }
  return names;
}

/** Cloudflare's tooling in the package: its code runs on Workers, where per-request I/O objects are required. */
const WORKERS_PACKAGES = ['wrangler', '@cloudflare/workers-types'];

/** `edge` for a file of a package built for Cloudflare Workers; `undefined` when its package does not say. */
export function packageRuntime(filename: string): 'edge' | undefined {
  const names = packageDependencies(filename);
  return WORKERS_PACKAGES.some((name) => names.has(name)) ? 'edge' : undefined;
}

const EMPTY: ReadonlySet<string> = new Set();
