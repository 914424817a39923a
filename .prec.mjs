import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { readFileSync } from 'node:fs';
const plugin = (await import('/work/main/dist/index.js')).default;
const rows = ['no-blocking-in-async', 'no-per-request-client', 'require-client-close', 'rcc-recommended'].flatMap((n) =>
  readFileSync(`/tmp/verdicts-${n}.tsv`, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t')));
const seen = new Set(); const unique = rows.filter((r) => { const k = r.slice(0, 5).join('\t'); if (seen.has(k)) return false; seen.add(k); return true; });
const results = {};
for (const [name, rules] of [['recommended', plugin.configs.recommended.rules], ['strict', plugin.configs.strict.rules]]) {
  const linter = new Linter({ cwd: '/' });
  const config = [{ files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser }, plugins: { 'shared-client': plugin }, rules }];
  const cache = new Map();
  for (const [repo, , file, line, rule, verdict] of unique) {
    const abs = `/work/main/corpus/apps/${repo.replace('/', '+')}/${file}`;
    if (!cache.has(abs)) cache.set(abs, linter.verify(readFileSync(abs, 'utf8'), config, { filename: abs }));
    const still = cache.get(abs).some((m) => m.ruleId === rule && m.line === Number(line));
    const key = `${name} ${rule}`;
    results[key] ??= { tp: 0, fp: 0, unsure: 0, goneTp: 0, goneFp: 0 };
    if (still) results[key][verdict]++; else results[key][verdict === 'tp' ? 'goneTp' : 'goneFp']++;
  }
}
for (const [k, v] of Object.entries(results)) console.log(k.padEnd(50), JSON.stringify(v), 'precision', (v.tp / (v.tp + v.fp) * 100).toFixed(0) + '%');
// details
{
  const linter = new Linter({ cwd: '/' });
  const config = [{ files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser }, plugins: { 'shared-client': plugin }, rules: plugin.configs.recommended.rules }];
  for (const [repo, , file, line, rule, verdict, why] of unique) {
    if (rule === 'shared-client/no-blocking-in-async') continue;
    const abs = `/work/main/corpus/apps/${repo.replace('/', '+')}/${file}`;
    const still = linter.verify(readFileSync(abs, 'utf8'), config, { filename: abs }).some((m) => m.ruleId === rule && m.line === Number(line));
    if ((still && verdict === 'fp') || (!still && verdict === 'tp')) console.log(still ? 'FP-LEFT' : 'TP-GONE', rule.slice(14), repo, file + ':' + line, '|', why.slice(0, 160));
  }
}
