import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listProjectFiles } from '../../src/project/files.js';
import { readModuleRecord, recordFromEstree } from '../../src/project/module-record.js';
import { createResolver, resolveRelative } from '../../src/project/resolver.js';
import { clearProjectRoots, findProjectRoot, nearestPackageJson } from '../../src/project/root.js';
import { REVALIDATE_MS } from '../../src/project/stamp.js';

const projects = join(import.meta.dirname, '../fixtures/projects');

afterEach(() => {
  vi.useRealTimers();
});

describe('project root', () => {
  it('is the workspaces root above a nearer package.json', () => {
    expect(findProjectRoot(join(projects, 'monorepo/apps/api/src/routes.ts'))).toBe(join(projects, 'monorepo'));
  });

  it('is the nearest tsconfig.json or package.json otherwise', () => {
    expect(findProjectRoot(join(projects, 'next/app/api/files/route.ts'))).toBe(join(projects, 'next'));
  });

  it('stops at the git repository root', () => {
    const top = mkdtempSync(join(tmpdir(), 'shared-client-root-'));
    writeFileSync(join(top, 'package.json'), JSON.stringify({ workspaces: ['repo/*'] }));
    mkdirSync(join(top, 'repo/.git'), { recursive: true });
    mkdirSync(join(top, 'repo/src'));
    expect(findProjectRoot(join(top, 'repo/src/a.ts'))).toBeNull();
    writeFileSync(join(top, 'repo/package.json'), '{}');
    clearProjectRoots();
    expect(findProjectRoot(join(top, 'repo/src/a.ts'))).toBe(join(top, 'repo'));
  });

  it('is looked for again once the revalidation interval has passed, as the index is', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const top = mkdtempSync(join(tmpdir(), 'shared-client-root-'));
    mkdirSync(join(top, '.git'));
    mkdirSync(join(top, 'src'));
    writeFileSync(join(top, 'tsconfig.json'), '{}');
    clearProjectRoots();
    expect(findProjectRoot(join(top, 'src/a.ts'))).toBe(top);
    expect(nearestPackageJson(join(top, 'src/a.ts'))).toBeNull();
    writeFileSync(join(top, 'src/package.json'), '{}');
    // Within the interval, every file of the directory gets the answer already worked out.
    expect(findProjectRoot(join(top, 'src/b.ts'))).toBe(top);
    expect(nearestPackageJson(join(top, 'src/b.ts'))).toBeNull();
    vi.setSystemTime(Date.now() + REVALIDATE_MS);
    expect(findProjectRoot(join(top, 'src/b.ts'))).toBe(join(top, 'src'));
    expect(nearestPackageJson(join(top, 'src/b.ts'))).toBe(join(top, 'src/package.json'));
  });
});

describe('project files', () => {
  it('leaves out build output and what the root .gitignore ignores', () => {
    const root = join(projects, 'express');
    const files = listProjectFiles(root).map((file) => relative(root, file));
    expect(files).toEqual(['controllers/users.ts', 'lib/db.ts', 'lib/startup-only.ts', 'routes/users.ts']);
  });

  it('applies include and exclude globs', () => {
    const root = join(projects, 'express');
    expect(listProjectFiles(root, ['lib/**/*.ts'], ['**/startup-*']).map((file) => relative(root, file))).toEqual(['lib/db.ts']);
  });
});

describe('module records', () => {
  it('reads imports, re-exports, requires and constant dynamic imports', () => {
    const record = readModuleRecord(
      'a.ts',
      `import { a as b } from './x'; export * from './y'; export { c as d } from './z'; export * as ns from './n';
       import def from './v'; export { def as e }; const q = require('./u'); const r = await import('./dyn'); const s = await import(name);`,
    );
    expect([...new Set(record.specifiers)].sort()).toEqual(['./dyn', './n', './u', './v', './x', './y', './z']);
    expect(record.reExports).toEqual(
      expect.arrayContaining([
        { specifier: './y', importName: '*', exportName: '*' },
        { specifier: './z', importName: 'c', exportName: 'd' },
        { specifier: './n', importName: '**', exportName: 'ns' },
        { specifier: './v', importName: 'default', exportName: 'e' },
      ]),
    );
  });

  it('reads the same without the native parser', () => {
    const text = `import { a as b } from './x'; export * from './y'; export { c as d } from './z'; export * as ns from './n';
       import def from './v'; export { def as e }; const q = require('./u'); const r = await import('./dyn');`;
    const native = readModuleRecord('a.ts', text);
    const fallback = recordFromEstree('a.ts', text);
    expect([...new Set(fallback.specifiers)].sort()).toEqual([...new Set(native.specifiers)].sort());
    expect(fallback.reExports).toEqual(expect.arrayContaining(native.reExports));
    expect(native.reExports).toEqual(expect.arrayContaining(fallback.reExports));
  });

  it('is empty for a file that does not parse', () => {
    expect(readModuleRecord('a.ts', 'import {').specifiers).toEqual([]);
  });
});

describe('resolution', () => {
  it('follows tsconfig paths through extends', () => {
    const root = join(projects, 'next');
    expect(createResolver(root)(join(root, 'app/api/files/route.ts'), '@/utils/s3')).toBe(join(root, 'utils/s3.ts'));
  });

  it('maps .js written for .ts, probes extensions and index files', () => {
    const root = join(projects, 'monorepo');
    expect(resolveRelative(join(root, 'apps/api/src/routes.ts'), './audit.js')).toBe(join(root, 'apps/api/src/audit.ts'));
    expect(resolveRelative(join(root, 'apps/api/src/routes.ts'), './audit')).toBe(join(root, 'apps/api/src/audit.ts'));
    expect(resolveRelative(join(root, 'packages/db/x.ts'), './src')).toBe(join(root, 'packages/db/src/index.ts'));
    expect(resolveRelative(join(root, 'x.ts'), 'express')).toBeNull();
  });

  it('resolves workspace packages by name to their exports entry without node_modules links', () => {
    const root = join(projects, 'monorepo');
    expect(createResolver(root)(join(root, 'apps/api/src/routes.ts'), '@acme/db')).toBe(join(root, 'packages/db/src/index.ts'));
  });

  it('resolves relative imports under a tsconfig whose extends is missing; bare packages not installed are null', () => {
    const root = join(projects, 'broken-extends');
    const resolve = createResolver(root);
    expect(resolve(join(root, 'src/app.ts'), './util')).toBe(join(root, 'src/util/index.ts'));
    expect(resolve(join(root, 'src/app.ts'), 'not-installed')).toBeNull();
    expect(resolve(join(root, 'src/app.ts'), 'node:fs')).toBeNull();
  });
});
