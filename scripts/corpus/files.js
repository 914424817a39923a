// @ts-check
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** The pinned set of server libraries installed for the full corpus run (`corpus/package.json`). */
export const CORPUS_PACKAGE = path.join(REPO_ROOT, 'corpus');

const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$|\.d\.[^/]*\.ts$/;
const SKIPPED_DIRECTORIES = new Set(['.bin', '.git', '.cache', '.vite', '.turbo']);

/** The roots linted by the full run: the repository's own dependencies and the corpus package's. */
export function corpusRoots() {
  return [path.join(REPO_ROOT, 'node_modules'), path.join(CORPUS_PACKAGE, 'node_modules')].filter((root) => existsSync(root));
}

/**
 * The files a run lints, from its command-line options: the files named by `--file` (paths from
 * the repository root, to go back to a finding), the trees under `--root`, the sample `npm test`
 * checks (part of `node_modules` and the vendored apps), or the full corpus (installing the corpus packages on first use unless `--no-install`).
 * @param {{ file?: string[]; root?: string[]; sample?: boolean; 'no-install'?: boolean }} args
 * @returns {string[]}
 */
export function selectFiles(args) {
  if (args.file) return args.file;
  if (args.root) return args.root.flatMap((root) => findSourceFiles(path.resolve(root)));
  if (args.sample) return [...sampleOf(findSourceFiles(path.join(REPO_ROOT, 'node_modules'))), ...findSourceFiles(VENDORED_APPS)];
  if (!existsSync(path.join(CORPUS_PACKAGE, 'node_modules')) && !args['no-install']) {
    process.stderr.write('Installing the corpus packages (corpus/package-lock.json) once...\n');
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: CORPUS_PACKAGE, stdio: 'inherit' });
  }
  return corpusRoots().flatMap(findSourceFiles);
}

/**
 * Every JS/TS source file under `root` (declaration files excluded), as paths relative to the
 * repository with `/` separators, sorted, so the list is the same on every machine. Symbolic links
 * are not followed: package managers link packages that are already listed elsewhere.
 * @param {string} root
 * @returns {string[]}
 */
export function findSourceFiles(root) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} directory */
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name)) {
        found.push(path.relative(REPO_ROOT, full).split(path.sep).join('/'));
      }
    }
  };
  walk(root);
  return found.sort();
}

/** Whole applications the sample lints too, offline (corpus/vendored/README.md says where they come from). */
const VENDORED_APPS = path.join(REPO_ROOT, 'corpus/vendored');

/** Files of the sample that `npm test` lints: at most this size... */
const SAMPLE_MAX_BYTES = 100_000;
/** ...and, by a hash of their path, one in `stride` of them (TypeScript files are rarer: more of them). */
const SAMPLE_STRIDE = { typescript: 2, javascript: 8 };

/**
 * The fixed subset of the repository's own `node_modules` that `npm test` checks: chosen by a
 * hash of each path, so it changes only when the dependencies do.
 * @param {readonly string[]} files paths relative to the repository
 * @returns {string[]}
 */
export function sampleOf(files) {
  return files.filter((file) => {
    if (!file.startsWith('node_modules/')) return false;
    if (statSync(path.join(REPO_ROOT, file)).size > SAMPLE_MAX_BYTES) return false;
    const stride = /\.[cm]?tsx?$/.test(file) ? SAMPLE_STRIDE.typescript : SAMPLE_STRIDE.javascript;
    return createHash('sha1').update(file).digest().readUInt32BE(0) % stride === 0;
  });
}
