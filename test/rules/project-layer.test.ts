import noBlockingInAsync from '../../src/rules/no-blocking-in-async.js';
import noPerRequestClient from '../../src/rules/no-per-request-client.js';
import requireClientClose from '../../src/rules/require-client-close.js';
import { LAYER_OFF, projectFile, projectTester } from '../helpers/project-fixture.js';

/**
 * The rules with the project layer: fixture projects on disk (`test/fixtures/projects/`), linted
 * with real filenames, so the callers of a file's functions come from the project's other files.
 */
const POOL_COST = 'new connections and sockets each time, which exhausts connection slots and adds latency';
const SHARED_CALLERS = 'its callers in other files would all share one client, so check that none of them closes or reconfigures it';

projectTester('app').run('no-per-request-client (app: routes → controllers → lib, classes, BullMQ, once-guards)', noPerRequestClient, {
  valid: [
    {
      ...projectFile('app', 'src/lib/redis.ts'),
      name: 'a factory whose only caller in another file is a once-guard (if (!redis) redis = makeRedis()) runs once',
    },
    {
      ...projectFile('app', 'src/services/users.service.ts'),
      name: 'a service class that no file instantiates (a DI container makes one) stays quiet',
    },
    {
      ...projectFile('app', 'src/lib/db.ts'),
      settings: LAYER_OFF,
      name: 'with the layer off, a factory whose callers are in other files is not reported',
    },
    {
      ...projectFile('app', 'src/lib/thumbnails.ts'),
      settings: LAYER_OFF,
      name: 'with the layer off, a helper that only another file’s retry callback calls is not reported',
    },
    {
      code: `import { Pool } from 'pg';
export function makeDb() {
  return new Pool();
}
`,
      filename: 'src/not-on-disk.ts',
      name: 'text that is not a file of the project (no file on disk) asks no other file',
    },
  ],
  invalid: [
    {
      ...projectFile('app', 'src/lib/db.ts'),
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 66,
          data: {
            client: 'pg Pool',
            where: 'in `makeDb()`, called from a request handler at `src/controllers/users.ts:5`',
            unit: 'request',
            cost: POOL_COST,
            reason: SHARED_CALLERS,
          },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'pg Pool', name: 'pool', caveat: SHARED_CALLERS },
              output: `// @ts-nocheck
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export function makeDb() {
  return pool;
}
`,
            },
          ],
        },
      ],
      name: 'a factory returning a client to a controller in another file (through `@/` paths): a suggestion, since those callers are out of sight',
    },
    {
      ...projectFile('app', 'src/processors/email.ts'),
      output: `// @ts-nocheck
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({ region: 'eu-west-1' });

export async function sendEmail(job) {
  const template = await s3.send(new GetObjectCommand({ Bucket: 'mail', Key: job.data.template }));
  return template.ETag;
}
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 51,
          data: {
            client: 'S3Client',
            where: 'in `sendEmail()`, called from a BullMQ job processor at `src/queues.ts:5`',
            unit: 'job',
            cost: POOL_COST,
          },
        },
      ],
      name: 'a processor in its own file that queues.ts registers with new Worker(): per job, hoisted (the client never leaves the function)',
    },
    {
      ...projectFile('app', 'src/lib/thumbnails.ts'),
      output: `// @ts-nocheck
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({ region: 'eu-west-1' });

export async function putThumbnail(key, body) {
  await s3.send(new PutObjectCommand({ Bucket: 'thumbs', Key: key, Body: body }));
}
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 51,
          data: {
            client: 'S3Client',
            where: 'in `putThumbnail()`, called from `ImageService.saveThumbnail()` at `src/services/images.service.ts:8`, called from a request handler at `src/routes/images.ts:11`',
            unit: 'request',
            cost: POOL_COST,
          },
        },
      ],
      name: 'called inside a retry callback (withRetry(async () => putThumbnail())) of a method a route runs: the callback is part of the method',
    },
    {
      ...projectFile('app', 'src/lib/images.ts'),
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 34,
          data: {
            client: 'S3Client',
            where: 'in `bucketClient()`, called from `imageFor()` at line 11, called from a request handler at `src/routes/images.ts:8`',
            unit: 'request',
            cost: POOL_COST,
            reason: 'its options depend on per-request data (`region`)',
          },
          suggestions: [
            {
              messageId: 'suggestCachePerKey',
              output: `// @ts-nocheck
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

const s3ClientsByRegion = new Map<unknown, InstanceType<typeof S3Client>>();

/** Builds a client for one bucket region. */
export function bucketClient(region) {
  return s3ClientsByRegion.get(region) ?? s3ClientsByRegion.set(region, new S3Client({ region })).get(region)!;
}

/** Called per request by the images route (another file), and through it bucketClient(). */
export async function imageFor(key) {
  const s3 = bucketClient('eu-west-1');
  return s3.send(new GetObjectCommand({ Bucket: 'images', Key: key }));
}
`,
            },
          ],
        },
      ],
      name: 'an exported factory that only its own file calls, from an export a route runs per request: the in-file callers count too, and the message names the one in between',
    },
    {
      ...projectFile('app', 'src/repositories/orders.ts'),
      output: `// @ts-nocheck
import { MongoClient } from 'mongodb';

const mongoClient = new MongoClient(process.env.MONGO_URL);

export class OrderRepository {
  client = mongoClient;

  forUser(id) {
    return this.client.db().collection('orders').find({ user: id }).toArray();
  }
}
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 5,
          column: 12,
          data: {
            client: 'MongoClient',
            where: 'in `new OrderRepository()`, called from a request handler at `src/routes/users.ts:10`',
            unit: 'request',
            cost: POOL_COST,
          },
        },
      ],
      name: 'a repository field initialiser, instantiated by a route handler in another file on every request',
    },
  ],
});

projectTester('next').run('no-per-request-client (Next.js route through tsconfig paths with extends)', noPerRequestClient, {
  valid: [
    {
      ...projectFile('next', 'utils/avatar.ts'),
      name: 'a function handed to an unknown wrapper at module scope of a route (export const POST = withRateLimit(saveAvatar)): when it runs is a guess',
    },
  ],
  invalid: [
    {
      ...projectFile('next', 'utils/status.ts'),
      output: `// @ts-nocheck
import { S3Client, HeadBucketCommand } from '@aws-sdk/client-s3';

/** Called only from an edge route: per-request I/O objects are the rule there. */
export async function bucketStatus() {
  const s3 = new S3Client({ region: 'us-east-1' });
  return s3.send(new HeadBucketCommand({ Bucket: 'uploads' }));
}

const s3 = new S3Client({ region: 'us-east-1' });

/** Called from an edge route and from a Node.js route: per request in the Node.js one. */
export async function bucketStatusEverywhere() {
  return s3.send(new HeadBucketCommand({ Bucket: 'uploads' }));
}
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 12,
          column: 14,
          endLine: 12,
          endColumn: 51,
          data: {
            client: 'S3Client',
            where: 'in `bucketStatusEverywhere()`, called from a route handler at `app/api/status-node/route.ts:5`',
            unit: 'request',
            cost: POOL_COST,
          },
        },
      ],
      name: 'a helper called from an edge route (export const runtime = \'edge\') decides nothing there; one a Node.js route also calls is per request through it',
    },
    {
      ...projectFile('next', 'utils/upload.ts'),
      output: `// @ts-nocheck
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({ region: 'us-east-1' });

/** A multipart upload handler: the form parser calls it for each file of a request. */
export async function uploadHandler({ filename, data }) {
  await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: filename, Body: data }));
  return filename;
}
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 51,
          data: {
            client: 'S3Client',
            where: 'in `uploadHandler()`, called from a route handler at `app/api/upload/route.ts:6`',
            unit: 'request',
            cost: POOL_COST,
          },
        },
      ],
      name: 'a function handed to a call inside a route handler (parseMultipartFormData(request, uploadHandler)) runs with that call, per request',
    },
    {
      ...projectFile('next', 'utils/s3.ts'),
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 5,
          column: 10,
          data: {
            client: 'S3Client',
            where: 'in `makeBucketClient()`, called from a route handler at `app/api/files/route.ts:5`',
            unit: 'request',
            cost: POOL_COST,
            reason: SHARED_CALLERS,
          },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'S3Client', name: 's3Client', caveat: SHARED_CALLERS },
              output: `// @ts-nocheck
import { S3Client } from '@aws-sdk/client-s3';

const s3Client = new S3Client({ region: 'us-east-1' });

export function makeBucketClient() {
  return s3Client;
}
`,
            },
          ],
        },
      ],
    },
  ],
});

projectTester('serverless').run('no-per-request-client (handler named by serverless.yml)', noPerRequestClient, {
  valid: [],
  invalid: [
    {
      ...projectFile('serverless', 'src/lib/dynamo.ts'),
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 5,
          column: 10,
          data: {
            client: 'DynamoDBClient',
            where: 'in `makeDynamo()`, called from `create()` at `src/handlers/users.ts:5`, called from a Lambda handler (serverless.yml) at `serverless.yml:7`',
            unit: 'invocation',
            cost: POOL_COST,
            reason: SHARED_CALLERS,
          },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'DynamoDBClient', name: 'dynamoDBClient', caveat: SHARED_CALLERS },
              output: `// @ts-nocheck
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const dynamoDBClient = new DynamoDBClient({});

export function makeDynamo() {
  return dynamoDBClient;
}
`,
            },
          ],
        },
      ],
      name: 'the chain runs through a function that only the deploy config names as a handler',
    },
  ],
});

projectTester('monorepo').run('no-per-request-client (workspace package by name, through its barrel)', noPerRequestClient, {
  valid: [],
  invalid: [
    {
      ...projectFile('monorepo', 'packages/db/src/client.ts'),
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 5,
          column: 10,
          data: {
            client: 'PrismaClient',
            where: 'in `makePrisma()`, called from a request handler at `apps/api/src/routes.ts:6`',
            unit: 'request',
            cost: POOL_COST,
            reason: SHARED_CALLERS,
          },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'PrismaClient', name: 'prismaClient', caveat: SHARED_CALLERS },
              output: `// @ts-nocheck
import { PrismaClient } from '@prisma/client';

const prismaClient = new PrismaClient();

export function makePrisma() {
  return prismaClient;
}
`,
            },
          ],
        },
      ],
    },
  ],
});

projectTester('pnpm-monorepo').run('no-per-request-client (workspaces declared in pnpm-workspace.yaml)', noPerRequestClient, {
  valid: [
    {
      ...projectFile('pnpm-monorepo', 'internal/mail/src/index.ts'),
      settings: LAYER_OFF,
      name: 'with the layer off, a constructor no file of its own package runs is not reported',
    },
  ],
  invalid: [
    {
      ...projectFile('pnpm-monorepo', 'internal/mail/src/index.ts'),
      output: `// @ts-nocheck
import nodemailer from 'nodemailer';

const transport = nodemailer.createTransport({ host: process.env.SMTP_HOST, pool: true });

export class Mailer {
  constructor() {
    this.transport = transport;
  }

  send(to, subject) {
    return this.transport.sendMail({ to, subject });
  }
}
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 93,
          data: {
            client: 'nodemailer transport',
            where: 'in `new Mailer()`, called from a route handler at `apps/web/app/api/invite/route.ts:6`',
            unit: 'request',
            cost: 'repeated setup and no reuse of keep-alive connections',
          },
        },
      ],
      name: 'a class of a workspace package (named by pnpm-workspace.yaml) that a route of another package instantiates per request',
    },
  ],
});

projectTester('services').run('no-per-request-client (services exported as a default object, called as service.fn())', noPerRequestClient, {
  valid: [
    {
      ...projectFile('services', 'src/services/reports.ts'),
      settings: LAYER_OFF,
      name: 'with the layer off, the functions of a default-exported service object have unknown callers',
    },
  ],
  invalid: [
    {
      ...projectFile('services', 'src/services/reports.ts'),
      output: `// @ts-nocheck
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

const countReports = async (owner) => {
  const { rows } = await pool.query('select count(*) from reports where owner = $1', [owner]);
  return rows[0].count;
};

const sharedPool = new Pool({ connectionString: process.env.DATABASE_URL });

export default {
  countReports,
  async archive(id) {
    await sharedPool.query('update reports set archived = true where id = $1', [id]);
  },
};
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 5,
          column: 16,
          data: { client: 'pg Pool', where: 'in `countReports()`, called from a request handler at `src/controllers/reports.ts:6`', unit: 'request', cost: POOL_COST },
        },
        {
          messageId: 'perRequestClient',
          line: 13,
          column: 18,
          data: { client: 'pg Pool', where: 'in `archive()`, called from a request handler at `src/controllers/reports.ts:14`', unit: 'request', cost: POOL_COST },
        },
      ],
      name: 'export default { countReports, async archive() }: controllers call reportsService.countReports() per request',
    },
  ],
});

projectTester('cjs').run('no-per-request-client (CommonJS require and module.exports)', noPerRequestClient, {
  valid: [],
  invalid: [
    {
      ...projectFile('cjs', 'lib/cache.js'),
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 4,
          column: 10,
          data: { client: 'ioredis client', where: 'in `makeCache()`, called from a request handler at `app.js:4`', unit: 'request', cost: POOL_COST, reason: SHARED_CALLERS },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'ioredis client', name: 'redis', caveat: SHARED_CALLERS },
              output: `const Redis = require('ioredis');

const redis = new Redis();

function makeCache() {
  return redis;
}

function makeLock() {
  return new Redis();
}

module.exports = { makeCache, makeLock };
`,
            },
          ],
        },
        {
          messageId: 'perRequestClientNoFix',
          line: 8,
          column: 10,
          data: { client: 'ioredis client', where: 'in `makeLock()`, called from a request handler at `other.js:4`', unit: 'request', cost: POOL_COST, reason: SHARED_CALLERS },
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'ioredis client', name: 'redis', caveat: SHARED_CALLERS },
              output: `const Redis = require('ioredis');

function makeCache() {
  return new Redis();
}

const redis = new Redis();

function makeLock() {
  return redis;
}

module.exports = { makeCache, makeLock };
`,
            },
          ],
        },
      ],
      name: 'destructured require in one file, a namespace require in another',
    },
  ],
});

projectTester('app').run('no-blocking-in-async (a sync helper in another file than the async handler)', noBlockingInAsync, {
  valid: [
    {
      ...projectFile('app', 'src/config.ts'),
      name: 'a sync helper called only at module scope of the entry point stays quiet',
    },
    {
      ...projectFile('app', 'src/auth/hash.ts'),
      settings: LAYER_OFF,
      name: 'with the layer off, the helper’s callers are unknown',
    },
  ],
  invalid: [
    {
      ...projectFile('app', 'src/auth/hash.ts'),
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 52,
          data: {
            name: 'crypto.scryptSync',
            where: 'in `hashPassword()`, called from a request handler at `src/routes/session.ts:7`',
            work: 'CPU-bound key derivation',
            consequence: 'every other request in flight waits until it returns',
            alternative: '`await promisify(scrypt)(…)` (`node:crypto`, `node:util`)',
            reason: '`hashPassword()` is synchronous; make it async and await it where it is called',
          },
        },
      ],
      name: 'scryptSync in auth/hash.ts, called by the sign-in route: reported at the blocking call with the chain, no fix (the helper is synchronous)',
    },
  ],
});

projectTester('app').run('require-client-close (one problem, one report across files)', requireClientClose, {
  valid: [
    {
      ...projectFile('app', 'src/processors/email.ts'),
      name: 'a client a job processor creates per job is no-per-request-client’s, not a leak to close',
    },
    {
      ...projectFile('app', 'scripts/migrate-and-close.ts'),
      name: 'a pool passed to a function in another file that ends it is handed over',
    },
    {
      ...projectFile('app', 'scripts/migrate.ts'),
      settings: LAYER_OFF,
      name: 'with the layer off, a pool passed to an imported function counts as handed over',
    },
  ],
  invalid: [
    {
      ...projectFile('app', 'scripts/migrate.ts'),
      output: `// @ts-nocheck
import { Pool } from 'pg';
import { runMigrations } from '@/lib/migrations';

async function main() {
  const pool = new Pool();
  try {
    await runMigrations(pool);
  } finally {
    await pool.end();
  }
}

main();
`,
      errors: [{ messageId: 'notClosed', line: 6, column: 16, endLine: 6, endColumn: 26, suggestions: [] }],
      name: 'a pool lent to a function in another file that only queries it is still the script’s to close',
    },
    {
      ...projectFile('app', 'src/processors/email.ts'),
      settings: LAYER_OFF,
      output: `// @ts-nocheck
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

export async function sendEmail(job) {
  const s3 = new S3Client({ region: 'eu-west-1' });
  try {
    const template = await s3.send(new GetObjectCommand({ Bucket: 'mail', Key: job.data.template }));
    return template.ETag;
  } finally {
    s3.destroy();
  }
}
`,
      errors: [{ messageId: 'notClosedKeepAlive', line: 5, column: 14, endLine: 5, endColumn: 51 }],
      name: 'with the layer off, the same processor is a function of unknown callers that never closes its client',
    },
  ],
});

projectTester('reuse').run('no-per-request-client (reuse of the project’s own shared client)', noPerRequestClient, {
  valid: [
    {
      ...projectFile('reuse', 'src/lib/prisma.ts'),
      name: 'the shared client itself (a globalThis singleton at module scope) is not reported',
    },
  ],
  invalid: [
    {
      ...projectFile('reuse', 'src/app/api/users/route.ts'),
      output: `// @ts-nocheck
import { currentUser } from '@/lib/auth';
import { prisma } from '@/lib/prisma';

export async function GET(request) {
  return Response.json(await prisma.user.findMany({ where: { owner: currentUser(request) } }));
}
`,
      errors: [
        {
          messageId: 'perRequestClientShared',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 32,
          data: {
            client: 'PrismaClient',
            where: 'in a route handler',
            unit: 'request',
            cost: POOL_COST,
            shared: 'prisma',
            specifier: '@/lib/prisma',
            place: 'src/lib/prisma.ts:6',
          },
        },
      ],
      name: 'same arguments as the shared globalThis singleton: autofix imports it (alias style, as the file imports), drops the per-request $disconnect and the unused constructor import',
    },
    {
      ...projectFile('reuse', 'src/routes/reports.ts'),
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 6,
          column: 16,
          data: {
            client: 'pg Pool',
            where: 'in a request handler',
            unit: 'request',
            cost: POOL_COST,
            reason:
              'the project already shares one, `pool` at `src/lib/db.ts:4`, but its options differ: `{ connectionString: process.env.DATABASE_URL, max: 2 }` here, `{ connectionString: process.env.DATABASE_URL }` at `src/lib/db.ts:4`',
          },
          suggestions: [
            {
              messageId: 'suggestReuse',
              data: {
                shared: 'pool',
                specifier: '../lib/db.js',
                caveat:
                  'its options differ: `{ connectionString: process.env.DATABASE_URL, max: 2 }` here, `{ connectionString: process.env.DATABASE_URL }` at `src/lib/db.ts:4`',
              },
              output: `// @ts-nocheck
import { render } from '../lib/render.js';
import { pool } from '../lib/db.js';

app.get('/reports', async (req, res) => {
  const { rows } = await pool.query('select id from reports');
  res.send(render(rows));
});
`,
            },
            {
              messageId: 'suggestHoist',
              data: { client: 'pg Pool', name: 'pool', caveat: "a second one next to the project's `pool`" },
              output: `// @ts-nocheck
import { Pool } from 'pg';
import { render } from '../lib/render.js';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });

app.get('/reports', async (req, res) => {
  const { rows } = await pool.query('select id from reports');
  res.send(render(rows));
});
`,
            },
          ],
        },
      ],
      name: 'other options than the shared pool: both moves are suggestions, the reuse first (relative specifier with .js, as the file writes them)',
    },
    {
      ...projectFile('reuse', 'src/app/api/webhooks/stripe/route.ts'),
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 5,
          column: 18,
          data: {
            client: 'Stripe client',
            where: 'in a route handler',
            unit: 'request',
            cost: 'repeated setup and no reuse of keep-alive connections',
            reason: 'the project already shares one, `getStripe()` at `src/lib/stripe.ts:9`, but it is a memoised getter, which may do more than build the client: read configuration, throw',
          },
          suggestions: [
            {
              messageId: 'suggestReuse',
              data: { shared: 'getStripe()', specifier: '../../../../lib/stripe', caveat: 'it is a memoised getter, which may do more than build the client: read configuration, throw' },
              output: `// @ts-nocheck
import { getStripe } from '../../../../lib/stripe';

export async function POST(request) {
  const stripe = getStripe();
  const event = stripe.webhooks.constructEvent(await request.text(), request.headers.get('stripe-signature'), process.env.STRIPE_WEBHOOK_SECRET);
  return Response.json({ received: event.type });
}
`,
            },
            {
              messageId: 'suggestHoist',
              data: { client: 'Stripe client', name: 'stripe', caveat: "a second one next to the project's `getStripe()`" },
              output: `// @ts-nocheck
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

export async function POST(request) {
  const event = stripe.webhooks.constructEvent(await request.text(), request.headers.get('stripe-signature'), process.env.STRIPE_WEBHOOK_SECRET);
  return Response.json({ received: event.type });
}
`,
            },
          ],
        },
      ],
      name: 'the project’s memoised getter (if (stripe) return stripe; stripe = new Stripe(...)): a suggestion to call it, since a getter may do more than build the client; the default import of the constructor goes with its last use',
    },
    {
      ...projectFile('reuse', 'src/app/api/webhooks/stripe-events/route.ts'),
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 5,
          column: 18,
          suggestions: [
            {
              messageId: 'suggestReuse',
              output: `// @ts-nocheck
import Stripe from 'stripe';
import { getStripe } from '../../../../lib/stripe';

export async function POST(request) {
  const stripe = getStripe();
  try {
    return Response.json(await stripe.events.retrieve(await request.text()));
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return new Response(error.message, { status: 400 });
    throw error;
  }
}
`,
            },
            {
              messageId: 'suggestHoist',
              output: `// @ts-nocheck
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

export async function POST(request) {
  try {
    return Response.json(await stripe.events.retrieve(await request.text()));
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return new Response(error.message, { status: 400 });
    throw error;
  }
}
`,
            },
          ],
        },
      ],
      name: 'the same getter where the default import has another use (Stripe.errors): the import stays',
    },
    {
      ...projectFile('reuse', 'src/app/api/users/route.ts'),
      settings: LAYER_OFF,
      output: `// @ts-nocheck
import { PrismaClient } from '@prisma/client';
import { currentUser } from '@/lib/auth';

const db = new PrismaClient();

export async function GET(request) {
  return Response.json(await db.user.findMany({ where: { owner: currentUser(request) } }));
}
`,
      errors: [{ messageId: 'perRequestClient', line: 6, column: 14 }],
      name: 'with the layer off, the single-file hoist',
    },
  ],
});

const ACME_JOBS = { 'shared-client': { handlers: [{ module: '@acme/jobs', export: 'onJob' }] } };

projectTester('custom-handlers').run('no-per-request-client (the settings’ own handler registrations, in another file)', noPerRequestClient, {
  valid: [
    {
      ...projectFile('custom-handlers', 'src/sync.ts'),
      name: 'without the setting, onJob() is an unknown call and its callback’s context a guess',
    },
  ],
  invalid: [
    {
      ...projectFile('custom-handlers', 'src/sync.ts'),
      settings: ACME_JOBS,
      output: `// @ts-nocheck
import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL);

export async function syncAccount(job) {
  await redis.set(\`synced:\${job.data.id}\`, Date.now());
}
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 5,
          column: 17,
          data: {
            client: 'ioredis client',
            where: 'in `syncAccount()`, called from a handler at `src/jobs.ts:5`',
            unit: 'request',
            cost: POOL_COST,
          },
        },
      ],
      name: 'a handler registration from settings reads the same in the file that registers the processor',
    },
  ],
});

projectTester('mocha').run('require-client-close (the package’s test runner decides the hook)', requireClientClose, {
  valid: [],
  invalid: [
    {
      ...projectFile('mocha', 'test/cache.test.js'),
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 28,
          data: { client: 'ioredis client', close: 'quit', hook: 'after', where: 'in a `describe()` block' },
          suggestions: [
            {
              messageId: 'suggestTestHook',
              data: { close: 'quit', hook: 'after' },
              output: `const Redis = require('ioredis');

describe('cache', () => {
  const redis = new Redis();

  after(async () => {
    await redis.quit();
  });

  beforeEach(async () => {
    await redis.flushall();
  });

  it('stores', async () => {
    await redis.set('k', 'v');
  });
});
`,
            },
          ],
        },
      ],
      name: 'a test with only the hooks both runners have, in a package that uses Mocha: `after`, not `afterAll`',
    },
  ],
});

projectTester('next').run('require-client-close (a helper of an edge route)', requireClientClose, {
  valid: [
    {
      ...projectFile('next', 'utils/status.ts'),
      name: 'a client made per call in a helper only an edge route calls is the edge runtime’s way, not a leak to close',
    },
  ],
  invalid: [],
});
