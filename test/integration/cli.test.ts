import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from 'eslint-plugin-shared-client';
import { type LintResultLike, exampleApps, examplesRoot, findingsOf, renderExpectation, repositoryRoot, sortFindings } from './example-findings.js';
import { type CommandResult, runCommand } from './run-command.js';

/**
 * The real `eslint` CLI, as a CI step runs it: every example app in one run (each file takes the
 * `eslint.config.*` of its app), with the options docs/ci.md recommends.
 */
const eslintBin = path.join(repositoryRoot, 'node_modules/eslint/bin/eslint.js');
const temporary = mkdtempSync(path.join(tmpdir(), 'shared-client-cli-'));
const cacheLocation = path.join(temporary, 'eslintcache');

const eslint = (...args: string[]) => runCommand(process.execPath, [eslintBin, ...args, ...exampleApps()], examplesRoot);
const findingsIn = (run: CommandResult) => sortFindings((JSON.parse(run.stdout) as LintResultLike[]).flatMap(findingsOf));

let plain: CommandResult;
let sarif: CommandResult;
let concurrent: CommandResult;
let cacheFirst: CommandResult;
let cacheSecond: CommandResult;
let fromLayerCache: CommandResult;

beforeAll(async () => {
  [plain, sarif, concurrent, cacheFirst] = await Promise.all([
    eslint('--format', 'json'),
    eslint('--format', '@microsoft/eslint-formatter-sarif'),
    eslint('--format', 'json', '--concurrency', '2'),
    eslint('--format', 'json', '--cache', '--cache-location', cacheLocation),
  ]);
  cacheSecond = await eslint('--format', 'json', '--cache', '--cache-location', cacheLocation);
  // The runs above wrote the project layer's disk cache of each example app: this one starts from it.
  fromLayerCache = await eslint('--format', 'json');
}, 150_000);

afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('the eslint CLI on the examples', () => {
  it('reports the expected findings and fails the step', () => {
    expect(plain.code).toBe(1);
    const expected = readFileSync(fileURLToPath(new URL('./examples.expected.txt', import.meta.url)), 'utf8');
    expect(renderExpectation(findingsIn(plain))).toBe(expected);
  });

  it('--cache: a second run, served from the cache, gives the same results as a plain run', () => {
    expect(existsSync(cacheLocation)).toBe(true);
    for (const run of [cacheFirst, cacheSecond]) {
      expect(run.code).toBe(1);
      expect(findingsIn(run)).toEqual(findingsIn(plain));
    }
  });

  it('a run that starts from the project layer\'s disk cache gives the same results', () => {
    expect(readdirSync(path.join(examplesRoot, 'express-api/node_modules/.cache/eslint-plugin-shared-client')).some((name) => name.endsWith('.json'))).toBe(true);
    expect(fromLayerCache.code).toBe(1);
    expect(findingsIn(fromLayerCache)).toEqual(findingsIn(plain));
  });

  it('--concurrency 2 gives the same results as a plain run', () => {
    expect(concurrent.code).toBe(1);
    expect(findingsIn(concurrent)).toEqual(findingsIn(plain));
  });

  it('SARIF output is valid JSON with one result per finding, linked to the rule docs', () => {
    expect(sarif.code).toBe(1);
    const log = JSON.parse(sarif.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; helpUri: string }[] } };
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
        }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    const asFindings = sarifRun!.results.map((result) => {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      return { file: path.relative(examplesRoot, fileURLToPath(artifactLocation.uri)).split(path.sep).join('/'), line: region.startLine, column: region.startColumn, rule: result.ruleId };
    });
    const expected = findingsIn(plain).map(({ file, line, column, rule }) => ({ file, line, column, rule }));
    expect(sortFindings(asFindings)).toEqual(expected);
    for (const rule of sarifRun!.tool.driver.rules) {
      const name = rule.id.replace('shared-client/', '');
      expect(rule.helpUri).toBe((plugin.rules as Record<string, { meta: { docs: { url: string } } }>)[name]!.meta.docs.url);
    }
  });
});
