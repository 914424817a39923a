import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from 'eslint-plugin-shared-client';
import { repositoryRoot } from './example-findings.js';

/**
 * The project layer through ESLint's own API, as a CLI run and an editor server use it: the same
 * findings whatever order the files are linted in, and a long-lived `ESLint` instance that sees a
 * change saved in another file (no restart, no watcher).
 */
const fixture = path.join(repositoryRoot, 'test/fixtures/projects/app');
const copies: string[] = [];
afterAll(() => copies.forEach((copy) => rmSync(copy, { recursive: true, force: true })));

function copyOfFixture(): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'shared-client-layer-')));
  cpSync(fixture, root, { recursive: true, filter: (source) => !source.includes('node_modules') });
  copies.push(root);
  return root;
}

const eslintIn = (cwd: string) =>
  new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      { ...plugin.configs.recommended, files: ['**/*.ts'] },
    ],
  });

type Finding = string;
async function findings(eslint: ESLint, cwd: string, files: string[]): Promise<Finding[]> {
  const results = await eslint.lintFiles(files);
  return results
    .flatMap((result) => result.messages.map((message) => `${path.relative(cwd, result.filePath)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`))
    .sort();
}

describe('the project layer through the ESLint API', () => {
  it('finds the same cross-file reports whatever order the files are linted in', async () => {
    const files = ['src/lib/db.ts', 'src/controllers/users.ts', 'src/routes/users.ts', 'src/repositories/orders.ts', 'src/auth/hash.ts', 'src/routes/session.ts', 'src/processors/email.ts', 'src/queues.ts', 'src/main.ts'];
    const forward = copyOfFixture();
    const backward = copyOfFixture();
    const inOrder = await findings(eslintIn(forward), forward, files);
    const reversed = await findings(eslintIn(backward), backward, [...files].reverse());
    expect(inOrder).toEqual(reversed);
    expect(inOrder.map((finding) => finding.split(' ').slice(0, 2).join(' '))).toEqual([
      'src/auth/hash.ts:5:10 shared-client/no-blocking-in-async',
      'src/lib/db.ts:5:10 shared-client/no-per-request-client',
      'src/processors/email.ts:5:14 shared-client/no-per-request-client',
      'src/repositories/orders.ts:5:12 shared-client/no-per-request-client',
    ]);
  });

  it('a long-lived instance sees an edit saved in another file', async () => {
    const root = copyOfFixture();
    const eslint = eslintIn(root);
    const before = await findings(eslint, root, ['src/lib/db.ts']);
    expect(before).toHaveLength(1);
    expect(before[0]).toContain('called from a request handler at `src/controllers/users.ts:5`');
    // The controller no longer calls the factory: its callers are now unknown.
    const controller = path.join(root, 'src/controllers/users.ts');
    writeFileSync(controller, readFileSync(controller, 'utf8').replace('const db = makeDb();', 'const db = req.app.locals.db;').replace("import { makeDb } from '@/lib/db';\n", ''));
    // The index compares files' stamps at most every two seconds (cheap in a CLI run, current in an editor).
    await sleep(2100);
    expect(await findings(eslint, root, ['src/lib/db.ts'])).toEqual([]);
  }, 20_000);
});
