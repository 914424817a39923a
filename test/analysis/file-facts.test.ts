import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/file-analysis.js';
import { classifyPath, factsFor } from '../../src/analysis/file-facts.js';
import { analyze } from '../helpers/analyze.js';

describe('classifyPath', () => {
  it.each([
    ['src/users.test.ts', 'test'],
    ['src/users.spec.mjs', 'test'],
    ['src/__tests__/users.ts', 'test'],
    ['test/helpers/db.ts', 'test'],
    ['db/migrations/001_init.ts', 'one-off'],
    ['prisma/seed.ts', 'one-off'],
    ['seeds/users.js', 'one-off'],
    ['scripts/backfill.ts', 'one-off'],
    ['bin/cli.js', 'one-off'],
    ['vite.config.ts', 'one-off'],
    ['knexfile.js', 'one-off'],
    ['src/routes/users.ts', 'application'],
    ['src/testing-library.ts', 'application'],
    ['src/scriptsRunner.ts', 'application'],
    ['C:\\app\\scripts\\run.ts', 'one-off'],
  ])('%s is %s', (path, role) => {
    expect(classifyPath(path).role).toBe(role);
  });
});

/** File facts of `code` linted as `filename`. */
function facts(code: string, filename = 'src/app.ts', runtime?: 'node' | 'edge') {
  return analyze(code, (context) => factsFor(context.sourceCode, context.filename, runtime), { filename });
}

describe('factsFor', () => {
  it('treats a file with a shebang as a one-off script', () => {
    expect(facts('#!/usr/bin/env node\nconsole.log(1);', 'tools/sync.js')).toMatchObject({ role: 'one-off', reason: 'an executable script (shebang)' });
  });

  it.each([
    [`export const runtime = 'edge';`, true],
    [`export const runtime = 'nodejs';`, false],
    [`export const config = { runtime: 'experimental-edge' };`, true],
    [`import { env } from 'cloudflare:workers';`, true],
    [`const runtime = 'edge';`, false],
  ])('edge runtime: %s → %s', (code, edge) => {
    expect(facts(code).edge).toBe(edge);
  });

  it('lets settings decide the runtime', () => {
    expect(facts(`export const runtime = 'edge';`, 'src/app.ts', 'node').edge).toBe(false);
    expect(facts(`const x = 1;`, 'src/app.ts', 'edge').edge).toBe(true);
  });

  it.each([
    [`import { parentPort } from 'node:worker_threads';`, true],
    [`import * as threads from 'worker_threads';\nthreads.parentPort.postMessage(1);`, true],
    [`const { workerData } = require('worker_threads');`, true],
    [`const data = require('node:worker_threads').workerData;`, true],
    [`import { Worker } from 'node:worker_threads';\nnew Worker('./w.js', { workerData: 1 });`, false],
    [`import { parentPort } from './threads';`, false],
  ])('worker thread: %s → %s', (code, workerThread) => {
    expect(facts(code).workerThread).toBe(workerThread);
  });

  it('recognizes a server actions file by its directive', () => {
    expect(facts(`'use strict';\n'use server';\nexport async function save() {}`).serverActions).toBe(true);
    expect(facts(`const a = 1;\n'use server';`).serverActions).toBe(false);
  });
});

function roleOf(filename: string, cwd: string, code = 'export {};'): string {
  return analyze(code, (context) => analyzeFile(context).facts.role, { filename, cwd });
}

describe('file roles are read from the path inside the project', () => {
  it.each([
    ['a project under a scripts/ directory', '/home/ci/scripts/app', 'src/routes.ts', 'application'],
    ['a project under a test/ directory', '/srv/test/app', 'src/routes.ts', 'application'],
    ['a project under a bin/ directory', '/opt/bin/app', 'src/routes.ts', 'application'],
    ['a script inside the project', '/home/ci/app', 'scripts/seed.ts', 'one-off'],
    ['a test inside the project', '/srv/test/app', 'src/routes.test.ts', 'test'],
    ['a migration inside the project', '/srv/app', 'db/migrations/001_init.ts', 'one-off'],
  ])('%s', (_name, cwd, filename, expected) => {
    expect(roleOf(filename, cwd)).toBe(expected);
  });
});
