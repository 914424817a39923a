// @ts-check
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { createCorpusLinter, loadPlugin } from './lint-file.js';

/** @typedef {import('./lint-file.js').FileRecord} FileRecord */

const BATCH_SIZE = 16;

/**
 * Lints `files` and returns one record per file, sorted by path. With `concurrency` > 1 the
 * files are spread over that many worker threads, handed out in small batches as workers free
 * up; `reverse` lints in reverse order (a second run in the same process that would reveal
 * state carried from one file to the next), and has the analysis probe ask in reverse order too
 * (revealing answers that depend on which question came first).
 * @param {readonly string[]} files
 * @param {{ concurrency?: number, reverse?: boolean, stress?: boolean, onProgress?: (done: number) => void }} [options]
 * @returns {Promise<FileRecord[]>}
 */
export async function runCorpus(files, { concurrency = 1, reverse = false, stress = true, onProgress = () => {} } = {}) {
  const order = reverse ? [...files].reverse() : [...files];
  /** @type {FileRecord[]} */
  const records = [];
  if (concurrency <= 1) {
    const { lintFile } = createCorpusLinter({ plugin: await loadPlugin(), stress, reverseProbe: reverse });
    for (const file of order) {
      records.push(lintFile(file));
      onProgress(records.length);
    }
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, () => {
        const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { stress, reverseProbe: reverse } });
        return new Promise((resolve, reject) => {
          worker.on('message', (/** @type {FileRecord[]} */ batch) => {
            records.push(...batch);
            if (batch.length > 0) onProgress(records.length);
            const files = order.slice(next, next + BATCH_SIZE);
            next += files.length;
            worker.postMessage(files.length > 0 ? files : null);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve(undefined) : reject(new Error(`corpus worker exited with code ${code}`))));
        });
      }),
    );
  }
  return records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * A digest of everything the run found, timings and stack traces aside: equal digests mean the
 * runs agreed on every message, fix, suggestion and analysis summary of every file.
 * @param {readonly FileRecord[]} records
 */
export function digestOf(records) {
  const hash = createHash('sha256');
  for (const record of records) {
    const { crash } = record;
    hash.update(JSON.stringify({ ...record, ms: undefined, crash: crash && { pass: crash.pass, ruleId: crash.ruleId, message: crash.message } }));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/**
 * @typedef {object} PassSummary
 * @property {number} files
 * @property {Record<string, { reports: number, autofixes: number, suggestions: number }>} rules
 * @property {number} fixedFiles
 * @property {number} multiPassFiles
 * @property {number} cascadeFiles
 * @property {{ file: string, reports: string[] }[]} newReports
 * @property {{ file: string, mode: string | null, problems: string[] }[]} brokenFixes
 * @property {number} suggestionsChecked
 * @property {{ file: string, at: string, problems: string[] }[]} brokenSuggestions
 */

/**
 * Totals of a run, for the report.
 * @param {readonly FileRecord[]} records
 */
export function summarize(records) {
  /** @type {Record<string, number>} */
  const modes = {};
  /** @type {Record<string, number>} */
  const probe = {};
  /** @type {Record<'default' | 'stress', PassSummary>} */
  const passes = { default: emptyPass(), stress: emptyPass() };
  const crashes = records.filter((record) => record.crash);
  const skipped = records.filter((record) => record.mode === null && !record.crash);
  for (const record of records) {
    add(modes, record.mode ?? 'none (skipped)', 1);
    for (const name of /** @type {const} */ (['default', 'stress'])) {
      const pass = record[name];
      if (pass) addPass(passes[name], record, pass);
    }
    for (const entry of record.stress?.probe?.split(' ') ?? []) {
      const [key = '', value = '0'] = entry.split('=');
      const [kind, detail] = key.split(':');
      if (kind === 'role') add(probe, `files: ${detail}`, 1);
      else if (kind === 'clients') add(probe, 'client creations', Number(detail));
      else add(probe, key, Number(value));
    }
  }
  const slowest = [...records].sort((a, b) => b.ms - a.ms).slice(0, 5);
  return { files: records.length, modes, crashes, skipped, passes, probe, slowest };
}

/** @returns {PassSummary} */
function emptyPass() {
  return { files: 0, rules: {}, fixedFiles: 0, multiPassFiles: 0, cascadeFiles: 0, newReports: [], brokenFixes: [], suggestionsChecked: 0, brokenSuggestions: [] };
}

/**
 * @param {PassSummary} summary
 * @param {FileRecord} record
 * @param {import('./lint-file.js').PassRecord} pass
 */
function addPass(summary, record, pass) {
  summary.files++;
  for (const [ruleId, , , , , , , fix, suggestions] of pass.messages) {
    const rule = (summary.rules[String(ruleId ?? '(linter)')] ??= { reports: 0, autofixes: 0, suggestions: 0 });
    rule.reports++;
    if (fix) rule.autofixes++;
    rule.suggestions += /** @type {unknown[]} */ (suggestions).length;
  }
  if (pass.fix) {
    summary.fixedFiles++;
    if (pass.fix.passes > 1) summary.multiPassFiles++;
    if (pass.fix.cascades > 0) summary.cascadeFiles++;
    if (pass.fix.newReports.length > 0) summary.newReports.push({ file: record.file, reports: pass.fix.newReports });
    if (pass.fix.problems.length > 0) summary.brokenFixes.push({ file: record.file, mode: record.mode, problems: pass.fix.problems });
  }
  for (const suggestion of pass.suggestions ?? []) {
    summary.suggestionsChecked++;
    if (suggestion.problems.length > 0) summary.brokenSuggestions.push({ file: record.file, at: suggestion.at, problems: suggestion.problems });
  }
}

/** @param {Record<string, number>} counts @param {string} key @param {number} n */
function add(counts, key, n) {
  counts[key] = (counts[key] ?? 0) + n;
}
