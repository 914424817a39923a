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
