// @ts-check
/**
 * The corpus run: lints thousands of real files with every rule of the built plugin at its
 * strictest options, and fails on any crash, broken fix or nondeterminism.
 *
 *   npm run corpus                    full corpus (installs corpus/ on first use), 3 runs compared
 *   npm run corpus -- --sample        the subset `npm test` checks
 *   npm run corpus -- --once --concurrency 2    one run, for quick iterations
 *   npm run corpus -- --json out.json          also write every file's record
 *   npm run corpus -- --root ../my-app          lint another tree instead
 *   npm run corpus -- --once --file corpus/node_modules/x/y.js    go back to one finding
 *   npm run corpus -- --apps                    the application corpus (corpus/apps.json), 2 runs compared
 *   npm run corpus -- --apps --app outline/outline --once    one app, one run
 *   npm run corpus -- --apps --json reports.json            also write every report (for scripts/corpus/apps-sample.js)
 *
 * See docs/performance.md and docs/app-corpus.md.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { appFiles, appReports, appTable, extractApps, selectApps } from './corpus/apps.js';
import { REPO_ROOT, selectFiles } from './corpus/files.js';
import { STRESS_MAX_CHARS, loadPlugin } from './corpus/lint-file.js';
import { digestOf, runCorpus, summarize } from './corpus/run.js';

const { values: args } = parseArgs({
  options: {
    sample: { type: 'boolean', default: false },
    once: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '1' },
    json: { type: 'string' },
    root: { type: 'string', multiple: true },
    file: { type: 'string', multiple: true },
    'no-install': { type: 'boolean', default: false },
    'no-stress': { type: 'boolean', default: false },
    apps: { type: 'boolean', default: false },
    app: { type: 'string', multiple: true },
  },
});
const appsMode = args.apps || (args.app?.length ?? 0) > 0;

if (!existsSync(path.join(REPO_ROOT, 'dist/index.js'))) fail('dist/index.js is missing: run `npm run build` first.');

const apps = appsMode ? selectApps(args.app) : [];
if (appsMode) {
  process.stderr.write(`Application corpus: ${apps.length} app(s) (corpus/apps.json)\n`);
  await extractApps(apps);
}
const plugin = await loadPlugin();
const files = appsMode ? appFiles(apps) : selectFiles(args);
const stress = !args['no-stress'];
const log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);

/**
 * The application corpus makes two runs: in order (with `--concurrency`, 1 by default), then in
 * reverse order over 2 worker threads with the probe asking in reverse: the project layer then
 * builds each app's index from another first file, in other threads.
 * @type {{ label: string, options: { concurrency?: number, reverse?: boolean } }[]}
 */
const runs = args.once
  ? [{ label: `concurrency ${args.concurrency}`, options: { concurrency: Number(args.concurrency) } }]
  : appsMode
  ? [
      { label: `run 1 (in order, concurrency ${args.concurrency})`, options: { concurrency: Number(args.concurrency) } },
      { label: 'run 2 (reverse order, 2 worker threads)', options: { concurrency: 2, reverse: true } },
    ]
  : [
      { label: 'run 1 (in order)', options: {} },
      { label: 'run 2 (reverse order, same process)', options: { reverse: true } },
      { label: 'run 3 (2 worker threads)', options: { concurrency: 2 } },
    ];

log(`Linting ${files.length} files${args.sample ? ' (sample)' : ''}${appsMode ? ` of ${apps.length} app(s)` : ''}, ${runs.length} run(s).`);
const results = [];
for (const run of runs) {
  const started = performance.now();
  const records = await runCorpus(files, {
    ...run.options,
    stress,
    onProgress: (done) => {
      if (done % 1000 === 0) log(`  ${run.label}: ${done}/${files.length} files, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  results.push({ ...run, records, seconds, digest: digestOf(records) });
  log(`  ${run.label}: ${seconds.toFixed(1)} s, digest ${digestOf(records).slice(0, 16)}`);
}

const first = results[0];
if (!first) fail('nothing ran');
const summary = summarize(first.records);
const deterministic = results.every((result) => result.digest === first.digest);
report(summary, results, deterministic);
if (appsMode) {
  const ruleIds = Object.keys(plugin.rules).map((name) => `shared-client/${name}`).sort();
  process.stdout.write(`\nper app (strictest config's reports; broken: fixes and suggestions of both passes; time summed over files):\n${appTable(apps, first.records, ruleIds)}\n`);
  if (args.json) {
    const output = { apps: apps.map(({ repo, commit }) => ({ repo, commit })), files: first.records.length, reports: appReports(apps, first.records) };
    writeFileSync(args.json, `${JSON.stringify(output, null, 1)}\n`);
  }
} else if (args.json) writeFileSync(args.json, `${JSON.stringify(first.records, null, 1)}\n`);

const broken = Object.values(summary.passes).reduce((n, pass) => n + pass.brokenFixes.length + pass.brokenSuggestions.length, 0);
// Messages of ESLint itself (no matching configuration, ...) mean a file was not linted as intended.
const unlinted = Object.values(summary.passes).reduce((n, pass) => n + (pass.rules['(linter)']?.reports ?? 0), 0);
const failures = summary.crashes.length + broken + unlinted + (deterministic ? 0 : 1);
process.exitCode = failures > 0 ? 1 : 0;

/**
 * @param {ReturnType<typeof summarize>} summary
 * @param {{ label: string, seconds: number, digest: string, records: unknown[] }[]} results
 * @param {boolean} deterministic
 */
function report(summary, results, deterministic) {
  const out = (/** @type {string} */ line = '') => process.stdout.write(`${line}\n`);
  const skippedCount = summary.skipped.length;
  out(`files:            ${summary.files} (${summary.files - skippedCount} linted, ${skippedCount} skipped: no parser accepts them)`);
  out(`parsers:          ${Object.entries(summary.modes).map(([mode, n]) => `${mode} ${n}`).join(', ')}`);
  for (const result of results) out(`${result.label.padEnd(38)} ${result.seconds.toFixed(1)} s, ${(result.records.length / result.seconds).toFixed(0)} files/s`);
  out(`deterministic:    ${deterministic ? 'yes' : 'NO'} (digest ${results[0]?.digest.slice(0, 16)})`);
  out(`crashes:          ${summary.crashes.length}`);
  for (const [name, pass] of Object.entries(summary.passes)) {
    const title = name === 'default' ? 'strictest config' : `stress settings (scripts/corpus/stress.js, files up to ${STRESS_MAX_CHARS} chars)`;
    out(`${title}: ${pass.files} files`);
    const ruleIds = Object.keys(pass.rules).sort();
    if (ruleIds.length === 0) out('  reports: none');
    for (const ruleId of ruleIds) {
      const rule = pass.rules[ruleId];
      out(`  ${ruleId}: ${rule?.reports} reports, ${rule?.autofixes} autofixes, ${rule?.suggestions} suggestions`);
    }
    out(`  fixed files: ${pass.fixedFiles} (${pass.multiPassFiles} took more than one pass, ${pass.cascadeFiles} with a fix unlocked by another), broken fixes: ${pass.brokenFixes.length}`);
    out(`  suggestions applied one by one: ${pass.suggestionsChecked}, broken: ${pass.brokenSuggestions.length}`);
    const newReports = pass.newReports.reduce((n, entry) => n + entry.reports.length, 0);
    out(`  reports without a fix that fixes led to: ${newReports} in ${pass.newReports.length} files${newReports > 0 ? ` (first: ${pass.newReports[0]?.file} ${pass.newReports[0]?.reports[0]})` : ''}`);
  }
  out(`slowest files:    ${summary.slowest.map((record) => `${record.file} ${(record.ms / 1000).toFixed(1)} s`).join(', ')}`);
  out(`analysis probe:   ${Object.entries(summary.probe).sort().map(([key, n]) => `${key} ${n}`).join(', ')}`);
  for (const record of summary.skipped.slice(0, 10)) out(`  skipped ${record.file}: ${record.parseError}`);
  if (summary.skipped.length > 10) out(`  ... and ${summary.skipped.length - 10} more skipped`);
  for (const record of summary.crashes) out(`\nCRASH ${record.file} (${record.mode}, ${record.crash?.pass} pass) in ${record.crash?.ruleId}:\n${record.crash?.stack}`);
  for (const [name, pass] of Object.entries(summary.passes)) {
    for (const broken of pass.brokenFixes) out(`\nBROKEN FIX (${name}) ${broken.file} (${broken.mode}):\n  ${broken.problems.join('\n  ')}`);
    for (const broken of pass.brokenSuggestions) out(`\nBROKEN SUGGESTION (${name}) ${broken.file} ${broken.at}:\n  ${broken.problems.join('\n  ')}`);
  }
  if (!deterministic) {
    for (const result of results) out(`digest ${result.digest} ${result.label}`);
    const [a, b] = results.filter((result) => result.digest !== results[0]?.digest).length > 0 ? [results[0], results.find((r) => r.digest !== results[0]?.digest)] : [];
    if (a && b) {
      const differing = a.records.findIndex((record, index) => JSON.stringify({ ...(/** @type {object} */ (record)), ms: 0 }) !== JSON.stringify({ ...(/** @type {object} */ (b.records[index])), ms: 0 }));
      out(`first difference (${a.label} vs ${b.label}):\n${JSON.stringify(a.records[differing])}\n${JSON.stringify(b.records[differing])}`);
    }
  }
}

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
