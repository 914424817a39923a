import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearProjectCache, crossFileContext } from '../../src/project/index.js';

const projects = join(import.meta.dirname, '../fixtures/projects');

/** The answer for `file`'s export `name` in fixture `project`, with chain files relative to the project. */
function ask(project: string, file: string, name: string) {
  const root = join(projects, project);
  const result = crossFileContext(join(root, file), name);
  return { kind: result.kind, chain: result.chain.map((link) => `${relative(root, link.file)}:${link.line} ${link.label}`) };
}

beforeEach(() => clearProjectCache());

describe('crossFileContext', () => {
  it('(a) a factory called by a controller that a route registers runs per request', () => {
    expect(ask('express', 'lib/db.ts', 'makeDb')).toEqual({
      kind: 'request',
      chain: ['controllers/users.ts:5 createUser()', 'routes/users.ts:6 route handler'],
    });
    expect(ask('express', 'controllers/users.ts', 'createUser')).toEqual({ kind: 'request', chain: ['routes/users.ts:6 route handler'] });
  });

  it('(a) build output and .gitignore\'d files are not part of the project', () => {
    expect(ask('express', 'lib/startup-only.ts', 'db')).toEqual({ kind: 'unknown', chain: [] });
  });

  it('(b) a helper called only from main() and module scope runs at startup', () => {
    expect(ask('startup', 'src/config.ts', 'loadConfig')).toEqual({ kind: 'startup', chain: ['src/main.ts:5 main() < module scope'] });
  });

  it('(c) Next.js route through tsconfig paths (with extends)', () => {
    expect(ask('next', 'utils/s3.ts', 'makeBucketClient')).toEqual({ kind: 'request', chain: ['app/api/files/route.ts:5 route handler'] });
  });

  it('(d) a cycle without handlers is unknown, whatever is asked first', () => {
    const order1 = [ask('cycle', 'lib.ts', 'helper'), ask('cycle', 'a.ts', 'a'), ask('cycle', 'b.ts', 'b')];
    clearProjectCache();
    const order2 = [ask('cycle', 'b.ts', 'b'), ask('cycle', 'a.ts', 'a'), ask('cycle', 'lib.ts', 'helper')].reverse();
    expect(order1).toEqual(order2);
    for (const answer of order1) expect(answer).toEqual({ kind: 'unknown', chain: [] });
  });

  it('(d) a cycle with a handler is per request, whatever is asked first', () => {
    const a = ask('cycle-handler', 'a.ts', 'a');
    const b = ask('cycle-handler', 'b.ts', 'b');
    clearProjectCache();
    const b2 = ask('cycle-handler', 'b.ts', 'b');
    const a2 = ask('cycle-handler', 'a.ts', 'a');
    expect(a).toEqual({ kind: 'request', chain: ['routes.ts:5 request handler'] });
    expect(b).toEqual({ kind: 'request', chain: ['a.ts:5 a()', 'routes.ts:5 request handler'] });
    expect([a2, b2]).toEqual([a, b]);
  });

  it('(e) through a barrel: export * and export { x as y }', () => {
    expect(ask('barrel', 'services/mail.ts', 'makeMailer')).toEqual({ kind: 'request', chain: ['routes.ts:5 request handler'] });
    expect(ask('barrel', 'services/queue.ts', 'makeQueue')).toEqual({ kind: 'request', chain: ['routes.ts:6 request handler'] });
  });

  it('(e) a default export re-exported by name, called through a namespace import in a BullMQ processor', () => {
    expect(ask('barrel', 'services/sms.ts', 'default')).toEqual({ kind: 'request', chain: ['jobs.ts:6 BullMQ job processor'] });
  });

  it('a workspace package imported by name (package exports) from another workspace', () => {
    expect(ask('monorepo', 'packages/db/src/client.ts', 'makePrisma')).toEqual({ kind: 'request', chain: ['apps/api/src/routes.ts:6 request handler'] });
    expect(ask('monorepo', 'apps/api/src/audit.ts', 'audit')).toEqual({ kind: 'request', chain: ['apps/api/src/routes.ts:7 request handler'] });
  });

  it('a tsconfig whose extends does not resolve still resolves relative imports', () => {
    expect(ask('broken-extends', 'src/util/index.ts', 'makeThing')).toEqual({ kind: 'request', chain: ['src/app.ts:5 request handler'] });
  });

  it('(f) CommonJS module.exports = { f } with destructured and whole-module require', () => {
    expect(ask('cjs', 'lib/cache.js', 'makeCache')).toEqual({ kind: 'request', chain: ['app.js:4 request handler'] });
    expect(ask('cjs', 'lib/cache.js', 'makeLock')).toEqual({ kind: 'request', chain: ['other.js:4 request handler'] });
  });

  it('(g) handlers named by serverless.yml and SAM templates', () => {
    expect(ask('serverless', 'src/handlers/users.ts', 'create')).toEqual({ kind: 'request', chain: ['serverless.yml:7 Lambda handler (serverless.yml)'] });
    expect(ask('serverless', 'src/lib/dynamo.ts', 'makeDynamo')).toEqual({
      kind: 'request',
      chain: ['src/handlers/users.ts:5 create()', 'serverless.yml:7 Lambda handler (serverless.yml)'],
    });
    expect(ask('serverless', 'sam/orders/app.mjs', 'lambdaHandler')).toEqual({ kind: 'request', chain: ['sam/template.yaml:8 Lambda handler (template.yaml)'] });
  });

  it('(h) a once-guarded caller covers what it calls', () => {
    expect(ask('once', 'lib/client.ts', 'makeClient')).toEqual({ kind: 'once', chain: ['services/store.ts:6 once-guard'] });
  });

  it('classes: constructor and field initialisers, and methods called on an instance', () => {
    expect(ask('classes', 'repositories/orders.ts', 'OrderRepository')).toEqual({ kind: 'request', chain: ['middleware.ts:5 request handler'] });
    expect(ask('classes', 'repositories/orders.ts', 'OrderRepository.find')).toEqual({ kind: 'request', chain: ['middleware.ts:6 request handler'] });
  });

  it('never throws: files outside any project and unknown exports are unknown', () => {
    expect(crossFileContext('/nonexistent/dir/file.ts', 'x')).toEqual({ kind: 'unknown', chain: [] });
    expect(ask('express', 'lib/db.ts', 'nothing')).toEqual({ kind: 'unknown', chain: [] });
  });
});
