import { readFileSync } from 'node:fs';
import { type DeployHandler, deployHandlers } from './deploy-handlers.js';
import { listProjectFiles } from './files.js';
import { mayReExport, readReExports, scanSpecifiers } from './module-record.js';
import { type Resolve, createResolver } from './resolver.js';
import { fileStamp } from './stamp.js';

/** A re-export with its resolved source file. */
export interface ResolvedReExport {
  from: string;
  importName: string;
  exportName: string;
}

interface FileEntry {
  stamp: string | null;
  /** Project files this file may import, re-export or require (from `scanSpecifiers`). */
  targets: Set<string>;
  /** Read with the parser on first use; `null` until then, `[]` when the text has no `export {`/`export *`. */
  reExports: ResolvedReExport[] | null;
}

/** How often, at most, every file's stamp is compared again (editor servers see edits; a CLI run pays once). */
const REVALIDATE_MS = 2000;

/**
 * The whole-project import graph: every source file's specifiers (scanned from its text, without
 * parsing) with resolved targets, who may import whom, and the handlers that deploy configs name.
 * Re-exports are parsed only for the files a question asks about. Built once; entries whose file's
 * mtime or size changed are read again, at most every couple of seconds.
 */
export class ProjectIndex {
  readonly files: ReadonlySet<string>;
  readonly resolve: Resolve;
  readonly handlers: DeployHandler[];
  private readonly entries = new Map<string, FileEntry>();
  private readonly importersOf = new Map<string, Set<string>>();
  private checkedAt = 0;

  constructor(readonly root: string, include?: readonly string[], exclude?: readonly string[]) {
    this.files = new Set(listProjectFiles(root, include, exclude));
    this.resolve = createResolver(root);
    for (const file of this.files) this.load(file);
    this.handlers = deployHandlers(root);
    this.checkedAt = Date.now();
  }

  /** Files that import, re-export or require `file`. */
  importers(file: string): ReadonlySet<string> {
    this.revalidate();
    return this.importersOf.get(file) ?? EMPTY;
  }

  /** Re-exports in `file`, with their source files. */
  reExports(file: string): readonly ResolvedReExport[] {
    const entry = this.entries.get(file);
    if (!entry) return [];
    entry.reExports ??= this.readReExports(file);
    return entry.reExports;
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
      this.load(file);
    }
  }

  private load(file: string): void {
    const stamp = fileStamp(file);
    let text = '';
    if (stamp !== null) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        // Unreadable: contributes nothing.
      }
    }
    const targets = new Set<string>();
    for (const specifier of scanSpecifiers(text)) {
      const path = this.target(file, specifier);
      if (path !== null && path !== file) targets.add(path);
    }
    this.entries.set(file, { stamp, targets, reExports: mayReExport(text) ? null : [] });
    for (const path of targets) {
      let set = this.importersOf.get(path);
      if (!set) this.importersOf.set(path, (set = new Set()));
      set.add(file);
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();
