// @ts-check
/**
 * The benchmark: lints the corpus once with ESLint's `stats` timing and prints what each rule
 * costs next to parsing, the anchor `n/no-sync` and an empty floor rule on the plugin's
 * selectors, then checks the budgets (plugin under 1% of lint time, within 3x of `n/no-sync`).
 *
 *   npm run bench                    full corpus (installs corpus/ on first use)
 *   npm run bench -- --sample        the subset `npm test` checks, for a quick look
 *   npm run bench -- --root ../app   another tree
 *   npm run bench -- --file node_modules/x/y.js   one file (repeat --file for more), to profile it
 *   npm run bench -- --root ../app --no-project-layer   the rules with settings `project: false`
 *   node --cpu-prof scripts/bench.js --sample    profile (see docs/performance.md)
 */
import './corpus/rethrow.js';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Linter } from 'eslint';
import nodePlugin from 'eslint-plugin-n';
import { REPO_ROOT, selectFiles } from './corpus/files.js';
import { floorRule } from './corpus/floor-rule.js';
import { configFor, LINTER_CWD, loadPlugin, modesFor, strictestConfig } from './corpus/lint-file.js';

const ANCHOR = 'n/no-sync';
const FLOOR = 'bench/floor';
const BUDGET = { share: 0.01, anchorRatio: 3 };

const { values: args } = parseArgs({
  options: {
    sample: { type: 'boolean', default: false },
    root: { type: 'string', multiple: true },
    file: { type: 'string', multiple: true },
    top: { type: 'string', default: '10' },
    'no-install': { type: 'boolean', default: false },
    'no-project-layer': { type: 'boolean', default: false },
  },
});

if (!existsSync(path.join(REPO_ROOT, 'dist/index.js'))) {
  process.stderr.write('dist/index.js is missing: run `npm run build` first.\n');
  process.exit(1);
}

const plugin = await loadPlugin();
const pluginRuleIds = Object.keys(plugin.rules).map((name) => `shared-client/${name}`);
/** @type {import('eslint').Linter.Config[]} */
const rules = [
  args['no-project-layer'] ? { ...strictestConfig(plugin), settings: { 'shared-client': { project: false } } } : strictestConfig(plugin),
  { plugins: { n: /** @type {import('eslint').ESLint.Plugin} */ (nodePlugin) }, rules: { [ANCHOR]: 'error' } },
  { plugins: { bench: { rules: { floor: floorRule(plugin.rules) } } }, rules: { [FLOOR]: 'error' } },
];
/**
 * ESLint runs rules in config order, and the first rule to read a node after parsing pays for
 * bringing it into the CPU cache: a few microseconds per file, as much as a cheap rule's whole
 * work. The three take turns at being first, file by file.
 */
const rotations = rules.map((_, shift) => [...rules.slice(shift), ...rules.slice(0, shift)]);
const linter = new Linter({ cwd: LINTER_CWD });
const files = selectFiles(args);

/** @type {Record<string, number>} */
const ruleMs = {};
let parseMs = 0;
let totalMs = 0;
let linted = 0;
let bytes = 0;
/** @type {{ file: string, ms: number, anchorMs: number }[]} */
const pluginByFile = [];
const started = performance.now();
for (const [index, file] of files.entries()) {
  const filename = path.join(REPO_ROOT, file);
  const text = readFileSync(filename, 'utf8');
  for (const mode of modesFor(file)) {
    // `stats` is what `new ESLint({ stats: true })` passes to the linter; ESLint's types do not list it for verifyAndFix.
    const options = /** @type {import('eslint').Linter.FixOptions} */ ({ filename, fix: false, stats: true, allowInlineConfig: false });
    const { messages } = linter.verifyAndFix(text, configFor(mode, rotations[index % rotations.length] ?? rules), options);
    if (messages.some((message) => message.fatal)) continue;
    /** @type {{ parse?: { total: number }, rules?: Record<string, { total: number }>, total?: number }} */
    const times = linter.getTimes().passes[0] ?? {};
    linted++;
    bytes += text.length;
    parseMs += times.parse?.total ?? 0;
    totalMs += times.total ?? 0;
    let pluginMs = 0;
    for (const [ruleId, { total }] of Object.entries(times.rules ?? {})) {
      ruleMs[ruleId] = (ruleMs[ruleId] ?? 0) + total;
      if (pluginRuleIds.includes(ruleId)) pluginMs += total;
    }
    pluginByFile.push({ file, ms: pluginMs, anchorMs: times.rules?.[ANCHOR]?.total ?? 0 });
    break;
  }
  if ((index + 1) % 2000 === 0) process.stderr.write(`  ${index + 1}/${files.length} files\n`);
}
const wallSeconds = (performance.now() - started) / 1000;

const pluginMs = pluginRuleIds.reduce((sum, ruleId) => sum + (ruleMs[ruleId] ?? 0), 0);
const anchorMs = ruleMs[ANCHOR] ?? 0;
const share = pluginMs / totalMs;
const anchorRatio = pluginMs / anchorMs;
const out = (/** @type {string} */ line = '') => process.stdout.write(`${line}\n`);
const ms = (/** @type {number} */ value) => `${value.toFixed(0).padStart(8)} ms`;
const percent = (/** @type {number} */ value) => `${(value * 100).toFixed(3)}%`;

out(`date:      ${new Date().toISOString()}`);
out(`machine:   ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${os.platform()} ${os.release()}`);
out(`project layer: ${args['no-project-layer'] ? 'off' : 'on'}`);
out(`corpus:    ${linted} files linted (${(bytes / 2 ** 20).toFixed(1)} MiB) of ${files.length}, ${wallSeconds.toFixed(1)} s wall, ${(linted / wallSeconds).toFixed(0)} files/s`);
out();
out(`total lint time     ${ms(totalMs)}  100%`);
out(`parse               ${ms(parseMs)}  ${percent(parseMs / totalMs)}`);
for (const ruleId of [...pluginRuleIds, ANCHOR, FLOOR]) {
  out(`${ruleId.padEnd(36)}${ms(ruleMs[ruleId] ?? 0)}  ${percent((ruleMs[ruleId] ?? 0) / totalMs)}`);
}
out(`${'plugin (all rules)'.padEnd(36)}${ms(pluginMs)}  ${percent(share)}`);
out(`${'plugin above the floor'.padEnd(36)}${ms(pluginMs - (ruleMs[FLOOR] ?? 0))}`);
out();
const shareOk = share < BUDGET.share;
const anchorOk = anchorRatio <= BUDGET.anchorRatio;
out(`budget: plugin share ${percent(share)} (limit ${percent(BUDGET.share)}) ${shareOk ? 'ok' : 'OVER'}`);
out(`budget: plugin / ${ANCHOR} = ${anchorRatio.toFixed(2)}x (limit ${BUDGET.anchorRatio}x) ${anchorOk ? 'ok' : 'OVER'}`);
// Totals carry every garbage collection and interrupt that lands in a rule; per-file quantiles do not.
const quantile = (/** @type {number[]} */ values, /** @type {number} */ q) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] ?? 0;
const us = (/** @type {number} */ value) => `${(value * 1000).toFixed(1)} us`;
for (const [label, q] of /** @type {const} */ ([['median', 0.5], ['90th percentile', 0.9]])) {
  const plugin = quantile(pluginByFile.map((entry) => entry.ms), q);
  const anchor = quantile(pluginByFile.map((entry) => entry.anchorMs), q);
  out(`per file, ${label}: plugin ${us(plugin)}, ${ANCHOR} ${us(anchor)} (${(plugin / anchor).toFixed(2)}x)`);
}
out();
out(`slowest files for the plugin:`);
for (const { file, ms: fileMs } of pluginByFile.sort((a, b) => b.ms - a.ms).slice(0, Number(args.top))) out(`  ${fileMs.toFixed(1).padStart(8)} ms  ${file}`);
process.exitCode = shareOk && anchorOk ? 0 : 1;

