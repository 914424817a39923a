import { describe, expect, it } from 'vitest';
import { clientCatalog } from '../../src/catalog/clients.js';
import { SettingsError, knowledgeFrom } from '../../src/settings.js';

describe('knowledgeFrom', () => {
  it('uses the built-in catalogs without settings', () => {
    const knowledge = knowledgeFrom({});
    expect(knowledge.clients).toBe(clientCatalog);
    expect(knowledge.runtime).toBeUndefined();
  });

  it('puts user clients first and parses handler and offload matchers', () => {
    const knowledge = knowledgeFrom({
      'shared-client': {
        clients: [{ module: '@acme/sdk', export: 'default.connect', kind: 'pool', close: 'shutdown' }],
        handlers: [{ module: '@acme/web', export: 'route', properties: ['handler'] }, { name: 'onJob' }, { decorator: 'Handle' }],
        offloadWrappers: [{ name: 'inWorker' }, { module: 'piscina-tasks', export: 'run' }],
        runtime: 'edge',
      },
    });
    expect(knowledge.clients[0]).toEqual({
      module: '@acme/sdk',
      export: 'default.connect',
      kind: 'pool',
      close: 'shutdown',
      label: 'connect (@acme/sdk)',
    });
    expect(knowledge.clients.length).toBe(clientCatalog.length + 1);
    expect(knowledge.registrations.slice(0, 2)).toEqual([
      { module: '@acme/web', export: 'route', role: 'request', label: 'handler', properties: ['handler'] },
      { module: 'piscina-tasks', export: 'run', role: 'offload', label: 'offload wrapper' },
    ]);
    expect([...knowledge.namedRegistrations.values()]).toEqual([
      { name: 'onJob', role: 'request', label: 'handler' },
      { name: 'inWorker', role: 'offload', label: 'offload wrapper' },
    ]);
    expect([...knowledge.handlerDecorators.keys()]).toEqual(['Handle']);
    expect(knowledge.runtime).toBe('edge');
  });

  it('turns the project layer on by default, off with project: false, and reads its root and globs', () => {
    expect(knowledgeFrom({}).project).toEqual({});
    expect(knowledgeFrom({ 'shared-client': { project: false } }).project).toBe(false);
    expect(knowledgeFrom({ 'shared-client': { project: { root: 'server', include: ['src/**'], exclude: ['**/generated/**'] } } }).project).toEqual({
      root: 'server',
      include: ['src/**'],
      exclude: ['**/generated/**'],
    });
    expect(knowledgeFrom({ 'shared-client': { project: { cache: '.cache/shared-client' } } }).project).toEqual({ cache: '.cache/shared-client' });
    expect(knowledgeFrom({ 'shared-client': { project: { cache: false } } }).project).toEqual({ cache: false });
  });

  it('keys the disk cache by the user settings', () => {
    expect(knowledgeFrom({}).fingerprint).toBe('');
    expect(knowledgeFrom({ 'shared-client': { runtime: 'node' } }).fingerprint).toBe('{"runtime":"node"}');
    // The root is absolute in most configs (`import.meta.dirname`): a restored cache must still apply.
    expect(knowledgeFrom({ 'shared-client': { runtime: 'node', project: { root: '/ci/work/app' } } }).fingerprint).toBe('{"runtime":"node"}');
  });

  it('parses each settings object once', () => {
    const settings = { 'shared-client': { runtime: 'node' } };
    expect(knowledgeFrom(settings)).toBe(knowledgeFrom(settings));
  });

  it.each([
    [[], "Invalid settings['shared-client']: must be an object"],
    [{ client: [] }, "Invalid settings['shared-client'].client: is not a known setting"],
    [{ clients: {} }, "Invalid settings['shared-client'].clients: must be an array"],
    [{ clients: [{ module: 'm', export: 'E' }] }, "Invalid settings['shared-client'].clients[0].kind: must be 'pool' or 'wrapper' (got undefined)"],
    [{ clients: [{ module: '', export: 'E', kind: 'pool' }] }, `Invalid settings['shared-client'].clients[0].module: must be a non-empty string (got "")`],
    [{ clients: [{ module: 'm', export: 'E', kind: 'pool', closes: 'end' }] }, "Invalid settings['shared-client'].clients[0].closes: is not a known property (expected one of module, export, kind, close, label)"],
    [{ handlers: [{ module: 'm', export: 'e', properties: 'handler' }] }, "Invalid settings['shared-client'].handlers[0].properties: must be an array of strings"],
    [{ offloadWrappers: [{ decorator: 'X' }] }, "Invalid settings['shared-client'].offloadWrappers[0].decorator: is not a known property (expected one of module, export, properties, name)"],
    [{ project: true }, "Invalid settings['shared-client'].project: must be an object"],
    [{ project: { roots: '.' } }, "Invalid settings['shared-client'].project.roots: is not a known property (expected one of root, include, exclude, cache)"],
    [{ project: { cache: true } }, `Invalid settings['shared-client'].project.cache: must be a directory (a non-empty string) or false (got true)`],
    [{ project: { include: 'src' } }, "Invalid settings['shared-client'].project.include: must be an array of non-empty glob strings"],
    [{ runtime: 'bun' }, `Invalid settings['shared-client'].runtime: must be 'node' or 'edge' (got "bun")`],
  ])('rejects %j', (raw, message) => {
    const attempt = () => knowledgeFrom({ 'shared-client': raw });
    expect(attempt).toThrow(SettingsError);
    expect(attempt).toThrow(message);
    expect(attempt).toThrow('Expected the shape {');
  });
});
