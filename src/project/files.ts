import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore from 'ignore';
import { globSync } from 'tinyglobby';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SOURCE_PATTERN = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
/** What resolution reads besides sources: `paths`, `baseUrl`, `extends`, package names, `exports`, `main`, workspaces. */
const CONFIG_PATTERN = '**/{package.json,tsconfig*.json,jsconfig*.json,pnpm-workspace.yaml}';
const CONFIG_NAME = /(?:^|\/)(?:(?:package|[tj]sconfig[^/]*)\.json|pnpm-workspace\.yaml)$/;
/** Deploy configs that may name handlers: `serverless.yml`, SAM and CloudFormation templates. */
export const DEPLOY_CONFIG_PATTERNS = ['**/serverless.{yml,yaml}', '**/template.{yml,yaml}', '**/*.template.{yml,yaml}', '**/samconfig-template.{yml,yaml}'];
const DEPLOY_CONFIG_NAME = /(?:^|\/)(?:serverless|template|[^/]+\.template|samconfig-template)\.ya?ml$/;
const EXCLUDED = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.next/**', '**/out/**', '**/coverage/**', '**/.git/**', '**/cdk.out/**', '**/*.d.{ts,mts,cts}'];

/**
 * The project's source files (absolute paths, sorted): `include` globs (all sources by default)
 * under `root`, without dependencies, build output, declaration files, `exclude` globs and what
 * the root `.gitignore` ignores.
 */
export function listProjectFiles(root: string, include?: readonly string[], exclude?: readonly string[]): string[] {
  return projectFiles(root, include, exclude).sources;
}

export interface ProjectFiles {
  /** Absolute paths, sorted. */
  sources: string[];
  /** The configs resolution reads (absolute). */
  configs: string[];
  /** Deploy configs that may name handlers (relative to the root). */
  deployConfigs: string[];
  /**
   * Every directory the walk entered, relative to the root (`.` for the root itself): a file
   * added, removed or renamed in one changes its mtime, which is how a saved index tells that
   * its file list still holds without walking the tree again.
   */
  directories: string[];
}

/** The project's sources (as `listProjectFiles`), resolution configs and deploy configs, from one walk of the tree. */
export function projectFiles(root: string, include?: readonly string[], exclude?: readonly string[]): ProjectFiles {
  const sourcePatterns = include && include.length > 0 ? [...include] : [SOURCE_PATTERN];
  const options = { cwd: root, ignore: [...EXCLUDED, ...(exclude ?? [])], dot: false, followSymbolicLinks: false };
  const found = globSync([...sourcePatterns, CONFIG_PATTERN, ...DEPLOY_CONFIG_PATTERNS], options);
  // Directories as the same walk sees them (what `exclude` and the build folders leave); `.gitignore` aside, which files only obey.
  const directories = ['.', ...globSync('**/', { ...options, onlyDirectories: true }).map((path) => path.replace(/\/$/, ''))].sort();
  const ignored = gitignore(root);
  const kept = found.filter((path) => !(ignored?.ignores(path) ?? false)).sort();
  return {
    directories,
    sources: kept.filter((path) => SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension))).map((path) => join(root, path)),
    configs: kept.filter((path) => CONFIG_NAME.test(path)).map((path) => join(root, path)),
    deployConfigs: kept.filter((path) => DEPLOY_CONFIG_NAME.test(path)),
  };
}

function gitignore(root: string): ReturnType<typeof ignore> | null {
  try {
    return ignore().add(readFileSync(join(root, '.gitignore'), 'utf8'));
  } catch {
    return null;
  }
}
