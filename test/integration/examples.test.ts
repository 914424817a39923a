import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { beforeAll, describe, expect, it } from 'vitest';
// The build, resolved by package name as the examples' own configs resolve it.
import plugin from 'eslint-plugin-shared-client';
import { annotatedRegions, regionAt } from './annotations.js';
import { type ExampleRun, exampleApps, examplesRoot, lintExamples, renderExpectation, repositoryRoot, toExamplePath } from './example-findings.js';

const PREFIX = 'shared-client/';
const pluginRules = new Set(Object.keys(plugin.rules));
/** Rules the README documents; an example may name one that is not in this build yet (checked once it is). */
const documentedRules = new Set(
  [...readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8').matchAll(/docs\/rules\/([a-z-]+)\.md/g)].map((match) => match[1]!),
);

let eslint10: ExampleRun;

beforeAll(async () => {
  eslint10 = await lintExamples((cwd) => new ESLint({ cwd }));
});

describe('the examples, linted with ESLint 10 and each example’s own config', () => {
  it('give exactly the findings in examples.expected.txt', async () => {
    await expect(renderExpectation(eslint10.findings)).toMatchFileSnapshot('./examples.expected.txt');
  });

  it('all parse, and every example app has findings (what npm run demo prints)', () => {
    expect(eslint10.findings.filter((finding) => finding.rule === null)).toEqual([]);
    for (const app of exampleApps()) {
      expect(eslint10.findings.filter((finding) => finding.file.startsWith(`${app}/`)).length, app).toBeGreaterThan(0);
    }
  });

  it('report only under an `Incorrect (rule)` comment that names the rule', () => {
    const unexplained = eslint10.findings.filter((finding) => {
      const region = regionAt(annotatedRegions(readFileSync(path.join(examplesRoot, finding.file), 'utf8')), finding.line);
      return region?.kind !== 'Incorrect' || !region.rules.includes(String(finding.rule).replace(PREFIX, ''));
    });
    expect(unexplained).toEqual([]);
  });

  it('report every `Incorrect (rule)` comment, for each named rule in this build', () => {
    const missed: string[] = [];
    for (const appResults of eslint10.results.values()) {
      for (const result of appResults) {
        const file = toExamplePath(result.filePath);
        for (const region of annotatedRegions(readFileSync(result.filePath, 'utf8'))) {
          for (const rule of region.rules) {
            if (!pluginRules.has(rule)) {
              if (!documentedRules.has(rule)) missed.push(`${file}:${region.start} names an unknown rule ${rule}`);
              continue;
            }
            const reported = eslint10.findings.some(
              (finding) => finding.file === file && finding.rule === PREFIX + rule && region.start <= finding.line && finding.line <= region.end,
            );
            if (!reported) missed.push(`${file}:${region.start} expects ${rule}`);
          }
        }
      }
    }
    expect(missed).toEqual([]);
  });
});

describe('ESLint 9', () => {
  it('runs the examples with the same configs and gives identical findings, fixes and suggestions', async () => {
    expect(ESLint9.version).toMatch(/^9\./);
    const eslint9 = await lintExamples((cwd) => new ESLint9({ cwd }));
    expect(eslint9.findings).toEqual(eslint10.findings);
    const fixesOf = (run: ExampleRun) =>
      [...run.results.values()].flat().flatMap((result) => result.messages.map((message) => [message.fix ?? null, message.suggestions ?? []]));
    expect(fixesOf(eslint9)).toEqual(fixesOf(eslint10));
  });
});
