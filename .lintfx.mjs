import { ESLint } from 'eslint';
import plugin from '/work/main/dist/index.js';
import tseslint from 'typescript-eslint';
const dir = process.argv[2];
const project = process.argv[3] === 'off' ? false : undefined;
const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [
  { files: ['**/*.{js,mjs,cjs,ts,tsx}'], languageOptions: { parser: tseslint.parser }, plugins: { 'shared-client': plugin },
    settings: project === false ? { 'shared-client': { project: false } } : {},
    rules: { 'shared-client/no-per-request-client': 'error', 'shared-client/no-blocking-in-async': 'error', 'shared-client/require-client-close': 'error' } } ] });
const res = await eslint.lintFiles(['.']);
for (const r of res) for (const m of r.messages) console.log(r.filePath.replace(dir+'/',''), m.line+':'+m.column, m.ruleId, m.message, m.fix? 'FIX':'', (m.suggestions||[]).length+'sugg');
