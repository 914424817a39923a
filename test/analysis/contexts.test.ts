import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/file-analysis.js';
import { analyze, findNode } from '../helpers/analyze.js';

/** The context of the `here()` call in `code`, summarized as `kind` or `kind: label`, plus `+loop`, `via`. */
function contextOfHere(code: string, filename = 'src/app.ts', settings?: Record<string, unknown>): string {
  return analyze(
    code,
    (context, program) => {
      const marker = findNode<TSESTree.CallExpression>(context, program, AST_NODE_TYPES.CallExpression, 'here(');
      const result = analyzeFile(context).contexts.contextAt(marker);
      const loop = result.loop ? ' +loop' : '';
      const via = result.via.length > 0 ? ` via ${result.via.join(' < ')}` : '';
      const phase = result.testPhase ? ` (${result.testPhase})` : '';
      return `${result.kind}: ${result.label}${phase}${loop}${via}`;
    },
    { filename, ...(settings ? { settings } : {}) },
  );
}

describe('per-request contexts from registrations in the same file', () => {
  it.each([
    ['Express route', `app.get('/users/:id', async (req, res) => { here(); });`, 'request: request handler'],
    ['Express route, handler-shaped arrow', `router.post(ROUTES.users, (c) => { here(); });`, 'request: route handler'],
    ['Express route with middleware array', `app.get('/x', [auth, async function (a, b) { here(); }]);`, 'request: route handler'],
    ['Express route chain', `app.route('/book').get(function (a, b) { here(); });`, 'request: route handler'],
    ['Koa middleware', `app.use(async (ctx, next) => { here(); });`, 'request: middleware'],
    ['Hono route', `app.get('/', (c) => { here(); return c.text('ok'); });`, 'request: route handler'],
    ['Fastify route object', `fastify.route({ method: 'GET', url: '/', handler: async function (a) { here(); } });`, 'request: route handler'],
    ['Fastify route with options', `fastify.get('/', { schema }, async function (a) { here(); });`, 'request: route handler'],
    ['Fastify per-request hook', `fastify.addHook('onRequest', async function (a) { here(); });`, 'request: onRequest hook'],
    ['named handler passed to a route', `async function getUser(a, b) { here(); }\napp.get('/u', getUser);`, 'request: route handler via getUser()'],
    ['helper reachable from a handler', `function load() { here(); }\nfunction getUser(a, b) { load(); }\napp.get('/u', getUser);`, 'request: route handler via load() < getUser()'],
    [
      'helper called from a handler before a recursive and a startup caller',
      `function load(n) { here(); if (n > 0) load(n - 1); }\nfunction getUser(a, b) { load(1); }\napp.get('/u', getUser);\nload(0);`,
      'request: route handler via load() < getUser()',
    ],
    [
      'helper called at startup first, from a handler further down',
      `function load() { here(); }\nload();\nfunction getUser(a, b) { load(); }\napp.get('/u', getUser);`,
      'request: route handler via load() < getUser()',
    ],
    ['loop inside a handler', `app.get('/x', (req, res) => { for (const x of xs) { here(); } });`, 'request: request handler +loop'],
    ['GraphQL resolver map', `const resolvers = { Query: { user: async (_p, args) => { here(); } } };`, 'request: GraphQL resolver'],
    ['GraphQL type resolvers next to Query', `const resolvers = { Query: {}, User: { posts(parent) { here(); } } };`, 'request: GraphQL resolver'],
    ['GraphQL field config', `new GraphQLObjectType({ fields: { me: { type: User, resolve: () => { here(); } } } });`, 'request: GraphQL resolver'],
    ['tRPC procedure', `export const router = t.router({ byId: publicProcedure.input(z.string()).query(async ({ input }) => { here(); }) });`, 'request: tRPC procedure'],
    ['queue.process', `queue.process('email', async (job) => { here(); });`, 'request: queue job processor'],
    ['kafkajs consumer', `await consumer.run({ eachMessage: async ({ message }) => { here(); } });`, 'request: message handler'],
    ['socket message listener', `ws.on('message', (data) => { here(); });`, 'request: \'message\' listener'],
    ['Nuxt event handler', `export default defineEventHandler(async (event) => { here(); });`, 'request: event handler'],
    ['oRPC procedure', `export const r = os.input(z.object({})).handler(async ({ input }) => { here(); });`, 'request: oRPC procedure'],
    [
      'oRPC procedure on a builder bound to a const',
      `const base = os.$context<C>();\nconst authed = base.use(auth);\nexport const me = authed.handler(async ({ context }) => { here(); });`,
      'request: oRPC procedure',
    ],
    ['oRPC contract implementation', `const i = implement(contract);\nexport const r = i.user.get.handler(async () => { here(); });`, 'request: oRPC procedure'],
    ['tRPC mutation', `export const r = protectedProcedure.input(z.string()).mutation(async ({ input }) => { here(); });`, 'request: tRPC procedure'],
    ['Hono app.on', `app.on(['PUT', 'DELETE'], '/posts/:id', async (c) => { here(); });`, 'request: route handler'],
    ['Inngest function', `inngest.createFunction({ id: 'x' }, { event: 'a' }, async ({ event, step }) => { here(); });`, 'request: Inngest background job'],
    ['Inngest step inside a function', `inngest.createFunction({ id: 'x', triggers: [] }, async ({ step }) => { await step.run('a', () => { here(); }); });`, 'request: Inngest background job'],
    ['Elysia route', `new Elysia().get('/a', () => 1).post('/x', async ({ body }) => { here(); });`, 'request: route handler'],
    ['NestJS-free @Cron', `class C { @Cron('* * * * *') tick() { here(); } }`, 'request: scheduled job'],
  ])('%s', (_name, code, expected) => {
    expect(contextOfHere(code)).toBe(expected);
  });
});

describe('per-request contexts from imports', () => {
  it.each([
    ['http.createServer', `import http from 'node:http';\nhttp.createServer((a, b) => { here(); });`, 'request: request handler (http.createServer)'],
    ['BullMQ worker', `import { Worker } from 'bullmq';\nnew Worker('q', async (job) => { here(); });`, 'request: BullMQ job processor'],
    ['Bun.serve', `Bun.serve({ port: 3000, fetch(r) { here(); } });`, 'request: Bun.serve handler'],
    ['setInterval', `setInterval(() => { here(); }, 1000);`, 'request: setInterval callback'],
    ['middy-wrapped Lambda', `import middy from '@middy/core';\nexport const handler = middy(async (event) => { here(); });`, 'request: Lambda handler'],
    ['trigger.dev task', `import { task } from '@trigger.dev/sdk';\nexport const t = task({ id: 'x', run: async (payload) => { here(); } });`, 'request: trigger.dev background job'],
    ['trigger.dev scheduled task', `import { schedules } from '@trigger.dev/sdk/v3';\nexport const t = schedules.task({ id: 'x', cron: '0 * * * *', run: async () => { here(); } });`, 'request: trigger.dev background job'],
  ])('%s', (_name, code, expected) => {
    expect(contextOfHere(code)).toBe(expected);
  });
});

describe('per-request contexts from exports and signatures', () => {
  it.each([
    ['Next.js route export', 'app/api/users/route.ts', `export async function GET(request) { here(); }`, 'request: route handler'],
    ['Next.js route export as const', 'app/api/users/route.ts', `export const POST = async (r) => { here(); };`, 'request: route handler'],
    ['pages/api default export', 'pages/api/users.ts', `export default async function (a, b) { here(); }`, 'request: API route handler'],
    ['server component', 'app/users/page.tsx', `export default async function Page() { here(); }`, 'request: server component'],
    ['server action file', 'app/actions.ts', `'use server';\nexport async function save(data) { here(); }`, 'request: server action'],
    ['server action directive', 'app/form.ts', `export async function save(data) { 'use server'; here(); }`, 'request: server action'],
    ['middleware file', 'src/middleware.ts', `export function middleware(r) { here(); }`, 'request: middleware'],
    ['Remix loader', 'app/routes/users.tsx', `export async function loader({ params }) { here(); }`, 'request: loader'],
    ['SvelteKit load', 'src/routes/+page.server.ts', `export const load = async ({ params }) => { here(); };`, 'request: SvelteKit load function'],
    ['ESM Lambda handler', 'src/lambda.ts', `export const handler = async (event) => { here(); };`, 'request: Lambda handler'],
    ['CJS Lambda handler', 'src/lambda.js', `exports.handler = async function (event) { here(); };`, 'request: Lambda handler'],
    ['CJS Lambda handler via object', 'src/lambda.js', `async function run(event, context) { here(); }\nmodule.exports = { run };`, 'request: Lambda handler'],
    ['exported Express controller', 'src/users.controller.ts', `export async function getUser(req, res) { here(); }`, 'request: request handler'],
    ['Fastify signature', 'src/routes.ts', `export async function show(request, reply) { here(); }`, 'request: request handler'],
    ['typed request parameter', 'src/routes.ts', `export async function show(r: FastifyRequest) { here(); }`, 'request: request handler'],
    ['NestJS controller method', 'src/users.controller.ts', `@Controller('users') class UsersController { @Get(':id') async find() { here(); } }`, 'request: route handler'],
    ['NestJS resolver method', 'src/users.resolver.ts', `@Resolver() class R { @Query(() => User) user() { here(); } }`, 'request: GraphQL resolver'],
    ['NestJS queue processor', 'src/jobs.ts', `@Processor('q') class P extends WorkerHost { async process(job) { here(); } }`, 'request: queue job processor'],
    ['class method reached from a route method', 'src/c.ts', `class C { @Get() find() { return this.load(); } load() { here(); } }`, 'request: route handler via load()'],
    ['BullMQ processor by type', 'src/jobs/email.ts', `export const processor: Processor = async (job) => { here(); };`, 'request: queue job processor'],
    ['SvelteKit form actions', 'src/routes/login/+page.server.ts', `export const actions = { default: async ({ request }) => { here(); } };`, 'request: SvelteKit form action'],
    ['SvelteKit layout load', 'src/routes/+layout.server.ts', `export async function load({ locals }) { here(); }`, 'request: SvelteKit load function'],
    ['Astro endpoint', 'src/pages/api/users.ts', `export const GET: APIRoute = async (context) => { here(); };`, 'request: route handler'],
    ['Astro 1-2 endpoint', 'src/pages/api/users.ts', `export async function get({ params }) { here(); }`, 'request: API route handler'],
  ])('%s', (_name, filename, code, expected) => {
    expect(contextOfHere(code, filename)).toBe(expected);
  });
});

describe('startup and once contexts', () => {
  it.each([
    ['module scope', `here();`, 'startup: module scope'],
    ['module-scope loop', `for (const r of regions) { here(); }`, 'startup: module scope +loop'],
    ['module-scope map callback', `const clients = regions.map((r) => here());`, 'startup: module scope +loop'],
    ['main()', `async function main() { here(); }\nmain();`, 'startup: module scope via main()'],
    ['main() never called here', `export async function main() { here(); }`, 'startup: main()'],
    ['helper called only at startup', `function connect() { return here(); }\nconst db = connect();`, 'startup: module scope via connect()'],
    ['Fastify plugin via register', `fastify.register(async function (instance, opts) { here(); });`, 'startup: plugin'],
    ['fastify-plugin wrapper', `import fp from 'fastify-plugin';\nexport default fp(async (f) => { here(); });`, 'startup: Fastify plugin'],
    ['exported Fastify plugin signature', `export default async function routes(fastify, options) { here(); }`, 'startup: plugin'],
    ['onReady hook', `fastify.addHook('onReady', async () => { here(); });`, 'startup: onReady hook'],
    ['listen callback', `app.listen(3000, () => { here(); });`, 'startup: listen callback'],
    ['shutdown hook', `process.on('SIGTERM', () => { here(); });`, 'startup: shutdown hook'],
    ['service constructor', `export class UserService { constructor() { this.pool = here(); } }`, 'startup: UserService constructor'],
    ['service field', `export class UserService { pool = here(); }`, 'startup: UserService constructor'],
    ['Nest lifecycle hook', `class S { async onModuleInit() { here(); } }`, 'startup: lifecycle hook'],
    ['once() wrapper', `const getPool = once(() => here());`, 'once: once() wrapper'],
  ])('%s', (_name, code, expected) => {
    expect(contextOfHere(code)).toBe(expected);
  });

  it('a class constructed in a handler runs its constructor per request', () => {
    expect(contextOfHere(`class Repo { constructor() { this.pool = here(); } }\napp.get('/', (req, res) => { new Repo(); });`)).toBe(
      'request: request handler via new Repo()',
    );
  });

  it.each([
    ['??= on a module binding', `let pool;\nexport function getPool() { return (pool ??= here()); }`],
    ['if (!x) x = ...', `let pool;\napp.get('/', (req, res) => { if (!pool) { pool = here(); } });`],
    ['x || (x = ...)', `let pool;\napp.get('/', (req, res) => { const p = pool || (pool = here()); });`],
    ['early-return guard', `let pool;\nfunction getPool(req, res) { if (pool) return pool; pool = here(); return pool; }`],
    ['globalThis cache', `app.get('/', (req, res) => { const prisma = globalThis.prisma ?? here(); });`],
    ['this-member guard', `class S { get(req, res) { if (!this.client) this.client = here(); } }`],
    ['keyed Map cache with has()', `const pools = new Map();\napp.get('/', (req, res) => { if (!pools.has(req.tenant)) pools.set(req.tenant, here()); });`],
    ['keyed Map cache with get() ??', `const pools = new Map();\napp.get('/', (req, res) => { const p = pools.get(k) ?? pools.set(k, here()).get(k); });`],
    ['local read from cache then stored', `const cache = new Map();\napp.get('/', (req, res) => { let c = cache.get(k); if (!c) { c = here(); cache.set(k, c); } });`],
    ['const stored into a guarded cache', `const cache = {};\napp.get('/', (req, res) => { if (!cache[k]) { const c = here(); cache[k] = c; } });`],
  ])('%s is a once-guard', (_name, code) => {
    expect(contextOfHere(code)).toBe('once: once-guard');
  });

  it.each([
    [
      'a guard in the caller around the factory it calls',
      `let signer;\nasync function createSigner() { return here(); }\nasync function getSigner() { if (signer) return signer; signer = await createSigner(); return signer; }\napp.get('/', async (req, res) => { await getSigner(); });`,
      'once: once-guard via createSigner()',
    ],
    [
      'a flag the called init() sets',
      `let ready = false;\nfunction init() { here(); ready = true; }\napp.get('/', (req, res) => { if (!ready) init(); });`,
      'once: once-guard via init()',
    ],
    [
      'a flag the awaited init() sets, two calls down',
      `let initialized = false;\nfunction load() { here(); }\nasync function init() { load(); initialized = true; }\napp.get('/', async (req, res) => { if (!initialized) { await init(); } });`,
      'once: once-guard via load() < init()',
    ],
    [
      'a this-member flag the called method sets',
      `class S { async init() { here(); this.ready = true; }\n  async get(req, res) { if (!this.ready) await this.init(); } }`,
      'once: once-guard via init()',
    ],
  ])('%s is a once-guard', (_name, code, expected) => {
    expect(contextOfHere(code)).toBe(expected);
  });

  it.each([
    ['a buffer reset after a length check', `let batch = [];\napp.post('/', async (req, res) => { if (batch.length === 0) return; here(); batch = []; });`],
    ['a this-member buffer reset after a length check', `class B { async flush(req, res) { if (this.batch.length === 0) return; here(); this.batch = []; } }`],
    ['a size check on a map that is cleared', `let seen = new Map();\napp.post('/', (req, res) => { if (seen.size > 100) { here(); seen = new Map(); } });`],
    ['a busy flag cleared afterwards', `let running = false;\napp.post('/', async (req, res) => { if (running) return; running = true; here(); running = false; });`],
    ['a flag the file resets elsewhere', `let ready = false;\nfunction init() { here(); ready = true; }\nexport function reset() { ready = false; }\napp.get('/', (req, res) => { if (!ready) init(); });`],
    ['a counter', `let sent = 0;\napp.post('/', (req, res) => { if (sent < 100) { here(); sent += 1; } });`],
  ])('%s is not a once-guard', (_name, code) => {
    expect(contextOfHere(code)).toMatch(/^request: request handler/);
  });

  it('a fallback that reads request data is not a once-guard', () => {
    expect(contextOfHere(`app.get('/', (req, res) => { const client = req.client ?? here(); });`)).toBe('request: request handler');
  });
});

describe('other contexts', () => {
  it.each([
    ['Workers fetch', `export default { async fetch(request, env, ctx) { here(); } };`, 'edge: Workers fetch handler'],
    ['Bun default export server', `export default { port: 3000, fetch(req) { here(); } };`, 'request: Bun server fetch handler'],
    ['workerpool task', `import workerpool from 'workerpool';\nworkerpool.worker({ hash(x) { return here(); } });`, 'offload: workerpool task'],
    ['exported helper with no callers here', `export async function fetchUser(id) { here(); }`, 'unknown: fetchUser()'],
    ['promise callback inherits the handler', `app.get('/', (req, res) => { load().then(() => here()); });`, 'request: request handler'],
    ['setTimeout callback inherits startup', `setTimeout(() => here(), 10);`, 'startup: module scope'],
  ])('%s', (_name, code, expected) => {
    expect(contextOfHere(code)).toBe(expected);
  });

  it.each([
    ['module scope', `here();`, 'test: test file (module)'],
    ['beforeAll', `beforeAll(async () => { here(); });`, 'test: beforeAll (setup)'],
    ['afterEach', `afterEach(() => { here(); });`, 'test: afterEach (teardown)'],
    ['test body in describe', `describe('x', () => { it('y', async () => { here(); }); });`, 'test: it (test)'],
    ['describe body', `describe('x', () => { here(); });`, 'test: test file (module)'],
  ])('test file: %s', (_name, code, expected) => {
    expect(contextOfHere(code, 'src/users.test.ts')).toBe(expected);
  });

  it('settings add handler registrations by import, by name and by decorator', () => {
    const settings = {
      'shared-client': {
        handlers: [{ module: 'my-framework', export: 'route' }, { name: 'onJob' }, { decorator: 'Handle' }],
        offloadWrappers: [{ name: 'runInWorker' }],
      },
    };
    expect(contextOfHere(`import { route } from 'my-framework';\nroute('x', () => { here(); });`, 'src/a.ts', settings)).toBe('request: handler');
    expect(contextOfHere(`onJob(() => { here(); });`, 'src/a.ts', settings)).toBe('request: handler');
    expect(contextOfHere(`class A { @Handle() run() { here(); } }`, 'src/a.ts', settings)).toBe('request: handler');
    expect(contextOfHere(`runInWorker(() => { here(); });`, 'src/a.ts', settings)).toBe('offload: offload wrapper');
  });
});

describe('sync helpers of async functions', () => {
  /** The async function whose work the `here()` call runs in, when the file shows one, as `name < via`. */
  const asyncCallerOfHere = (code: string) =>
    analyze(code, (context, program) => {
      const marker = findNode<TSESTree.CallExpression>(context, program, AST_NODE_TYPES.CallExpression, 'here(');
      const caller = analyzeFile(context).contexts.contextAt(marker).asyncCaller;
      return caller ? `${caller.name} < ${caller.via.join(' < ')}` : null;
    }, { filename: 'src/build.ts' });

  it.each([
    ['called from an exported async function', `function load() { return here(); }\nexport async function build() { load(); }`, 'build < load()'],
    ['two sync calls down', `function read() { return here(); }\nfunction loadAll(ps) { return ps.map(() => read()); }\nexport async function build(ps) { loadAll(ps); }`, 'build < read() < loadAll()'],
    ['also called from a sync function', `function load() { return here(); }\nexport function other() { load(); }\nexport async function build() { load(); }`, 'build < load()'],
  ])('%s: the async caller is named', (_name, code, expected) => {
    expect(asyncCallerOfHere(code)).toBe(expected);
  });

  it.each([
    ['called only from sync functions', `function load() { return here(); }\nexport function build() { load(); }`],
    ['called from an async function run at startup', `function load() { return here(); }\nasync function main() { load(); }\nmain();`],
    ['in the async function itself', `export async function build() { here(); }`],
  ])('%s: none', (_name, code) => {
    expect(asyncCallerOfHere(code)).toBeNull();
  });
});

describe('recursion', () => {
  // Found by the corpus run: a function's context was cached while a caller it leaned on was still being worked out.
  const code = `function f(n) { first(); if (n > 0) g(n - 1); }
function g(n) { second(); f(n); }
function main() { h(); }
function h() { third(); h(); }
app.get('/x', (req, res) => { f(3); });
main();
`;
  const contextsIn = (order: string[]) =>
    analyze(code, (context, program) => {
      const contexts = analyzeFile(context).contexts;
      const answers = order.map((marker) => {
        const result = contexts.contextAt(findNode<TSESTree.CallExpression>(context, program, AST_NODE_TYPES.CallExpression, `${marker}(`));
        return [marker, `${result.kind}${result.via.length > 0 ? ` via ${result.via.join(' < ')}` : ''}`];
      });
      return Object.fromEntries(answers.sort());
    });

  it('gives every function of a cycle the cycle\'s context, whichever is asked about first', () => {
    const expected = { first: 'request via f()', second: 'request via g() < f()', third: 'startup via h() < main()' };
    expect(contextsIn(['first', 'second', 'third'])).toEqual(expected);
    expect(contextsIn(['second', 'first', 'third'])).toEqual(expected);
    expect(contextsIn(['third', 'second', 'first'])).toEqual(expected);
  });
});

describe('once-regions around nested code', () => {
  it.each([
    ['inside a once-guarded value', `let cache;\napp.get('/', (req, res) => { cache ??= JSON.parse(here()); });`],
    ['inside an assigned value behind a guard', `let cache;\napp.get('/', (req, res) => { if (!cache) cache = parse(here()).data; });`],
    ['in the branch that fills the tested cache', `let cache;\napp.get('/', (req, res) => { if (!cache) { const raw = here(); cache = parse(raw); } });`],
    ['in the branch that fills a this-member cache', `class S { load(req, res) { if (!this.config) { const raw = here(); this.config = parse(raw); } } }`],
    ['in the branch that fills a keyed cache', `const cache = new Map();\napp.get('/', (req, res) => { if (!cache.has(k)) { const raw = here(); cache.set(k, raw); } });`],
    ['a local read of the cache, filled in the branch', `const cache = new Map();\napp.get('/', (req, res) => { let c = cache.get(k); if (!c) { c = parse(here()); cache.set(k, c); } });`],
    ['after an early return on the cache it fills', `let cache;\nexport async function GET(request) { if (cache) return cache; const raw = here(); cache = parse(raw); return cache; }`],
  ])('%s is a once-region', (_name, code) => {
    expect(contextOfHere(code, 'app/api/x/route.ts')).toBe('once: once-guard');
  });

  it.each([
    ['a branch that fills only a local', `app.get('/', (req, res) => { let body = req.body; if (!body) { const raw = here(); body = parse(raw); } });`, 'request: request handler'],
    ['a branch on a cache it does not fill', `let cache;\napp.get('/', (req, res) => { if (!cache) { here(); } });`, 'request: request handler'],
    ['a branch that fills a cache the test does not read', `let cache;\napp.get('/', (req, res) => { if (req.fresh) { cache = here(); } });`, 'request: request handler'],
    ['after the guarded branch', `let cache;\napp.get('/', (req, res) => { if (!cache) { cache = load(); } here(); });`, 'request: request handler'],
  ])('%s is not', (_name, code, expected) => {
    expect(contextOfHere(code)).toBe(expected);
  });
});

describe('build-time exports', () => {
  it.each([
    ['getStaticProps', 'pages/blog.tsx', `export async function getStaticProps() { here(); }`, 'startup: getStaticProps() at build time'],
    ['getStaticPaths', 'pages/blog/[slug].tsx', `export const getStaticPaths = async () => { here(); };`, 'startup: getStaticPaths() at build time'],
    ['generateStaticParams', 'app/blog/[slug]/page.tsx', `export async function generateStaticParams() { here(); }`, 'startup: generateStaticParams() at build time'],
    ['getServerSideProps stays per request', 'pages/blog.tsx', `export async function getServerSideProps() { here(); }`, 'request: getServerSideProps'],
  ])('%s', (_name, filename, code, expected) => {
    expect(contextOfHere(code, filename)).toBe(expected);
  });
});
