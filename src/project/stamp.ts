import { hash } from 'node:crypto';
import { statSync } from 'node:fs';

/**
 * How often, at most, what the layer read from disk (file stamps, project roots) is looked at again:
 * editor servers see edits within it; a CLI run pays once.
 */
export const REVALIDATE_MS = 2000;

/** A file's mtime and size, to tell that it changed; `null` when it is gone. */
export function fileStamp(path: string): string | null {
  try {
    const stats = statSync(path);
    return `${stats.mtimeMs}:${stats.size}`;
  } catch {
    return null;
  }
}

/** A digest of a file's text: what a cache restored into a fresh checkout (new mtimes) compares. */
export function contentHash(text: string): string {
  return hash('sha1', text);
}
