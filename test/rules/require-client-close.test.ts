import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import rule from '../../src/rules/require-client-close.js';

const ruleTester = new RuleTester();

ruleTester.run('require-client-close', rule, {
  valid: [
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    await pool.query('select 1');
  } finally {
    await pool.end();
  }
}
`,
      name: 'closed in finally',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

function main() {
  const pool = new Pool();
  return pool.query('select 1').finally(() => pool.end());
}
`,
      name: 'closed in .finally()',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

function main() {
  const pool = new Pool();
  return run().then(
    () => pool.end(),
    (error) => pool.end().then(() => Promise.reject(error)),
  );
}
`,
      name: 'closed in .then() on both paths',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

function main() {
  const pool = new Pool();
  run(pool.query('x'))
    .then(() => pool.end())
    .catch(() => pool.end());
}
`,
      name: 'closed in .then() and .catch()',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { MongoClient } from 'mongodb';

async function main() {
  const client = new MongoClient(process.env.MONGO_URL);
  try {
    await client.connect();
    await client.close();
  } catch (error) {
    await client.close();
    throw error;
  }
}
`,
      name: 'closed at the end of try and in catch',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { MongoClient } from 'mongodb';

async function main() {
  await using client = new MongoClient(process.env.MONGO_URL);
  await client.db().collection('jobs').deleteMany({});
}
`,
      name: 'await using',
    },
    {
      filename: 'scripts/report.ts',
      code: `import Redis from 'ioredis';

async function main() {
  const redis = new Redis();
  const shutdown = async () => {
    await redis.quit();
  };
  try {
    await redis.ping();
  } finally {
    await shutdown();
  }
}
`,
      name: 'closed by a local helper called in finally',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Client } from 'pg';

async function main() {
  let client;
  try {
    client = new Client();
    await client.connect();
  } finally {
    await client?.end();
  }
}
`,
      name: 'assigned to a let inside try, closed in finally',
    },
    {
      filename: 'scripts/report.js',
      code: `const { Client } = require('pg');

function main() {
  const client = new Client();
  client.connect();
  client.query('select 1', (error, result) => {
    console.log(error, result);
    client.end();
  });
}
`,
      name: 'closed with the callback API',
    },
    {
      filename: 'src/db.ts',
      code: `import { Pool } from 'pg';

export function createPool(url) {
  const pool = new Pool({ connectionString: url });
  return pool;
}
`,
      name: 'returned',
    },
    {
      filename: 'src/db.ts',
      code: `import { Pool } from 'pg';

export async function connect() {
  const pool = new Pool();
  await pool.query('select 1');
  return { pool };
}
`,
      name: 'returned inside an object',
    },
    {
      filename: 'src/db.ts',
      code: `import Redis from 'ioredis';

export class Cache {
  connect() {
    this.redis = new Redis();
  }
}
`,
      name: 'stored on this',
    },
    {
      filename: 'scripts/report.ts',
      code: `import Redis from 'ioredis';

let redis;

async function connect() {
  const client = new Redis();
  await client.ping();
  redis = client;
}
`,
      name: 'stored on an outer binding',
    },
    {
      filename: 'scripts/migrate.ts',
      code: `import { Client } from 'pg';

async function main() {
  const client = new Client();
  await client.connect();
  await runMigrations(client);
}
`,
      name: 'passed to a function',
    },
    {
      filename: 'src/repo.ts',
      code: `import { Pool } from 'pg';

export function makeRepository() {
  const pool = new Pool();
  return new UserRepository(pool);
}
`,
      name: 'passed to a constructor',
    },
    {
      filename: 'src/server.ts',
      code: `import express from 'express';
import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  const app = express();
  app.get('/users', async (req, res) => {
    res.json(await pool.query('select * from users'));
  });
  app.listen(3000);
}

main();
`,
      name: 'captured by a route handler',
    },
    {
      filename: 'src/heartbeat.ts',
      code: `import Redis from 'ioredis';

export function startHeartbeat() {
  const redis = new Redis();
  setInterval(() => redis.set('heartbeat', Date.now()), 10_000);
}
`,
      name: 'captured by a timer',
    },
    {
      filename: 'src/listener.ts',
      code: `import Redis from 'ioredis';

export function listen(emitter) {
  const redis = new Redis();
  emitter.on('order', (order) => redis.lpush('orders', order.id));
}
`,
      name: 'captured by an event listener',
    },
    {
      filename: 'src/server.ts',
      code: `import { Pool } from 'pg';

export async function start() {
  const pool = new Pool();
  process.once('SIGTERM', () => pool.end());
  await pool.query('select 1');
}
`,
      name: 'closed by a SIGTERM hook',
    },
    {
      filename: 'src/plugins/db.ts',
      code: `import { Pool } from 'pg';

export default async function db(fastify, options) {
  const pool = new Pool(options);
  fastify.decorate('pg', pool);
  fastify.addHook('onClose', async () => {
    await pool.end();
  });
}
`,
      name: 'closed by a Fastify onClose hook',
    },
    {
      filename: 'src/server.ts',
      code: `import http from 'node:http';
import { Pool } from 'pg';

export function start(handler) {
  const pool = new Pool();
  const server = http.createServer(handler);
  server.on('close', () => pool.end());
  return server;
}
`,
      name: "closed by a server 'close' listener",
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

export async function report(pool = new Pool()) {
  await pool.query('select 1');
}
`,
      name: 'a default parameter: callers may pass their own',
    },
    {
      filename: 'src/cache.ts',
      code: `import Redis from 'ioredis';

export class Cache {
  redis = new Redis();
}
`,
      name: 'a class field',
    },
    {
      filename: 'src/routes.ts',
      code: `import { Pool } from 'pg';

app.get('/users', async (req, res) => {
  const pool = new Pool();
  res.json(await pool.query('select * from users'));
});
`,
      name: 'per request: no-per-request-client reports it',
    },
    {
      filename: 'scripts/serve.ts',
      code: `import { Pool } from 'pg';

app.get('/users', async (req, res) => {
  const pool = new Pool();
  res.json(await pool.query('select * from users'));
});
`,
      name: 'per request in a script file',
    },
    {
      filename: 'src/worker.ts',
      code: `import { Client } from 'pg';

export default {
  async fetch(request, env, ctx) {
    const client = new Client(env.DATABASE_URL);
    await client.connect();
    return Response.json(await client.query('select 1'));
  },
};
`,
      name: 'edge runtime handler',
    },
    {
      filename: 'src/db.ts',
      code: `import { Pool } from 'pg';

let pool;

export function getPool() {
  pool ??= new Pool();
  return pool;
}
`,
      name: 'once-guarded lazy singleton',
    },
    {
      filename: 'src/jobs.ts',
      code: `import { Pool } from 'pg';

export async function runAll(jobs) {
  for (const job of jobs) {
    const pool = new Pool();
    await pool.query(job.sql);
  }
}
`,
      name: 'the same client on every iteration in application code: no-per-request-client reports it',
    },
    {
      filename: 'scripts/sync.ts',
      code: `import axios from 'axios';

async function main() {
  const http = axios.create({ baseURL: 'https://api.example.com' });
  await http.get('/items');
}
`,
      name: 'axios has nothing to close',
    },
    {
      filename: 'scripts/summarize.ts',
      code: `import OpenAI from 'openai';

async function main() {
  const openai = new OpenAI();
  await openai.responses.create({ model: 'gpt-5', input: 'hi' });
}
`,
      name: 'OpenAI has nothing to close',
    },
    {
      filename: 'scripts/refund.ts',
      code: `import Stripe from 'stripe';

async function main() {
  const stripe = new Stripe(process.env.STRIPE_KEY);
  await stripe.refunds.create({ charge: 'ch_1' });
}
`,
      name: 'Stripe has nothing to close',
    },
    {
      filename: 'scripts/report.ts',
      code: `class Pool {
  end() {}
}

async function main() {
  const pool = new Pool();
  console.log(pool);
}
`,
      name: 'a local class named Pool is not a client',
    },
    {
      filename: 'scripts/publish.ts',
      code: `import amqp from 'amqplib';

async function main() {
  const connection = await amqp.connect(process.env.AMQP_URL);
  try {
    const channel = await connection.createChannel();
    channel.sendToQueue('jobs', Buffer.from('x'));
  } finally {
    await connection.close();
  }
}
`,
      name: 'an AMQP channel closes with its connection',
    },
    {
      filename: 'src/db.ts',
      code: `import { Pool } from 'pg';

const pool = new Pool();

export function query(sql) {
  return pool.query(sql);
}
`,
      name: 'module scope of an application file, by default',
    },
    {
      filename: 'src/db.ts',
      code: `import { Pool } from 'pg';

const pool = new Pool();

process.once('SIGTERM', async () => {
  await pool.end();
});

export function query(sql) {
  return pool.query(sql);
}
`,
      options: [{ checkModuleScope: true }],
      name: 'module scope with checkModuleScope, closed on SIGTERM',
    },
    {
      filename: 'src/db.ts',
      code: `import { Pool } from 'pg';

export const pool = new Pool();
`,
      options: [{ checkModuleScope: true }],
      name: 'module scope with checkModuleScope, exported',
    },
    {
      filename: 'src/db.service.ts',
      code: `import { Pool } from 'pg';

const pool = new Pool();

export class DbService {
  query(sql) {
    return pool.query(sql);
  }

  async onModuleDestroy() {
    await pool.end();
  }
}
`,
      options: [{ checkModuleScope: true }],
      name: 'module scope with checkModuleScope, closed in onModuleDestroy',
    },
    {
      filename: 'prisma/seed.ts',
      code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function main() {
  await prisma.user.create({ data: { email: 'a@example.com' } });
}

main()
  .then(async () => {
    await prisma.$disconnect();
  })
  .catch(async (error) => {
    console.error(error);
    await prisma.$disconnect();
    process.exit(1);
  });
`,
      name: 'a seed script closing after main() settles',
    },
    {
      filename: 'scripts/report.mjs',
      code: `import { Pool } from 'pg';

const pool = new Pool();
const { rows } = await pool.query('select count(*) from users');
console.log(rows);
await pool.end();
`,
      name: 'a script closing at the end',
    },
    {
      filename: 'bin/server.js',
      code: `#!/usr/bin/env node
const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const app = express();
app.get('/', async (req, res) => res.json(await pool.query('select 1')));
app.listen(3000);
`,
      name: 'a bin script that serves requests',
    },
    {
      filename: 'src/cache.test.ts',
      code: `import { afterAll, expect, it } from 'vitest';
import Redis from 'ioredis';

const redis = new Redis();

afterAll(async () => {
  await redis.quit();
});

it('stores', async () => {
  await redis.set('a', '1');
  expect(await redis.get('a')).toBe('1');
});
`,
      name: 'vitest: module scope closed in afterAll',
    },
    {
      filename: 'src/__tests__/db.js',
      code: `const { Pool } = require('pg');

let pool;

beforeAll(() => {
  pool = new Pool();
});

afterAll(() => pool.end());

test('counts', async () => {
  await pool.query('select 1');
});
`,
      name: 'jest globals: beforeAll with afterAll',
    },
    {
      filename: 'src/cache.spec.ts',
      code: `import Redis from 'ioredis';

describe('cache', () => {
  let redis;

  beforeEach(() => {
    redis = new Redis();
  });

  afterEach(async () => {
    await redis.quit();
  });

  it('pings', async () => {
    await redis.ping();
  });
});
`,
      name: 'beforeEach with afterEach',
    },
    {
      filename: 'test/cache.js',
      code: `const Redis = require('ioredis');

describe('cache', function () {
  let redis;

  before(function () {
    redis = new Redis();
  });

  after(function () {
    return redis.quit();
  });

  it('pings', async function () {
    await redis.ping();
  });
});
`,
      name: 'mocha: before with after',
    },
    {
      filename: 'test/db.test.mjs',
      code: `import { after, test } from 'node:test';
import { Pool } from 'pg';

const pool = new Pool();
after(() => pool.end());

test('counts', async () => {
  await pool.query('select 1');
});
`,
      name: 'node:test: closed in after',
    },
    {
      filename: 'src/cache.test.ts',
      code: `import Redis from 'ioredis';

it('pings', async () => {
  const redis = new Redis();
  try {
    await redis.ping();
  } finally {
    await redis.quit();
  }
});
`,
      name: 'a client made and closed inside a test',
    },
    {
      filename: 'src/app.test.ts',
      code: `import Redis from 'ioredis';

let redis;
let app;

beforeAll(async () => {
  redis = new Redis();
  app = await buildApp({ redis });
});

afterAll(() => app.close());
`,
      name: 'handed to the app under test in setup',
    },
    {
      filename: 'src/workers/report.ts',
      code: `import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';

async function run() {
  const pool = new Pool(workerData.db);
  try {
    const { rows } = await pool.query('select 1');
    parentPort.postMessage(rows);
  } finally {
    await pool.end();
  }
}

run();
`,
      name: 'worker thread closing in finally',
    },
    {
      filename: 'src/workers/email.ts',
      code: `import { Worker } from 'bullmq';
import Redis from 'ioredis';

new Worker('email', async (job) => {
  const redis = new Redis();
  await redis.incr(job.name);
});
`,
      name: 'BullMQ job processor: per job, no-per-request-client reports it',
    },
  ],
  invalid: [
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  const { rows } = await pool.query('select count(*) from users');
  console.log(rows);
}

main();
`,
      output: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    const { rows } = await pool.query('select count(*) from users');
    console.log(rows);
  } finally {
    await pool.end();
  }
}

main();
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'script main() never closes its pool: try/finally autofix',
    },
    {
      filename: 'src/count.ts',
      code: `import { Pool } from 'pg';

export async function countUsers(ready) {
  const pool = new Pool();
  if (!ready) return 0;
  return pool.query('select count(*) from users');
}
`,
      output: `import { Pool } from 'pg';

export async function countUsers(ready) {
  const pool = new Pool();
  try {
    if (!ready) return 0;
    return await pool.query('select count(*) from users');
  } finally {
    await pool.end();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'returned work is awaited before the close',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function load(cached) {
  const pool = new Pool();
  return cached || pool.query('select 1');
}
`,
      output: `import { Pool } from 'pg';

async function load(cached) {
  const pool = new Pool();
  try {
    return await (cached || pool.query('select 1'));
  } finally {
    await pool.end();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'returned expression needing parentheses',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool(); // reporting database

  // count the users
  const { rows } = await pool.query('select count(*) from users');

  console.log(rows);
}
`,
      output: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool(); // reporting database
  try {
    // count the users
    const { rows } = await pool.query('select count(*) from users');

    console.log(rows);
  } finally {
    await pool.end();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'comments and blank lines move with the code',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg'

async function main() {
  const pool = new Pool()
  await pool.query('select 1')
}
`,
      output: `import { Pool } from 'pg'

async function main() {
  const pool = new Pool()
  try {
    await pool.query('select 1')
  } finally {
    await pool.end()
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'no semicolons',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
\tconst pool = new Pool();
\tawait pool.query('select 1');
}
`,
      output: `import { Pool } from 'pg';

async function main() {
\tconst pool = new Pool();
\ttry {
\t\tawait pool.query('select 1');
\t} finally {
\t\tawait pool.end();
\t}
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 25,
          suggestions: [],
        },
      ],
      name: 'tabs',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  await pool.query(\`
    select 1
  \`);
}
`,
      output: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    await pool.query(\`
    select 1
  \`);
  } finally {
    await pool.end();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'a multi-line template keeps its text',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
}
`,
      output: null,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'nothing after the creation',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  console.log('connected', pool);
  await pool.query('select 1');
}
`,
      output: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    console.log('connected', pool);
    await pool.query('select 1');
  } finally {
    await pool.end();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'console output does not hand it on',
    },
    {
      filename: 'scripts/publish.ts',
      code: `import { Kafka } from 'kafkajs';

const kafka = new Kafka({ brokers: ['localhost:9092'] });

async function publish(messages) {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'events', messages });
}
`,
      output: `import { Kafka } from 'kafkajs';

const kafka = new Kafka({ brokers: ['localhost:9092'] });

async function publish(messages) {
  const producer = kafka.producer();
  try {
    await producer.connect();
    await producer.send({ topic: 'events', messages });
  } finally {
    await producer.disconnect();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 36,
          suggestions: [],
        },
      ],
      name: 'a Kafka producer',
    },
    {
      filename: 'scripts/publish.ts',
      code: `import amqp from 'amqplib';

async function main() {
  const connection = await amqp.connect(process.env.AMQP_URL);
  const channel = await connection.createChannel();
  channel.sendToQueue('jobs', Buffer.from('x'));
}
`,
      output: `import amqp from 'amqplib';

async function main() {
  const connection = await amqp.connect(process.env.AMQP_URL);
  try {
    const channel = await connection.createChannel();
    channel.sendToQueue('jobs', Buffer.from('x'));
  } finally {
    await connection.close();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 62,
          suggestions: [],
        },
      ],
      name: 'an AMQP connection (its channel closes with it)',
    },
    {
      filename: 'scripts/seed.ts',
      code: `import { MongoClient } from 'mongodb';

async function seed() {
  const client = await MongoClient.connect(process.env.MONGO_URL);
  await client.db().collection('users').insertOne({ name: 'a' });
}
`,
      output: `import { MongoClient } from 'mongodb';

async function seed() {
  const client = await MongoClient.connect(process.env.MONGO_URL);
  try {
    await client.db().collection('users').insertOne({ name: 'a' });
  } finally {
    await client.close();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 66,
          suggestions: [],
        },
      ],
      name: 'MongoClient.connect()',
    },
    {
      filename: 'scripts/stats.ts',
      code: `import Database from 'better-sqlite3';

function count() {
  const db = new Database('app.db');
  return db.prepare('select count(*) as n from users').get();
}
`,
      output: `import Database from 'better-sqlite3';

function count() {
  const db = new Database('app.db');
  try {
    return db.prepare('select count(*) as n from users').get();
  } finally {
    db.close();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 36,
          suggestions: [],
        },
      ],
      name: 'a synchronous client in a synchronous function',
    },
    {
      filename: 'scripts/ping.ts',
      code: `import https from 'node:https';

async function ping(url) {
  const agent = new https.Agent({ keepAlive: true });
  await fetchWithAgent(url, agent.options);
}
`,
      output: `import https from 'node:https';

async function ping(url) {
  const agent = new https.Agent({ keepAlive: true });
  try {
    await fetchWithAgent(url, agent.options);
  } finally {
    agent.destroy();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 53,
          suggestions: [],
        },
      ],
      name: 'an http.Agent',
    },
    {
      filename: 'src/users.ts',
      code: `import { Pool } from 'pg';

export async function findUser(id) {
  const pool = new Pool();
  const { rows } = await pool.query('select * from users where id = $1', [id]);
  return rows[0];
}
`,
      output: `import { Pool } from 'pg';

export async function findUser(id) {
  const pool = new Pool();
  try {
    const { rows } = await pool.query('select * from users where id = $1', [id]);
    return rows[0];
  } finally {
    await pool.end();
  }
}
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'an exported helper of an application file',
    },
    {
      filename: 'src/workers/report.ts',
      code: `import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';

async function run() {
  const pool = new Pool(workerData.db);
  const { rows } = await pool.query('select 1');
  parentPort.postMessage(rows);
}

run();
`,
      output: `import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';

async function run() {
  const pool = new Pool(workerData.db);
  try {
    const { rows } = await pool.query('select 1');
    parentPort.postMessage(rows);
  } finally {
    await pool.end();
  }
}

run();
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 39,
          suggestions: [],
        },
      ],
      name: 'a worker thread',
    },
    {
      filename: 'src/workers/cache.ts',
      code: `import workerpool from 'workerpool';
import Redis from 'ioredis';

workerpool.worker({
  async warm(key) {
    const redis = new Redis();
    return redis.get(key);
  },
});
`,
      output: `import workerpool from 'workerpool';
import Redis from 'ioredis';

workerpool.worker({
  async warm(key) {
    const redis = new Redis();
    try {
      return await redis.get(key);
    } finally {
      await redis.quit();
    }
  },
});
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 30,
          suggestions: [],
        },
      ],
      name: 'a workerpool task',
    },
    {
      filename: 'src/cache.test.ts',
      code: `import Redis from 'ioredis';

it('pings', async () => {
  const redis = new Redis();
  await redis.ping();
});
`,
      output: `import Redis from 'ioredis';

it('pings', async () => {
  const redis = new Redis();
  try {
    await redis.ping();
  } finally {
    await redis.quit();
  }
});
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 28,
          suggestions: [],
        },
      ],
      name: 'a client made inside a test',
    },
    {
      filename: 'src/db.test.ts',
      code: `import { Pool } from 'pg';

beforeAll(async () => {
  const pool = new Pool();
  await pool.query('truncate users');
});
`,
      output: `import { Pool } from 'pg';

beforeAll(async () => {
  const pool = new Pool();
  try {
    await pool.query('truncate users');
  } finally {
    await pool.end();
  }
});
`,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'a local client of a setup hook',
    },
    {
      filename: 'src/check.ts',
      code: `import { Client } from 'pg';

export async function check(urls) {
  for (const url of urls) {
    const client = new Client(url);
    await client.connect();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'notClosed',
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'suggestTryFinally',
              output: `import { Client } from 'pg';

export async function check(urls) {
  for (const url of urls) {
    const client = new Client(url);
    try {
      await client.connect();
    } finally {
      await client.end();
    }
  }
}
`,
            },
          ],
        },
      ],
      name: "one client per item in application code is this rule's",
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  await log('start');
  const pool = new Pool();
  await pool.query('select 1');
  async function log(message) {
    console.log(message);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'notClosed',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'a function declared after the client and called before it: no fix',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  let pool = new Pool();
  await pool.query('select 1');
  pool = null;
}
`,
      output: null,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 24,
          suggestions: [],
        },
      ],
      name: 'reassigned: no fix',
    },
    {
      filename: 'scripts/check.ts',
      code: `import { Client } from 'pg';

export async function check(urls) {
  for (const url of urls) {
    const client = new Client(url);
    await client.connect();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'notClosed',
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'suggestTryFinally',
              output: `import { Client } from 'pg';

export async function check(urls) {
  for (const url of urls) {
    const client = new Client(url);
    try {
      await client.connect();
    } finally {
      await client.end();
    }
  }
}
`,
            },
          ],
        },
      ],
      name: 'declared in a nested block: suggestion',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  let pool = new Pool();
  await pool.query('select 1');
}
`,
      output: null,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestTryFinally',
              output: `import { Pool } from 'pg';

async function main() {
  let pool = new Pool();
  try {
    await pool.query('select 1');
  } finally {
    await pool.end();
  }
}
`,
            },
          ],
        },
      ],
      name: 'declared with let: suggestion',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main(ids) {
  const pool = new Pool();
  ids.forEach(async (id) => {
    await pool.query('delete from jobs where id = $1', [id]);
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestTryFinally',
              output: `import { Pool } from 'pg';

async function main(ids) {
  const pool = new Pool();
  try {
    ids.forEach(async (id) => {
      await pool.query('delete from jobs where id = $1', [id]);
    });
  } finally {
    await pool.end();
  }
}
`,
            },
          ],
        },
      ],
      name: 'work not awaited: suggestion',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  pool.query('select 1').then((result) => console.log(result.rows));
}
`,
      output: null,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestTryFinally',
              output: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    pool.query('select 1').then((result) => console.log(result.rows));
  } finally {
    await pool.end();
  }
}
`,
            },
          ],
        },
      ],
      name: 'a promise chain not awaited: suggestion',
    },
    {
      filename: 'scripts/report.js',
      code: `const { Pool } = require('pg');

function main() {
  const pool = new Pool();
  pool.query('select 1');
}
`,
      output: null,
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'a synchronous function cannot wait for end(): no fix',
    },
    {
      filename: 'scripts/list.ts',
      code: `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';

async function main() {
  const output = await new S3Client({}).send(new ListBucketsCommand({}));
  console.log(output.Buckets);
}
`,
      output: null,
      errors: [
        {
          messageId: 'notClosedKeepAlive',
          data: { client: 'S3Client', close: 'destroy', where: 'in `main()`' },
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 40,
          suggestions: [],
        },
      ],
      name: 'an inline client cannot be closed: no fix; an AWS SDK client leaks idle sockets but keeps no script from exiting, and the message says so',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

const count = async () => (await new Pool().query('select 1')).rows;
`,
      output: null,
      errors: [
        {
          messageId: 'notClosed',
          line: 3,
          column: 34,
          endLine: 3,
          endColumn: 44,
          suggestions: [],
        },
      ],
      name: 'an arrow function with an expression body: no fix',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  const { rows } = await pool.query('select count(*) from users');
  console.log(rows);
  await pool.end();
}
`,
      output: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    const { rows } = await pool.query('select count(*) from users');
    console.log(rows);
  } finally {
    await pool.end();
  }
}
`,
      errors: [
        {
          messageId: 'closedOnSomePaths',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'closed only when nothing throws: autofix moves the close into finally',
    },
    {
      filename: 'scripts/list.ts',
      code: `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';

async function main() {
  const s3 = new S3Client({});
  const output = await s3.send(new ListBucketsCommand({}));
  console.log(output.Buckets);
  s3.destroy();
}
`,
      output: `import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3';

async function main() {
  const s3 = new S3Client({});
  try {
    const output = await s3.send(new ListBucketsCommand({}));
    console.log(output.Buckets);
  } finally {
    s3.destroy();
  }
}
`,
      errors: [
        {
          messageId: 'closedOnSomePathsKeepAlive',
          data: { client: 'S3Client', close: 'destroy' },
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 30,
          suggestions: [],
        },
      ],
      name: 'an AWS SDK client closed only when nothing throws: its idle sockets do not hold the process, and the message says what does leak',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { MongoClient } from 'mongodb';

async function main() {
  const client = new MongoClient(process.env.MONGO_URL);
  await client.connect();
  await client.db().collection('users').deleteMany({ active: false });
  await client.close();
  console.log('done');
}
`,
      output: `import { MongoClient } from 'mongodb';

async function main() {
  const client = new MongoClient(process.env.MONGO_URL);
  try {
    await client.connect();
    await client.db().collection('users').deleteMany({ active: false });
  } finally {
    await client.close();
  }
  console.log('done');
}
`,
      errors: [
        {
          messageId: 'closedOnSomePaths',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 56,
          suggestions: [],
        },
      ],
      name: 'closed before more work',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { MongoClient } from 'mongodb';

async function main() {
  const client = new MongoClient(process.env.MONGO_URL);
  const users = await client.db().collection('users').countDocuments();
  await client.close();
  console.log(users);
}
`,
      output: null,
      errors: [
        {
          messageId: 'closedOnSomePaths',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 56,
          suggestions: [],
        },
      ],
      name: 'closed before more work that reads a value from the try: no fix',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

function main() {
  const pool = new Pool();
  return pool.query('select 1').then(() => pool.end());
}
`,
      output: null,
      errors: [
        {
          messageId: 'closedOnSomePaths',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'closed with .then() only: no fix',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'closedOnSomePaths',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'closed in catch only: no fix',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main(done) {
  const pool = new Pool();
  await pool.query('select 1');
  if (done) {
    await pool.end();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'closedOnSomePaths',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'closed inside an if: no fix',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main(id) {
  const pool = new Pool();
  if (id) return pool.query('select 1');
  await pool.query('select 2');
  await pool.end();
}
`,
      output: `import { Pool } from 'pg';

async function main(id) {
  const pool = new Pool();
  try {
    if (id) return await pool.query('select 1');
    await pool.query('select 2');
  } finally {
    await pool.end();
  }
}
`,
      errors: [
        {
          messageId: 'closedOnSomePaths',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'a kept early return is awaited',
    },
    {
      filename: 'scripts/seed.ts',
      code: `import { MongoClient } from 'mongodb';

async function main() {
  const client = new MongoClient(process.env.MONGO_URL);
  await client.db().collection('users').insertOne({ name: 'a' });
}
`,
      output: `import { MongoClient } from 'mongodb';

async function main() {
  await using client = new MongoClient(process.env.MONGO_URL);
  await client.db().collection('users').insertOne({ name: 'a' });
}
`,
      options: [{ useAwaitUsing: true }],
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 56,
          suggestions: [],
        },
      ],
      name: 'useAwaitUsing: MongoClient',
    },
    {
      filename: 'scripts/seed.ts',
      code: `import mysql from 'mysql2/promise';

async function main() {
  const connection = await mysql.createConnection(process.env.MYSQL_URL);
  await connection.query('delete from sessions');
  await connection.end();
}
`,
      output: `import mysql from 'mysql2/promise';

async function main() {
  await using connection = await mysql.createConnection(process.env.MYSQL_URL);
  await connection.query('delete from sessions');
}
`,
      options: [{ useAwaitUsing: true }],
      errors: [
        {
          messageId: 'closedOnSomePaths',
          line: 4,
          column: 28,
          endLine: 4,
          endColumn: 73,
          suggestions: [],
        },
      ],
      name: 'useAwaitUsing: closed last, the close goes',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  await pool.query('select 1');
}
`,
      output: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    await pool.query('select 1');
  } finally {
    await pool.end();
  }
}
`,
      options: [{ useAwaitUsing: true }],
      errors: [
        {
          messageId: 'notClosed',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'useAwaitUsing: pg does not implement Symbol.asyncDispose',
    },
    {
      filename: 'scripts/seed.ts',
      code: `import { MongoClient } from 'mongodb';

async function main(urls) {
  for (const url of urls) {
    const client = new MongoClient(url);
    await client.db().dropDatabase();
  }
}
`,
      output: null,
      options: [{ useAwaitUsing: true }],
      errors: [
        {
          messageId: 'notClosed',
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'suggestAwaitUsing',
              output: `import { MongoClient } from 'mongodb';

async function main(urls) {
  for (const url of urls) {
    await using client = new MongoClient(url);
    await client.db().dropDatabase();
  }
}
`,
            },
          ],
        },
      ],
      name: 'useAwaitUsing: in a nested block, a suggestion',
    },
    {
      filename: 'prisma/seed.ts',
      code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function main() {
  await prisma.user.create({ data: { email: 'a@example.com' } });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`,
      output: null,
      errors: [
        {
          messageId: 'scriptNotClosed',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'suggestFinallyChain',
              output: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function main() {
  await prisma.user.create({ data: { email: 'a@example.com' } });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
}).finally(() => prisma.$disconnect());
`,
            },
          ],
        },
      ],
      name: 'a seed script without a close: .finally() suggestion',
    },
    {
      filename: 'scripts/cleanup.js',
      code: `const Redis = require('ioredis');

const redis = new Redis();

async function main() {
  await redis.del('sessions');
}

main();
`,
      output: null,
      errors: [
        {
          messageId: 'scriptNotClosed',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestFinallyChain',
              output: `const Redis = require('ioredis');

const redis = new Redis();

async function main() {
  await redis.del('sessions');
}

main().finally(() => redis.quit());
`,
            },
          ],
        },
      ],
      name: 'a CommonJS script calling main()',
    },
    {
      filename: 'scripts/report.mjs',
      code: `import { Pool } from 'pg';

const pool = new Pool();
const { rows } = await pool.query('select count(*) from users');
console.log(rows);
`,
      output: null,
      errors: [
        {
          messageId: 'scriptNotClosed',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestScriptTryFinally',
              output: `import { Pool } from 'pg';

const pool = new Pool();
try {
  const { rows } = await pool.query('select count(*) from users');
  console.log(rows);
} finally {
  await pool.end();
}
`,
            },
          ],
        },
      ],
      name: 'a top-level await script: try/finally suggestion',
    },
    {
      filename: 'tools/purge.js',
      code: `#!/usr/bin/env node
const Redis = require('ioredis');

const redis = new Redis();
redis.flushall().then(() => console.log('done'));
`,
      output: null,
      errors: [
        {
          messageId: 'scriptNotClosed',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
      name: 'a shebang script with no safe rewrite',
    },
    {
      filename: 'src/db.ts',
      code: `import { Pool } from 'pg';

const pool = new Pool();

export function query(sql) {
  return pool.query(sql);
}
`,
      output: null,
      options: [{ checkModuleScope: true }],
      errors: [
        {
          messageId: 'moduleNotClosed',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestShutdownHook',
              output: `import { Pool } from 'pg';

const pool = new Pool();

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    try {
      await pool.end();
    } finally {
      process.kill(process.pid, signal);
    }
  });
}

export function query(sql) {
  return pool.query(sql);
}
`,
            },
          ],
        },
      ],
      name: 'checkModuleScope: shutdown hook suggestion',
    },
    {
      filename: 'src/cache.js',
      code: `import Redis from 'ioredis';

const redis = new Redis();

export const get = (key) => redis.get(key);
`,
      output: null,
      options: [{ checkModuleScope: true }],
      errors: [
        {
          messageId: 'moduleNotClosed',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestShutdownHook',
              output: `import Redis from 'ioredis';

const redis = new Redis();

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, async () => {
    try {
      await redis.quit();
    } finally {
      process.kill(process.pid, signal);
    }
  });
}

export const get = (key) => redis.get(key);
`,
            },
          ],
        },
      ],
      name: 'checkModuleScope: JavaScript file',
    },
    {
      filename: 'src/agent.ts',
      code: `import https from 'node:https';

const agent = new https.Agent({ keepAlive: true });

export const get = (url) => https.get(url, { agent });
`,
      output: null,
      options: [{ checkModuleScope: true }],
      errors: [
        {
          messageId: 'moduleNotClosed',
          line: 3,
          column: 15,
          endLine: 3,
          endColumn: 51,
          suggestions: [
            {
              messageId: 'suggestShutdownHook',
              output: `import https from 'node:https';

const agent = new https.Agent({ keepAlive: true });

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    try {
      agent.destroy();
    } finally {
      process.kill(process.pid, signal);
    }
  });
}

export const get = (url) => https.get(url, { agent });
`,
            },
          ],
        },
      ],
      name: 'checkModuleScope: a synchronous close',
    },
    {
      filename: 'src/signal.ts',
      code: `import Redis from 'ioredis';

const signal = new Redis();

export const publish = (message) => signal.publish('events', message);
`,
      output: null,
      options: [{ checkModuleScope: true }],
      errors: [
        {
          messageId: 'moduleNotClosed',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'suggestShutdownHook',
              output: `import Redis from 'ioredis';

const signal = new Redis();

for (const shutdownSignal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(shutdownSignal, async () => {
    try {
      await signal.quit();
    } finally {
      process.kill(process.pid, shutdownSignal);
    }
  });
}

export const publish = (message) => signal.publish('events', message);
`,
            },
          ],
        },
      ],
      name: 'checkModuleScope: a client named signal',
    },
    {
      filename: 'src/workers/query.ts',
      code: `import { parentPort } from 'node:worker_threads';
import { Pool } from 'pg';

const pool = new Pool();

parentPort.on('message', async (sql) => {
  parentPort.postMessage(await pool.query(sql));
});
`,
      output: null,
      options: [{ checkModuleScope: true }],
      errors: [
        {
          messageId: 'moduleNotClosed',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 24,
          suggestions: [],
        },
      ],
      name: 'checkModuleScope: a worker thread gets no signals',
    },
    {
      filename: 'src/cache.test.ts',
      code: `import { expect, it } from 'vitest';
import Redis from 'ioredis';

const redis = new Redis();

it('stores', async () => {
  await redis.set('a', '1');
  expect(await redis.get('a')).toBe('1');
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `import { expect, it, afterAll } from 'vitest';
import Redis from 'ioredis';

const redis = new Redis();

afterAll(async () => {
  await redis.quit();
});

it('stores', async () => {
  await redis.set('a', '1');
  expect(await redis.get('a')).toBe('1');
});
`,
            },
          ],
        },
      ],
      name: 'vitest import: afterAll is added to the import',
    },
    {
      filename: 'src/cache.test.ts',
      code: `import { afterAll, it } from 'vitest';
import Redis from 'ioredis';

const redis = new Redis();

it('pings', async () => {
  await redis.ping();
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `import { afterAll, it } from 'vitest';
import Redis from 'ioredis';

const redis = new Redis();

afterAll(async () => {
  await redis.quit();
});

it('pings', async () => {
  await redis.ping();
});
`,
            },
          ],
        },
      ],
      name: 'vitest import: afterAll already imported',
    },
    {
      filename: 'src/cache.test.ts',
      code: `import * as vt from 'vitest';
import Redis from 'ioredis';

const redis = new Redis();

vt.it('pings', async () => {
  await redis.ping();
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `import * as vt from 'vitest';
import Redis from 'ioredis';

const redis = new Redis();

vt.afterAll(async () => {
  await redis.quit();
});

vt.it('pings', async () => {
  await redis.ping();
});
`,
            },
          ],
        },
      ],
      name: 'vitest namespace import',
    },
    {
      filename: 'src/__tests__/db.js',
      code: `const { Pool } = require('pg');

let pool;

beforeAll(() => {
  pool = new Pool();
});

test('counts', async () => {
  await pool.query('select 1');
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `const { Pool } = require('pg');

let pool;

beforeAll(() => {
  pool = new Pool();
});

afterAll(async () => {
  await pool?.end();
});

test('counts', async () => {
  await pool.query('select 1');
});
`,
            },
          ],
        },
      ],
      name: 'jest globals: beforeAll',
    },
    {
      filename: 'src/__tests__/db.js',
      code: `const { Pool } = require('pg');
const { describe, it } = require('@jest/globals');

const pool = new Pool();

describe('db', () => {
  it('counts', async () => {
    await pool.query('select 1');
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `const { Pool } = require('pg');
const { describe, it, afterAll } = require('@jest/globals');

const pool = new Pool();

afterAll(async () => {
  await pool.end();
});

describe('db', () => {
  it('counts', async () => {
    await pool.query('select 1');
  });
});
`,
            },
          ],
        },
      ],
      name: '@jest/globals require: afterAll is added',
    },
    {
      filename: 'src/cache.spec.ts',
      code: `import Redis from 'ioredis';

describe('cache', () => {
  let redis;

  beforeEach(() => {
    redis = new Redis();
  });

  afterAll(async () => {
    await redis.quit();
  });

  it('pings', async () => {
    await redis.ping();
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `import Redis from 'ioredis';

describe('cache', () => {
  let redis;

  beforeEach(() => {
    redis = new Redis();
  });

  afterEach(async () => {
    await redis?.quit();
  });

  afterAll(async () => {
    await redis.quit();
  });

  it('pings', async () => {
    await redis.ping();
  });
});
`,
            },
          ],
        },
      ],
      name: 'beforeEach closed in afterAll only: afterEach',
    },
    {
      filename: 'test/cache.js',
      code: `const Redis = require('ioredis');

describe('cache', function () {
  let redis;

  before(function () {
    redis = new Redis();
  });

  it('pings', async function () {
    await redis.ping();
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `const Redis = require('ioredis');

describe('cache', function () {
  let redis;

  before(function () {
    redis = new Redis();
  });

  after(async () => {
    await redis?.quit();
  });

  it('pings', async function () {
    await redis.ping();
  });
});
`,
            },
          ],
        },
      ],
      name: 'mocha globals: after',
    },
    {
      filename: 'test/cache.test.mjs',
      code: `import { beforeEach, it } from 'node:test';
import Redis from 'ioredis';

let redis;

beforeEach(() => {
  redis = new Redis();
});

it('pings', async () => {
  await redis.ping();
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `import { beforeEach, it, afterEach } from 'node:test';
import Redis from 'ioredis';

let redis;

beforeEach(() => {
  redis = new Redis();
});

afterEach(async () => {
  await redis?.quit();
});

it('pings', async () => {
  await redis.ping();
});
`,
            },
          ],
        },
      ],
      name: 'node:test import: afterEach is added',
    },
    {
      filename: 'src/db.test.ts',
      code: `import { describe, it } from 'vitest';
import { Pool } from 'pg';

describe('db', () => {
  const pool = new Pool();

  it('counts', async () => {
    await pool.query('select 1');
  });
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `import { describe, it, afterAll } from 'vitest';
import { Pool } from 'pg';

describe('db', () => {
  const pool = new Pool();

  afterAll(async () => {
    await pool.end();
  });

  it('counts', async () => {
    await pool.query('select 1');
  });
});
`,
            },
          ],
        },
      ],
      name: 'a describe-scope client',
    },
    {
      filename: 'src/db.test.ts',
      code: `import Database from 'better-sqlite3';

const db = new Database(':memory:');

test('creates', () => {
  db.exec('create table t (id integer)');
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `import Database from 'better-sqlite3';

const db = new Database(':memory:');

afterAll(() => {
  db.close();
});

test('creates', () => {
  db.exec('create table t (id integer)');
});
`,
            },
          ],
        },
      ],
      name: 'a synchronous close in tests',
    },
  ],
});

describe('plain JavaScript parsed by espree', () => {
  it('reports without relying on typescript-eslint-only fields such as `decorators`', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = `import { Pool } from 'pg';

class Report {
  async run() {
    const pool = new Pool();
    await pool.query('select 1');
  }
}
`;
    const messages = linter.verify(
      code,
      [{ plugins: { 'shared-client': plugin }, rules: { 'shared-client/require-client-close': 'error' } }],
      'scripts/report.js',
    );
    expect(messages.map((message) => [message.messageId, message.line, message.column])).toEqual([['notClosed', 5, 18]]);
  });
});
