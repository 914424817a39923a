// Lints every example app under examples/ with its own eslint.config.js, as a user's `eslint .`
// would, and prints the findings in ESLint's stylish format.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const examplesRoot = fileURLToPath(new URL('../examples/', import.meta.url));
const apps = readdirSync(examplesRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let total = 0;
for (const app of apps) {
  const eslint = new ESLint({ cwd: `${examplesRoot}${app}` });
  const results = await eslint.lintFiles(['.']);
  const findings = results.reduce((count, result) => count + result.messages.length, 0);
  total += findings;
  const formatter = await eslint.loadFormatter('stylish');
  console.log(`\n=== examples/${app}: ${findings} finding(s) in ${results.length} file(s)`);
  const output = await formatter.format(results);
  if (output) console.log(output.trimEnd());
}
console.log(`\n${total} finding(s) across ${apps.length} example app(s).`);
