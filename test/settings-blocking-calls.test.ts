import { describe, expect, it } from 'vitest';
import { blockingCallCatalog } from '../src/catalog/blocking-calls.js';
import { knowledgeFrom } from '../src/settings.js';

const settings = (blockingCalls: unknown) => ({ 'shared-client': { blockingCalls } });

describe("settings['shared-client'].blockingCalls", () => {
  it('puts project entries before the built-in catalog', () => {
    const knowledge = knowledgeFrom(settings([{ module: '@acme/config', export: 'loadSync', asyncAlternative: 'load', description: 'a config read' }]));
    expect(knowledge.blockingCalls[0]).toEqual({
      module: '@acme/config',
      export: 'loadSync',
      label: '@acme/config.loadSync',
      work: 'other',
      description: 'a config read',
      alternative: { source: { kind: 'same-module', export: 'load' } },
    });
    expect(knowledge.blockingCalls.slice(1)).toEqual(blockingCallCatalog);
  });

  it('names a default export by its module', () => {
    expect(knowledgeFrom(settings([{ module: 'legacy-db', export: 'default' }])).blockingCalls[0]).toMatchObject({ label: 'legacy-db', alternative: null });
  });

  it.each([
    ['not an array', { module: 'x' }, /\.blockingCalls: must be an array/],
    ['an entry that is not an object', ['x'], /\.blockingCalls\[0\]: must be an object/],
    ['a missing export', [{ module: 'x' }], /\.blockingCalls\[0\]\.export: must be a non-empty string \(got undefined\)/],
    ['an unknown property', [{ module: 'x', export: 'y', fix: true }], /\.blockingCalls\[0\]\.fix: is not a known property \(expected one of module, export, asyncAlternative, description\)/],
    ['an alternative that is not an export name', [{ module: 'x', export: 'ySync', asyncAlternative: 'x.y()' }], /\.blockingCalls\[0\]\.asyncAlternative: must be the name of an export of the same module \(got "x\.y\(\)"\)/],
  ])('rejects %s with the path and the expected shape', (_name, value, message) => {
    expect(() => knowledgeFrom(settings(value))).toThrow(message);
    expect(() => knowledgeFrom(settings(value))).toThrow(/blockingCalls\?: \{ module: string, export: string, asyncAlternative\?: string, description\?: string \}\[\]/);
  });
});

describe('blocking-call catalog', () => {
  it('names each entry once', () => {
    const keys = blockingCallCatalog.map((entry) => `${entry.module}:${entry.export}`);
    expect(new Set(keys).size).toBe(keys.length);
    const labels = blockingCallCatalog.map((entry) => entry.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('gives every entry an async alternative or advice', () => {
    for (const entry of blockingCallCatalog) expect(entry.alternative !== null || entry.advice !== undefined, entry.label).toBe(true);
  });

  it('covers every fs *Sync function of this Node.js', async () => {
    const fs = await import('node:fs');
    const syncNames = Object.keys(fs).filter((name) => name.endsWith('Sync') && typeof (fs as Record<string, unknown>)[name] === 'function');
    const catalogued = new Set(blockingCallCatalog.filter((entry) => entry.module === 'fs').map((entry) => entry.export));
    expect(syncNames.filter((name) => !catalogued.has(name))).toEqual([]);
  });

  it('covers every zlib and crypto *Sync function of this Node.js', async () => {
    for (const module of ['zlib', 'crypto'] as const) {
      // Node built-ins: nothing for Vite to resolve or bundle.
      const exports = (await import(/* @vite-ignore */ `node:${module}`)) as Record<string, unknown>;
      const syncNames = Object.keys(exports).filter((name) => name.endsWith('Sync') && typeof exports[name] === 'function');
      const catalogued = new Set(blockingCallCatalog.filter((entry) => entry.module === module).map((entry) => entry.export));
      expect(syncNames.filter((name) => !catalogued.has(name)), module).toEqual([]);
    }
  });
});
