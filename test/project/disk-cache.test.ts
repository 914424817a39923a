import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtIndexCount, clearProjectCache, crossFileContext, flushProjectCaches, parsedSummaryCount } from '../../src/project/index.js';

const fixture = join(import.meta.dirname, '../fixtures/projects/express');

afterEach(() => clearProjectCache());

/** A copy of the express fixture (routes → controller → lib/db.ts) in a fresh directory. */
function copyOfFixture(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'shared-client-disk-cache-')));
  // Without the fixture's own cache, which other test runs write next to it.
  cpSync(fixture, root, { recursive: true, filter: (source) => !source.includes('node_modules') });
  return root;
}

/** The answer for `lib/db.ts`'s `makeDb`, and how many files answering it parsed. */
function askMakeDb(root: string, options?: { cache?: string | false }) {
  const before = parsedSummaryCount();
  const result = crossFileContext(join(root, 'lib/db.ts'), 'makeDb', { cache: options?.cache });
  return { result, parsed: parsedSummaryCount() - before };
}

/** What a new process would see: the answers written out, every in-memory index and summary gone. */
function endProcess(): void {
  flushProjectCaches();
  clearProjectCache();
}

const perRequest = (root: string) => ({
  kind: 'request',
  chain: [
    { file: join(root, 'controllers/users.ts'), line: 5, label: 'createUser()' },
    { file: join(root, 'routes/users.ts'), line: 6, label: 'route handler' },
  ],
});

describe('the disk cache', () => {
  it('answers a later process without parsing the importers again', () => {
    const root = copyOfFixture();
    const cold = askMakeDb(root);
    expect(cold.result).toEqual(perRequest(root));
    expect(cold.parsed).toBe(2);
    endProcess();
    const cacheDirectory = join(root, 'node_modules/.cache/eslint-plugin-shared-client');
    // The answers with the stamps they hold under, and beside them the index (read only to build it).
    const names = readdirSync(cacheDirectory).filter((name) => name.endsWith('.json'));
    expect(names).toHaveLength(2);
    expect(names.filter((name) => name.endsWith('.index.json'))).toHaveLength(1);
    const warm = askMakeDb(root);
    expect(warm).toEqual({ result: perRequest(root), parsed: 0 });
  });

  it('applies in another checkout of the same code (other directory, new modification times)', () => {
    const first = copyOfFixture();
    askMakeDb(first);
    endProcess();
    const second = realpathSync(mkdtempSync(join(tmpdir(), 'shared-client-disk-cache-restored-')));
    cpSync(first, second, { recursive: true, preserveTimestamps: false });
    expect(askMakeDb(second)).toEqual({ result: perRequest(second), parsed: 0 });
  });

  it('works an answer out again when a file it came from changed', () => {
    const root = copyOfFixture();
    askMakeDb(root);
    endProcess();
    const routes = join(root, 'routes/users.ts');
    writeFileSync(routes, readFileSync(routes, 'utf8').replace("router.post('/', createUser);", 'await createUser({ seed: true });'));
    const warm = askMakeDb(root);
    expect(warm.result).toEqual({
      kind: 'startup',
      chain: [
        { file: join(root, 'controllers/users.ts'), line: 5, label: 'createUser()' },
        { file: join(root, 'routes/users.ts'), line: 6, label: 'module scope' },
      ],
    });
    expect(warm.parsed).toBeGreaterThan(0);
  });

  it('works an answer out again when a new file imports the function it asked about', () => {
    const root = copyOfFixture();
    const routes = join(root, 'routes/users.ts');
    writeFileSync(routes, readFileSync(routes, 'utf8').replace("router.post('/', createUser);", 'await createUser({ seed: true });'));
    expect(askMakeDb(root).result.kind).toBe('startup');
    endProcess();
    writeFileSync(
      join(root, 'routes/admin.ts'),
      "// @ts-nocheck\nimport { Router } from 'express';\nimport { createUser } from '../controllers/users';\n\nexport const admin = Router();\nadmin.post('/users', createUser);\n",
    );
    expect(askMakeDb(root).result).toEqual({
      kind: 'request',
      chain: [
        { file: join(root, 'controllers/users.ts'), line: 5, label: 'createUser()' },
        { file: join(root, 'routes/admin.ts'), line: 6, label: 'route handler' },
      ],
    });
  });

  it('answers a later process on an unchanged tree without walking the tree or building the index', () => {
    const root = copyOfFixture();
    // As in a project with its dependencies installed: a first cache write then adds no entry to the root.
    mkdirSync(join(root, 'node_modules'));
    askMakeDb(root);
    endProcess();
    const before = builtIndexCount();
    expect(askMakeDb(root)).toEqual({ result: perRequest(root), parsed: 0 });
    expect(builtIndexCount() - before).toBe(0);
  });

  it('builds the index again when a file that did not import the function starts to', () => {
    const root = copyOfFixture();
    const routes = join(root, 'routes/users.ts');
    writeFileSync(routes, readFileSync(routes, 'utf8').replace("router.post('/', createUser);", 'await createUser({ seed: true });'));
    writeFileSync(join(root, 'routes/health.ts'), "// @ts-nocheck\nimport { Router } from 'express';\n\nexport const health = Router();\n");
    expect(askMakeDb(root).result.kind).toBe('startup');
    endProcess();
    writeFileSync(
      join(root, 'routes/health.ts'),
      "// @ts-nocheck\nimport { Router } from 'express';\nimport { createUser } from '../controllers/users';\n\nexport const health = Router();\nhealth.post('/users', createUser);\n",
    );
    const before = builtIndexCount();
    expect(askMakeDb(root).result).toEqual({
      kind: 'request',
      chain: [
        { file: join(root, 'controllers/users.ts'), line: 5, label: 'createUser()' },
        { file: join(root, 'routes/health.ts'), line: 6, label: 'route handler' },
      ],
    });
    expect(builtIndexCount() - before).toBe(1);
  });

  it('sees a new file in a directory that held no sources, and in a new directory', () => {
    const root = copyOfFixture();
    const routes = join(root, 'routes/users.ts');
    writeFileSync(routes, readFileSync(routes, 'utf8').replace("router.post('/', createUser);", 'await createUser({ seed: true });'));
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'notes/README.md'), '# notes\n');
    expect(askMakeDb(root).result.kind).toBe('startup');
    endProcess();
    const admin = "// @ts-nocheck\nimport { Router } from 'express';\nimport { createUser } from '../controllers/users';\n\nexport const admin = Router();\nadmin.post('/users', createUser);\n";
    writeFileSync(join(root, 'notes/admin.ts'), admin);
    expect(askMakeDb(root).result.chain.at(-1)).toEqual({ file: join(root, 'notes/admin.ts'), line: 6, label: 'route handler' });
    endProcess();
    rmSync(join(root, 'notes/admin.ts'));
    expect(askMakeDb(root).result.kind).toBe('startup');
    endProcess();
    mkdirSync(join(root, 'api/v2'), { recursive: true });
    writeFileSync(join(root, 'api/v2/admin.ts'), admin.replace('../controllers/users', '../../controllers/users'));
    expect(askMakeDb(root).result.chain.at(-1)).toEqual({ file: join(root, 'api/v2/admin.ts'), line: 6, label: 'route handler' });
  });

  it('does not keep an answer a later run could not check, when that run only rebuilt the index', () => {
    const root = copyOfFixture();
    const routes = join(root, 'routes/users.ts');
    writeFileSync(routes, readFileSync(routes, 'utf8').replace("router.post('/', createUser);", 'await createUser({ seed: true });'));
    const otherQuestion = () => crossFileContext(join(root, 'lib/startup-only.ts'), 'db');
    expect(askMakeDb(root).result.kind).toBe('startup');
    otherQuestion();
    endProcess();
    // A new importer of createUser; this run asks only a question its saved answer still settles.
    writeFileSync(
      join(root, 'routes/admin.ts'),
      "// @ts-nocheck\nimport { Router } from 'express';\nimport { createUser } from '../controllers/users';\n\nexport const admin = Router();\nadmin.post('/users', createUser);\n",
    );
    otherQuestion();
    endProcess();
    expect(askMakeDb(root).result.chain.at(-1)).toEqual({ file: join(root, 'routes/admin.ts'), line: 6, label: 'route handler' });
  });

  it('ignores a cache file that does not parse', () => {
    const root = copyOfFixture();
    askMakeDb(root);
    endProcess();
    const directory = join(root, 'node_modules/.cache/eslint-plugin-shared-client');
    for (const name of readdirSync(directory)) writeFileSync(join(directory, name), '{"index": {"resolution": ');
    expect(askMakeDb(root)).toEqual({ result: perRequest(root), parsed: 2 });
  });

  it('ignores entries of the wrong shape', () => {
    const root = copyOfFixture();
    askMakeDb(root);
    endProcess();
    const directory = join(root, 'node_modules/.cache/eslint-plugin-shared-client');
    for (const name of readdirSync(directory)) {
      const contents = JSON.parse(readFileSync(join(directory, name), 'utf8'));
      for (const files of [contents.index?.files, contents.stamps?.files]) for (const key of Object.keys(files ?? {})) files[key] = 'not an entry';
      for (const key of Object.keys(contents.answers?.entries ?? {})) contents.answers.entries[key] = { kind: 'request', chain: 'nowhere' };
      writeFileSync(join(directory, name), JSON.stringify(contents));
    }
    expect(askMakeDb(root)).toEqual({ result: perRequest(root), parsed: 2 });
  });

  it('goes where `cache` says, and nowhere with `cache: false`', () => {
    const root = copyOfFixture();
    const elsewhere = join(realpathSync(mkdtempSync(join(tmpdir(), 'shared-client-cache-dir-'))), 'lint-cache');
    askMakeDb(root, { cache: elsewhere });
    endProcess();
    expect(readdirSync(elsewhere).filter((name) => name.endsWith('.json'))).toHaveLength(2);
    expect(askMakeDb(root, { cache: elsewhere }).parsed).toBe(0);
    expect(existsSync(join(root, 'node_modules'))).toBe(false);

    const uncached = copyOfFixture();
    askMakeDb(uncached, { cache: false });
    endProcess();
    expect(existsSync(join(uncached, 'node_modules'))).toBe(false);
    expect(askMakeDb(uncached, { cache: false }).parsed).toBe(2);
  });

  it('removes cache files that no run has written for a week when it writes its own', () => {
    const root = copyOfFixture();
    const directory = join(root, 'node_modules/.cache/eslint-plugin-shared-client');
    mkdirSync(directory, { recursive: true });
    const old = join(directory, 'from-an-older-build.json');
    const recent = join(directory, 'from-other-settings.json');
    writeFileSync(old, '{}');
    writeFileSync(recent, '{}');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    askMakeDb(root);
    endProcess();
    const names = readdirSync(directory);
    expect(names).toContain('from-other-settings.json');
    expect(names).not.toContain('from-an-older-build.json');
    expect(names.filter((name) => name.endsWith('.json'))).toHaveLength(3);
  });
});
