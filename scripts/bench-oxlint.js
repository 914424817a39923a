// Times ESLint and Oxlint running this plugin's rules (and nothing else) on the same trees, for
// docs/oxlint.md: the example apps (each with its own configs) and a bigger tree of real Node.js
// code copied from node_modules plus this repository's src/. Run after `npm run build`:
//   node scripts/bench-oxlint.js [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 5);
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');
const oxlintBin = path.join(root, 'node_modules/oxlint/bin/oxlint');
const pluginEntry = path.join(root, 'dist/index.js');
const hasTime = existsSync('/usr/bin/time');
const { default: sharedClient } = await import(pathToFileURL(pluginEntry).href);

/** Wall and CPU (user + system, children included) seconds of one run, and what it printed. */
function timed(args, cwd) {
  const command = hasTime ? '/usr/bin/time' : process.execPath;
  const fullArgs = hasTime ? ['-f', '%e %U %S', process.execPath, ...args] : args;
  const started = performance.now();
  const result = spawnSync(command, fullArgs, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  const [, user, system] = hasTime ? result.stderr.trim().split('\n').at(-1).split(' ').map(Number) : [0, NaN, NaN];
  return { wall, cpu: user + system, stdout: result.stdout };
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs `steps` (one per app, or one) `runs` times after a warm-up; medians of the summed times. */
function measure(steps) {
  const walls = [];
  const cpus = [];
  let findings = 0;
  let files = 0;
  for (let run = 0; run <= runs; run++) {
    let wall = 0;
    let cpu = 0;
    findings = 0;
    files = 0;
    for (const step of steps) {
      const result = timed(step.args, step.cwd);
      wall += result.wall;
      cpu += result.cpu;
      const counted = step.count(result.stdout);
      findings += counted.findings;
      files += counted.files;
    }
    if (run > 0) {
      walls.push(wall);
      cpus.push(cpu);
    }
  }
  return { wall: median(walls), cpu: median(cpus), findings, files };
}

const eslintCount = (stdout) => {
  const results = JSON.parse(stdout);
  return { files: results.length, findings: results.reduce((sum, result) => sum + result.messages.length, 0) };
};
const oxlintCount = (stdout) => {
  const report = JSON.parse(stdout);
  return { files: report.number_of_files, findings: report.diagnostics.length };
};

function bigTree() {
  const directory = mkdtempSync(path.join(tmpdir(), 'shared-client-bench-'));
  const sources = [
    ['eslint', 'node_modules/eslint/lib'],
    ['eslint-plugin-n', 'node_modules/eslint-plugin-n/lib'],
    ['eslint-doc-generator', 'node_modules/eslint-doc-generator/dist'],
    ...readdirSync(path.join(root, 'node_modules/@typescript-eslint')).map((name) => [`typescript-eslint-${name}`, `node_modules/@typescript-eslint/${name}/dist`]),
    ['shared-client', 'src'],
  ];
  for (const [name, source] of sources) {
    if (!existsSync(path.join(root, source))) continue;
    cpSync(path.join(root, source), path.join(directory, name), {
      recursive: true,
      filter: (from) => !/\.(d\.[cm]?ts|map|json|md)$/.test(from),
    });
  }
  const tseslint = import.meta.resolve('typescript-eslint');
  writeFileSync(
    path.join(directory, 'eslint.config.js'),
    `import tseslint from ${JSON.stringify(tseslint)};
import sharedClient from ${JSON.stringify(pathToFileURL(pluginEntry).href)};
export default [
  { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tseslint.parser } },
  sharedClient.configs.recommended,
];
`,
  );
  // The same rules, and only those, under Oxlint.
  writeFileSync(
    path.join(directory, '.oxlintrc.json'),
    JSON.stringify({ plugins: [], categories: { correctness: 'off' }, jsPlugins: [pluginEntry], rules: sharedClient.configs.recommended.rules }),
  );
  // A reference: Oxlint with no rule at all (parsing and walking the files, in Rust).
  writeFileSync(path.join(directory, 'oxlint.none.json'), JSON.stringify({ plugins: [], categories: { correctness: 'off' } }));
  return directory;
}

const apps = readdirSync(path.join(root, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(root, 'examples', entry.name));
const big = bigTree();

const rows = [];
const add = (tree, tool, result) => rows.push({ tree, tool, ...result });
try {
  add('examples', 'eslint', measure(apps.map((cwd) => ({ cwd, args: [eslintBin, '--format', 'json', '.'], count: eslintCount }))));
  add('examples', 'oxlint', measure(apps.map((cwd) => ({ cwd, args: [oxlintBin, '-c', 'oxlint.config.js', '--format', 'json', '.'], count: oxlintCount }))));
  // The copied packages carry eslint-disable comments for their own rules: ignore inline config.
  const eslintBig = [eslintBin, '--format', 'json', '--no-inline-config', '.'];
  add('node_modules + src', 'eslint', measure([{ cwd: big, args: eslintBig, count: eslintCount }]));
  add('node_modules + src', 'eslint --concurrency 2', measure([{ cwd: big, args: [...eslintBig, '--concurrency', '2'], count: eslintCount }]));
  add('node_modules + src', 'oxlint', measure([{ cwd: big, args: [oxlintBin, '--format', 'json', '.'], count: oxlintCount }]));
  add('node_modules + src', 'oxlint, no rules', measure([{ cwd: big, args: [oxlintBin, '--format', 'json', '-c', 'oxlint.none.json', '.'], count: oxlintCount }]));
} finally {
  rmSync(big, { recursive: true, force: true });
}

const version = (bin) => execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim();
console.log(`ESLint ${version(eslintBin)}, Oxlint ${version(oxlintBin).replace(/^Version: /, '')}, Node.js ${process.version}, ${cpus().length} CPUs, median of ${runs} runs after a warm-up\n`);
console.log('| tree | linter | files | findings | wall (s) | CPU (s) |');
console.log('| :--- | :--- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(`| ${row.tree} | ${row.tool} | ${row.files} | ${row.findings} | ${row.wall.toFixed(2)} | ${row.cpu.toFixed(2)} |`);
for (const tree of new Set(rows.map((row) => row.tree))) {
  const eslint = rows.find((row) => row.tree === tree && row.tool === 'eslint');
  const oxlint = rows.find((row) => row.tree === tree && row.tool === 'oxlint');
  console.log(`\n${tree}: Oxlint/ESLint = ${(oxlint.wall / eslint.wall).toFixed(2)} wall, ${(oxlint.cpu / eslint.cpu).toFixed(2)} CPU`);
}
