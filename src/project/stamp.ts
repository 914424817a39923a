import { hash } from 'node:crypto';
import { statSync } from 'node:fs';

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
