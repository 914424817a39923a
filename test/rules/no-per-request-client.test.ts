import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';
import rule from '../../src/rules/no-per-request-client.js';

const ruleTester = new RuleTester();

ruleTester.run('no-per-request-client', rule, {
  valid: [
    {
      code: `import { Pool } from 'pg';
app.get('/debug/db', async (req, res) => {
  if (process.env.NODE_ENV === 'production') return res.sendStatus(404);
  const pool = new Pool({ connectionString: process.env.DEBUG_DATABASE_URL });
  res.json((await pool.query('select now()')).rows);
  await pool.end();
});`,
      name: 'a client made after an early return in production: development-only code',
    },
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
app.get('/x', async (req, res) => res.json(await pool.query('select 1')));
`,
      name: "module-scope pool used by a handler",
    },
    {
      code: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com' });
app.get('/x', async (req, res) => res.json((await api.get('/y')).data));
`,
      name: "module-scope axios instance",
    },
    {
      code: `import { Pool } from 'pg';
let pool;
function getPool() {
  if (!pool) pool = new Pool();
  return pool;
}
app.get('/x', async (req, res) => res.json(await getPool().query('select 1')));
`,
      name: "lazy singleton getter",
    },
    {
      code: `import Redis from 'ioredis';
let redis;
app.get('/x', async (req, res) => {
  redis ??= new Redis();
  res.json(await redis.get('k'));
});
`,
      name: "??= singleton in a handler",
    },
    {
      code: `import { MongoClient } from 'mongodb';
let client;
export function getClient(req, res) {
  if (client) return client;
  client = new MongoClient(process.env.MONGO_URL);
  return client;
}
`,
      name: "early-return singleton",
    },
    {
      filename: "lib/prisma.ts",
      code: `import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;
`,
      name: "Next.js globalThis Prisma singleton",
    },
    {
      code: `import { PrismaClient } from '@prisma/client';
export async function GET() {
  const prisma = globalThis.prisma ?? (globalThis.prisma = new PrismaClient());
  return Response.json(await prisma.user.findMany());
}
`,
      name: "globalThis cache read in a handler",
    },
    {
      code: `import { Pool } from 'pg';
const pools = new Map();
app.get('/t', async (req, res) => {
  if (!pools.has(req.tenant.id)) pools.set(req.tenant.id, new Pool({ connectionString: req.tenant.url }));
  res.json(await pools.get(req.tenant.id).query('select 1'));
});
`,
      name: "keyed Map cache with has/set",
    },
    {
      code: `import { Pool } from 'pg';
const pools = new Map();
app.get('/t', async (req, res) => {
  const pool = pools.get(req.tenant.url) ?? pools.set(req.tenant.url, new Pool({ connectionString: req.tenant.url })).get(req.tenant.url);
  res.json(await pool.query('select 1'));
});
`,
      name: "keyed Map cache with get ?? set",
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
const clients = {};
export const handler = async (event) => {
  const region = event.region;
  if (!clients[region]) clients[region] = new S3Client({ region });
  return clients[region].send(event.command);
};
`,
      name: "keyed object cache",
    },
    {
      code: `import once from 'lodash/once';
import { Pool } from 'pg';
const getPool = once(() => new Pool());
app.get('/x', async (req, res) => res.json(await getPool().query('select 1')));
`,
      name: "once() wrapper",
    },
    {
      code: `import { Pool } from 'pg';
async function main() {
  const pool = new Pool();
  app.locals.pool = pool;
  app.listen(3000);
}
main();
`,
      name: "main() startup",
    },
    {
      code: `import Redis from 'ioredis';
export async function bootstrap() {
  const redis = new Redis();
  return redis;
}
`,
      name: "bootstrap by name, called elsewhere",
    },
    {
      code: `import { Pool } from 'pg';
fastify.register(async function (instance, opts) {
  const pool = new Pool();
  instance.decorate('pool', pool);
});
`,
      name: "Fastify plugin body",
    },
    {
      code: `import fp from 'fastify-plugin';
import Redis from 'ioredis';
export default fp(async (fastify) => {
  fastify.decorate('redis', new Redis());
});
`,
      name: "fastify-plugin wrapper",
    },
    {
      code: `import { Pool } from 'pg';
export default async function dbPlugin(fastify, options) {
  fastify.decorate('pool', new Pool(options));
}
`,
      name: "exported Fastify plugin function",
    },
    {
      code: `import Redis from 'ioredis';
fastify.addHook('onReady', async function () {
  this.redis = new Redis();
});
`,
      name: "Fastify onReady hook",
    },
    {
      code: `import { Pool } from 'pg';
app.listen(3000, () => {
  app.locals.pool = new Pool();
});
`,
      name: "listen callback",
    },
    {
      filename: "src/prisma.service.ts",
      code: `import { Injectable } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
@Injectable()
export class DatabaseService {
  private readonly prisma = new PrismaClient();
  constructor() {
    this.replica = new PrismaClient();
  }
}
`,
      name: "NestJS provider constructor",
    },
    {
      filename: "src/cache.service.ts",
      code: `import Redis from 'ioredis';
export class CacheService {
  async onModuleInit() {
    this.redis = new Redis();
  }
}
`,
      name: "NestJS onModuleInit",
    },
    {
      filename: "src/users.test.ts",
      code: `import { Pool } from 'pg';
let pool;
beforeAll(() => { pool = new Pool(); });
afterAll(() => pool.end());
it('reads', async () => { const other = new Pool(); await other.query('select 1'); await other.end(); });
`,
      name: "test file beforeAll",
    },
    {
      filename: "src/__tests__/api.ts",
      code: `import { Pool } from 'pg';
app.get('/x', async (req, res) => { const pool = new Pool(); res.json(await pool.query('select 1')); });
`,
      name: "__tests__ directory",
    },
    {
      filename: "src/worker.ts",
      code: `import { Pool } from '@neondatabase/serverless';
export default {
  async fetch(request, env, ctx) {
    const pool = new Pool({ connectionString: env.DATABASE_URL });
    return Response.json((await pool.query('select 1')).rows);
  },
};
`,
      name: "Cloudflare Workers fetch handler must create I/O per request",
    },
    {
      filename: "app/api/edge/route.ts",
      code: `import { Pool } from '@neondatabase/serverless';
export const runtime = 'edge';
export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  return Response.json((await pool.query('select 1')).rows);
}
`,
      name: "Next.js edge runtime route",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/x', async (req, res) => { const pool = new Pool(); res.json(await pool.query('select 1')); });
`,
      name: "edge runtime from settings",
      settings: {"shared-client":{"runtime":"edge"}},
    },
    {
      code: `class Pool { query() {} }
app.get('/x', async (req, res) => { const pool = new Pool(); res.json(pool.query()); });
`,
      name: "local class named Pool",
    },
    {
      code: `import { createClient } from './supabase-server';
export async function GET() { const client = createClient(); return Response.json(await client.from('t').select()); }
`,
      name: "createClient from an unknown module",
    },
    {
      code: `import { Pool } from './pg';
app.get('/x', async (req, res) => { const pool = new Pool(); res.json(await pool.query()); });
`,
      name: "relative module that shadows a package name",
    },
    {
      code: `import { Octokit } from '@octokit/rest';
app.get('/repos', async (req, res) => {
  const octokit = new Octokit({ auth: req.user.token });
  res.json(await octokit.repos.listForAuthenticatedUser());
});
`,
      name: "request-scoped wrapper (user token) by default",
    },
    {
      code: `import Stripe from 'stripe';
export async function POST(request) {
  const { account } = await request.json();
  const stripe = new Stripe(process.env.STRIPE_KEY, { stripeAccount: account });
  return Response.json(await stripe.charges.list());
}
`,
      name: "request-scoped Stripe connected account",
    },
    {
      filename: "scripts/backfill.ts",
      code: `import { Pool } from 'pg';
app.get('/x', async (req, res) => { const pool = new Pool(); res.json(await pool.query('select 1')); });
`,
      name: "scripts directory",
    },
    {
      filename: "db/migrations/001_users.ts",
      code: `import { Pool } from 'pg';
export async function up() { for (const t of tables) { const pool = new Pool(); await pool.query(t); await pool.end(); } }
`,
      name: "migration file",
    },
    {
      filename: "tools/sync.js",
      code: `#!/usr/bin/env node
const { Pool } = require('pg');
for (const db of dbs) { const pool = new Pool({ database: db }); pool.end(); }
`,
      name: "executable with a shebang",
    },
    {
      filename: "vite.config.ts",
      code: `import axios from 'axios';
export default { plugins: [{ async buildStart() { for (const u of urls) await axios.create().get(u); } }] };
`,
      name: "config file",
    },
    {
      code: `import { Pool } from 'pg';
export async function queryOnce(sql) {
  const pool = new Pool();
  try { return await pool.query(sql); } finally { await pool.end(); }
}
`,
      name: "exported helper with no callers in the file",
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
export const clients = regions.map((region) => new S3Client({ region }));
`,
      name: "module-scope map building one client per region",
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
const clients = {};
for (const region of regions) clients[region] = new S3Client({ region });
`,
      name: "module-scope loop storing one client per region",
    },
    {
      code: `import Redis from 'ioredis';
const shards = [];
for (const url of process.env.REDIS_URLS.split(',')) {
  const redis = new Redis(url);
  shards.push(redis);
}
`,
      name: "loop pushing clients into a list at startup",
    },
    {
      code: `import { Pool } from 'pg';
export class Db { pool = new Pool(); static replica = new Pool(); }
`,
      name: "class fields of a long-lived service",
    },
    {
      code: `import { Pool } from 'pg';
process.on('SIGTERM', async () => { const pool = new Pool(); await pool.query('notify shutdown'); await pool.end(); });
`,
      name: "shutdown hook",
    },
    {
      code: `import { Pool } from 'pg';
db.get('SELECT 1', (err, row) => { const pool = new Pool(); });
`,
      name: "callback of a non-route get (sqlite-style) at startup",
    },
    {
      code: `import { MongoClient } from 'mongodb';
connectConfig().then((cfg) => { globalThis.mongo = new MongoClient(cfg.url); });
`,
      name: "promise chain at module scope",
    },
    {
      filename: "src/hash-worker.ts",
      code: `import { parentPort } from 'node:worker_threads';
import { Pool } from 'pg';
const pool = new Pool();
parentPort.on('close', () => pool.end());
`,
      name: "worker_threads file",
    },
    {
      code: `import { Pool } from 'pg';
function makePool() { return new Pool(); }
const pool = makePool();
app.get('/x', async (req, res) => res.json(await pool.query('select 1')));
`,
      name: "handler using a client built by a factory call at startup",
    },
    {
      code: `import { Pool } from 'pg';
const cache = new Map();
export async function handler(event) {
  let pool = cache.get(event.tenant);
  if (!pool) {
    pool = new Pool({ database: event.tenant });
    cache.set(event.tenant, pool);
  }
  return pool.query('select 1');
}
`,
      name: "clients passed per request to a stored cache",
    },
    {
      code: `import { Pool } from 'pg';
export async function migrateAll(databases) {
  for (const database of databases) {
    const pool = new Pool({ database });
    await pool.query('select 1');
    await pool.end();
  }
}
`,
      name: "loop building each client from its item (one per database)",
    },
    {
      code: `import { Pool } from 'pg';
async function migrate(database) {
  const pool = new Pool({ database });
  await pool.query('select 1');
  await pool.end();
}
export async function migrateAll(databases) {
  for (const database of databases) await migrate(database);
}
`,
      name: "function called in a loop with the item as its parameter",
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
export async function sizes(regions) {
  return Promise.all(regions.map(async (region) => { const s3 = new S3Client({ region }); return s3.config.region(); }));
}
`,
      name: "map callback building one client per item",
    },
  ],
  invalid: [
    {
      filename: "src/users.ts",
      code: `import express from 'express';
import { Pool } from 'pg';

const app = express();

app.get('/users/:id', async (req, res) => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rows } = await pool.query('select * from users where id = $1', [req.params.id]);
    res.json(rows[0]);
  } finally {
    await pool.end();
  }
});
`,
      output: `import express from 'express';
import { Pool } from 'pg';

const app = express();

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

app.get('/users/:id', async (req, res) => {
  const { rows } = await pool.query('select * from users where id = $1', [req.params.id]);
  res.json(rows[0]);
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 7,
          column: 16,
          endLine: 7,
          endColumn: 72,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Express handler: pool hoisted, per-request end() and the empty finally removed",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/x', async (req, res) => {
  const pool = new Pool();
  try {
    res.json(await pool.query('select 1'));
  } catch (error) {
    res.status(500).end();
  } finally {
    await pool.end();
  }
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

app.get('/x', async (req, res) => {
  try {
    res.json(await pool.query('select 1'));
  } catch (error) {
    res.status(500).end();
  }
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "try/catch/finally keeps the catch",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/x', async (req, res) => {
  const pool = new Pool();
  try {
    res.json(await pool.query('select 1'));
  } finally {
    pool.end();
    metrics.done();
  }
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

app.get('/x', async (req, res) => {
  try {
    res.json(await pool.query('select 1'));
  } finally {
    metrics.done();
  }
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "finally with other statements keeps them",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/x', async (req, res) => {
  const result = 1;
  const pool = new Pool();
  try {
    const result = await pool.query('select 1');
    res.json(result);
  } finally {
    await pool.end();
  }
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

app.get('/x', async (req, res) => {
  const result = 1;
  {
    const result = await pool.query('select 1');
    res.json(result);
  }
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "unwrapping would collide: the try block stays a block",
    },
    {
      code: `import { Pool } from 'pg';
const pool = createLegacyPool();
app.get('/x', async (req, res) => {
  const pool = new Pool();
  const deps = { pool };
  res.json(await pool.query('select 1'));
});
`,
      output: `import { Pool } from 'pg';
const pool = createLegacyPool();

const sharedPool = new Pool();

app.get('/x', async (req, res) => {
  const deps = { pool: sharedPool };
  res.json(await sharedPool.query('select 1'));
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "renamed hoist when the module already has the name (shorthand property too)",
    },
    {
      code: `import { Pool } from 'pg';
router.post('/orders', async (req, res) => {
  const pool: Pool = new Pool({ max: 5 });
  res.json(await pool.query('select 1'));
});
`,
      output: `import { Pool } from 'pg';

const pool: Pool = new Pool({ max: 5 });

router.post('/orders', async (req, res) => {
  res.json(await pool.query('select 1'));
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 42,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "type annotation is kept",
    },
    {
      code: `import Redis from 'ioredis'

/** Returns the cached user. */
app.get('/u', async (req, res) => {
  const redis = new Redis({
    host: 'cache',
    port: 6379,
  })
  res.json(await redis.get(req.query.id))
})
`,
      output: `import Redis from 'ioredis'

const redis = new Redis({
  host: 'cache',
  port: 6379,
})

/** Returns the cached user. */
app.get('/u', async (req, res) => {
  res.json(await redis.get(req.query.id))
})
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 5,
          column: 17,
          endLine: 8,
          endColumn: 5,
          data: {"client":"ioredis client","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "multi-line options are re-indented, no-semicolon style kept, JSDoc stays with its statement",
    },
    {
      code: `import { Pool } from 'pg';

export function registerRoutes(app) {
  app.get('/health', async (req, res) => {
    const pool = new Pool();
    await pool.query('select 1');
    res.send('ok');
  });
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export function registerRoutes(app) {
  app.get('/health', async (req, res) => {
    await pool.query('select 1');
    res.send('ok');
  });
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 28,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "handler registered inside a function: hoisted above it",
    },
    {
      code: `import { Pool } from 'pg';
import Redis from 'ioredis';
app.get('/x', async (req, res) => {
  const pool = new Pool();
  const redis = new Redis();
  res.json([await pool.query('select 1'), await redis.get('k')]);
});
`,
      output: `import { Pool } from 'pg';
import Redis from 'ioredis';

const pool = new Pool();

const redis = new Redis();

app.get('/x', async (req, res) => {
  res.json([await pool.query('select 1'), await redis.get('k')]);
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
        {
          messageId: "perRequestClient",
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 28,
          data: {"client":"ioredis client","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "two clients in one handler: the first report's fix hoists both in one pass",
    },
    {
      code: `import { Pool } from 'pg';
import Redis from 'ioredis';
import { S3Client } from '@aws-sdk/client-s3';
(function routes(app) {
  app.get('/a', async (req, res) => {
    const pool = new Pool();
    res.json(await pool.query('select 1'));
  });
  app.get('/b', async (req, res) => {
    const redis = new Redis();
    res.json(await redis.get('b'));
  });
  app.get('/c', async (req, res) => res.json(await new S3Client({}).send(req.body)));
})(app);
`,
      output: `import { Pool } from 'pg';
import Redis from 'ioredis';
import { S3Client } from '@aws-sdk/client-s3';

const pool = new Pool();

const redis = new Redis();

const s3Client = new S3Client({});

(function routes(app) {
  app.get('/a', async (req, res) => {
    res.json(await pool.query('select 1'));
  });
  app.get('/b', async (req, res) => {
    res.json(await redis.get('b'));
  });
  app.get('/c', async (req, res) => res.json(await s3Client.send(req.body)));
})(app);
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 28,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
        {
          messageId: "perRequestClient",
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 30,
          data: {"client":"ioredis client","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
        {
          messageId: "perRequestClient",
          line: 13,
          column: 52,
          endLine: 13,
          endColumn: 68,
          data: {"client":"S3Client","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "three handlers in one top-level statement (a UMD-style wrapper): one pass hoists all three, in source order",
    },
    {
      code: `import { Router } from 'express';
import axios from 'axios';
const router = Router();
router.route('/weather').get(async function (a, b) {
  const http = axios.create({ baseURL: 'https://api.weather.example' });
  b.json((await http.get('/today')).data);
});
`,
      output: `import { Router } from 'express';
import axios from 'axios';
const router = Router();

const http = axios.create({ baseURL: 'https://api.weather.example' });

router.route('/weather').get(async function (a, b) {
  b.json((await http.get('/today')).data);
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 72,
          data: {"client":"axios instance","where":"in a route handler","unit":"request","cost":"repeated setup and no reuse of keep-alive connections"},
        },
      ],
      name: "Express router chain",
    },
    {
      code: `import Redis from 'ioredis';
app.use(async (req, res, next) => {
  const redis = new Redis();
  req.session = await redis.get(req.cookies.sid);
  next();
});
`,
      output: `import Redis from 'ioredis';

const redis = new Redis();

app.use(async (req, res, next) => {
  req.session = await redis.get(req.cookies.sid);
  next();
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 28,
          data: {"client":"ioredis client","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Express middleware",
    },
    {
      filename: "src/server.ts",
      code: `import Fastify from 'fastify';
import { MongoClient } from 'mongodb';
const fastify = Fastify();
fastify.get('/items', async (request, reply) => {
  const mongo = new MongoClient('mongodb://db:27017');
  return mongo.db('app').collection('items').find().toArray();
});
`,
      output: `import Fastify from 'fastify';
import { MongoClient } from 'mongodb';
const fastify = Fastify();

const mongo = new MongoClient('mongodb://db:27017');

fastify.get('/items', async (request, reply) => {
  return mongo.db('app').collection('items').find().toArray();
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 54,
          data: {"client":"MongoClient","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Fastify route shorthand",
    },
    {
      code: `import { Client } from '@elastic/elasticsearch';
fastify.route({
  method: 'GET',
  url: '/search',
  handler: async function (request) {
    const es = new Client({ node: 'http://es:9200' });
    return es.search({ q: request.query.q });
  },
});
`,
      output: `import { Client } from '@elastic/elasticsearch';

const es = new Client({ node: 'http://es:9200' });

fastify.route({
  method: 'GET',
  url: '/search',
  handler: async function (request) {
    return es.search({ q: request.query.q });
  },
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 54,
          data: {"client":"Elasticsearch Client","where":"in a route handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Fastify route object handler",
    },
    {
      code: `import Redis from 'ioredis';
fastify.addHook('preHandler', async function (request) {
  const redis = new Redis();
  request.user = await redis.get(request.headers.token);
});
`,
      output: `import Redis from 'ioredis';

const redis = new Redis();

fastify.addHook('preHandler', async function (request) {
  request.user = await redis.get(request.headers.token);
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 28,
          data: {"client":"ioredis client","where":"in a preHandler hook","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Fastify per-request hook",
    },
    {
      code: `import knex from 'knex';
app.use(async (ctx, next) => {
  const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
  ctx.state.user = await db('users').first();
  await next();
});
`,
      output: `import knex from 'knex';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

app.use(async (ctx, next) => {
  ctx.state.user = await db('users').first();
  await next();
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 74,
          data: {"client":"knex instance","where":"in a middleware","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Koa middleware",
    },
    {
      code: `import { Hono } from 'hono';
import { Redis } from 'ioredis';
const app = new Hono();
app.get('/count', async (c) => {
  const redis = new Redis();
  return c.json({ count: await redis.incr('hits') });
});
`,
      output: `import { Hono } from 'hono';
import { Redis } from 'ioredis';
const app = new Hono();

const redis = new Redis();

app.get('/count', async (c) => {
  return c.json({ count: await redis.incr('hits') });
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 28,
          data: {"client":"ioredis client","where":"in a route handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Hono route",
    },
    {
      filename: "app/api/users/route.ts",
      code: `import { PrismaClient } from '@prisma/client';

export async function GET() {
  const prisma = new PrismaClient();
  const users = await prisma.user.findMany();
  await prisma.$disconnect();
  return Response.json(users);
}
`,
      output: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function GET() {
  const users = await prisma.user.findMany();
  return Response.json(users);
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 36,
          data: {"client":"PrismaClient","where":"in a route handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Next.js App Router route.ts GET",
    },
    {
      filename: "pages/api/users.ts",
      code: `import { PrismaClient } from '@prisma/client';
export default async function handler(req, res) {
  const prisma = new PrismaClient();
  res.json(await prisma.user.findMany());
}
`,
      output: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export default async function handler(req, res) {
  res.json(await prisma.user.findMany());
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 36,
          data: {"client":"PrismaClient","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Next.js pages/api default export",
    },
    {
      filename: "app/actions.ts",
      code: `'use server';
import { PrismaClient } from '@prisma/client';
export async function createPost(formData) {
  const prisma = new PrismaClient();
  await prisma.post.create({ data: { title: formData.get('title') } });
}
`,
      output: `'use server';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function createPost(formData) {
  await prisma.post.create({ data: { title: formData.get('title') } });
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 36,
          data: {"client":"PrismaClient","where":"in a server action","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Next.js server action file",
    },
    {
      filename: "src/middleware.ts",
      code: `import { Redis } from 'ioredis';
export async function middleware(request) {
  const redis = new Redis();
  await redis.incr('hits');
}
`,
      output: `import { Redis } from 'ioredis';

const redis = new Redis();

export async function middleware(request) {
  await redis.incr('hits');
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 28,
          data: {"client":"ioredis client","where":"in a middleware","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Next.js middleware",
    },
    {
      filename: "app/routes/users.tsx",
      code: `import { Pool } from 'pg';
export async function loader({ params }) {
  const pool = new Pool();
  return (await pool.query('select * from users where id = $1', [params.id])).rows;
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export async function loader({ params }) {
  return (await pool.query('select * from users where id = $1', [params.id])).rows;
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in a loader","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Remix loader",
    },
    {
      filename: "src/routes/api/+server.ts",
      code: `import postgres from 'postgres';
export const GET = async () => {
  const sql = postgres(process.env.DATABASE_URL);
  return new Response(JSON.stringify(await sql\`select 1\`));
};
`,
      output: `import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL);

export const GET = async () => {
  return new Response(JSON.stringify(await sql\`select 1\`));
};
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 49,
          data: {"client":"postgres.js client","where":"in a route handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "SvelteKit +server.ts",
    },
    {
      filename: "src/users.controller.ts",
      code: `import { Controller, Get } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';
@Controller('users')
export class UsersController {
  @Get()
  async findAll() {
    const prisma = new PrismaClient();
    return prisma.user.findMany();
  }
}
`,
      output: `import { Controller, Get } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

@Controller('users')
export class UsersController {
  @Get()
  async findAll() {
    return prisma.user.findMany();
  }
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 38,
          data: {"client":"PrismaClient","where":"in a route handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "NestJS controller method",
    },
    {
      filename: "src/handler.ts",
      code: `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
export const handler = async (event) => {
  const dynamo = new DynamoDBClient({ region: 'eu-west-1' });
  return dynamo.send(new GetItemCommand({ TableName: 't', Key: event.key }));
};
`,
      output: `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const dynamo = new DynamoDBClient({ region: 'eu-west-1' });

export const handler = async (event) => {
  return dynamo.send(new GetItemCommand({ TableName: 't', Key: event.key }));
};
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 61,
          data: {"client":"DynamoDBClient","where":"in a Lambda handler","unit":"invocation","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "AWS Lambda ESM handler",
    },
    {
      filename: "src/handler.js",
      code: `const { Pool } = require('pg');
exports.handler = async function (event) {
  const pool = new Pool();
  return (await pool.query('select 1')).rows;
};
`,
      output: `const { Pool } = require('pg');

const pool = new Pool();

exports.handler = async function (event) {
  return (await pool.query('select 1')).rows;
};
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in a Lambda handler","unit":"invocation","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "AWS Lambda CJS handler with require",
    },
    {
      filename: "src/lambda.ts",
      code: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const s3Client = 'taken';
export const handler = async (event) => {
  const object = await new S3Client({ region: 'eu-west-1' }).send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
  return object.Body;
};
`,
      output: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const s3Client = 'taken';

const sharedS3Client = new S3Client({ region: 'eu-west-1' });

export const handler = async (event) => {
  const object = await sharedS3Client.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
  return object.Body;
};
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 61,
          data: {"client":"S3Client","where":"in a Lambda handler","unit":"invocation","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "inline construction gets a generated name; a taken name is avoided",
    },
    {
      code: `import http from 'node:http';
import { Pool } from 'pg';
http.createServer(async (a, b) => {
  const pool = new Pool();
  b.end(JSON.stringify((await pool.query('select 1')).rows));
}).listen(3000);
`,
      output: `import http from 'node:http';
import { Pool } from 'pg';

const pool = new Pool();

http.createServer(async (a, b) => {
  b.end(JSON.stringify((await pool.query('select 1')).rows));
}).listen(3000);
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in a request handler (http.createServer)","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "http.createServer listener",
    },
    {
      filename: "src/worker.ts",
      code: `import { Worker } from 'bullmq';
import { S3Client } from '@aws-sdk/client-s3';
new Worker('thumbnails', async (job) => {
  const s3 = new S3Client({});
  await s3.send(job.data.command);
});
`,
      output: `import { Worker } from 'bullmq';
import { S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

new Worker('thumbnails', async (job) => {
  await s3.send(job.data.command);
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 30,
          data: {"client":"S3Client","where":"in a BullMQ job processor","unit":"job","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "BullMQ worker processor",
    },
    {
      code: `import Redis from 'ioredis';
queue.process('email', async (job) => {
  const redis = new Redis();
  await redis.set(job.id, 'done');
});
`,
      output: `import Redis from 'ioredis';

const redis = new Redis();

queue.process('email', async (job) => {
  await redis.set(job.id, 'done');
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 28,
          data: {"client":"ioredis client","where":"in a queue job processor","unit":"job","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "queue.process job",
    },
    {
      code: `import { Pool } from 'pg';
export const resolvers = {
  Query: {
    user: async (_parent, args) => {
      const pool = new Pool();
      return (await pool.query('select * from users where id = $1', [args.id])).rows[0];
    },
  },
};
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export const resolvers = {
  Query: {
    user: async (_parent, args) => {
      return (await pool.query('select * from users where id = $1', [args.id])).rows[0];
    },
  },
};
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 30,
          data: {"client":"pg Pool","where":"in a GraphQL resolver","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "GraphQL resolver map",
    },
    {
      code: `import { PrismaClient } from '@prisma/client';
export const appRouter = router({
  users: publicProcedure.query(async () => {
    const prisma = new PrismaClient();
    return prisma.user.findMany();
  }),
});
`,
      output: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export const appRouter = router({
  users: publicProcedure.query(async () => {
    return prisma.user.findMany();
  }),
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 38,
          data: {"client":"PrismaClient","where":"in a tRPC procedure","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "tRPC procedure",
    },
    {
      code: `import axios from 'axios';
setInterval(async () => {
  const http = axios.create({ timeout: 1000 });
  await http.get('https://status.example.com');
}, 10_000);
`,
      output: `import axios from 'axios';

const http = axios.create({ timeout: 1000 });

setInterval(async () => {
  await http.get('https://status.example.com');
}, 10_000);
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 47,
          data: {"client":"axios instance","where":"in a setInterval callback","unit":"tick","cost":"repeated setup and no reuse of keep-alive connections"},
        },
      ],
      name: "setInterval tick",
    },
    {
      code: `import Redis from 'ioredis';
ws.on('message', async (data) => {
  const redis = new Redis();
  await redis.publish('chat', data);
});
`,
      output: `import Redis from 'ioredis';

const redis = new Redis();

ws.on('message', async (data) => {
  await redis.publish('chat', data);
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 28,
          data: {"client":"ioredis client","where":"in a 'message' listener","unit":"message","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "message listener",
    },
    {
      code: `import { Pool } from 'pg';
export default {
  port: 3000,
  async fetch(req) {
    const pool = new Pool();
    return Response.json((await pool.query('select 1')).rows);
  },
};
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export default {
  port: 3000,
  async fetch(req) {
    return Response.json((await pool.query('select 1')).rows);
  },
};
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 28,
          data: {"client":"pg Pool","where":"in a Bun server fetch handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "Bun default-export server",
    },
    {
      code: `import { Pool } from 'pg';
const config = { connectionString: process.env.DATABASE_URL };
function getDb() {
  return new Pool(config);
}
export async function getUser(req, res) {
  res.json(await getDb().query('select 1'));
}
`,
      output: `import { Pool } from 'pg';
const config = { connectionString: process.env.DATABASE_URL };

const pool = new Pool(config);

function getDb() {
  return pool;
}
export async function getUser(req, res) {
  res.json(await getDb().query('select 1'));
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in `getDb()`, called from a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "helper called from a handler",
    },
    {
      code: `import { Pool } from 'pg';
class UserRepository {
  constructor() {
    this.pool = new Pool();
  }
}
router.get('/users', async (req, res) => {
  const repo = new UserRepository();
  res.json(await repo.pool.query('select 1'));
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

class UserRepository {
  constructor() {
    this.pool = pool;
  }
}
router.get('/users', async (req, res) => {
  const repo = new UserRepository();
  res.json(await repo.pool.query('select 1'));
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 27,
          data: {"client":"pg Pool","where":"in `new UserRepository()`, called from a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "class constructed per request",
    },
    {
      code: `import { S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';
for (const key of keys) {
  const s3 = new S3Client({});
  await s3.send(new DeleteObjectCommand({ Bucket: 'b', Key: key }));
}
`,
      output: `import { S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

for (const key of keys) {
  await s3.send(new DeleteObjectCommand({ Bucket: 'b', Key: key }));
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 30,
          data: {"client":"S3Client","where":"in a loop","unit":"iteration","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "module-scope loop",
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
async function main() {
  await Promise.all(keys.map(async (key) => {
    const s3 = new S3Client({});
    await s3.send(key);
  }));
}
main();
`,
      output: `import { S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

async function main() {
  await Promise.all(keys.map(async (key) => {
    await s3.send(key);
  }));
}
main();
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 32,
          data: {"client":"S3Client","where":"in a loop","unit":"iteration","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "map callback in main()",
    },
    {
      code: `import { SQSClient, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
export async function poll() {
  while (true) {
    const sqs = new SQSClient({});
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.QUEUE_URL }));
  }
}
`,
      output: `import { SQSClient, ReceiveMessageCommand } from '@aws-sdk/client-sqs';

const sqs = new SQSClient({});

export async function poll() {
  while (true) {
    await sqs.send(new ReceiveMessageCommand({ QueueUrl: process.env.QUEUE_URL }));
  }
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 34,
          data: {"client":"SQSClient","where":"in a loop","unit":"iteration","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "while loop in an exported function",
    },
    {
      code: `import { Pool } from 'pg';
app.post('/batch', async (req, res) => {
  for (const id of req.body.ids) {
    const pool = new Pool();
    await pool.query('delete from t where id = $1', [id]);
  }
  res.end();
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

app.post('/batch', async (req, res) => {
  for (const id of req.body.ids) {
    await pool.query('delete from t where id = $1', [id]);
  }
  res.end();
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 28,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "loop inside a handler reports the handler",
    },
    {
      code: `import * as pg from 'pg';
app.get('/x', async (req, res) => {
  const pool = new pg.Pool();
  res.json(await pool.query('select 1'));
});
`,
      output: `import * as pg from 'pg';

const pool = new pg.Pool();

app.get('/x', async (req, res) => {
  res.json(await pool.query('select 1'));
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 29,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "namespace import",
    },
    {
      code: `import pg from 'pg';
app.get('/x', async (req, res) => {
  const pool = new pg.Pool();
  res.json(await pool.query('select 1'));
});
`,
      output: `import pg from 'pg';

const pool = new pg.Pool();

app.get('/x', async (req, res) => {
  res.json(await pool.query('select 1'));
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 29,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "default import member (CJS interop)",
    },
    {
      filename: "src/app.js",
      code: `const { Pool: PgPool } = require('pg');
app.get('/x', async (req, res) => {
  const pool = new PgPool();
  res.json(await pool.query('select 1'));
});
`,
      output: `const { Pool: PgPool } = require('pg');

const pool = new PgPool();

app.get('/x', async (req, res) => {
  res.json(await pool.query('select 1'));
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 28,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "renamed destructuring require",
    },
    {
      code: `import pg = require('pg');
app.get('/x', async (req, res) => {
  const pool = new pg.Pool();
  res.json(await pool.query('select 1'));
});
`,
      output: `import pg = require('pg');

const pool = new pg.Pool();

app.get('/x', async (req, res) => {
  res.json(await pool.query('select 1'));
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 29,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "TypeScript import-equals",
    },
    {
      filename: "src/billing.js",
      code: `const stripe = require('stripe');
exports.handler = async (event) => {
  const client = stripe(process.env.STRIPE_KEY);
  return client.charges.list();
};
`,
      output: `const stripe = require('stripe');

const client = stripe(process.env.STRIPE_KEY);

exports.handler = async (event) => {
  return client.charges.list();
};
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 48,
          data: {"client":"Stripe client","where":"in a Lambda handler","unit":"invocation","cost":"repeated setup and no reuse of keep-alive connections"},
        },
      ],
      name: "call form require(...)(key)",
    },
    {
      code: `import https from 'node:https';
import axios from 'axios';
app.get('/t', async (req, res) => {
  const { data } = await axios.get('https://example.com', { httpsAgent: new https.Agent({ keepAlive: true }) });
  res.json(data);
});
`,
      output: `import https from 'node:https';
import axios from 'axios';

const agent = new https.Agent({ keepAlive: true });

app.get('/t', async (req, res) => {
  const { data } = await axios.get('https://example.com', { httpsAgent: agent });
  res.json(data);
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 73,
          endLine: 4,
          endColumn: 109,
          data: {"client":"https.Agent","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "node: prefixed https.Agent inline",
    },
    {
      code: `import { createClient } from 'redis';
app.get('/x', async (req, res) => {
  const redis = createClient();
  await redis.connect();
  res.json(await redis.get('k'));
  await redis.quit();
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 31,
          data: {"client":"redis client","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"it needs an explicit connect(), which belongs at startup"},
          suggestions: [],
        },
      ],
      name: "redis createClient needs connect",
    },
    {
      code: `import { BillingClient } from '@acme/billing';
app.get('/invoices', async (req, res) => {
  const billing = new BillingClient();
  res.json(await billing.invoices());
});
`,
      output: `import { BillingClient } from '@acme/billing';

const billing = new BillingClient();

app.get('/invoices', async (req, res) => {
  res.json(await billing.invoices());
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 38,
          data: {"client":"BillingClient (@acme/billing)","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "user-configured client from settings",
      settings: {"shared-client":{"clients":[{"module":"@acme/billing","export":"BillingClient","kind":"pool","close":"shutdown"}]}},
    },
    {
      code: `import { Pool } from 'pg';
app.get('/t', async (req, res) => {
  const pool = new Pool({ connectionString: req.tenant.databaseUrl });
  try {
    res.json(await pool.query('select 1'));
  } finally {
    await pool.end();
  }
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 70,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"its options depend on per-request data (`req.tenant.databaseUrl`)"},
          suggestions: [
            {
              messageId: "suggestCachePerKey",
              data: {"client":"pg Pool","key":"req.tenant.databaseUrl","mapName":"poolsByDatabaseUrl"},
              output: `import { Pool } from 'pg';

const poolsByDatabaseUrl = new Map<unknown, InstanceType<typeof Pool>>();

app.get('/t', async (req, res) => {
  const pool = poolsByDatabaseUrl.get(req.tenant.databaseUrl) ?? poolsByDatabaseUrl.set(req.tenant.databaseUrl, new Pool({ connectionString: req.tenant.databaseUrl })).get(req.tenant.databaseUrl)!;
  res.json(await pool.query('select 1'));
});
`,
            },
          ],
        },
      ],
      name: "request-dependent pool: cache-per-key suggestion (TypeScript)",
    },
    {
      filename: "src/app.js",
      code: `const { Pool } = require('pg');
app.get('/t', async (req, res) => {
  const pool = new Pool({ connectionString: req.tenant.databaseUrl });
  res.json(await pool.query('select 1'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 70,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"its options depend on per-request data (`req.tenant.databaseUrl`)"},
          suggestions: [
            {
              messageId: "suggestCachePerKey",
              data: {"client":"pg Pool","key":"req.tenant.databaseUrl","mapName":"poolsByDatabaseUrl"},
              output: `const { Pool } = require('pg');

const poolsByDatabaseUrl = new Map();

app.get('/t', async (req, res) => {
  const pool = poolsByDatabaseUrl.get(req.tenant.databaseUrl) ?? poolsByDatabaseUrl.set(req.tenant.databaseUrl, new Pool({ connectionString: req.tenant.databaseUrl })).get(req.tenant.databaseUrl);
  res.json(await pool.query('select 1'));
});
`,
            },
          ],
        },
      ],
      name: "request-dependent pool: cache-per-key suggestion (JavaScript)",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/t', async (req, res) => {
  const pool = new Pool({ host: req.tenant.host, database: req.params.db });
  res.json(await pool.query('select 1'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 76,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"its options depend on per-request data (`req.tenant.host`)"},
          suggestions: [],
        },
      ],
      name: "two request-dependent keys: no suggestion",
    },
    {
      code: `import { Client } from 'pg';
app.get('/t', async (req, res) => {
  const client = new Client();
  await client.connect();
  res.json(await client.query('select 1'));
  await client.end();
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 30,
          data: {"client":"pg Client","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"it is a single connection, which cannot serve concurrent requests; use one pg Pool created at module scope instead of a Client per request"},
          suggestions: [],
        },
      ],
      name: "pg Client: single connection with connect()",
    },
    {
      code: `import mysql from 'mysql2/promise';
app.get('/t', async (req, res) => {
  const conn = await mysql.createConnection({ host: 'db' });
  res.json(await conn.query('select 1'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 60,
          data: {"client":"mysql2 connection","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"it is a single connection, which cannot serve concurrent requests; use one mysql2 pool (createPool) created at module scope instead of a connection per request"},
          suggestions: [],
        },
      ],
      name: "mysql2/promise connection",
    },
    {
      code: `import amqp from 'amqplib';
app.post('/jobs', async (req, res) => {
  const connection = await amqp.connect('amqp://mq');
  const channel = await connection.createChannel();
  channel.sendToQueue('jobs', Buffer.from('x'));
  res.end();
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 53,
          data: {"client":"AMQP connection","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"it is created asynchronously; create it once during startup and share it"},
          suggestions: [],
        },
        {
          messageId: "perRequestClientNoFix",
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 51,
          data: {"client":"AMQP channel","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"it is created asynchronously; create it once during startup and share it"},
          suggestions: [],
        },
      ],
      name: "amqplib connection is async",
    },
    {
      code: `import axios from 'axios';
app.get('/t', async (req, res) => {
  const api = axios.create({ baseURL: 'https://api.example.com' });
  api.interceptors.request.use((config) => config);
  res.json(await api.get('/x'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 67,
          data: {"client":"axios instance","where":"in a request handler","unit":"request","cost":"repeated setup and no reuse of keep-alive connections","reason":"it is configured per request (`api.interceptors.request.use((config) => config)`), which a shared client would accumulate"},
          suggestions: [],
        },
      ],
      name: "axios interceptors registered per request",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/t', async (req, res) => {
  const pool = new Pool();
  pool.on('error', () => {});
  res.json(await pool.query('select 1'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"it is configured per request (`pool.on('error', () => {})`), which a shared client would accumulate"},
          suggestions: [],
        },
      ],
      name: "listener registered per request",
    },
    {
      code: `import axios from 'axios';
app.get('/t', async (req, res) => {
  const api = axios.create();
  api.defaults.timeout = 500;
  res.json(await api.get('/x'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 29,
          data: {"client":"axios instance","where":"in a request handler","unit":"request","cost":"repeated setup and no reuse of keep-alive connections","reason":"it is configured per request (`api.defaults.timeout = 500`), which a shared client would accumulate"},
          suggestions: [],
        },
      ],
      name: "property written per request",
    },
    {
      code: `import axios from 'axios';
import { apiBaseUrl } from './config';
app.get('/t', async (req, res) => {
  const api = axios.create({ baseURL: apiBaseUrl() });
  res.json(await api.get('/x'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 54,
          data: {"client":"axios instance","where":"in a request handler","unit":"request","cost":"repeated setup and no reuse of keep-alive connections","reason":"`apiBaseUrl()` would then run once at startup"},
          suggestions: [
            {
              messageId: "suggestHoist",
              data: {"client":"axios instance","name":"api","caveat":"`apiBaseUrl()` would then run once at startup"},
              output: `import axios from 'axios';
import { apiBaseUrl } from './config';

const api = axios.create({ baseURL: apiBaseUrl() });

app.get('/t', async (req, res) => {
  res.json(await api.get('/x'));
});
`,
            },
          ],
        },
      ],
      name: "options call a module function: hoist is a suggestion",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/t', async (req, res) => {
  const url = process.env.DATABASE_URL;
  const pool = new Pool({ connectionString: url });
  res.json(await pool.query('select 1'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 51,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"its options use the local `url`, which would have to move too"},
          suggestions: [],
        },
      ],
      name: "options use a local",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/t', async (req, res) => {
  const pool = new Pool(dbConfig);
  res.json(await pool.query('select 1'));
});
const dbConfig = { max: 5 };
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 34,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"its options use `dbConfig`, declared further down"},
          suggestions: [],
        },
      ],
      name: "options use a binding declared further down",
    },
    {
      code: `import { Pool } from 'pg';
let dbConfig = { max: 5 };
export function configure(next) { dbConfig = next; }
app.get('/t', async (req, res) => {
  const pool = new Pool(dbConfig);
  res.json(await pool.query('select 1'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 34,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"its options read `dbConfig`, which is reassigned"},
          suggestions: [],
        },
      ],
      name: "options read a reassigned module binding",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/t', async (req, res) => {
  let pool = new Pool();
  if (req.query.fresh) pool = createPool();
  res.json(await pool.query('select 1'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 24,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"it is reassigned"},
          suggestions: [],
        },
      ],
      name: "reassigned let binding",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/t', (req, res) => {
  const pool = new Pool();
  return pool.query('select 1').then((r) => res.json(r)).finally(() => pool.end());
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"it is closed with `end()` in a way that cannot be removed automatically"},
          suggestions: [],
        },
      ],
      name: "closed in .finally()",
    },
    {
      code: `import { Pool } from 'pg';
app.get('/t', async (req, res) => {
  const started = Date.now(), pool = new Pool();
  res.json(await pool.query('select 1'));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 38,
          endLine: 3,
          endColumn: 48,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"it is declared together with other variables"},
          suggestions: [],
        },
      ],
      name: "declared together with another variable",
    },
    {
      code: `import { Kafka } from 'kafkajs';
const kafka = new Kafka({ brokers: ['kafka:9092'] });
app.post('/events', async (req, res) => {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'events', messages: [{ value: JSON.stringify(req.body) }] });
  await producer.disconnect();
  res.sendStatus(202);
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 36,
          data: {"client":"Kafka producer","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"it needs an explicit connect(), which belongs at startup"},
          suggestions: [],
        },
      ],
      name: "Kafka producer per request",
    },
    {
      code: `import OpenAI from 'openai';
app.post('/chat', async (req, res) => {
  const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  res.json(await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages }));
});
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 68,
          data: {"client":"OpenAI client","where":"in a request handler","unit":"request","cost":"repeated setup and no reuse of keep-alive connections","reason":"its constructor throws when the API key is missing, which at module scope would fail the import of this file: check that the key is always set"},
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'OpenAI client', name: 'openai', caveat: 'its constructor throws when the API key is missing, which at module scope would fail the import of this file: check that the key is always set' },
              output: `import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

app.post('/chat', async (req, res) => {
  res.json(await openai.chat.completions.create({ model: 'gpt-4o', messages: req.body.messages }));
});
`,
            },
          ],
        },
      ],
      name: "wrapper with static options is reported; the hoist of a client that throws without its API key is a suggestion",
    },
    {
      code: `import { Octokit } from '@octokit/rest';
app.get('/repos', async (req, res) => {
  const octokit = new Octokit({ auth: req.user.token });
  res.json(await octokit.repos.listForAuthenticatedUser());
});
`,
      output: null,
      options: [{"reportRequestScopedWrappers":true}],
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 56,
          data: {"client":"Octokit client","where":"in a request handler","unit":"request","cost":"repeated setup and no reuse of keep-alive connections","reason":"its options depend on per-request data (`req.user.token`)"},
          suggestions: [],
        },
      ],
      name: "request-scoped wrapper with reportRequestScopedWrappers",
    },
    {
      code: `import axios from 'axios';
app.get('/me', async (req, res) => {
  const token = req.headers.authorization;
  const api = axios.create({ headers: { authorization: token } });
  res.json((await api.get('/me')).data);
});
`,
      output: null,
      options: [{"reportRequestScopedWrappers":true}],
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 66,
          data: {"client":"axios instance","where":"in a request handler","unit":"request","cost":"repeated setup and no reuse of keep-alive connections","reason":"its options depend on per-request data (`token`)"},
          suggestions: [],
        },
      ],
      name: "request-scoped wrapper through a local with reportRequestScopedWrappers",
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
async function uploadOne(file) {
  const s3 = new S3Client({});
  await s3.send(file);
}
export async function uploadAll(files) {
  for (const file of files) await uploadOne(file);
}
`,
      output: `import { S3Client } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

async function uploadOne(file) {
  await s3.send(file);
}
export async function uploadAll(files) {
  for (const file of files) await uploadOne(file);
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 30,
          data: {"client":"S3Client","where":"in `uploadOne()`, called in a loop","unit":"iteration","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "function called in a loop with static options",
    },
    {
      // Found by the corpus run: espree (ESLint's default parser) gives class members no `decorators`.
      filename: "src/repo.js",
      code: `import { Pool } from 'pg';
export class Repo {
  find(req, res) {
    const pool = new Pool();
    return pool.query('select 1');
  }
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export class Repo {
  find(req, res) {
    return pool.query('select 1');
  }
}
`,
      languageOptions: { parser: espree },
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 28,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "class method in a file parsed by espree",
    },
    {
      // Found by the corpus run: fixes of one pass are applied together, so two hoists must not pick the same name.
      filename: "src/files.ts",
      code: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

app.get('/a', async (req, res) => {
  res.json(await new S3Client({}).send(new GetObjectCommand({ Bucket: 'a', Key: 'k' })));
});

app.get('/b', async (req, res) => {
  res.json(await new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
});
`,
      output: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

const s3Client = new S3Client({});

app.get('/a', async (req, res) => {
  res.json(await s3Client.send(new GetObjectCommand({ Bucket: 'a', Key: 'k' })));
});

const sharedS3Client = new S3Client({});

app.get('/b', async (req, res) => {
  res.json(await sharedS3Client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })));
});
`,
      errors: [
        { messageId: "perRequestClient", line: 4, column: 18, endLine: 4, endColumn: 34, data: {"client":"S3Client","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"} },
        { messageId: "perRequestClient", line: 8, column: 18, endLine: 8, endColumn: 34, data: {"client":"S3Client","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"} },
      ],
      name: "two inline creations hoisted in one pass get different names",
    },
    {
      // Found by the corpus run: the same, for two declarations of the same local name.
      code: `import { Pool } from 'pg';

app.get('/a', async (req, res) => {
  const pool = new Pool();
  res.json(await pool.query('select 1'));
});

app.get('/b', async (req, res) => {
  const pool = new Pool();
  res.json(await pool.query('select 2'));
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

app.get('/a', async (req, res) => {
  res.json(await pool.query('select 1'));
});

const sharedPool = new Pool();

app.get('/b', async (req, res) => {
  res.json(await sharedPool.query('select 2'));
});
`,
      errors: [
        { messageId: "perRequestClient", line: 4, column: 16, endLine: 4, endColumn: 26, data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"} },
        { messageId: "perRequestClient", line: 9, column: 16, endLine: 9, endColumn: 26, data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"} },
      ],
      name: "two declarations hoisted in one pass get different names",
    },
    {
      // Found by the corpus run: the context of g() must not depend on whether f() was asked about first.
      code: `import { Pool } from 'pg';
function f(n) {
  const first = new Pool();
  first.query('x');
  if (n > 0) g(n - 1);
}
function g(n) {
  const second = new Pool();
  second.query('y');
  f(n);
}
app.get('/x', (req, res) => {
  f(3);
  res.end();
});
`,
      output: `import { Pool } from 'pg';

const first = new Pool();

function f(n) {
  first.query('x');
  if (n > 0) g(n - 1);
}

const second = new Pool();

function g(n) {
  second.query('y');
  f(n);
}
app.get('/x', (req, res) => {
  f(3);
  res.end();
});
`,
      errors: [
        { messageId: "perRequestClient", line: 3, column: 17, endLine: 3, endColumn: 27, data: {"client":"pg Pool","where":"in `f()`, called from a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"} },
        { messageId: "perRequestClient", line: 8, column: 18, endLine: 8, endColumn: 28, data: {"client":"pg Pool","where":"in `g()`, called from a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"} },
      ],
      name: "mutually recursive functions: each creation gets the context of the cycle, whichever is asked first",
    },
    {
      // Found by the corpus run: \`this\` inside an arrow function in the options is the method's \`this\`; hoisting would lose it.
      filename: "src/cache.controller.ts",
      code: `import { Controller, Get } from '@nestjs/common';
import Redis from 'ioredis';
@Controller('cache')
export class CacheController {
  private readonly delay = 100;

  @Get()
  async read() {
    const redis = new Redis({ retryStrategy: () => this.delay });
    return redis.get('key');
  }
}
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 9,
          column: 19,
          endLine: 9,
          endColumn: 65,
          data: {"client":"ioredis client","where":"in a route handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"its options depend on per-request data (`this.delay`)"},
          suggestions: [
            {
              messageId: "suggestCachePerKey",
              data: {"client":"ioredis client","key":"this.delay","mapName":"redissByDelay"},
              output: `import { Controller, Get } from '@nestjs/common';
import Redis from 'ioredis';

const redissByDelay = new Map<unknown, InstanceType<typeof Redis>>();

@Controller('cache')
export class CacheController {
  private readonly delay = 100;

  @Get()
  async read() {
    const redis = redissByDelay.get(this.delay) ?? redissByDelay.set(this.delay, new Redis({ retryStrategy: () => this.delay })).get(this.delay)!;
    return redis.get('key');
  }
}
`,
            },
          ],
        },
      ],
      name: "this inside an arrow function in the options blocks the hoist",
    },
    {
      // Found by the corpus run: \`super\` moved to module scope does not even parse.
      filename: "src/cache.controller.ts",
      code: `import { Controller, Get } from '@nestjs/common';
import Redis from 'ioredis';
@Controller('cache')
export class CacheController extends BaseController {
  @Get()
  async read() {
    const redis = new Redis({ retryStrategy: () => super.retryDelay() });
    return redis.get('key');
  }
}
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 73,
          data: {"client":"ioredis client","where":"in a route handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"its options depend on per-request data (`super`)"},
          suggestions: [],
        },
      ],
      name: "super inside an arrow function in the options blocks the hoist",
    },
    {
      code: `app.get('/x', async (req, res) => {
  const queue = new JobQueue({ url: 'redis://queue' });
  res.json(await queue.size());
});
`,
      output: `const queue = new JobQueue({ url: 'redis://queue' });

app.get('/x', async (req, res) => {
  res.json(await queue.size());
});
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 55,
          data: {"client":"JobQueue (globalThis)","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "user-configured global client (no import to notice the file by)",
      settings: {"shared-client":{"clients":[{"module":"globalThis","export":"JobQueue","kind":"pool","close":"close"}]}},
    },
    {
      code: `import { Pool } from 'pg';
async function count(url) {
  switch ((await new Pool({ connectionString: url }).query('select 1')).rowCount) {
    case 0: return 0;
    default: return 1;
  }
}
app.get('/', async (req, res) => res.json(await count(req.query.db)));
`,
      output: null,
      errors: [
        {
          messageId: "perRequestClientNoFix",
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 53,
          data: {"client":"pg Pool","where":"in `count()`, called from a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency","reason":"its options depend on per-request data (`url`)"},
          suggestions: [
            {
              messageId: "suggestCachePerKey",
              data: {"client":"pg Pool","key":"url","mapName":"poolsByUrl"},
              output: `import { Pool } from 'pg';

const poolsByUrl = new Map<unknown, InstanceType<typeof Pool>>();

async function count(url) {
  switch ((await (poolsByUrl.get(url) ?? poolsByUrl.set(url, new Pool({ connectionString: url })).get(url)!).query('select 1')).rowCount) {
    case 0: return 0;
    default: return 1;
  }
}
app.get('/', async (req, res) => res.json(await count(req.query.db)));
`,
            },
          ],
        },
      ],
      name: "a switch discriminant reads the enclosing function's parameters (found by the corpus run: hoisted with the parameter)",
    },
    {
      code: `async function report(id) {
  const pool = new Pool();
  await pool.query('select $1', [id]);
}
for (const id of [1, 2, 3]) await report(id);
import { Pool } from 'pg';
`,
      output: `const pool = new Pool();

async function report(id) {
  await pool.query('select $1', [id]);
}
for (const id of [1, 2, 3]) await report(id);
import { Pool } from 'pg';
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in `report()`, called in a loop","unit":"iteration","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "an import below code that runs while the module loads: the hoist stays above that code (found by the corpus run)",
    },
    {
      code: `import express from 'express';
const app = express();
app.get('/', async (req, res) => {
  const pool = new Pool(config.database);
  res.json(await pool.query('select 1'));
});
import { Pool } from 'pg';
import { config } from './config.js';
`,
      output: `import express from 'express';
const app = express();

const pool = new Pool(config.database);

app.get('/', async (req, res) => {
  res.json(await pool.query('select 1'));
});
import { Pool } from 'pg';
import { config } from './config.js';
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 41,
          data: {"client":"pg Pool","where":"in a request handler","unit":"request","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "options read an import written further down: imports are bound before the module runs",
    },
    {
      filename: "dist/handler.js",
      code: `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.handler = handler;
const client_s3_1 = require("@aws-sdk/client-s3");
async function handler(event) {
    const s3 = new client_s3_1.S3Client({ region: process.env.AWS_REGION });
    return s3.send(event.command);
}
`,
      output: `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.handler = handler;
const client_s3_1 = require("@aws-sdk/client-s3");

const s3 = new client_s3_1.S3Client({ region: process.env.AWS_REGION });

async function handler(event) {
    return s3.send(event.command);
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 6,
          column: 16,
          endLine: 6,
          endColumn: 76,
          data: {"client":"S3Client","where":"in a Lambda handler","unit":"invocation","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "compiled CommonJS lists its exports first: `exports.handler = handler` hands the function over without calling it",
    },
    {
      // Found reviewing the corpus checks: a function declaration runs wherever it is called, even above itself;
      // the hoisted client must be initialized before the loop calls report(), or it throws (temporal dead zone).
      code: `import { Pool } from 'pg';

for (const id of [1, 2, 3]) {
  await report(id);
}

async function report(id) {
  const pool = new Pool();
  await pool.query('select $1', [id]);
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

for (const id of [1, 2, 3]) {
  await report(id);
}

async function report(id) {
  await pool.query('select $1', [id]);
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 8,
          column: 16,
          endLine: 8,
          endColumn: 26,
          data: {"client":"pg Pool","where":"in `report()`, called in a loop","unit":"iteration","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "hoisted above the first statement that calls the function while the module loads",
    },
    {
      code: `import { Pool } from 'pg';

const config = { max: 2 };
main();

function main() {
  for (const id of [1, 2, 3]) run(id);
}

function run(id) {
  const pool = new Pool(config);
  pool.query('select $1', [id]);
}
`,
      output: `import { Pool } from 'pg';

const config = { max: 2 };

const pool = new Pool(config);

main();

function main() {
  for (const id of [1, 2, 3]) run(id);
}

function run(id) {
  pool.query('select $1', [id]);
}
`,
      errors: [
        {
          messageId: "perRequestClient",
          line: 11,
          column: 16,
          endLine: 11,
          endColumn: 32,
          data: {"client":"pg Pool","where":"in `run()`, called in a loop","unit":"iteration","cost":"new connections and sockets each time, which exhausts connection slots and adds latency"},
        },
      ],
      name: "hoisted above a call that reaches the function through another function declaration",
    },
  ],
});
