import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { readFileSync } from 'node:fs';
const plugin = (await import('/work/main/dist/index.js')).default;
const abs = process.argv[2];
const linter = new Linter({ cwd: '/' });
const config = [{ files: ['**/*.{ts,js,mjs,tsx}'], languageOptions: { parser: tseslint.parser }, plugins: { 'shared-client': plugin }, rules: plugin.configs.strict.rules }];
console.log(linter.verify(readFileSync(abs, 'utf8'), config, { filename: abs }).map(m => m.line + ' ' + m.ruleId + ' ' + m.message.slice(0, 150)));
