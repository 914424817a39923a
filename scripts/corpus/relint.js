// @ts-check
/**
 * Re-lints files of the application corpus with the built plugin under one of its configs, each
 * file once: what the current build still reports of a past run's reports or of classified ones.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { APPS_ROOT } from './apps.js';
import { LINTER_CWD, loadPlugin } from './lint-file.js';

/**
 * @param {'recommended' | 'strict'} configName
 * @returns {Promise<(repo: string, file: string, rule: string, line: number) => boolean>} whether the build reports `rule` on that line
 */
export async function stillReportedUnder(configName) {
  const plugin = await loadPlugin();
  const linter = new Linter({ cwd: LINTER_CWD });
  /** @type {import('eslint').Linter.Config[]} */
  const config = [
    { files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], languageOptions: { parser: tseslint.parser } },
    plugin.configs[configName],
  ];
  /** @type {Map<string, import('eslint').Linter.LintMessage[]>} */
  const messagesOf = new Map();
  return (repo, file, rule, line) => {
    const filename = path.join(APPS_ROOT, repo.replace('/', '+'), file);
    let messages = messagesOf.get(filename);
    if (!messages) messagesOf.set(filename, (messages = linter.verify(readFileSync(filename, 'utf8'), config, { filename })));
    return messages.some((message) => message.ruleId === rule && message.line === line);
  };
}
