import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type DeployHandler, deployHandlers } from './deploy-handlers.js';
import { projectFiles } from './files.js';
import { mayReExport, readReExports, scanSpecifiers } from './module-record.js';
import { type Resolve, createResolver } from './resolver.js';
import { REVALIDATE_MS, contentHash, fileStamp } from './stamp.js';

/** A re-export with its resolved source file. */
export interface ResolvedReExport {
  from: string;
  importName: string;
  exportName: string;
}

interface FileEntry {
  stamp: string | null;
  /** The text's digest; `null` when the file cannot be read. */
  hash: string | null;
  /** Project files this file may import, re-export or require (from `scanSpecifiers`). */
  targets: Set<string>;
  /** Read with the parser on first use; `null` until then, `[]` when the text has no `export {`/`export *`. */
  reExports: ResolvedReExport[] | null;
}

/** An entry as the disk cache keeps it: stamp, hash, targets and re-exports (`null`: not read yet), paths relative to the root. */
type SavedEntry = [string | null, string | null, string[], [string, string, string][] | null];
/**
 * What the file list and the resolution came from, as stamps: the walked directories' mtimes and
 * the stamps of the configs, deploy configs and `.gitignore` (sources' stamps are their entries').
 */
interface SavedTree { directories: Record<string, number | null>; configs: Record<string, string | null> }
interface SavedIndex { resolution: string; files: Record<string, SavedEntry>; tree?: SavedTree }
/**
 * What a warm run checks the disk against before it uses saved answers: the index's tree and each
 * file's stamp and text digest, without its targets and re-exports (most of the index's size).
 */
export interface SavedStamps { resolution: string; files: Record<string, [string | null, string | null]>; tree: SavedTree }

let built = 0;

/** How many project indexes this process has built (walked and loaded): what tests of the warm path count. */
export function builtIndexCount(): number {
  return built;
}

/**
 * The whole-project import graph: every source file's specifiers (scanned from its text, without
 * parsing) with resolved targets, who may import whom, and the handlers that deploy configs name.
 * Re-exports are parsed only for the files a question asks about. Built once, from a saved index
 * where one applies (same files and resolution configs; entries of unchanged files are reused);
 * entries whose file's mtime or size changed are read again, at most every couple of seconds.
 */
export class ProjectIndex {
  readonly files: ReadonlySet<string>;
  readonly resolve: Resolve;
  readonly handlers: DeployHandler[];
  /** Digest of the file list and the resolution configs: resolved targets hold only under the same one. */
  private readonly resolution: string;
  private readonly entries = new Map<string, FileEntry>();
  private readonly importersOf = new Map<string, Set<string>>();
  private readonly importerKeys = new Map<string, string>();
  private readonly tree: SavedTree;
  private checkedAt = 0;
  /** Whether anything was read or resolved that the saved index did not have. */
  private changed = false;

  constructor(readonly root: string, include?: readonly string[], exclude?: readonly string[], saved?: unknown) {
    built++;
    const { sources, configs, deployConfigs, directories } = projectFiles(root, include, exclude);
    this.files = new Set(sources);
    this.resolve = createResolver(root);
    this.resolution = contentHash(JSON.stringify([sources.map((file) => this.relative(file)), configs.map((file) => [this.relative(file), readHash(file)])]));
    this.tree = treeOf(root, directories, [...configs.map((file) => this.relative(file)), ...deployConfigs, GITIGNORE]);
    const savedFiles = isSavedIndex(saved) && saved.resolution === this.resolution ? saved.files : null;
    this.changed = savedFiles === null || JSON.stringify((saved as SavedIndex).tree) !== JSON.stringify(this.tree);
    for (const file of this.files) {
      const entry = savedFiles?.[this.relative(file)];
      this.load(file, isSavedEntry(entry) ? entry : undefined);
    }
    this.handlers = deployHandlers(root, deployConfigs);
    this.checkedAt = Date.now();
  }

  /** Files that import, re-export or require `file`. */
  importers(file: string): ReadonlySet<string> {
    this.revalidate();
    return this.importersOf.get(file) ?? EMPTY;
  }

  /** A digest of `file`'s importer set, for answers that depend on who imports it. */
  importersKey(file: string): string {
    this.revalidate();
    let key = this.importerKeys.get(file);
    if (key === undefined) {
      key = contentHash([...(this.importersOf.get(file) ?? EMPTY)].map((importer) => this.relative(importer)).sort().join('\n'));
      this.importerKeys.set(file, key);
    }
    return key;
  }

  /** The stamp and text digest the index holds for `file` (current as of its last revalidation). */
  state(file: string): { stamp: string | null; hash: string | null } | null {
    const entry = this.entries.get(file);
    return entry ? { stamp: entry.stamp, hash: entry.hash } : null;
  }

  /** Re-exports in `file`, with their source files. */
  reExports(file: string): readonly ResolvedReExport[] {
    const entry = this.entries.get(file);
    if (!entry) return [];
    if (entry.reExports === null) {
      entry.reExports = this.readReExports(file);
      this.changed = true;
    }
    return entry.reExports;
  }

  /** Whether the index holds anything the saved one did not (what `snapshot()` would write). */
  get hasChanges(): boolean {
    return this.changed;
  }

  /** The index as the disk cache keeps it; `null` when it holds nothing the saved one did not. */
  snapshot(): SavedIndex | null {
    if (!this.changed) return null;
    const files: Record<string, SavedEntry> = {};
    for (const [file, entry] of this.entries) {
      const reExports = entry.reExports?.map((reExport): [string, string, string] => [this.relative(reExport.from), reExport.importName, reExport.exportName]) ?? null;
      files[this.relative(file)] = [entry.stamp, entry.hash, [...entry.targets].map((target) => this.relative(target)), reExports];
    }
    return { resolution: this.resolution, files, tree: this.tree };
  }

  /** The files' stamps and digests as of now, with the tree: what `UnchangedTree` checks. */
  stamps(): SavedStamps {
    const files: SavedStamps['files'] = {};
    for (const [file, entry] of this.entries) files[this.relative(file)] = [entry.stamp, entry.hash];
    return { resolution: this.resolution, files, tree: this.tree };
  }

  /** `file` relative to the root, `/`-separated: how caches name files, valid in any checkout. */
  relative(file: string): string {
    return relative(this.root, file).replaceAll('\\', '/');
  }

  absolute(path: string): string {
    return join(this.root, path);
  }

  private readReExports(file: string): ResolvedReExport[] {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    const reExports: ResolvedReExport[] = [];
    for (const reExport of readReExports(file, text)) {
      const from = this.target(file, reExport.specifier);
      if (from !== null) reExports.push({ from, importName: reExport.importName, exportName: reExport.exportName });
    }
    return reExports;
  }

  /** The project file `specifier` resolves to from `file`; `null` outside the project. */
  private target(file: string, specifier: string): string | null {
    const path = this.resolve(file, specifier);
    return path !== null && this.files.has(path) ? path : null;
  }

  private revalidate(): void {
    const now = Date.now();
    if (now - this.checkedAt < REVALIDATE_MS) return;
    this.checkedAt = now;
    for (const [file, entry] of this.entries) {
      if (fileStamp(file) === entry.stamp) continue;
      for (const target of entry.targets) this.importersOf.get(target)?.delete(file);
      this.load(file, undefined);
      this.importerKeys.clear();
    }
  }

  /** Reads `file`'s entry: the saved one when its stamp or, failing that, its text digest is unchanged. */
  private load(file: string, saved: SavedEntry | undefined): void {
    const stamp = fileStamp(file);
    let entry: FileEntry | null = saved && stamp !== null && saved[0] === stamp ? this.fromSaved(saved, stamp, saved[1]) : null;
    if (!entry) {
      let text: string | null = null;
      if (stamp !== null) {
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          // Unreadable: contributes nothing.
        }
      }
      const hash = text === null ? null : contentHash(text);
      entry = saved && hash !== null && saved[1] === hash ? this.fromSaved(saved, stamp, hash) : null;
      entry ??= this.scan(file, stamp, hash, text ?? '');
      this.changed = true;
    }
    this.entries.set(file, entry);
    for (const path of entry.targets) {
      let set = this.importersOf.get(path);
      if (!set) this.importersOf.set(path, (set = new Set()));
      set.add(file);
    }
  }

  private fromSaved(saved: SavedEntry, stamp: string | null, hash: string | null): FileEntry {
    const targets = new Set(saved[2].map((path) => this.absolute(path)).filter((path) => this.files.has(path)));
    const reExports = saved[3]?.map(([from, importName, exportName]) => ({ from: this.absolute(from), importName, exportName })) ?? null;
    return { stamp, hash, targets, reExports };
  }

  private scan(file: string, stamp: string | null, hash: string | null, text: string): FileEntry {
    const targets = new Set<string>();
    for (const specifier of scanSpecifiers(text)) {
      const path = this.target(file, specifier);
      if (path !== null && path !== file) targets.add(path);
    }
    return { stamp, hash, targets, reExports: mayReExport(text) ? null : [] };
  }
}

const GITIGNORE = '.gitignore';

function treeOf(root: string, directories: readonly string[], configs: readonly string[]): SavedTree {
  const tree: SavedTree = { directories: {}, configs: {} };
  for (const directory of directories) tree.directories[directory] = directoryStamp(join(root, directory));
  for (const config of configs) tree.configs[config] = fileStamp(join(root, config));
  return tree;
}

function directoryStamp(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * A saved index whose tree is still the one on disk: the same directories with the same mtimes
 * (no file added, removed or renamed), every source, config, deploy config and `.gitignore` at
 * its saved stamp. Answers saved with it hold as they were, importer sets included, so a warm run
 * can use them without walking the tree or loading the index: a few thousand `stat` calls instead.
 * Checked again at most every couple of seconds (editor servers); once it fails, it stays failed.
 */
export class UnchangedTree {
  private readonly files: SavedStamps['files'];
  private readonly tree: SavedTree;
  private checkedAt = Date.now();
  private current = true;

  private constructor(readonly root: string, saved: SavedStamps) {
    this.files = saved.files;
    this.tree = saved.tree;
  }

  /** The saved stamps (`ProjectIndex.stamps()`) as an unchanged tree; `null` when they are malformed or the disk differs. */
  static of(root: string, saved: unknown): UnchangedTree | null {
    if (!isSavedStamps(saved)) return null;
    const tree = new UnchangedTree(root, saved);
    return tree.matchesDisk() ? tree : null;
  }

  /** Whether the disk still holds the saved tree (see the class comment). */
  stillCurrent(): boolean {
    if (!this.current) return false;
    const now = Date.now();
    if (now - this.checkedAt >= REVALIDATE_MS) {
      this.checkedAt = now;
      this.current = this.matchesDisk();
    }
    return this.current;
  }

  state(file: string): { stamp: string | null; hash: string | null } | null {
    const path = this.relative(file);
    const entry = Object.hasOwn(this.files, path) ? this.files[path] : undefined;
    return Array.isArray(entry) ? { stamp: entry[0] ?? null, hash: entry[1] ?? null } : null;
  }

  relative(file: string): string {
    return relative(this.root, file).replaceAll('\\', '/');
  }

  absolute(path: string): string {
    return join(this.root, path);
  }

  private matchesDisk(): boolean {
    // Saved paths are normalized and `/`-separated, which every platform's `stat` takes: no `join` for each of thousands.
    const prefix = `${this.root}/`;
    for (const directory in this.tree.directories) if (directoryStamp(prefix + directory) !== this.tree.directories[directory]) return false;
    for (const config in this.tree.configs) if (fileStamp(prefix + config) !== this.tree.configs[config]) return false;
    for (const file in this.files) if (fileStamp(prefix + file) !== this.files[file]?.[0]) return false;
    return true;
  }
}

function isSavedStamps(value: unknown): value is SavedStamps {
  return isSavedIndex(value) && isSavedTree((value as unknown as SavedStamps).tree);
}

function isSavedTree(value: unknown): value is SavedTree {
  return value !== null && typeof value === 'object' && typeof (value as SavedTree).directories === 'object' && (value as SavedTree).directories !== null && typeof (value as SavedTree).configs === 'object' && (value as SavedTree).configs !== null;
}

function readHash(file: string): string | null {
  try {
    return contentHash(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function isSavedIndex(value: unknown): value is SavedIndex {
  return value !== null && typeof value === 'object' && typeof (value as SavedIndex).resolution === 'string' && typeof (value as SavedIndex).files === 'object' && (value as SavedIndex).files !== null;
}

function isSavedEntry(value: unknown): value is SavedEntry {
  return Array.isArray(value) && value.length === 4 && Array.isArray(value[2]) && (value[3] === null || Array.isArray(value[3]));
}

const EMPTY: ReadonlySet<string> = new Set();
