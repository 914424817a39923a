// @ts-check
/**
 * The application corpus: whole public server applications pinned in `corpus/apps.json`,
 * extracted from local bare git mirrors into `corpus/apps/<owner>+<name>/` (ignored by git).
 *
 *   node scripts/corpus/apps.js                      extract every app (skips those already extracted)
 *   node scripts/corpus/apps.js --app outline/outline   only some
 *
 * The mirrors are bare repositories at `$SHARED_CLIENT_MIRRORS/<owner>+<name>/repo` (default
 * `/work/.mirror`). Nothing is fetched from the network. See docs/app-corpus.md.
 */
import { Buffer } from 'node:buffer';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, findSourceFiles } from './files.js';

export const APPS_FILE = path.join(REPO_ROOT, 'corpus/apps.json');
export const APPS_ROOT = path.join(REPO_ROOT, 'corpus/apps');
const STAMP = '.commit';
const MAX_BLOB_BYTES = 1_000_000;
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const CONFIG_FILE = /^(?:package\.json|pnpm-workspace\.yaml|tsconfig.*\.json|jsconfig\.json|\.gitignore|serverless\.ya?ml|template\.ya?ml)$/;

/**
 * @typedef {object} App
 * @property {string} repo `owner/name`
 * @property {string} commit
 * @property {string[]} [subdirs] only these top-level directories (plus the root's config files)
 * @property {string} [license]
 * @property {string[]} [frameworks]
 */

/** @returns {App[]} */
export function loadApps() {
  return JSON.parse(readFileSync(APPS_FILE, 'utf8')).apps;
}

/** The directory an app is extracted to, e.g. `corpus/apps/outline+outline`. @param {App} app */
export function appDirectory(app) {
  return path.join(APPS_ROOT, app.repo.replace('/', '+'));
}

/** @param {App} app */
export function mirrorOf(app) {
  const mirrors = process.env.SHARED_CLIENT_MIRRORS || '/work/.mirror';
  return path.join(mirrors, app.repo.replace('/', '+'), 'repo');
}

/** @param {App} app */
export function isExtracted(app) {
  const stamp = path.join(appDirectory(app), STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === stampOf(app);
}

/**
 * The commit and the rule that picks the kept files: a change to either extracts the app again.
 * @param {App} app
 */
function stampOf(app) {
  return `${app.commit} ${CONFIG_FILE.source}`;
}

/**
 * Whether a path of the app's tree is kept: sources and the config files the plugin's project
 * layer reads, inside `subdirs` when the app names some (config files of the root always).
 * @param {App} app
 * @param {string} file path in the repository, `/` separated
 */
export function keeps(app, file) {
  const parts = file.split('/');
  const base = parts[parts.length - 1] ?? '';
  if (parts.includes('node_modules')) return false;
  const isConfig = CONFIG_FILE.test(base);
  if (!isConfig && !SOURCE_FILE.test(base)) return false;
  if (app.subdirs && app.subdirs.length > 0 && parts.length > 1 && !app.subdirs.includes(parts[0] ?? '')) return false;
  if (app.subdirs && app.subdirs.length > 0 && parts.length === 1 && !isConfig) return false;
  return true;
}

/**
 * Extracts one app at its pinned commit (unless its stamp says it already is): `git ls-tree`,
 * then one `git cat-file --batch` for every kept blob. Blobs over 1 MB and blobs the mirror does
 * not have are skipped. An empty `.git` directory marks the app's root, so the plugin's project
 * root finder stops there and not at this repository.
 * @param {App} app
 * @returns {Promise<{ files: number, skippedLarge: number, missing: number, reused: boolean }>}
 */
export async function extractApp(app) {
  const target = appDirectory(app);
  if (isExtracted(app)) return { files: Number(readFileSync(path.join(target, '.files'), 'utf8').trim() || 0), skippedLarge: 0, missing: 0, reused: true };
  const gitDir = mirrorOf(app);
  if (!existsSync(gitDir)) throw new Error(`${app.repo}: no mirror at ${gitDir} (set SHARED_CLIENT_MIRRORS)`);
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${app.commit}^{commit}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${app.repo}: the mirror has no commit ${app.commit}`);
  }
  const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-l', '-z', app.commit], { maxBuffer: 1 << 30 }).toString('utf8');
  /** @type {Map<string, string[]>} object id → paths */
  const wanted = new Map();
  let skippedLarge = 0;
  for (const entry of listing.split('\0')) {
    if (entry === '') continue;
    const tab = entry.indexOf('\t');
    const [mode, type, oid, size] = entry.slice(0, tab).split(/ +/);
    const file = entry.slice(tab + 1);
    // Symbolic links (120000) and submodules (commits) are not files of the app.
    if (type !== 'blob' || mode === '120000' || !oid || !keeps(app, file)) continue;
    if (Number(size) > MAX_BLOB_BYTES) {
      skippedLarge++;
      continue;
    }
    wanted.set(oid, [...(wanted.get(oid) ?? []), file]);
  }

  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.join(target, '.git'), { recursive: true });
  const { written, missing } = await catFiles(gitDir, wanted, (file, content) => {
    const full = path.join(target, ...file.split('/'));
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  });
  writeFileSync(path.join(target, '.files'), `${written}\n`);
  writeFileSync(path.join(target, STAMP), `${stampOf(app)}\n`);
  return { files: written, skippedLarge, missing, reused: false };
}

/**
 * Reads the blobs through one `git cat-file --batch` process and hands each path its content.
 * @param {string} gitDir
 * @param {Map<string, string[]>} wanted
 * @param {(file: string, content: Buffer) => void} write
 * @returns {Promise<{ written: number, missing: number }>}
 */
function catFiles(gitDir, wanted, write) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, GIT_NO_LAZY_FETCH: '1' } });
    let written = 0;
    let missing = 0;
    /** @type {Buffer} */
    let pending = Buffer.alloc(0);
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        const newline = pending.indexOf(10);
        if (newline === -1) return;
        const header = pending.subarray(0, newline).toString('utf8');
        const [oid = '', type, size] = header.split(' ');
        if (type === 'missing' || type === 'ambiguous') {
          missing += wanted.get(oid)?.length ?? 1;
          pending = pending.subarray(newline + 1);
          continue;
        }
        const length = Number(size);
        if (pending.length < newline + 1 + length + 1) return;
        const content = pending.subarray(newline + 1, newline + 1 + length);
        for (const file of wanted.get(oid) ?? []) {
          write(file, content);
          written++;
        }
        pending = pending.subarray(newline + 1 + length + 1);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ written, missing }) : reject(new Error(`git cat-file exited with code ${code}`))));
    child.stdin.end([...wanted.keys()].map((oid) => `${oid}\n`).join(''));
  });
}

/**
 * The apps named by `--app owner/name` (all when none is named).
 * @param {readonly string[] | undefined} names
 * @returns {App[]}
 */
export function selectApps(names) {
  const apps = loadApps();
  if (!names || names.length === 0) return apps;
  const unknown = names.filter((name) => !apps.some((app) => app.repo.toLowerCase() === name.toLowerCase()));
  if (unknown.length > 0) throw new Error(`not in corpus/apps.json: ${unknown.join(', ')}`);
  return apps.filter((app) => names.some((name) => app.repo.toLowerCase() === name.toLowerCase()));
}

/**
 * Extracts the apps (those not extracted yet), printing files per app to stderr.
 * @param {readonly App[]} apps
 */
export async function extractApps(apps) {
  for (const app of apps) {
    const result = await extractApp(app);
    const notes = [result.reused ? 'already extracted' : '', result.skippedLarge ? `${result.skippedLarge} over 1 MB skipped` : '', result.missing ? `${result.missing} missing from the mirror` : '']
      .filter(Boolean)
      .join(', ');
    process.stderr.write(`  ${app.repo.padEnd(48)} ${String(result.files).padStart(6)} files${notes ? ` (${notes})` : ''}\n`);
  }
}

/**
 * The source files the run lints: every app's, as paths relative to this repository.
 * @param {readonly App[]} apps
 * @returns {string[]}
 */
export function appFiles(apps) {
  return apps.flatMap((app) => findSourceFiles(appDirectory(app)));
}

/**
 * The app a corpus file (path relative to this repository) belongs to, and its path in the app.
 * @param {readonly App[]} apps
 * @param {string} file
 * @returns {{ app: App, file: string } | null}
 */
export function locate(apps, file) {
  const prefix = `${path.relative(REPO_ROOT, APPS_ROOT).split(path.sep).join('/')}/`;
  if (!file.startsWith(prefix)) return null;
  const rest = file.slice(prefix.length);
  const slash = rest.indexOf('/');
  const directory = rest.slice(0, slash);
  const app = apps.find((candidate) => candidate.repo.replace('/', '+') === directory);
  return app ? { app, file: rest.slice(slash + 1) } : null;
}

/**
 * @typedef {object} AppReport one report of the strictest config (the `strict` options) on an app file
 * @property {string} repo
 * @property {string} commit
 * @property {string} file path relative to the app's root
 * @property {number} line
 * @property {number} column
 * @property {number | null} endLine
 * @property {number | null} endColumn
 * @property {string} rule
 * @property {string | null} messageId
 * @property {string} message
 * @property {boolean} fix whether the report has an autofix
 * @property {number} suggestions
 */

/**
 * Every report of the strictest config (the stress pass's are the harness's, not the plugin's).
 * @param {readonly App[]} apps
 * @param {readonly import('./lint-file.js').FileRecord[]} records
 * @returns {AppReport[]}
 */
export function appReports(apps, records) {
  /** @type {AppReport[]} */
  const reports = [];
  for (const record of records) {
    const where = locate(apps, record.file);
    if (!where) continue;
    for (const [ruleId, messageId, line, column, endLine, endColumn, message, fix, suggestions] of record.default?.messages ?? []) {
      reports.push({
        repo: where.app.repo,
        commit: where.app.commit,
        file: where.file,
        line: Number(line),
        column: Number(column),
        endLine: /** @type {number | null} */ (endLine),
        endColumn: /** @type {number | null} */ (endColumn),
        rule: String(ruleId ?? '(linter)'),
        messageId: /** @type {string | null} */ (messageId),
        message: String(message),
        fix: fix !== null,
        suggestions: /** @type {unknown[]} */ (suggestions).length,
      });
    }
  }
  return reports;
}

/**
 * Per app: files linted, reports per rule (strictest config), crashes, broken fixes and
 * suggestions (both passes), and the time its files took (summed over files: with worker threads,
 * more than the wall-clock time).
 * @param {readonly App[]} apps
 * @param {readonly import('./lint-file.js').FileRecord[]} records
 * @param {readonly string[]} ruleIds
 */
export function appTable(apps, records, ruleIds) {
  const rows = apps.map((app) => ({ app, files: 0, skipped: 0, rules: /** @type {Record<string, number>} */ ({}), crashes: 0, broken: 0, ms: 0 }));
  for (const record of records) {
    const where = locate(apps, record.file);
    const row = where && rows.find((candidate) => candidate.app === where.app);
    if (!row) continue;
    row.files++;
    row.ms += record.ms;
    if (record.mode === null && !record.crash) row.skipped++;
    if (record.crash) row.crashes++;
    for (const message of record.default?.messages ?? []) {
      const rule = String(message[0] ?? '(linter)');
      row.rules[rule] = (row.rules[rule] ?? 0) + 1;
    }
    for (const pass of [record.default, record.stress]) {
      if (!pass) continue;
      if ((pass.fix?.problems.length ?? 0) > 0) row.broken++;
      row.broken += (pass.suggestions ?? []).filter((suggestion) => suggestion.problems.length > 0).length;
    }
  }
  const short = (/** @type {string} */ rule) => rule.replace(/^shared-client\//, '');
  const header = ['app', 'files', 'skipped', ...ruleIds.map(short), 'crashes', 'broken', 'time s'];
  const total = { files: 0, skipped: 0, crashes: 0, broken: 0, ms: 0, rules: /** @type {Record<string, number>} */ ({}) };
  const lines = rows.map((row) => {
    total.files += row.files;
    total.skipped += row.skipped;
    total.crashes += row.crashes;
    total.broken += row.broken;
    total.ms += row.ms;
    for (const rule of ruleIds) total.rules[rule] = (total.rules[rule] ?? 0) + (row.rules[rule] ?? 0);
    return [row.app.repo, row.files, row.skipped, ...ruleIds.map((rule) => row.rules[rule] ?? 0), row.crashes, row.broken, (row.ms / 1000).toFixed(1)].map(String);
  });
  lines.push(['total', total.files, total.skipped, ...ruleIds.map((rule) => total.rules[rule] ?? 0), total.crashes, total.broken, (total.ms / 1000).toFixed(1)].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const format = (/** @type {string[]} */ cells) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  return [format(header), `|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`, ...lines.map(format)].join('\n');
}

if (import.meta.filename === process.argv[1]) {
  const { values } = parseArgs({ options: { app: { type: 'string', multiple: true } } });
  const apps = selectApps(values.app);
  process.stderr.write(`Extracting ${apps.length} app(s) into ${path.relative(REPO_ROOT, APPS_ROOT)}/\n`);
  await extractApps(apps);
}
