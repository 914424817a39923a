import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore from 'ignore';
import { globSync } from 'tinyglobby';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SOURCE_PATTERN = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const EXCLUDED = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.next/**', '**/out/**', '**/coverage/**', '**/.git/**', '**/*.d.{ts,mts,cts}'];

/**
 * The project's source files (absolute paths, sorted): `include` globs (all sources by default)
 * under `root`, without dependencies, build output, declaration files, `exclude` globs and what
 * the root `.gitignore` ignores.
 */
export function listProjectFiles(root: string, include?: readonly string[], exclude?: readonly string[]): string[] {
  const found = globSync(include && include.length > 0 ? [...include] : [SOURCE_PATTERN], {
    cwd: root,
    ignore: [...EXCLUDED, ...(exclude ?? [])],
    dot: false,
    followSymbolicLinks: false,
  });
  const ignored = gitignore(root);
  return found
    .filter((path) => SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension)) && !(ignored?.ignores(path) ?? false))
    .map((path) => join(root, path))
    .sort();
}

function gitignore(root: string): ReturnType<typeof ignore> | null {
  try {
    return ignore().add(readFileSync(join(root, '.gitignore'), 'utf8'));
  } catch {
    return null;
  }
}
