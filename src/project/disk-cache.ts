import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What one project's layer keeps between processes (CLI runs, `--concurrency` workers, editor
 * restarts): its index entries and its answers, paths relative to the root so that a cache
 * restored into another checkout still applies. Every entry carries what it was derived from
 * (file contents by hash, importer sets), so a stale entry is never used, only recomputed.
 */
export interface CacheContents {
  index?: unknown;
  answers?: unknown;
  /** The stamps the answers hold under (`ProjectIndex.stamps()`). */
  stamps?: unknown;
}

/** Bumped when the cache's shape or the meaning of its entries changes. */
const FORMAT = 3;

/** `node_modules/.cache/eslint-plugin-shared-client/` under the project root, where build tools keep theirs. */
export function defaultCacheDirectory(root: string): string {
  return join(root, 'node_modules', '.cache', 'eslint-plugin-shared-client');
}

/**
 * The cache file of one project and configuration: another plugin build, other settings or
 * another root get another file, so they never read each other's entries.
 */
export function cacheFile(directory: string, key: unknown): string {
  return join(directory, `${hash('sha1', JSON.stringify([FORMAT, pluginFingerprint(), key]))}.json`);
}

/**
 * The file beside `cacheFile`'s that holds the index: read only when the index is built, which a
 * warm run on an unchanged tree never does (the answers and stamps are a third of the index's size).
 */
export function indexFileOf(cachePath: string): string {
  return cachePath.replace(/\.json$/, '.index.json');
}

/** The cache file's contents; empty when it is missing, unreadable or not this format's. */
export function readCache(path: string): CacheContents {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as CacheContents) : {};
  } catch {
    return {};
  }
}

const pending = new Map<string, () => CacheContents | null>();
let hooked = false;

/**
 * Writes `produce()`'s contents to `path` when the process (or worker thread) exits. ESLint has
 * no end-of-run hook for plugins and an exit handler never keeps a process alive; `produce`
 * returns `null` when there is nothing new to write.
 */
export function writeOnExit(path: string, produce: () => CacheContents | null): void {
  pending.set(path, produce);
  if (hooked) return;
  hooked = true;
  process.once('exit', flushCaches);
}

/** Writes every pending cache now (also what the exit handler does). Never throws. */
export function flushCaches(): void {
  for (const [path, produce] of pending) {
    try {
      const contents = produce();
      if (contents) writeAtomically(path, JSON.stringify(contents));
    } catch {
      // A cache that cannot be written (read-only tree, full disk) only costs the next run time.
    }
  }
}

/** Cache files not written for this long belong to older plugin builds or settings: removed when another is written. */
const STALE_MS = 7 * 24 * 60 * 60 * 1000;

/** Another process may be reading the file: write beside it, then rename over it in one step. */
function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  removeStale(dirname(path));
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function removeStale(directory: string): void {
  const now = Date.now();
  for (const name of readdirSync(directory)) {
    if (!name.endsWith('.json') && !name.endsWith('.tmp')) continue;
    const path = join(directory, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

let fingerprint: string | undefined;

/**
 * The plugin's own build: name, size and modification time of each of its modules. Answers depend
 * on the analysis code, so a rebuilt or upgraded plugin must not read an older one's cache. Only
 * modules run (the declarations and source maps beside the built `.js`, twice as many, change no
 * answer), and this is paid once per process before the first answer.
 */
function pluginFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const own = dirname(dirname(fileURLToPath(import.meta.url)));
  const parts: string[] = [];
  const walk = (directory: string) => {
    // A fixed order whatever the locale: code-unit order.
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && isModule(entry.name)) {
        const stats = statSync(path);
        parts.push(`${path.slice(own.length)}:${stats.size}:${stats.mtimeMs}`);
      }
    }
  };
  try {
    walk(own);
  } catch {
    parts.push(String(Math.random()));
  }
  fingerprint = hash('sha1', parts.join('\n'));
  return fingerprint;
}

/** Built `.js` or, when the plugin runs from its sources (its tests), `.ts` that is not a declaration. */
function isModule(name: string): boolean {
  return name.endsWith('.js') || (name.endsWith('.ts') && !name.endsWith('.d.ts'));
}
