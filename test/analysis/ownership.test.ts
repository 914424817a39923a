import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/file-analysis.js';
import { type Ownership, ownershipOf } from '../../src/analysis/ownership.js';
import { analyze } from '../helpers/analyze.js';

const IMPORTS = `import { Pool } from 'pg';\nimport Redis from 'ioredis';\n`;

/** The ownership of the first client created in `code` (after the pg/ioredis imports). */
function ownershipIn<T>(code: string, inspect: (ownership: Ownership) => T, filename = 'scripts/job.ts'): T {
  return analyze(
    IMPORTS + code,
    (context) => {
      const analysis = analyzeFile(context);
      const [creation] = analysis.clientCreations.values();
      if (!creation) throw new Error('no client creation');
      return inspect(ownershipOf(analysis, creation));
    },
    { filename },
  );
}

/** `owner verdict [closes=guarantee[:hook],...] [handOffs=kind,...]`. */
function summary(code: string, filename?: string): string {
  return ownershipIn(
    code,
    (ownership) => {
      const owner = ownership.owner;
      const parts: string[] = [owner.kind === 'test-lifecycle' && owner.setupHook ? `test-lifecycle(${owner.setupHook})` : owner.kind, ownership.verdict];
      if (ownership.closes.length > 0) parts.push(`closes=${ownership.closes.map((c) => (c.hook ? `${c.guarantee}:${c.hook}` : c.guarantee)).join(',')}`);
      if (ownership.handOffs.length > 0) parts.push(`handOffs=${ownership.handOffs.map((h) => h.kind).join(',')}`);
      return parts.join(' ');
    },
    filename,
  );
}

describe('a function that creates a client owns it', () => {
  it.each([
    ['never closed', `async function main() { const pool = new Pool(); await pool.query('x'); }`, 'function not-closed'],
    ['closed in finally', `async function main() { const pool = new Pool(); try { await pool.query('x'); } finally { await pool.end(); } }`, 'function closed closes=finally'],
    ['closed after the work only', `async function main() { const pool = new Pool(); await pool.query('x'); await pool.end(); }`, 'function closed-on-some-paths closes=some-paths'],
    ['closed at the end of try and in catch', `async function main() { const pool = new Pool(); try { await work(); await pool.end(); } catch (e) { await pool.end(); throw e; } }`, 'function closed closes=both-paths,both-paths'],
    ['closed in catch only', `async function main() { const pool = new Pool(); try { await work(); } catch (e) { await pool.end(); } }`, 'function closed-on-some-paths closes=some-paths'],
    ['closed in .finally()', `function main() { const pool = new Pool(); return work().finally(() => pool.end()); }`, 'function closed closes=promise-finally'],
    ['closed in .then() on both paths', `function main() { const pool = new Pool(); return work().then(() => pool.end(), () => pool.end()); }`, 'function closed closes=both-paths,both-paths'],
    ['closed in .then() and .catch()', `function main() { const pool = new Pool(); work().then(() => pool.end()).catch(() => pool.end()); }`, 'function closed closes=both-paths,both-paths'],
    ['closed in .then() only', `function main() { const pool = new Pool(); return work().then(() => pool.end()); }`, 'function closed-on-some-paths closes=some-paths'],
    ['closed by a local helper called in finally', `async function main() { const pool = new Pool(); const cleanup = async () => { await pool.end(); }; try { await work(); } finally { await cleanup(); } }`, 'function closed closes=finally'],
    ['closed with another close method', `async function main() { const redis = new Redis(); try { await redis.ping(); } finally { redis.disconnect(); } }`, 'function closed closes=finally'],
    ['declared with await using', `async function main() { await using pool = new Pool(); await pool.query('x'); }`, 'function closed'],
    ['assigned to a local let inside try', `async function main() { let pool; try { pool = new Pool(); await pool.query('x'); } finally { await pool?.end(); } }`, 'function closed closes=finally'],
    ['created in either branch of a conditional', `async function main(a) { const pool = a ? new Pool(a) : new Pool(); await pool.query('x'); }`, 'function not-closed'],
  ])('%s', (_name, code, expected) => {
    expect(summary(code)).toBe(expected);
  });
});

describe('ownership handed on', () => {
  it.each([
    ['returned', `function make() { const pool = new Pool(); return pool; }`, 'function handed-on handOffs=returned'],
    ['returned inside an object', `function make() { const pool = new Pool(); return { pool, close: () => pool.end() }; }`, 'function closed closes=hook:a stored callback handOffs=returned'],
    ['returned directly', `function make() { return new Pool(); }`, 'function handed-on handOffs=returned'],
    ['stored on this', `class Db { connect() { this.pool = new Pool(); } }`, 'function handed-on handOffs=stored'],
    ['stored on an outer binding of a function', `function outer() { let shared; function make() { const pool = new Pool(); shared = pool; } make(); return shared; }`, 'function handed-on handOffs=stored'],
    ['passed to a function', `async function main() { const pool = new Pool(); await migrate(pool); }`, 'function handed-on handOffs=passed'],
    ['passed to a constructor', `function main() { const pool = new Pool(); return new Repo(pool).all(); }`, 'function handed-on handOffs=passed'],
    ['aliased', `async function main() { const pool = new Pool(); const db = pool; await db.end(); }`, 'function handed-on handOffs=aliased'],
    ['captured by a route handler', `function main() { const pool = new Pool(); app.get('/', (req, res) => pool.query('x')); }`, 'function handed-on handOffs=captured'],
    ['captured by a timer', `function main() { const pool = new Pool(); setInterval(() => pool.query('select 1'), 1000); }`, 'function handed-on handOffs=captured'],
    ['captured by an event listener', `function main() { const pool = new Pool(); emitter.on('job', () => pool.query('x')); }`, 'function handed-on handOffs=captured'],
    ['closed by a SIGTERM hook', `function main() { const pool = new Pool(); process.once('SIGTERM', () => pool.end()); }`, "function closed closes=hook:once('SIGTERM')"],
    ["closed by a server 'close' listener", `function main() { const pool = new Pool(); server.on('close', () => pool.end()); }`, "function closed closes=hook:on('close')"],
    ['closed by a Fastify onClose hook', `async function plugin(fastify) { const pool = new Pool(); fastify.addHook('onClose', async () => { await pool.end(); }); }`, "function closed closes=hook:addHook('onClose')"],
    ['a class field', `class Db { pool = new Pool(); }`, 'class handed-on'],
    ['a default parameter (callers may pass their own)', `async function run(pool = new Pool()) { await pool.query('x'); }`, 'function handed-on handOffs=aliased'],
  ])('%s', (_name, code, expected) => {
    expect(summary(code)).toBe(expected);
  });

  it('a function that closes the client itself keeps it, even when it lends it to a call', () => {
    expect(summary(`async function main() { const pool = new Pool(); await migrate(pool); await pool.end(); }`)).toBe(
      'function closed-on-some-paths closes=some-paths handOffs=passed',
    );
  });

  it('console output is not a hand-off', () => {
    expect(summary(`async function main() { const pool = new Pool(); console.log(pool); }`)).toBe('function not-closed');
  });
});

describe('callbacks that finish inside the function keep the client its own', () => {
  it.each([
    ['awaited array callbacks', `async function main(ids) { const pool = new Pool(); await Promise.all(ids.map((id) => pool.query(id))); }`],
    ['promise callbacks', `async function main() { const pool = new Pool(); await load().then((rows) => pool.query(rows)); }`],
    ['a callback of an awaited call', `async function main() { const pool = new Pool(); await retry(() => pool.query('x')); }`],
    ['an immediately invoked function', `async function main() { const pool = new Pool(); await (async () => { await pool.query('x'); })(); }`],
    ['a local function called directly', `async function main() { const pool = new Pool(); async function load() { return pool.query('x'); } await load(); }`],
  ])('%s', (_name, code) => {
    expect(summary(code)).toBe('function not-closed');
  });

  it('work that is not awaited makes the function unsettled', () => {
    expect(ownershipIn(`async function main(ids) { const pool = new Pool(); ids.forEach(async (id) => { await pool.query(id); }); }`, (o) => o.settled)).toBe(false);
    expect(ownershipIn(`async function main() { const pool = new Pool(); pool.query('x').then(print); }`, (o) => o.settled)).toBe(false);
    expect(ownershipIn(`async function main() { const pool = new Pool(); await pool.query('x'); }`, (o) => o.settled)).toBe(true);
  });

  it('returns that hand back work on the client without awaiting it are pending', () => {
    const pending = (code: string) => ownershipIn(code, (o) => o.pendingReturns.length);
    expect(pending(`async function main() { const pool = new Pool(); return pool.query('x'); }`)).toBe(1);
    expect(pending(`async function main() { const pool = new Pool(); return Promise.all([pool.query('a'), pool.query('b')]); }`)).toBe(1);
    expect(pending(`async function main() { const pool = new Pool(); return await pool.query('x'); }`)).toBe(0);
    expect(pending(`async function main() { const pool = new Pool(); const r = await pool.query('x'); return r.rows; }`)).toBe(0);
  });
});

describe('module-scope clients', () => {
  it.each([
    ['never closed in a script', `const pool = new Pool();\nawait pool.query('x');`, 'scripts/job.ts', 'module not-closed'],
    ['closed in a script', `const pool = new Pool();\nawait pool.query('x');\nawait pool.end();`, 'scripts/job.ts', 'module closed closes=some-paths'],
    ['closed after main() settles', `const pool = new Pool();\nasync function main() { await pool.query('x'); }\nmain().catch(console.error).finally(() => pool.end());`, 'scripts/job.ts', 'module closed closes=promise-finally'],
    ['closed inside main()', `const pool = new Pool();\nasync function main() { await pool.query('x'); await pool.end(); }\nmain();`, 'scripts/job.ts', 'module closed closes=some-paths'],
    ['exported', `export const pool = new Pool();`, 'src/db.ts', 'module handed-on handOffs=exported'],
    ['exported by name', `const pool = new Pool();\nexport { pool };`, 'src/db.ts', 'module handed-on handOffs=exported'],
    ['exported with CommonJS', `const pool = new Pool();\nmodule.exports = { pool };`, 'src/db.js', 'module handed-on handOffs=stored,exported'],
    ['serving routes in a script keeps the process running', `const pool = new Pool();\napp.get('/', (req, res) => pool.query('x'));`, 'bin/server.js', 'module handed-on handOffs=captured'],
    ['serving routes in an application file still needs a shutdown close', `const pool = new Pool();\napp.get('/', (req, res) => pool.query('x'));`, 'src/server.ts', 'module not-closed handOffs=captured'],
    ['closed by a SIGTERM hook', `const pool = new Pool();\nprocess.on('SIGTERM', async () => { await pool.end(); });`, 'src/server.ts', "module closed closes=hook:on('SIGTERM')"],
    ['closed by a NestJS shutdown method', `const pool = new Pool();\nclass Db { async onModuleDestroy() { await pool.end(); } }`, 'src/db.ts', 'module closed closes=hook:onModuleDestroy()'],
    ['closed by a NestJS beforeApplicationShutdown method', `const pool = new Pool();\nclass Db { beforeApplicationShutdown() { return pool.end(); } }`, 'src/db.ts', 'module closed closes=hook:beforeApplicationShutdown()'],
    ['closed by a SIGINT hook', `const redis = new Redis();\nprocess.once('SIGINT', () => redis.quit());`, 'src/cache.ts', "module closed closes=hook:once('SIGINT')"],
    ['closed before the event loop empties', `const redis = new Redis();\nprocess.on('beforeExit', () => redis.quit());`, 'src/cache.ts', "module closed closes=hook:on('beforeExit')"],
    ['assigned from a function to a module binding', `let client;\nasync function connect() { client = new Redis(); }\nconnect().then(() => client.quit());`, 'scripts/job.ts', 'module closed closes=some-paths'],
  ])('%s', (_name, code, filename, expected) => {
    expect(summary(code, filename)).toBe(expected);
  });
});

describe('test files', () => {
  it.each([
    ['module scope, closed in afterAll', `const redis = new Redis();\nafterAll(() => redis.quit());`, 'test-lifecycle closed closes=hook:afterAll'],
    ['module scope, never closed', `const redis = new Redis();\nit('x', async () => { await redis.ping(); });`, 'test-lifecycle not-closed handOffs=captured'],
    ['module scope, closed in the last test', `const redis = new Redis();\nit('x', async () => { await redis.ping(); await redis.quit(); });`, 'test-lifecycle closed closes=hook:a it() callback handOffs=captured'],
    ['beforeAll with afterAll', `let redis;\nbeforeAll(() => { redis = new Redis(); });\nafterAll(async () => { await redis.quit(); });`, 'test-lifecycle(beforeAll) closed closes=hook:afterAll'],
    ['beforeEach with afterAll only', `let redis;\nbeforeEach(() => { redis = new Redis(); });\nafterAll(async () => { await redis.quit(); });`, 'test-lifecycle(beforeEach) not-closed closes=hook:afterAll'],
    ['beforeEach with afterEach', `let redis;\nbeforeEach(() => { redis = new Redis(); });\nafterEach(async () => { await redis.quit(); });`, 'test-lifecycle(beforeEach) closed closes=hook:afterEach'],
    ['mocha before/after in a describe', `describe('x', () => { let redis; before(() => { redis = new Redis(); }); after(() => redis.quit()); });`, 'test-lifecycle(before) closed closes=hook:after'],
    ['describe body', `describe('x', () => { const redis = new Redis(); it('y', () => redis.ping()); });`, 'test-lifecycle not-closed handOffs=captured'],
    ['handed to the app in setup', `let redis, app;\nbeforeAll(() => { redis = new Redis(); app = buildApp({ redis }); });`, 'test-lifecycle(beforeAll) handed-on handOffs=captured'],
    ['a local client of a setup hook', `beforeAll(async () => { const redis = new Redis(); await redis.flushall(); });`, 'function not-closed'],
    ['a client made inside a test', `it('x', async () => { const redis = new Redis(); try { await redis.ping(); } finally { await redis.quit(); } });`, 'function closed closes=finally'],
  ])('%s', (_name, code, expected) => {
    expect(summary(code, 'src/cache.test.ts')).toBe(expected);
  });
});

describe('calls that return the client carry it', () => {
  it.each([
    ['on() at the construction', `function make() { const redis = new Redis().on('error', console.error); return redis; }`, 'function handed-on handOffs=returned'],
    ['on() on the binding', `function make() { const redis = new Redis(); return redis.on('error', console.error); }`, 'function handed-on handOffs=returned'],
    ['once().setMaxListeners() stored', `function make(holder) { holder.redis = new Redis().once('ready', f).setMaxListeners(20); }`, 'function handed-on handOffs=stored'],
    ['an unknown method returns something else', `async function make() { return new Redis().on('error', f).get('x'); }`, 'function not-closed'],
    ['ioredis connect() resolves to nothing', `async function make() { const redis = await new Redis().connect(); return redis; }`, 'function not-closed'],
    ['closed through on()', `async function main() { const redis = new Redis(); try { await redis.get('x'); } finally { await redis.on('end', f).quit(); } }`, 'function closed closes=finally'],
  ])('%s', (_name, code, expected) => {
    expect(summary(code)).toBe(expected);
  });
});

describe('process.exit() ends the process for the owner', () => {
  it.each([
    ['exit in finally', `async function main() { const pool = new Pool(); try { await pool.query('x'); } finally { process.exit(); } }\nmain();`, 'function closed'],
    ['close on success, exit in catch', `async function main() { const pool = new Pool(); try { await pool.query('x'); await pool.end(); } catch { process.exit(1); } }\nmain();`, 'function closed closes=both-paths'],
    ['entry exits on failure, close on success', `async function main() { const pool = new Pool(); await pool.query('x'); await pool.end(); }\nmain().catch(() => process.exit(1));`, 'function closed closes=some-paths'],
    ['entry exits on failure only', `async function main() { const pool = new Pool(); await pool.query('x'); }\nmain().catch(() => process.exit(1));`, 'function not-closed'],
    ['entry exits in finally', `async function main() { const pool = new Pool(); await pool.query('x'); }\nmain().finally(() => process.exit());`, 'function closed'],
    ['entry called from another function', `async function main() { const pool = new Pool(); await pool.query('x'); }\nfunction run() { return main().finally(() => process.exit()); }`, 'function not-closed'],
    ['a conditional exit in the entry', `async function main() { const pool = new Pool(); await pool.query('x'); }\nmain().finally(() => { if (done) process.exit(); });`, 'function not-closed'],
    ['a local named process', `async function main() { const pool = new Pool(); await pool.query('x'); }\nconst process = { exit() {} };\nmain().finally(() => process.exit());`, 'function not-closed'],
    ['module scope, exit at the end', `const pool = new Pool();\nawait pool.query('x');\nprocess.exit(0);`, 'module closed'],
    ['module scope, exit in a signal handler only', `const pool = new Pool();\nprocess.on('SIGINT', () => process.exit(130));\nawait pool.query('x');`, 'module not-closed'],
    ['module scope, exit in a catch only', `const pool = new Pool();\ntry { await pool.query('x'); } catch { process.exit(1); }`, 'module not-closed'],
  ])('%s', (_name, code, expected) => {
    expect(summary(code)).toBe(expected);
  });
});
