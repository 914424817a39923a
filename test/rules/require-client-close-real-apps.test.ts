import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-client-close.js';

const ruleTester = new RuleTester();

/** A process-lifetime worker loop (firecrawl's queue-worker.ts shape), started by an async IIFE that awaits it. */
const workerLoop = (afterTheWorkers: string) => `import { Worker } from 'bullmq';

let isShuttingDown = false;
process.on('SIGTERM', () => {
  isShuttingDown = true;
});

const workerFun = async (queueName) => {
  const worker = new Worker(queueName, null, { connection: { host: 'redis' } });
  while (true) {
    if (isShuttingDown) break;
    const job = await worker.getNextJob('token');
    if (job) await job.updateProgress(100);
  }
};

(async () => {
  await Promise.all([workerFun('extract'), workerFun('research')]);
  console.log('All workers exited');${afterTheWorkers}
})();
`;

// False-positive shapes found on real applications, each next to a look-alike that must still report.
ruleTester.run('require-client-close (real applications)', rule, {
  valid: [
    {
      filename: 'src/utils.js',
      code: `const SQL = require('sequelize');

module.exports.createStore = () => {
  const db = new SQL('database', 'username', 'password', { dialect: 'sqlite', storage: './store.sqlite' });
  const users = db.define('user', { email: SQL.STRING });
  const trips = db.define('trip', { launchId: SQL.INTEGER });
  return { users, trips };
};
`,
      name: 'a Sequelize instance handed out through the models it defines (apollo fullstack-tutorial createStore): each model keeps it',
    },
    {
      filename: 'src/lib/prisma.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { withAccelerate } from '@prisma/extension-accelerate';

export function makePrisma() {
  return new PrismaClient().$extends(withAccelerate());
}
`,
      name: 'an extended Prisma client ($extends) is the client: returned',
    },
    {
      filename: 'src/services/queue-worker.ts',
      code: workerLoop('\n  process.exit(0);'),
      name: 'a worker loop that the process entry awaits and then ends the process after (process.exit on the success path; an error rejects the unhandled IIFE)',
    },
    {
      filename: 'src/services/indexing/index-worker.ts',
      code: `import { Worker } from 'bullmq';

let isShuttingDown = false;
process.on('SIGTERM', () => {
  isShuttingDown = true;
});

const workerFun = async (queueName) => {
  const worker = new Worker(queueName, null, { connection: { host: 'redis' } });
  while (!isShuttingDown) {
    const job = await worker.getNextJob('token');
    if (job) await job.updateProgress(100);
  }
  process.exit(0);
};

(async () => {
  const billing = workerFun('billing');
  const precrawl = process.env.PRECRAWL ? workerFun('precrawl') : Promise.resolve();
  await Promise.all([billing, precrawl]);
})();
`,
      name: 'a worker loop that ends the process itself, held in consts the entry awaits (an error rejects the unhandled IIFE and ends the process too)',
    },
    {
      filename: 'src/commands/worker.ts',
      code: `import { QueueEvents } from 'bullmq';
import { BaseCommand } from './base';

export default class Worker extends BaseCommand {
  async run() {
    const queueEvents = new QueueEvents('prediction', { connection: this.connection });
    queueEvents.on('abort', async ({ id }) => this.abort(id));
    process.stdin.resume();
  }
}
`,
      name: 'a client its function subscribes to (a listener for what it delivers, not for its own errors) is kept for its listeners (Flowise oclif worker command)',
    },
    {
      filename: 'lib/db.ts',
      code: `import { PrismaClient } from '@prisma/client/edge';
import { withAccelerate } from '@prisma/extension-accelerate';

const prismaClientSingleton = () => {
  return new PrismaClient().$extends(withAccelerate());
};

declare const globalThis: { prismaGlobal: ReturnType<typeof prismaClientSingleton> } & typeof global;

const prisma = globalThis.prismaGlobal ?? prismaClientSingleton();
export default prisma;

if (process.env.NODE_ENV !== 'production') globalThis.prismaGlobal = prisma;
`,
      name: 'the edge Prisma client extended with Accelerate is returned the same way (prisma-examples accelerate/nextjs-starter)',
    },
    {
      filename: 'src/lib/prisma.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { withAccelerate } from '@prisma/extension-accelerate';

export const prisma = new PrismaClient().$extends(withAccelerate());
`,
      options: [{ checkModuleScope: true }],
      name: 'an extended Prisma client exported at module scope is handed to the importers',
    },
    {
      filename: '__tests__/steps/given.ts',
      code: `import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

const dynamo = new DynamoDBClient({});

export const aUser = (id: string) => dynamo.send(new PutItemCommand({ TableName: 'users', Item: { id: { S: id } } }));
`,
      name: "an AWS SDK client in a test helper: its idle keep-alive sockets are unref'd and do not keep the runner alive",
    },
    {
      filename: 'scripts/backfill.ts',
      code: `import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';

const s3 = new S3Client({});
const { Contents } = await s3.send(new ListObjectsV2Command({ Bucket: 'uploads' }));
console.log(Contents?.length);
`,
      name: 'an AWS SDK client in a script: the script still exits',
    },
    {
      filename: 'tests/unit/models/plugins/toJSON.plugin.test.js',
      code: `const mongoose = require('mongoose');

describe('toJSON plugin', () => {
  let connection;
  beforeEach(() => {
    connection = mongoose.createConnection();
  });
  it('removes __v', () => {
    const Model = connection.model('Model', new mongoose.Schema());
    expect(new Model().toJSON()).not.toHaveProperty('__v');
  });
});
`,
      name: 'mongoose.createConnection() without a URI opens nothing',
    },
    {
      filename: 'apps/web/playwright/seed.ts',
      code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function main() {
  await prisma.user.upsert({ where: { email: 'e2e@example.com' }, update: {}, create: { email: 'e2e@example.com' } });
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
`,
      name: 'a seed script in a test folder (no test runner call) is a script: closed in the finally chain',
    },
    {
      filename: 'src/nonstreaming/index.js',
      code: `import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION });

export const handler = async (event) => {
  const response = await client.send(new InvokeModelCommand({ modelId: event.modelId, body: event.body }));
  return { statusCode: 200, body: new TextDecoder().decode(response.body) };
};
`,
      options: [{ checkModuleScope: true }],
      name: 'a module-scope client of a Lambda handler module: reused across invocations by design, no shutdown to hook (strict)',
    },
    {
      filename: 'src/lambda/app.ts',
      code: `import middy from '@middy/core';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const dynamo = new DynamoDBClient({});

export const handler = middy(async (event) => dynamo.send(event.command));
`,
      options: [{ checkModuleScope: true }],
      name: 'the same with a wrapped handler export (middy)',
    },
    {
      filename: 'tools/migrate/environments.ts',
      code: `import { PrismaClient } from '@prisma/client';

async function main() {
  const prisma = new PrismaClient();
  for (const row of await prisma.environment.findMany()) await prisma.environment.update({ where: { id: row.id }, data: { migrated: true } });
  await prisma.$disconnect();
}

main();
`,
      name: 'a script entry called bare at module scope: an error ends the process, so the close on the success path is enough',
    },
    {
      filename: 'tools/migrate/environments.ts',
      code: `import { PrismaClient } from '@prisma/client';

async function main() {
  const prisma = new PrismaClient();
  await prisma.environment.deleteMany();
  await prisma.$disconnect();
}

await main();
`,
      name: 'the same with a top-level await',
    },
    {
      filename: 'src/redis.ts',
      code: `import { createClient } from 'redis';

export async function connectRedis(url: string) {
  const client = await createClient({ url }).on('error', console.error).connect();
  return client;
}
`,
      name: 'chained on() and connect() return the client: returned',
    },
    {
      filename: 'src/redis.ts',
      code: `import { createClient } from 'redis';

export function connectRedis(url: string) {
  return createClient({ url }).on('error', console.error).connect();
}
`,
      name: 'chained connect() returned directly',
    },
    {
      filename: 'src/cache.ts',
      code: `import Redis from 'ioredis';

export class Cache {
  client: Redis;
  constructor() {
    const client = new Redis().on('error', console.error);
    this.client = client;
  }
}
`,
      name: 'new Redis().on() stored on this',
    },
    {
      filename: 'src/cache.ts',
      code: `import Redis from 'ioredis';

export function makeCache() {
  const client = new Redis();
  return client.on('error', console.error);
}
`,
      name: 'returned through on(): the result is the client',
    },
    {
      filename: 'scripts/warm.ts',
      code: `import { createClient } from 'redis';

async function main() {
  const client = createClient().on('error', console.error);
  try {
    await client.connect();
    await client.set('a', '1');
  } finally {
    await client.on('end', () => {}).quit();
  }
}

main();
`,
      name: 'closed through a chained on()',
    },
    {
      filename: 'src/mongo.ts',
      code: `import { MongoClient } from 'mongodb';

export async function connect(url: string) {
  const client = await new MongoClient(url).connect();
  return { client, db: client.db() };
}
`,
      name: 'MongoClient connect() resolves to the client',
    },
    {
      filename: 'src/redis.ts',
      code: `import { createClient } from 'redis';

async function connectRedis() {
  const client = await createClient().on('error', console.error).connect();
  await registerClient(client);
}
connectRedis();
`,
      name: 'chained client passed on',
    },
    {
      filename: 'test-utils/db.ts',
      code: `import { Pool } from 'pg';

export const pool = new Pool();
`,
      name: 'a test-support module exports its client to the tests',
    },
    {
      filename: 'e2e/helpers/db.ts',
      code: `import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function resetDatabase() {
  await prisma.user.deleteMany();
}

export async function disconnect() {
  await prisma.$disconnect();
}
`,
      name: 'a test-support module closes in a function the tests call',
    },
    {
      filename: 'src/setup-tests.ts',
      code: `import Redis from 'ioredis';

const redis = new Redis();

beforeEach(async () => {
  await redis.flushall();
});

afterAll(async () => {
  await redis.quit();
});
`,
      name: 'setup-tests file: closed in afterAll',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  await pool.query('select 1');
  await pool.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`,
      name: 'closed on success, the entry exits on failure',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  await pool.query('select 1');
}

main().then(() => process.exit(0), () => process.exit(1));
`,
      name: 'the entry exits on both paths',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  await pool.query('select 1');
}

main().catch(console.error).finally(process.exit);
`,
      name: 'the entry exits in .finally(process.exit)',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  await pool.query('select 1');
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
`,
      name: 'the entry exits in .then() and .catch()',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    await pool.query('select 1');
  } finally {
    process.exit();
  }
}

main();
`,
      name: 'process.exit() in finally',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    await pool.query('select 1');
    await pool.end();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}

main();
`,
      name: 'closed at the end of try, process.exit() in catch',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

(async () => {
  const pool = new Pool();
  await pool.query('select 1');
})().finally(() => process.exit());
`,
      name: 'an async IIFE entry that exits in .finally()',
    },
    {
      filename: 'scripts/seed.ts',
      code: `import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);

async function seed() {
  await client.connect();
  await client.db().collection('users').insertOne({ name: 'a' });
}

seed().then(() => process.exit(0));
`,
      name: 'module-scope client of a script that exits when done',
    },
    {
      filename: 'scripts/seed.ts',
      code: `import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);
await client.db().collection('users').insertOne({ name: 'a' });
process.exit(0);
`,
      name: 'module-scope client of a top-level await script that exits at the end',
    },
    {
      filename: 'src/db.test.ts',
      code: `import { test as base } from 'vitest';
import { Pool } from 'pg';

export const test = base.extend({
  db: async ({}, use) => {
    const pool = new Pool();
    await use(pool);
    await pool.end();
  },
});
`,
      name: 'a Vitest fixture closes after use(): its teardown runs whether the test passed or failed',
    },
    {
      filename: 'e2e/fixtures.ts',
      code: `import { test as base } from '@playwright/test';
import { MongoClient } from 'mongodb';

export const test = base.extend({
  mongo: async ({}, use) => {
    const client = await new MongoClient(process.env.MONGO_URL).connect();
    await use(client);
    await client.close();
  },
});
`,
      name: 'a Playwright fixture closes after use()',
    },
  ],
  invalid: [
    {
      filename: 'scripts/count-users.js',
      code: `const SQL = require('sequelize');

async function countUsers() {
  const db = new SQL(process.env.DATABASE_URL);
  const users = db.define('user', { email: SQL.STRING });
  console.log(await users.count());
}
`,
      output: `const SQL = require('sequelize');

async function countUsers() {
  const db = new SQL(process.env.DATABASE_URL);
  try {
    const users = db.define('user', { email: SQL.STRING });
    console.log(await users.count());
  } finally {
    await db.close();
  }
}
`,
      errors: [{ messageId: 'notClosed', line: 4, column: 14, endLine: 4, endColumn: 47 }],
      name: 'a model that is only used in the function hands nothing out: the Sequelize instance is still never closed',
    },
    {
      filename: 'src/jobs/report.ts',
      code: `import Redis from 'ioredis';

export async function report() {
  const redis = new Redis(process.env.REDIS_URL);
  redis.on('error', (error) => console.error(error));
  return redis.get('report');
}
`,
      output: `import Redis from 'ioredis';

export async function report() {
  const redis = new Redis(process.env.REDIS_URL);
  try {
    redis.on('error', (error) => console.error(error));
    return await redis.get('report');
  } finally {
    await redis.quit();
  }
}
`,
      errors: [{ messageId: 'notClosed', line: 4, column: 17, endLine: 4, endColumn: 49, suggestions: [] }],
      name: 'a listener for the client’s own errors is no subscription: the client still leaks',
    },
    {
      filename: 'test/pubsub.test.ts',
      code: `import Redis from 'ioredis';

let sub;
beforeAll(() => {
  sub = new Redis();
  sub.on('message', (channel, message) => console.log(channel, message));
});

it('receives', async () => {
  await sub.subscribe('news');
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `import Redis from 'ioredis';

let sub;
beforeAll(() => {
  sub = new Redis();
  sub.on('message', (channel, message) => console.log(channel, message));
});

afterAll(async () => {
  await sub?.quit();
});

it('receives', async () => {
  await sub.subscribe('news');
});
`,
            },
          ],
        },
      ],
      name: 'a subscription in a test setup hook still keeps the runner from exiting: tests must close it',
    },
    {
      filename: 'src/services/queue-worker.ts',
      code: workerLoop(''),
      output: workerLoop('').replace(
        `  while (true) {
    if (isShuttingDown) break;
    const job = await worker.getNextJob('token');
    if (job) await job.updateProgress(100);
  }
`,
        `  try {
    while (true) {
      if (isShuttingDown) break;
      const job = await worker.getNextJob('token');
      if (job) await job.updateProgress(100);
    }
  } finally {
    await worker.close();
  }
`,
      ),
      errors: [{ messageId: 'notClosed', line: 9, column: 18, endLine: 9, endColumn: 80, suggestions: [] }],
      name: 'the same worker loop when nothing ends the process after it: the worker keeps it alive',
    },
    {
      filename: 'tools/migrate/environments.ts',
      code: `import { PrismaClient } from '@prisma/client';

async function main() {
  const prisma = new PrismaClient();
  await prisma.environment.deleteMany();
  await prisma.$disconnect();
}

main().catch(console.error);
`,
      output: `import { PrismaClient } from '@prisma/client';

async function main() {
  const prisma = new PrismaClient();
  try {
    await prisma.environment.deleteMany();
  } finally {
    await prisma.$disconnect();
  }
}

main().catch(console.error);
`,
      errors: [{ messageId: 'closedOnSomePaths', line: 4, column: 18, endLine: 4, endColumn: 36 }],
      name: 'an entry whose error is caught and logged: the process lives on with the client open',
    },
    {
      filename: 'src/redis.ts',
      code: `import { createClient } from 'redis';

export async function ping(url: string) {
  const reply = await createClient({ url }).on('error', console.error).ping();
  return reply;
}
`,
      output: null,
      errors: [{ messageId: 'notClosed', line: 4, column: 23, endLine: 4, endColumn: 44 }],
      name: 'an unknown method after on() returns something else',
    },
    {
      filename: 'src/cache.ts',
      code: `import Redis from 'ioredis';

export function makeCache() {
  const client = new Redis();
  return client.on('error', console.error).get('x');
}
`,
      output: null,
      errors: [{ messageId: 'notClosed', line: 4, column: 18, endLine: 4, endColumn: 29 }],
      name: 'returned get() through on() is not the client',
    },
    {
      filename: 'scripts/ping.ts',
      code: `import { createClient } from 'redis';

async function main() {
  const client = await createClient().on('error', console.error).connect();
  await client.set('a', '1');
}

main();
`,
      output: `import { createClient } from 'redis';

async function main() {
  const client = await createClient().on('error', console.error).connect();
  try {
    await client.set('a', '1');
  } finally {
    await client.quit();
  }
}

main();
`,
      errors: [{ messageId: 'notClosed', line: 4, column: 24, endLine: 4, endColumn: 38 }],
      name: 'a chained client kept by its function: try/finally autofix',
    },
    {
      filename: 'test-utils/db.ts',
      code: `import { Pool } from 'pg';

export async function checkDb() {
  const pool = new Pool();
  await pool.query('select 1');
}
`,
      output: `import { Pool } from 'pg';

export async function checkDb() {
  const pool = new Pool();
  try {
    await pool.query('select 1');
  } finally {
    await pool.end();
  }
}
`,
      errors: [{ messageId: 'notClosed', line: 4, column: 16, endLine: 4, endColumn: 26 }],
      name: 'a test-support helper that keeps its client',
    },
    {
      filename: 'playwright/global-setup.ts',
      code: `import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);

export default async function globalSetup() {
  await client.db().dropDatabase();
}
`,
      output: null,
      errors: [{ messageId: 'testNotClosed', line: 3, column: 16, endLine: 3, endColumn: 54, suggestions: [] }],
      name: 'a global setup that never closes its module-scope client',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  await pool.query('select 1');
  await pool.end();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
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

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`,
      errors: [{ messageId: 'closedOnSomePaths', line: 4, column: 16, endLine: 4, endColumn: 26 }],
      name: 'the entry handles the error without exiting',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  await pool.query('select 1');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`,
      errors: [{ messageId: 'notClosed', line: 4, column: 16, endLine: 4, endColumn: 26 }],
      name: 'the entry exits on failure only and nothing closes on success',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    await pool.query('select 1');
  } finally {
    if (process.env.CI) process.exit();
  }
}

main();
`,
      output: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  try {
    try {
      await pool.query('select 1');
    } finally {
      if (process.env.CI) process.exit();
    }
  } finally {
    await pool.end();
  }
}

main();
`,
      errors: [{ messageId: 'notClosed', line: 4, column: 16, endLine: 4, endColumn: 26 }],
      name: 'process.exit() only under a condition',
    },
    {
      filename: 'scripts/report.ts',
      code: `import { Pool } from 'pg';

async function main() {
  const pool = new Pool();
  await pool.query('select 1');
}

main().then(() => process.exit(0));
export { main };
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

main().then(() => process.exit(0));
export { main };
`,
      errors: [{ messageId: 'notClosed', line: 4, column: 16, endLine: 4, endColumn: 26 }],
      name: 'an exported entry: other callers do not exit',
    },
    {
      filename: 'scripts/seed.ts',
      code: `import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);

async function seed() {
  await client.db().collection('users').insertOne({ name: 'a' });
}

seed().catch(() => process.exit(1));
`,
      output: null,
      errors: [
        {
          messageId: 'scriptNotClosed',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'suggestFinallyChain',
              output: `import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);

async function seed() {
  await client.db().collection('users').insertOne({ name: 'a' });
}

seed().catch(() => process.exit(1)).finally(() => client.close());
`,
            },
          ],
        },
      ],
      name: 'a script that exits on failure only',
    },
    {
      filename: 'scripts/seed.ts',
      code: `import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);

process.on('SIGINT', () => process.exit(130));
await client.db().collection('users').insertOne({ name: 'a' });
`,
      output: null,
      errors: [
        {
          messageId: 'scriptNotClosed',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 54,
          suggestions: [
            {
              messageId: 'suggestScriptTryFinally',
              output: `import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);
try {
  process.on('SIGINT', () => process.exit(130));
  await client.db().collection('users').insertOne({ name: 'a' });
} finally {
  await client.close();
}
`,
            },
          ],
        },
      ],
      name: 'a script that exits on a signal only',
    },
    {
      filename: 'src/db.test.ts',
      code: `import { test as base } from 'vitest';
import { Pool } from 'pg';

export const test = base.extend({
  db: async ({}, use) => {
    const pool = new Pool();
    await use(pool);
    if (process.env.CI) await pool.end();
  },
});
`,
      output: null,
      errors: [{ messageId: 'closedOnSomePaths', line: 6, column: 18, endLine: 6, endColumn: 28 }],
      name: 'a fixture that closes after use() only under a condition',
    },
  ],
});
