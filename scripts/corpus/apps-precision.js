// @ts-check
/**
 * Precision of the current build on the classified sample (docs/app-corpus.md): re-lints the file
 * of every classified report with the built plugin under the `recommended` and the `strict`
 * config, and counts the verdicts of the reports each still makes. A rule change that silences a
 * false positive shows here without classifying a new sample (the reports still made are a random
 * sample of what the build reports, as long as it only takes reports away).
 *
 *   npm run build && node scripts/corpus/apps-precision.js [corpus/app-verdicts.tsv] [--false-positives]
 *
 * `--false-positives` also lists, per config, the classified false positives the build still reports;
 * `--silenced-true-positives` the classified true positives it no longer reports (what a change lost).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './files.js';
import { stillReportedUnder } from './relint.js';

const listFalsePositives = process.argv.includes('--false-positives');
const listSilencedTruePositives = process.argv.includes('--silenced-true-positives');
const verdictsFile = process.argv.slice(2).find((argument) => !argument.startsWith('--')) ?? path.join(REPO_ROOT, 'corpus/app-verdicts.tsv');
/** @type {string[]} */
const stillReportedFalsePositives = [];
/** @type {string[]} */
const silencedTruePositives = [];
const rows = readFileSync(verdictsFile, 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => line.split('\t'))
  .filter((columns) => ['tp', 'fp'].includes(columns[5] ?? ''));

/** @type {Record<string, { tp: number, fp: number, silencedTp: number, silencedFp: number }>} */
const counts = {};
for (const name of /** @type {const} */ (['recommended', 'strict'])) {
  const stillReported = await stillReportedUnder(name);
  for (const [repo = '', , file = '', line = '', rule = '', verdict = '', why = ''] of rows) {
    const still = stillReported(repo, file, rule, Number(line));
    const entry = (counts[`${name}\t${rule}`] ??= { tp: 0, fp: 0, silencedTp: 0, silencedFp: 0 });
    if (still) entry[verdict === 'tp' ? 'tp' : 'fp']++;
    else entry[verdict === 'tp' ? 'silencedTp' : 'silencedFp']++;
    if (!still && verdict === 'tp') silencedTruePositives.push(`${name}\t${rule}\t${repo} ${file}:${line}\t${why}`);
    if (still && verdict === 'fp') stillReportedFalsePositives.push(`${name}\t${rule}\t${repo} ${file}:${line}\t${why}`);
  }
}
console.log('| config | rule | still reported: tp | fp | precision | not reported by this config (silenced, or strict only): tp | fp |');
console.log('|:--|:--|--:|--:|--:|--:|--:|');
for (const [key, { tp, fp, silencedTp, silencedFp }] of Object.entries(counts)) {
  const [name, rule] = key.split('\t');
  const precision = tp + fp === 0 ? '-' : `${Math.round((100 * tp) / (tp + fp))}%`;
  console.log(`| ${name} | ${rule} | ${tp} | ${fp} | ${precision} | ${silencedTp} | ${silencedFp} |`);
}
if (listFalsePositives) {
  console.log('\nfalse positives still reported:');
  for (const line of stillReportedFalsePositives) console.log(line);
}
if (listSilencedTruePositives) {
  console.log('\ntrue positives no longer reported:');
  for (const line of silencedTruePositives) console.log(line);
}
