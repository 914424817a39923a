// @ts-check
/**
 * Precision by reading, for the application corpus (docs/app-corpus.md).
 *
 *   node scripts/corpus/apps-sample.js reports.json [--seed 1] [--per-rule 40] > sample.md
 *       a seeded random sample of the reports of `npm run corpus -- --apps --json reports.json`:
 *       up to 40 per rule (all when fewer), each with ~25 lines of code around it and a TSV line
 *       to copy into corpus/app-verdicts.tsv with a verdict (tp, fp or unsure) and why
 *   node scripts/corpus/apps-sample.js reports.json --unclassified corpus/app-verdicts.tsv ...
 *       the same, drawn only from reports that the verdicts file does not classify yet
 *   node scripts/corpus/apps-sample.js reports.json --still-reported-by recommended ...
 *       the same, drawn only from reports the built plugin still makes under that config (the
 *       corpus run lints with the strictest one; users mostly run `recommended`)
 *   node scripts/corpus/apps-sample.js --precision corpus/app-verdicts.tsv
 *       precision per rule from the classified lines: tp / (tp + fp), unsure left out
 *
 * The code comes from corpus/apps/ (`node scripts/corpus/apps.js` extracts it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { APPS_ROOT } from './apps.js';
import { stillReportedUnder } from './relint.js';

/** @typedef {import('./apps.js').AppReport} AppReport */

const CONTEXT_LINES = 12;

/**
 * A small seeded generator (mulberry32): the same seed gives the same sample on every machine.
 * @param {number} seed
 */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {AppReport} a @param {AppReport} b */
function byPlace(a, b) {
  return a.repo.localeCompare(b.repo) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/**
 * Up to `perRule` reports of each rule, drawn at random with `seed` from the reports in a fixed
 * order (so the sample depends on the reports and the seed only), sorted by place.
 * @param {readonly AppReport[]} reports
 * @param {{ seed: number, perRule: number }} options
 * @returns {Map<string, AppReport[]>}
 */
export function sampleReports(reports, { seed, perRule }) {
  /** @type {Map<string, AppReport[]>} */
  const byRule = new Map();
  for (const report of [...reports].sort(byPlace)) byRule.set(report.rule, [...(byRule.get(report.rule) ?? []), report]);
  /** @type {Map<string, AppReport[]>} */
  const sample = new Map();
  for (const rule of [...byRule.keys()].sort()) {
    const pool = [...(byRule.get(rule) ?? [])];
    const next = random(seed);
    // A partial Fisher-Yates shuffle: the first `perRule` places are a uniform sample.
    for (let index = 0; index < Math.min(perRule, pool.length); index++) {
      const pick = index + Math.floor(next() * (pool.length - index));
      [pool[index], pool[pick]] = [/** @type {AppReport} */ (pool[pick]), /** @type {AppReport} */ (pool[index])];
    }
    sample.set(rule, pool.slice(0, perRule).sort(byPlace));
  }
  return sample;
}

/** @param {AppReport} report */
function codeAround(report) {
  const full = path.join(APPS_ROOT, report.repo.replace('/', '+'), report.file);
  if (!existsSync(full)) return `(${path.relative(process.cwd(), full)} is not extracted: run node scripts/corpus/apps.js)`;
  const lines = readFileSync(full, 'utf8').split(/\r?\n/);
  const last = report.endLine ?? report.line;
  const from = Math.max(1, report.line - CONTEXT_LINES);
  const to = Math.min(lines.length, Math.max(last, report.line + CONTEXT_LINES));
  const width = String(to).length;
  const out = [];
  for (let line = from; line <= to; line++) {
    const marker = line >= report.line && line <= last ? '>' : ' ';
    out.push(`${marker}${String(line).padStart(width)} | ${lines[line - 1] ?? ''}`);
  }
  return out.join('\n');
}

/** @param {string} file */
function fenceLanguage(file) {
  const extension = path.extname(file).slice(1);
  return /^[cm]?ts$/.test(extension) ? 'ts' : extension === 'tsx' ? 'tsx' : extension === 'jsx' ? 'jsx' : 'js';
}

/**
 * @param {{ reports: AppReport[], files?: number }} run
 * @param {{ seed: number, perRule: number, source: string }} options
 */
export function sampleMarkdown(run, { seed, perRule, source }) {
  const sample = sampleReports(run.reports, { seed, perRule });
  const total = (/** @type {string} */ rule) => run.reports.filter((report) => report.rule === rule).length;
  const out = [
    '# Application corpus: sample for precision by reading',
    '',
    `From \`${source}\` (${run.reports.length} reports${run.files ? ` in ${run.files} files` : ''}), seed ${seed}, up to ${perRule} reports per rule.`,
    'Classify each one by copying its TSV line into `corpus/app-verdicts.tsv` with a verdict',
    '(`tp`, `fp` or `unsure`) and a short why; then `node scripts/corpus/apps-sample.js --precision corpus/app-verdicts.tsv`.',
    '',
  ];
  for (const [rule, reports] of sample) out.push(`- ${rule}: ${reports.length} of ${total(rule)}`);
  for (const [rule, reports] of sample) {
    out.push('', `## ${rule}`, '');
    reports.forEach((report, index) => {
      out.push(
        `### ${index + 1}. ${report.repo} ${report.file}:${report.line}`,
        '',
        `${report.rule} (${report.messageId ?? 'no message id'}${report.fix ? ', autofix' : ''}${report.suggestions ? `, ${report.suggestions} suggestion(s)` : ''}): ${report.message}`,
        '',
        `\`\`\`${fenceLanguage(report.file)}`,
        codeAround(report),
        '```',
        '',
        '```tsv',
        [report.repo, report.commit, report.file, report.line, report.rule, '', ''].join('\t'),
        '```',
        '',
      );
    });
  }
  return out.join('\n');
}

/**
 * The reports a verdicts file does not classify (matched by repo, file, line and rule).
 * @param {readonly AppReport[]} reports
 * @param {string} verdictsText
 */
export function unclassifiedReports(reports, verdictsText) {
  const classified = new Set(
    verdictsText
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .map(([repo, , file, line, rule]) => `${repo}\t${file}\t${line}\t${rule}`),
  );
  return reports.filter((report) => !classified.has(`${report.repo}\t${report.file}\t${report.line}\t${report.rule}`));
}

/**
 * Precision per rule from a verdicts file (header `repo commit file line rule verdict why`).
 * @param {string} text
 */
export function precisionMarkdown(text) {
  /** @type {Map<string, { tp: number, fp: number, unsure: number, open: number }>} */
  const counts = new Map();
  /** @type {string[]} */
  const problems = [];
  const seen = new Set();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#') || (index === 0 && line.startsWith('repo\t'))) return;
    const [repo = '', , file = '', at = '', rule = '', verdict = ''] = line.split('\t');
    const key = `${repo}\t${file}\t${at}\t${rule}`;
    if (seen.has(key)) {
      problems.push(`line ${index + 1}: classified twice (${repo} ${file}:${at} ${rule})`);
      return;
    }
    seen.add(key);
    const count = counts.get(rule) ?? { tp: 0, fp: 0, unsure: 0, open: 0 };
    counts.set(rule, count);
    const value = verdict.trim().toLowerCase();
    if (value === 'tp' || value === 'fp' || value === 'unsure') count[value]++;
    else if (value === '') count.open++;
    else problems.push(`line ${index + 1}: unknown verdict "${verdict}" (tp, fp or unsure)`);
  });
  const out = ['| rule | classified | tp | fp | unsure | not classified yet | precision | 95% interval |', '|:--|--:|--:|--:|--:|--:|--:|:--|'];
  for (const [rule, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const decided = count.tp + count.fp;
    const [low, high] = wilson(count.tp, decided);
    out.push(
      `| ${rule} | ${decided + count.unsure} | ${count.tp} | ${count.fp} | ${count.unsure} | ${count.open} | ${decided ? `${((100 * count.tp) / decided).toFixed(0)}%` : '-'} | ${decided ? `${(100 * low).toFixed(0)}-${(100 * high).toFixed(0)}%` : '-'} |`,
    );
  }
  if (counts.size === 0) out.push('| (no classified reports yet) | | | | | | | |');
  return [...out, ...problems.map((problem) => `\n${problem}`)].join('\n');
}

/**
 * Wilson score interval (95%) of `successes` in `n`.
 * @param {number} successes
 * @param {number} n
 * @returns {[number, number]}
 */
function wilson(successes, n) {
  if (n === 0) return [0, 0];
  const z = 1.96;
  const p = successes / n;
  const center = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const margin = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, center - margin), Math.min(1, center + margin)];
}

if (import.meta.filename === process.argv[1]) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      seed: { type: 'string', default: '1' },
      'per-rule': { type: 'string', default: '40' },
      precision: { type: 'string' },
      unclassified: { type: 'string' },
      'still-reported-by': { type: 'string' },
    },
  });
  if (values.precision) {
    process.stdout.write(`${precisionMarkdown(readFileSync(values.precision, 'utf8'))}\n`);
  } else {
    const source = positionals[0];
    if (!source) {
      process.stderr.write('usage: node scripts/corpus/apps-sample.js reports.json [--seed 1] [--per-rule 40]\n       node scripts/corpus/apps-sample.js --precision corpus/app-verdicts.tsv\n');
      process.exit(2);
    }
    const run = JSON.parse(readFileSync(source, 'utf8'));
    if (values.unclassified) run.reports = unclassifiedReports(run.reports, readFileSync(values.unclassified, 'utf8'));
    const configName = values['still-reported-by'];
    if (configName) {
      if (configName !== 'recommended' && configName !== 'strict') throw new Error(`--still-reported-by: recommended or strict, not ${configName}`);
      const stillReported = await stillReportedUnder(configName);
      run.reports = run.reports.filter((/** @type {AppReport} */ report) => stillReported(report.repo, report.file, report.rule, report.line));
    }
    process.stdout.write(`${sampleMarkdown(run, { seed: Number(values.seed), perRule: Number(values['per-rule']), source })}\n`);
  }
}
