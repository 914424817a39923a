import { RuleTester } from '@typescript-eslint/rule-tester';
import noBlockingInAsync from '../../src/rules/no-blocking-in-async.js';
import noPerRequestClient from '../../src/rules/no-per-request-client.js';

/**
 * Shapes found on real applications: once-guards that sit in the caller (a cached getter, an
 * `if (!ready) init()` flag), buffer resets and busy flags that are no once-guards, framework
 * registrations (oRPC, tRPC, BullMQ, Hono, Fastify, Express, Koa, NestJS, SvelteKit, Remix, Astro,
 * Nitro, Elysia, GraphQL Yoga, Inngest, trigger.dev), and sync helpers of async functions.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-per-request-client', noPerRequestClient, {
  valid: [
    {
      code: `import { PrismaClient } from '@prisma/client';
import { PrismaD1 } from '@prisma/adapter-d1';

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const prisma = new PrismaClient({ adapter: new PrismaD1(env.DB) });
    return new Response(JSON.stringify(await prisma.user.findMany()));
  },
};
`,
      name: 'a Workers fetch handler with a typed Request parameter is an edge handler, not a Node request handler',
    },
    {
      code: `import Redis from 'ioredis';
import { start } from './server';

process.on('message', async (message) => {
  const redis = new Redis(process.env.REDIS_URL);
  await start({ index: message.index, redis });
});
`,
      name: "process.on('message') is IPC from the parent (a cluster worker's start command): not per request",
    },
    {
      code: `import mysql from 'mysql2/promise';
import { drizzle } from 'drizzle-orm/mysql2';
import * as schema from './schema';

export async function connectDatabase() {
  let error;
  for (let attempt = 1; attempt <= 10; attempt++) {
    try {
      const connection = await mysql.createConnection(process.env.DATABASE_URL);
      await connection.ping();
      return drizzle(connection, { schema });
    } catch (e) {
      error = e;
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
  throw error;
}
`,
      name: 'a connect-with-retry loop: the iteration that succeeds returns, so the loop retries rather than building a client per item',
    },
    {
      code: `import { KMSClient } from '@aws-sdk/client-kms';
let signer;
async function createSigner() {
  const kms = new KMSClient({ region: process.env.AWS_REGION });
  return { sign: (data) => kms.send(data) };
}
async function getSigner() {
  if (signer) return signer;
  signer = await createSigner();
  return signer;
}
app.post('/sign', async (req, res) => {
  const s = await getSigner();
  res.json(await s.sign(req.body));
});
`,
      name: "a once-guard in the caller covers the factory it calls (early return on the cached signer)",
    },
    {
      code: `import { Pool } from 'pg';
let cached;
function build() {
  return new Pool({ connectionString: process.env.DATABASE_URL });
}
function getPool() {
  if (!cached) cached = build();
  return cached;
}
app.get('/users', async (req, res) => res.json(await getPool().query('select * from users')));
`,
      name: "if (!cached) cached = build(): the guard in the getter covers build()",
    },
    {
      code: `import { Pool } from 'pg';
let ready = false;
let pool;
function init() {
  pool = new Pool();
  ready = true;
}
app.get('/users', async (req, res) => {
  if (!ready) init();
  res.json(await pool.query('select * from users'));
});
`,
      name: "flag once-guard: if (!ready) init(), where init() sets ready = true",
    },
    {
      code: `import { Pool } from 'pg';
export class UserStore {
  initialized = false;
  async init() {
    this.pool = new Pool();
    await this.pool.query('select 1');
    this.initialized = true;
  }
  async list(req, res) {
    if (!this.initialized) {
      await this.init();
    }
    res.json(await this.pool.query('select * from users'));
  }
}
`,
      name: "flag once-guard: if (!initialized) { await init() } on a class, init() sets this.initialized",
    },
    {
      code: `import { Pool } from 'pg';
export const x = thing.handler(async () => {
  const pool = new Pool();
  await pool.query('select 1');
});
`,
      name: "a .handler() call on something that is no procedure builder",
    },
  ],
  invalid: [
    {
      filename: 'src/upload.js',
      code: `import AWS from 'aws-sdk';

export const handler = async (event) => {
  const { REGION: region, BUCKET: bucket } = process.env;
  const s3 = new AWS.S3({ signatureVersion: 'v4', region });
  return { statusCode: 200, body: s3.getSignedUrl('putObject', { Bucket: bucket, Key: event.key }) };
};
`,
      output: null,
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 60,
          data: {
            client: 'S3',
            where: 'in a Lambda handler',
            unit: 'invocation',
            cost: 'repeated setup and no reuse of keep-alive connections',
            reason: 'its options use the local `region`, which would have to move too',
          },
        },
      ],
      name: 'options destructured from process.env are static, not per-request data: a wrapper built from them is reported',
    },
    {
      code: `import { Pool } from 'pg';
let refreshed = false;
app.post('/stats/refresh', async (req, res) => {
  if (!refreshed) {
    const pool = new Pool();
    await pool.query('refresh materialized view stats');
    refreshed = true;
  }
  res.sendStatus(204);
});
app.post('/stats/invalidate', (req, res) => {
  refreshed = false;
  res.sendStatus(204);
});
`,
      output: `import { Pool } from 'pg';
let refreshed = false;

const pool = new Pool();

app.post('/stats/refresh', async (req, res) => {
  if (!refreshed) {
    await pool.query('refresh materialized view stats');
    refreshed = true;
  }
  res.sendStatus(204);
});
app.post('/stats/invalidate', (req, res) => {
  refreshed = false;
  res.sendStatus(204);
});
`,
      errors: [
        { messageId: "perRequestClient", line: 5, column: 18, endLine: 5, endColumn: 28 },
      ],
      name: "a flag that is reset elsewhere is no once-guard",
    },
    {
      code: `import { Pool } from 'pg';
let batch = [];
export function record(event) {
  batch.push(event);
}
setInterval(async () => {
  if (batch.length === 0) return;
  const pool = new Pool();
  await pool.query('insert into events select * from json_populate_recordset(null::events, $1)', [JSON.stringify(batch)]);
  await pool.end();
  batch = [];
}, 5000);
`,
      output: `import { Pool } from 'pg';
let batch = [];
export function record(event) {
  batch.push(event);
}

const pool = new Pool();

setInterval(async () => {
  if (batch.length === 0) return;
  await pool.query('insert into events select * from json_populate_recordset(null::events, $1)', [JSON.stringify(batch)]);
  batch = [];
}, 5000);
`,
      errors: [
        { messageId: "perRequestClient", line: 8, column: 16, endLine: 8, endColumn: 26 },
      ],
      name: "a buffer reset after a length check is no once-guard (module buffer, timer flush)",
    },
    {
      code: `import { Pool } from 'pg';
export class EventBuffer {
  batch = [];
  constructor() {
    setInterval(() => this.flush(), 5000);
  }
  async flush() {
    if (this.batch.length === 0) return;
    const pool = new Pool();
    await pool.query('insert into events values ($1)', [this.batch]);
    this.batch = [];
  }
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export class EventBuffer {
  batch = [];
  constructor() {
    setInterval(() => this.flush(), 5000);
  }
  async flush() {
    if (this.batch.length === 0) return;
    await pool.query('insert into events values ($1)', [this.batch]);
    this.batch = [];
  }
}
`,
      errors: [
        { messageId: "perRequestClient", line: 9, column: 18, endLine: 9, endColumn: 28 },
      ],
      name: "a buffer reset after a length check is no once-guard (this.batch, flushed per tick)",
    },
    {
      code: `import { Pool } from 'pg';
import { os } from '@orpc/server';
export const listUsers = os.input(z.object({ limit: z.number() })).handler(async ({ input }) => {
  const pool = new Pool();
  return (await pool.query('select * from users limit $1', [input.limit])).rows;
});
`,
      output: `import { Pool } from 'pg';
import { os } from '@orpc/server';

const pool = new Pool();

export const listUsers = os.input(z.object({ limit: z.number() })).handler(async ({ input }) => {
  return (await pool.query('select * from users limit $1', [input.limit])).rows;
});
`,
      errors: [
        { messageId: "perRequestClient", line: 4, column: 16, endLine: 4, endColumn: 26 },
      ],
      name: "oRPC: os.input(schema).handler(fn)",
    },
    {
      code: `import { Pool } from 'pg';
import { os } from '@orpc/server';
const authed = os.$context().use(requireAuth);
export const me = authed.handler(async ({ context }) => {
  const pool = new Pool();
  return (await pool.query('select * from users where id = $1', [context.userId])).rows[0];
});
`,
      output: `import { Pool } from 'pg';
import { os } from '@orpc/server';
const authed = os.$context().use(requireAuth);

const pool = new Pool();

export const me = authed.handler(async ({ context }) => {
  return (await pool.query('select * from users where id = $1', [context.userId])).rows[0];
});
`,
      errors: [
        { messageId: "perRequestClient", line: 5, column: 16, endLine: 5, endColumn: 26 },
      ],
      name: "oRPC: a handler on a builder bound to a const (os.$context().use(auth))",
    },
    {
      code: `import { Pool } from 'pg';
export const appRouter = router({
  rename: protectedProcedure.input(z.string()).mutation(async ({ input }) => {
    const pool = new Pool();
    await pool.query('update users set name = $1', [input]);
  }),
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export const appRouter = router({
  rename: protectedProcedure.input(z.string()).mutation(async ({ input }) => {
    await pool.query('update users set name = $1', [input]);
  }),
});
`,
      errors: [
        { messageId: "perRequestClient", line: 4, column: 18, endLine: 4, endColumn: 28 },
      ],
      name: "tRPC: protectedProcedure.input(z).mutation(fn)",
    },
    {
      code: `import { Pool } from 'pg';
import type { Processor } from 'bullmq';
export const processor: Processor = async (job) => {
  const pool = new Pool();
  await pool.query('update jobs set done = true where id = $1', [job.id]);
};
`,
      output: `import { Pool } from 'pg';
import type { Processor } from 'bullmq';

const pool = new Pool();

export const processor: Processor = async (job) => {
  await pool.query('update jobs set done = true where id = $1', [job.id]);
};
`,
      errors: [
        { messageId: "perRequestClient", line: 4, column: 16, endLine: 4, endColumn: 26 },
      ],
      name: "BullMQ processor declared by its type",
    },
    {
      code: `import { Pool } from 'pg';
import { Hono } from 'hono';
const app = new Hono();
app.on(['PUT', 'DELETE'], '/posts/:id', async (c) => {
  const pool = new Pool();
  await pool.query('delete from posts where id = $1', [c.req.param('id')]);
  return c.body(null, 204);
});
`,
      output: `import { Pool } from 'pg';
import { Hono } from 'hono';
const app = new Hono();

const pool = new Pool();

app.on(['PUT', 'DELETE'], '/posts/:id', async (c) => {
  await pool.query('delete from posts where id = $1', [c.req.param('id')]);
  return c.body(null, 204);
});
`,
      errors: [
        { messageId: "perRequestClient", line: 5, column: 16, endLine: 5, endColumn: 26 },
      ],
      name: "Hono app.on(method, path, handler)",
    },
    {
      code: `import { Pool } from 'pg';
export default async function routes(fastify) {
  fastify.route({
    method: 'GET',
    url: '/users',
    handler: async (request, reply) => {
      const pool = new Pool();
      return (await pool.query('select * from users')).rows;
    },
  });
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export default async function routes(fastify) {
  fastify.route({
    method: 'GET',
    url: '/users',
    handler: async (request, reply) => {
      return (await pool.query('select * from users')).rows;
    },
  });
}
`,
      errors: [
        { messageId: "perRequestClient", line: 7, column: 20, endLine: 7, endColumn: 30 },
      ],
      name: "Fastify fastify.route({ handler })",
    },
    {
      code: `import { Pool } from 'pg';
router.route('/users').get(async function list(req, res) {
  const pool = new Pool();
  res.json((await pool.query('select * from users')).rows);
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

router.route('/users').get(async function list(req, res) {
  res.json((await pool.query('select * from users')).rows);
});
`,
      errors: [
        { messageId: "perRequestClient", line: 3, column: 16, endLine: 3, endColumn: 26 },
      ],
      name: "Express router.route(path).get(fn)",
    },
    {
      code: `import { Pool } from 'pg';
router.get('/users', async (ctx) => {
  const pool = new Pool();
  ctx.body = (await pool.query('select * from users')).rows;
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

router.get('/users', async (ctx) => {
  ctx.body = (await pool.query('select * from users')).rows;
});
`,
      errors: [
        { messageId: "perRequestClient", line: 3, column: 16, endLine: 3, endColumn: 26 },
      ],
      name: "Koa router.get(path, (ctx) => ...)",
    },
    {
      filename: "src/orders.controller.ts",
      code: `import { Pool } from 'pg';
@Controller()
export class OrdersController {
  @MessagePattern('orders.get')
  async get(data) {
    const pool = new Pool();
    return pool.query('select 1');
  }
  @EventPattern('orders.created')
  async created(data) {
    const pool = new Pool();
    await pool.query('select 1');
  }
  @Cron('0 * * * *')
  async hourly() {
    const pool = new Pool();
    await pool.query('select 1');
  }
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

const sharedPool = new Pool();

const pool2 = new Pool();

@Controller()
export class OrdersController {
  @MessagePattern('orders.get')
  async get(data) {
    return pool.query('select 1');
  }
  @EventPattern('orders.created')
  async created(data) {
    await sharedPool.query('select 1');
  }
  @Cron('0 * * * *')
  async hourly() {
    await pool2.query('select 1');
  }
}
`,
      errors: [
        { messageId: "perRequestClient", line: 6, column: 18, endLine: 6, endColumn: 28 },
        { messageId: "perRequestClient", line: 11, column: 18, endLine: 11, endColumn: 28 },
        { messageId: "perRequestClient", line: 16, column: 18, endLine: 16, endColumn: 28 },
      ],
      name: "NestJS @MessagePattern, @EventPattern, @Cron",
    },
    {
      filename: "src/mail.processor.ts",
      code: `import { Pool } from 'pg';
@Processor('mail')
export class MailProcessor {
  @Process('send')
  async send(job) {
    const pool = new Pool();
    await pool.query('select 1');
  }
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

@Processor('mail')
export class MailProcessor {
  @Process('send')
  async send(job) {
    await pool.query('select 1');
  }
}
`,
      errors: [
        { messageId: "perRequestClient", line: 6, column: 18, endLine: 6, endColumn: 28 },
      ],
      name: "NestJS Bull @Process() methods of a @Processor class run per job",
    },
    {
      filename: "src/routes/login/+page.server.ts",
      code: `import { Pool } from 'pg';
export const actions = {
  default: async ({ request }) => {
    const pool = new Pool();
    await pool.query('select 1');
  },
};
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export const actions = {
  default: async ({ request }) => {
    await pool.query('select 1');
  },
};
`,
      errors: [
        { messageId: "perRequestClient", line: 4, column: 18, endLine: 4, endColumn: 28 },
      ],
      name: "SvelteKit form actions",
    },
    {
      filename: "src/routes/+layout.server.ts",
      code: `import { Pool } from 'pg';
export async function load({ locals }) {
  const pool = new Pool();
  return { user: (await pool.query('select 1')).rows[0] };
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export async function load({ locals }) {
  return { user: (await pool.query('select 1')).rows[0] };
}
`,
      errors: [
        { messageId: "perRequestClient", line: 3, column: 16, endLine: 3, endColumn: 26 },
      ],
      name: "SvelteKit layout load",
    },
    {
      filename: "app/routes/users.$id.tsx",
      code: `import { Pool } from 'pg';
export const loader = async ({ params }) => {
  const pool = new Pool();
  return (await pool.query('select * from users where id = $1', [params.id])).rows[0];
};
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export const loader = async ({ params }) => {
  return (await pool.query('select * from users where id = $1', [params.id])).rows[0];
};
`,
      errors: [
        { messageId: "perRequestClient", line: 3, column: 16, endLine: 3, endColumn: 26 },
      ],
      name: "Remix loader",
    },
    {
      filename: "src/pages/api/users.ts",
      code: `import { Pool } from 'pg';
export const GET = async ({ params }) => {
  const pool = new Pool();
  return new Response(JSON.stringify((await pool.query('select 1')).rows));
};
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export const GET = async ({ params }) => {
  return new Response(JSON.stringify((await pool.query('select 1')).rows));
};
`,
      errors: [
        { messageId: "perRequestClient", line: 3, column: 16, endLine: 3, endColumn: 26 },
      ],
      name: "Astro API route GET",
    },
    {
      filename: "src/pages/api/users.ts",
      code: `import { Pool } from 'pg';
export async function get({ params }) {
  const pool = new Pool();
  return { body: JSON.stringify((await pool.query('select 1')).rows) };
}
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export async function get({ params }) {
  return { body: JSON.stringify((await pool.query('select 1')).rows) };
}
`,
      errors: [
        { messageId: "perRequestClient", line: 3, column: 16, endLine: 3, endColumn: 26 },
      ],
      name: "Astro 1-2 endpoint get",
    },
    {
      filename: "server/api/users.get.ts",
      code: `import { Pool } from 'pg';
export default defineEventHandler(async (event) => {
  const pool = new Pool();
  return (await pool.query('select 1')).rows;
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export default defineEventHandler(async (event) => {
  return (await pool.query('select 1')).rows;
});
`,
      errors: [
        { messageId: "perRequestClient", line: 3, column: 16, endLine: 3, endColumn: 26 },
      ],
      name: "Nitro/h3 defineEventHandler",
    },
    {
      code: `import { Pool } from 'pg';
import { Elysia } from 'elysia';
new Elysia().get('/users', async () => {
  const pool = new Pool();
  return (await pool.query('select 1')).rows;
}).listen(3000);
`,
      output: `import { Pool } from 'pg';
import { Elysia } from 'elysia';

const pool = new Pool();

new Elysia().get('/users', async () => {
  return (await pool.query('select 1')).rows;
}).listen(3000);
`,
      errors: [
        { messageId: "perRequestClient", line: 4, column: 16, endLine: 4, endColumn: 26 },
      ],
      name: "Elysia .get(path, fn)",
    },
    {
      code: `import { Pool } from 'pg';
import { createSchema } from 'graphql-yoga';
export const schema = createSchema({
  typeDefs,
  resolvers: {
    Query: {
      users: async () => {
        const pool = new Pool();
        return (await pool.query('select 1')).rows;
      },
    },
  },
});
`,
      output: `import { Pool } from 'pg';
import { createSchema } from 'graphql-yoga';

const pool = new Pool();

export const schema = createSchema({
  typeDefs,
  resolvers: {
    Query: {
      users: async () => {
        return (await pool.query('select 1')).rows;
      },
    },
  },
});
`,
      errors: [
        { messageId: "perRequestClient", line: 8, column: 22, endLine: 8, endColumn: 32 },
      ],
      name: "GraphQL Yoga resolver map",
    },
    {
      code: `import { Pool } from 'pg';
export const sync = inngest.createFunction({ id: 'sync-users' }, { event: 'users/sync' }, async ({ event, step }) => {
  const pool = new Pool();
  await pool.query('select 1');
});
`,
      output: `import { Pool } from 'pg';

const pool = new Pool();

export const sync = inngest.createFunction({ id: 'sync-users' }, { event: 'users/sync' }, async ({ event, step }) => {
  await pool.query('select 1');
});
`,
      errors: [
        { messageId: "perRequestClient", line: 3, column: 16, endLine: 3, endColumn: 26 },
      ],
      name: "Inngest createFunction(config, trigger, handler)",
    },
    {
      code: `import { Pool } from 'pg';
import { task } from '@trigger.dev/sdk/v3';
export const syncUsers = task({
  id: 'sync-users',
  run: async (payload) => {
    const pool = new Pool();
    await pool.query('select 1');
  },
});
`,
      output: `import { Pool } from 'pg';
import { task } from '@trigger.dev/sdk/v3';

const pool = new Pool();

export const syncUsers = task({
  id: 'sync-users',
  run: async (payload) => {
    await pool.query('select 1');
  },
});
`,
      errors: [
        { messageId: "perRequestClient", line: 6, column: 18, endLine: 6, endColumn: 28 },
      ],
      name: "trigger.dev task({ run })",
    },
  ],
});

/*
 * The skipped cases need no-blocking-in-async to read `ExecutionContext.asyncCaller` (set by
 * src/analysis/contexts.ts for the code of a sync function an async function of the file calls):
 * its `blockingPlace` asks only about async owners today.
 */
ruleTester.run('no-blocking-in-async', noBlockingInAsync, {
  valid: [
    {
      code: `import { readFileSync } from 'node:fs';
let signer;
function createSigner() {
  const key = readFileSync(process.env.KEY_PATH, 'utf8');
  return { key };
}
async function getSigner() {
  if (signer) return signer;
  signer = createSigner();
  return signer;
}
app.post('/sign', async (req, res) => res.json(await getSigner()));
`,
      name: "a once-guard in the caller covers the blocking read of the factory it calls",
    },
    {
      code: `import { readFileSync } from 'node:fs';
let initialized = false;
let config;
async function init() {
  config = JSON.parse(readFileSync('config.json', 'utf8'));
  initialized = true;
}
app.get('/config', async (req, res) => {
  if (!initialized) {
    await init();
  }
  res.json(config);
});
`,
      name: "flag once-guard: the blocking read in the init() the guard calls",
    },
    {
      code: `import { readFileSync } from 'node:fs';
function load(path) {
  return readFileSync(path, 'utf8');
}
export function build() {
  return load('src/index.ts');
}
async function main() {
  load('x');
}
main();
`,
      name: "a sync helper called only from sync functions and startup stays quiet",
    },
  ],
  invalid: [
    {
      code: `import { readFileSync } from 'node:fs';
let running = false;
setInterval(async () => {
  if (running) return;
  running = true;
  try {
    const lines = readFileSync('queue.txt', 'utf8');
    await send(lines);
  } finally {
    running = false;
  }
}, 1000);
`,
      output: `import { readFile } from 'node:fs/promises';
let running = false;
setInterval(async () => {
  if (running) return;
  running = true;
  try {
    const lines = await readFile('queue.txt', 'utf8');
    await send(lines);
  } finally {
    running = false;
  }
}, 1000);
`,
      options: [{ checkScheduledJobs: true }],
      errors: [
        { messageId: "blocking", line: 7, column: 19, endLine: 7, endColumn: 52 },
      ],
      name: "a busy flag (set, then cleared in finally) is no once-guard",
    },
    {
      code: `import { appendFileSync } from 'node:fs';
let pending = [];
app.post('/events', async (req, res) => {
  pending.push(req.body);
  if (pending.length < 100) return res.sendStatus(202);
  appendFileSync('events.log', pending.map((e) => JSON.stringify(e)).join('\\n'));
  pending = [];
  res.sendStatus(202);
});
`,
      output: `import { appendFile } from 'node:fs/promises';
let pending = [];
app.post('/events', async (req, res) => {
  pending.push(req.body);
  if (pending.length < 100) return res.sendStatus(202);
  await appendFile('events.log', pending.map((e) => JSON.stringify(e)).join('\\n'));
  pending = [];
  res.sendStatus(202);
});
`,
      errors: [
        { messageId: "blocking", line: 6, column: 3, endLine: 6, endColumn: 81 },
      ],
      name: "a buffer reset after a length check is no once-guard (blocking write per request)",
    },
    {
      code: `import { readFileSync } from 'node:fs';
function load(path) {
  return readFileSync(path, 'utf8');
}
export async function build() {
  const source = load('src/index.ts');
  return transform(source);
}
`,
      output: null,
      options: [{ checkAsyncFunctions: true }],
      errors: [
        {
          messageId: "blockingNoFix",
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 36,
          data: {
            name: "fs.readFileSync", work: "synchronous file system I/O", consequence: "every other request in flight waits until it returns", alternative: "`await readFile(…)` (`node:fs/promises`)", 
            where: "in `load()`, called by the async function `build()`", reason: "`load()` is synchronous; make it async and await it where it is called" },
        },
      ],
      name: "a sync helper called from an async function of the file: reported, not fixed",
    },
    {
      code: `import { readFileSync } from 'node:fs';
function read(path) {
  return readFileSync(path, 'utf8');
}
function loadAll(paths) {
  return paths.map((path) => read(path));
}
export async function build(paths) {
  return loadAll(paths).join('\\n');
}
`,
      output: null,
      options: [{ checkAsyncFunctions: true }],
      errors: [
        {
          messageId: "blockingNoFix",
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 36,
          data: {
            name: "fs.readFileSync", work: "synchronous file system I/O", consequence: "every other request in flight waits until it returns", alternative: "`await readFile(…)` (`node:fs/promises`)", 
            where: "in `read()`, called by `loadAll()`, called by the async function `build()`", reason: "`read()` is synchronous; make it async and await it where it is called" },
        },
      ],
      name: "a sync helper two calls away from an async function",
    },
  ],
});
