import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import plugin from 'eslint-plugin-shared-client';
import { exampleApps, examplesRoot, lintExamples, repositoryRoot, sortFindings } from './example-findings.js';
import { type PlainFinding, runOxlint } from './oxlint-run.js';

/**
 * Oxlint runs the plugin through its ESLint-compatible `jsPlugins` API. Two comparisons with ESLint:
 * the example apps with their own `oxlint.config.js`, and every case of the rule test suites
 * (test/rules/*.test.ts, captured instead of run) written out as files and linted by both.
 */

interface RuleCase {
  code: string;
  filename?: string;
  options?: unknown[];
  settings?: Record<string, unknown>;
  /** Cases that set their own parser options are left out: Oxlint picks the language from the file name. */
  languageOptions?: unknown;
  skip?: boolean;
}
const capture = vi.hoisted(() => {
  const suites: { rule: string; cases: RuleCase[] }[] = [];
  class CapturingRuleTester {
    static afterAll: unknown;
    static describe: unknown;
    static it: unknown;
    static itOnly: unknown;
    // A suite may be titled after part of a rule (`no-blocking-in-async: contexts`); the rule module
    // created by createRule carries its own name.
    run(title: string, module: { name?: string }, tests: { valid: (RuleCase | string)[]; invalid: RuleCase[] }) {
      const cases = [...tests.valid, ...tests.invalid].map((test) => (typeof test === 'string' ? { code: test } : test));
      suites.push({ rule: module.name ?? title, cases });
    }
  }
  return { suites, CapturingRuleTester };
});
vi.mock('@typescript-eslint/rule-tester', () => ({ RuleTester: capture.CapturingRuleTester }));

const ruleTestsDirectory = path.join(repositoryRoot, 'test/rules');
const temporary = mkdtempSync(path.join(tmpdir(), 'shared-client-oxlint-'));
const pluginEntry = path.join(repositoryRoot, 'dist/index.js');

afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('Oxlint on the example apps', () => {
  it('gives the same findings as ESLint, with each app’s oxlint.config.js', async () => {
    const eslint = await lintExamples((cwd) => new ESLint({ cwd }));
    const expected = sortFindings(eslint.findings.map(({ file, line, column, rule, message }) => ({ file, line, column, rule: rule!, message })));
    const runs = await Promise.all(
      exampleApps().map(async (app) => {
        const { findings } = await runOxlint(path.join(examplesRoot, app), ['-c', 'oxlint.config.js', '.']);
        return findings.map((finding) => ({ ...finding, file: `${app}/${finding.file}` }));
      }),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(sortFindings(runs.flat())).toEqual(expected);
  }, 60_000);
});

interface CorpusFile {
  rule: string;
  test: RuleCase;
  /** Path relative to the corpus root: `g<options group>/c<case>/<filename>`. */
  file: string;
}

// Importing a rule test file hands its cases to the capturing RuleTester; any other test it declares
// lands in this skipped suite instead of running twice.
describe.skip('the rule test files, imported for their cases', async () => {
  for (const file of readdirSync(ruleTestsDirectory).filter((name) => name.endsWith('.test.ts'))) {
    await import(pathToFileURL(path.join(ruleTestsDirectory, file)).href);
  }
});

describe('Oxlint on every rule test case', () => {
  const corpus: CorpusFile[] = [];
  const corpusRoot = path.join(temporary, 'corpus');

  beforeAll(() => {
    // Options and settings differ between cases: one folder per combination, each with its own
    // .oxlintrc.json (Oxlint picks up nested configs), all linted in one run.
    const groups = new Map<string, string>();
    for (const { rule, cases } of capture.suites) {
      for (const test of cases) {
        if (test.languageOptions || test.skip) continue;
        const key = JSON.stringify([rule, test.options ?? [], test.settings ?? {}]);
        let group = groups.get(key);
        if (!group) {
          group = `g${groups.size}`;
          groups.set(key, group);
          mkdirSync(path.join(corpusRoot, group), { recursive: true });
          writeFileSync(
            path.join(corpusRoot, group, '.oxlintrc.json'),
            JSON.stringify({
              plugins: [],
              categories: { correctness: 'off' },
              jsPlugins: [pluginEntry],
              rules: { [`shared-client/${rule}`]: ['error', ...(test.options ?? [])] },
              settings: test.settings ?? {},
            }),
          );
        }
        const file = `${group}/${rule}-${corpus.length}/${test.filename ?? 'file.ts'}`;
        mkdirSync(path.dirname(path.join(corpusRoot, file)), { recursive: true });
        writeFileSync(path.join(corpusRoot, file), test.code);
        corpus.push({ rule, test, file });
      }
    }
  });

  const eslintConfig = (entry: CorpusFile): Linter.Config[] => [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
      languageOptions: { parser: tsParser },
      plugins: { 'shared-client': plugin },
      rules: { [`shared-client/${entry.rule}`]: ['error', ...(entry.test.options ?? [])] } as Linter.RulesRecord,
      settings: entry.test.settings ?? {},
    },
  ];

  it('captured the suites of every rule in the plugin', () => {
    expect([...new Set(capture.suites.map((suite) => suite.rule))].sort()).toEqual(Object.keys(plugin.rules).sort());
    expect(corpus.length).toBeGreaterThan(100);
  });

  it('gives the same findings and messages as ESLint', async () => {
    const linter = new Linter({ cwd: corpusRoot });
    const expected = sortFindings(
      corpus.flatMap((entry) =>
        linter.verify(entry.test.code, eslintConfig(entry), path.join(corpusRoot, entry.file)).map(
          (message): PlainFinding => ({ file: entry.file, line: message.line, column: message.column, rule: message.ruleId ?? 'fatal', message: message.message }),
        ),
      ),
    );
    const { findings } = await runOxlint(corpusRoot, ['.']);
    expect(expected.length).toBeGreaterThan(50);
    expect(sortFindings(findings)).toEqual(expected);
  }, 60_000);

  it('applies the same autofixes as ESLint (`--fix`, run until nothing changes)', async () => {
    const fixRoot = path.join(temporary, 'fix');
    rmSync(fixRoot, { recursive: true, force: true });
    const snapshot = () => corpus.map((entry) => readFileSync(path.join(fixRoot, entry.file), 'utf8'));
    mkdirSync(fixRoot, { recursive: true });
    for (const group of readdirSync(corpusRoot)) {
      mkdirSync(path.join(fixRoot, group));
      writeFileSync(path.join(fixRoot, group, '.oxlintrc.json'), readFileSync(path.join(corpusRoot, group, '.oxlintrc.json')));
    }
    for (const entry of corpus) {
      mkdirSync(path.dirname(path.join(fixRoot, entry.file)), { recursive: true });
      writeFileSync(path.join(fixRoot, entry.file), entry.test.code);
    }
    // Oxlint applies one round of fixes per run; ESLint's --fix re-lints up to 10 times.
    let before = snapshot();
    for (let pass = 0; pass < 5; pass++) {
      await runOxlint(fixRoot, ['--fix', '.']);
      const after = snapshot();
      if (after.every((text, index) => text === before[index])) break;
      before = after;
    }
    const linter = new Linter({ cwd: fixRoot });
    const expected = corpus.map((entry) => linter.verifyAndFix(entry.test.code, eslintConfig(entry), path.join(fixRoot, entry.file)).output);
    const differing = corpus.filter((_entry, index) => before[index] !== expected[index]).map((entry) => entry.file);
    expect(differing).toEqual([]);
    expect(expected.filter((output, index) => output !== corpus[index]!.test.code).length).toBeGreaterThan(20);
  }, 60_000);

  it('applies the same suggestions as ESLint (`--fix-suggestions`, on cases with a single suggested edit)', async () => {
    const suggestRoot = path.join(temporary, 'suggest');
    const linter = new Linter({ cwd: suggestRoot });
    // ESLint applies one suggestion at a time (the editor's choice); Oxlint's --fix-suggestions applies
    // them all, so compare where there is exactly one suggestion and no autofix.
    const single = corpus.flatMap((entry) => {
      const messages = linter.verify(entry.test.code, eslintConfig(entry), path.join(suggestRoot, entry.file));
      const [message] = messages;
      if (messages.length !== 1 || message!.fix || message!.suggestions?.length !== 1) return [];
      const { range, text } = message!.suggestions[0]!.fix;
      return [{ entry, expected: entry.test.code.slice(0, range[0]) + text + entry.test.code.slice(range[1]) }];
    });
    for (const { entry } of single) {
      const group = entry.file.split('/')[0]!;
      mkdirSync(path.dirname(path.join(suggestRoot, entry.file)), { recursive: true });
      writeFileSync(path.join(suggestRoot, group, '.oxlintrc.json'), readFileSync(path.join(corpusRoot, group, '.oxlintrc.json')));
      writeFileSync(path.join(suggestRoot, entry.file), entry.test.code);
    }
    await runOxlint(suggestRoot, ['--fix-suggestions', '.']);
    const differing = single.filter(({ entry, expected }) => readFileSync(path.join(suggestRoot, entry.file), 'utf8') !== expected);
    expect(differing.map(({ entry }) => entry.file)).toEqual([]);
    expect(single.length).toBeGreaterThan(0);
  }, 60_000);
});
