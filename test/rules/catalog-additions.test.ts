import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe } from 'vitest';
import noBlockingInAsync from '../../src/rules/no-blocking-in-async.js';
import noPerRequestClient from '../../src/rules/no-per-request-client.js';
import requireClientClose from '../../src/rules/require-client-close.js';

// One family of catalog additions per case: src/catalog/clients.ts. The catalog's own resolution
// (wildcards, statics, dynamic imports, template tags) is unit-tested in test/catalog/resolution.test.ts.
const ruleTester = new RuleTester();

ruleTester.run('no-per-request-client', noPerRequestClient, {
  valid: [
    {
      filename: 'src/routes.ts',
      code: `import AWS from 'aws-sdk';
app.get('/x', async (req, res) => {
  const creds = new AWS.SharedIniFileCredentials({ profile: 'p' });
  const s3 = new AWS.S3({ credentials: req.user.credentials });
  res.json([creds, s3]);
});
`,
      name: "AWS SDK v2: credentials classes are not clients; a client built from the request's credentials is deliberate",
    },
    {
      filename: 'src/routes.ts',
      code: `import { Client } from './minio';
class Worker {}
app.get('/x', async (req, res) => {
  const a = new Client();
  const w = new Worker();
  res.json([a, w]);
});
`,
      name: "a local class named Client and a local class named Worker are not clients",
    },
    {
      filename: 'src/routes.ts',
      code: `const { PrismaClient } = await import('./prisma-client');
app.get('/x', async (req, res) => {
  const prisma = new PrismaClient();
  res.json(await prisma.user.findMany());
});
`,
      name: "import() of a local module named like Prisma's",
    },
  ],
  invalid: [
    {
      filename: 'src/routes.ts',
      code: `import AWS from 'aws-sdk';
app.get('/x', async (req, res) => {
  const s3 = new AWS.S3({ region: 'eu-west-1' });
  res.json(await s3.listBuckets().promise());
});
`,
      output: `import AWS from 'aws-sdk';

const s3 = new AWS.S3({ region: 'eu-west-1' });

app.get('/x', async (req, res) => {
  res.json(await s3.listBuckets().promise());
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 3, column: 14, endLine: 3, endColumn: 49, data: {"client": "S3", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "AWS SDK v2: any service of the SDK object, named by the service",
    },
    {
      filename: 'src/routes.js',
      code: `const AWS = require('aws-sdk');
app.get('/x', async (req, res) => {
  const rekognition = new AWS.Rekognition();
  res.json(await rekognition.detectLabels(req.body).promise());
});
`,
      output: `const AWS = require('aws-sdk');

const rekognition = new AWS.Rekognition();

app.get('/x', async (req, res) => {
  res.json(await rekognition.detectLabels(req.body).promise());
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 3, column: 23, endLine: 3, endColumn: 44, data: {"client": "Rekognition", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "AWS SDK v2: a service not in any hand list (require)",
    },
    {
      filename: 'src/routes.ts',
      code: `import S3 from 'aws-sdk/clients/s3';
app.get('/x', async (req, res) => {
  const s3 = new S3();
  res.json(await s3.listBuckets().promise());
});
`,
      output: `import S3 from 'aws-sdk/clients/s3';

const s3 = new S3();

app.get('/x', async (req, res) => {
  res.json(await s3.listBuckets().promise());
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 3, column: 14, endLine: 3, endColumn: 22, data: {"client": "aws-sdk v2 service client", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "AWS SDK v2: aws-sdk/clients/<service> default import",
    },
    {
      filename: 'src/routes.ts',
      code: `import mongoose from 'mongoose';
app.get('/x', async (req, res) => {
  await mongoose.connect(process.env.MONGO_URL);
  res.json(await mongoose.model('User').find());
});
`,
      output: null,
      errors: [
        { messageId: 'perRequestClientNoFix', line: 3, column: 9, endLine: 3, endColumn: 48, data: {"client": "mongoose default connection", "where": "in a request handler", "unit": "request", "cost": "new connections and sockets each time, which exhausts connection slots and adds latency", "reason": "it is created asynchronously; create it once during startup and share it"} },
      ],
      name: "mongoose.connect in a handler: not fixed, it is asynchronous",
    },
    {
      filename: 'src/routes.ts',
      code: `import * as Minio from 'minio';
app.get('/x', async (req, res) => {
  const minio = new Minio.Client({ endPoint: 'play.min.io', accessKey: process.env.KEY, secretKey: process.env.SECRET });
  res.json(await minio.listBuckets());
});
`,
      output: `import * as Minio from 'minio';

const minio = new Minio.Client({ endPoint: 'play.min.io', accessKey: process.env.KEY, secretKey: process.env.SECRET });

app.get('/x', async (req, res) => {
  res.json(await minio.listBuckets());
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 3, column: 17, endLine: 3, endColumn: 121, data: {"client": "MinIO Client", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "minio Client through a namespace import",
    },
    {
      filename: 'src/handler.js',
      code: `export const handler = async (event) => {
  const db = require('serverless-mysql')({ config: { host: process.env.HOST } });
  return db.query('select 1');
};
`,
      output: `const db = require('serverless-mysql')({ config: { host: process.env.HOST } });

export const handler = async (event) => {
  return db.query('select 1');
};
`,
      errors: [
        { messageId: 'perRequestClient', line: 2, column: 14, endLine: 2, endColumn: 81, data: {"client": "serverless-mysql instance", "where": "in a Lambda handler", "unit": "invocation", "cost": "new connections and sockets each time, which exhausts connection slots and adds latency"} },
      ],
      name: "serverless-mysql created inside a Lambda handler",
    },
    {
      filename: 'src/routes.ts',
      code: `import { QueueEvents, FlowProducer } from 'bullmq';
app.get('/x', async (req, res) => {
  const events = new QueueEvents('emails');
  const flow = new FlowProducer();
  res.json({ events, flow });
});
`,
      output: `import { QueueEvents, FlowProducer } from 'bullmq';

const events = new QueueEvents('emails');

const flow = new FlowProducer();

app.get('/x', async (req, res) => {
  res.json({ events, flow });
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 3, column: 18, endLine: 3, endColumn: 43, data: {"client": "BullMQ QueueEvents", "where": "in a request handler", "unit": "request", "cost": "new connections and sockets each time, which exhausts connection slots and adds latency"} },
        { messageId: 'perRequestClient', line: 4, column: 16, endLine: 4, endColumn: 34, data: {"client": "BullMQ FlowProducer", "where": "in a request handler", "unit": "request", "cost": "new connections and sockets each time, which exhausts connection slots and adds latency"} },
      ],
      name: "BullMQ QueueEvents and FlowProducer",
    },
    {
      filename: 'src/routes.ts',
      code: `import { Redis } from '@upstash/redis';
app.get('/x', async (req, res) => {
  const redis = Redis.fromEnv();
  res.json(await redis.get('k'));
});
`,
      output: `import { Redis } from '@upstash/redis';

const redis = Redis.fromEnv();

app.get('/x', async (req, res) => {
  res.json(await redis.get('k'));
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 3, column: 17, endLine: 3, endColumn: 32, data: {"client": "Upstash Redis client", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "Upstash Redis.fromEnv()",
    },
    {
      filename: 'src/routes.ts',
      code: `import { createPool } from '@vercel/postgres';
import { createClient } from '@vercel/kv';
app.get('/x', async (req, res) => {
  const pool = createPool();
  const kv = createClient({ url: process.env.KV_URL, token: process.env.KV_TOKEN });
  res.json([await pool.query('select 1'), await kv.get('k')]);
});
`,
      output: `import { createPool } from '@vercel/postgres';
import { createClient } from '@vercel/kv';

const pool = createPool();

const kv = createClient({ url: process.env.KV_URL, token: process.env.KV_TOKEN });

app.get('/x', async (req, res) => {
  res.json([await pool.query('select 1'), await kv.get('k')]);
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 4, column: 16, endLine: 4, endColumn: 28, data: {"client": "Vercel Postgres pool", "where": "in a request handler", "unit": "request", "cost": "new connections and sockets each time, which exhausts connection slots and adds latency"} },
        { messageId: 'perRequestClient', line: 5, column: 14, endLine: 5, endColumn: 84, data: {"client": "Vercel KV client", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "@vercel/postgres createPool and @vercel/kv createClient",
    },
    {
      filename: 'src/routes.ts',
      code: `import { connect } from '@planetscale/database';
app.get('/x', async (req, res) => {
  const conn = connect({ url: process.env.DATABASE_URL });
  res.json(await conn.execute('select 1'));
});
`,
      output: `import { connect } from '@planetscale/database';

const conn = connect({ url: process.env.DATABASE_URL });

app.get('/x', async (req, res) => {
  res.json(await conn.execute('select 1'));
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 3, column: 16, endLine: 3, endColumn: 58, data: {"client": "PlanetScale connection", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "@planetscale/database connect",
    },
    {
      filename: 'src/routes.ts',
      code: `import { initializeApp } from 'firebase-admin/app';
app.get('/x', async (req, res) => {
  const app = initializeApp();
  res.json(app.name);
});
`,
      output: `import { initializeApp } from 'firebase-admin/app';

const sharedApp = initializeApp();

app.get('/x', async (req, res) => {
  res.json(sharedApp.name);
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 3, column: 15, endLine: 3, endColumn: 30, data: {"client": "Firebase Admin app", "where": "in a request handler", "unit": "request", "cost": "new connections and sockets each time, which exhausts connection slots and adds latency"} },
      ],
      name: "firebase-admin/app initializeApp: the hoisted app is renamed away from the express app",
    },
    {
      filename: 'src/routes.ts',
      code: `import { Resend } from 'resend';
import { MailService } from '@sendgrid/mail';
app.get('/x', async (req, res) => {
  const resend = new Resend(process.env.RESEND_KEY);
  const mail = new MailService();
  res.json([resend, mail]);
});
`,
      output: `import { Resend } from 'resend';
import { MailService } from '@sendgrid/mail';

const mail = new MailService();

app.get('/x', async (req, res) => {
  const resend = new Resend(process.env.RESEND_KEY);
  res.json([resend, mail]);
});
`,
      errors: [
        {
          messageId: 'perRequestClientNoFix',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 52,
          data: {"client": "Resend client", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections", "reason": "its constructor throws when the API key is missing, which at module scope would fail the import of this file: check that the key is always set"},
          suggestions: [
            {
              messageId: 'suggestHoist',
              data: { client: 'Resend client', name: 'resend', caveat: 'its constructor throws when the API key is missing, which at module scope would fail the import of this file: check that the key is always set' },
              output: `import { Resend } from 'resend';
import { MailService } from '@sendgrid/mail';

const resend = new Resend(process.env.RESEND_KEY);

app.get('/x', async (req, res) => {
  const mail = new MailService();
  res.json([resend, mail]);
});
`,
            },
          ],
        },
        { messageId: 'perRequestClient', line: 5, column: 16, endLine: 5, endColumn: 33, data: {"client": "SendGrid MailService", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "Resend and SendGrid MailService",
    },
    {
      filename: 'src/routes.ts',
      code: `import { CloudTasksClient } from '@google-cloud/tasks';
import { ServiceBusClient } from '@azure/service-bus';
import { BlobServiceClient } from '@azure/storage-blob';
app.get('/x', async (req, res) => {
  const tasks = new CloudTasksClient();
  const bus = new ServiceBusClient(process.env.SB);
  const blobs = BlobServiceClient.fromConnectionString(process.env.CS);
  res.json([tasks, bus, blobs]);
});
`,
      output: `import { CloudTasksClient } from '@google-cloud/tasks';
import { ServiceBusClient } from '@azure/service-bus';
import { BlobServiceClient } from '@azure/storage-blob';

const tasks = new CloudTasksClient();

const bus = new ServiceBusClient(process.env.SB);

const blobs = BlobServiceClient.fromConnectionString(process.env.CS);

app.get('/x', async (req, res) => {
  res.json([tasks, bus, blobs]);
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 5, column: 17, endLine: 5, endColumn: 39, data: {"client": "CloudTasksClient", "where": "in a request handler", "unit": "request", "cost": "new connections and sockets each time, which exhausts connection slots and adds latency"} },
        { messageId: 'perRequestClient', line: 6, column: 15, endLine: 6, endColumn: 51, data: {"client": "ServiceBusClient", "where": "in a request handler", "unit": "request", "cost": "new connections and sockets each time, which exhausts connection slots and adds latency"} },
        { messageId: 'perRequestClient', line: 7, column: 17, endLine: 7, endColumn: 71, data: {"client": "BlobServiceClient", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "Google Cloud generated clients, Azure Service Bus, BlobServiceClient.fromConnectionString",
    },
    {
      filename: 'src/routes.ts',
      code: `import { ChatOpenAI } from '@langchain/openai';
import { ChatGroq } from '@langchain/groq';
app.get('/x', async (req, res) => {
  const model = new ChatOpenAI({ model: 'gpt-4o-mini' });
  const groq = new ChatGroq({ apiKey: req.user.groqKey });
  res.json(await model.invoke(req.body.q));
});
`,
      output: `import { ChatOpenAI } from '@langchain/openai';
import { ChatGroq } from '@langchain/groq';

const model = new ChatOpenAI({ model: 'gpt-4o-mini' });

app.get('/x', async (req, res) => {
  const groq = new ChatGroq({ apiKey: req.user.groqKey });
  res.json(await model.invoke(req.body.q));
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 4, column: 17, endLine: 4, endColumn: 57, data: {"client": "LangChain ChatOpenAI", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "LangChain chat model with static configuration; one keyed by the user's API key stays quiet",
    },
    {
      filename: 'src/routes.ts',
      code: `import { InferenceClient } from '@huggingface/inference';
app.get('/x', async (req, res) => {
  const hf = new InferenceClient(process.env.HF_TOKEN);
  res.json(await hf.chatCompletion({ model: 'm', messages: [] }));
});
`,
      output: `import { InferenceClient } from '@huggingface/inference';

const hf = new InferenceClient(process.env.HF_TOKEN);

app.get('/x', async (req, res) => {
  res.json(await hf.chatCompletion({ model: 'm', messages: [] }));
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 3, column: 14, endLine: 3, endColumn: 55, data: {"client": "Hugging Face InferenceClient", "where": "in a request handler", "unit": "request", "cost": "repeated setup and no reuse of keep-alive connections"} },
      ],
      name: "Hugging Face InferenceClient",
    },
    {
      filename: 'src/routes.ts',
      code: `const { PrismaClient } = await import('@prisma/client');
app.get('/x', async (req, res) => {
  const prisma = new PrismaClient();
  res.json(await prisma.user.findMany());
});
`,
      output: `const { PrismaClient } = await import('@prisma/client');

const prisma = new PrismaClient();

app.get('/x', async (req, res) => {
  res.json(await prisma.user.findMany());
});
`,
      errors: [
        { messageId: 'perRequestClient', line: 3, column: 18, endLine: 3, endColumn: 36, data: {"client": "PrismaClient", "where": "in a request handler", "unit": "request", "cost": "new connections and sockets each time, which exhausts connection slots and adds latency"} },
      ],
      name: "PrismaClient from a top-level await import('@prisma/client')",
    },
  ],
});

ruleTester.run('require-client-close', requireClientClose, {
  valid: [
    {
      filename: 'scripts/seed.ts',
      code: `import mongoose from 'mongoose';

async function main() {
  await mongoose.connect(process.env.MONGO_URL);
  await mongoose.model('User').create({ name: 'a' });
  await mongoose.disconnect();
}
main();
`,
      name: "mongoose.connect closed through the module object",
    },
    {
      filename: 'scripts/kv.ts',
      code: `import { Redis } from '@upstash/redis';

async function main() {
  const redis = Redis.fromEnv();
  await redis.set('k', 'v');
}
main();
`,
      name: "Upstash Redis has nothing to close",
    },
    {
      filename: 'scripts/report.ts',
      code: `import { createPool } from '@vercel/postgres';

async function main() {
  const pool = createPool();
  try {
    await pool.query('select 1');
  } finally {
    await pool.end();
  }
}
main();
`,
      name: "Vercel Postgres pool closed in finally",
    },
  ],
  invalid: [
    {
      filename: 'scripts/drain.ts',
      code: `import { QueueEvents } from 'bullmq';

async function main() {
  const events = new QueueEvents('emails');
  await events.waitUntilReady();
}
main();
`,
      output: `import { QueueEvents } from 'bullmq';

async function main() {
  const events = new QueueEvents('emails');
  try {
    await events.waitUntilReady();
  } finally {
    await events.close();
  }
}
main();
`,
      errors: [
        { messageId: 'notClosed', line: 4, column: 18, endLine: 4, endColumn: 43, data: {"client": "BullMQ QueueEvents", "where": "in `main()`", "close": "close"} },
      ],
      name: "BullMQ QueueEvents in a script: closed in finally",
    },
    {
      filename: 'scripts/notify.ts',
      code: `import { initializeApp } from 'firebase-admin/app';

async function main() {
  const app = initializeApp();
  console.log(app.name);
}
main();
`,
      output: `import { initializeApp } from 'firebase-admin/app';

async function main() {
  const app = initializeApp();
  try {
    console.log(app.name);
  } finally {
    await app.delete();
  }
}
main();
`,
      errors: [
        { messageId: 'notClosed', line: 4, column: 15, endLine: 4, endColumn: 30, data: {"client": "Firebase Admin app", "where": "in `main()`", "close": "delete"} },
      ],
      name: "firebase-admin app: app.delete() in finally",
    },
    {
      filename: 'scripts/q.js',
      code: `const mysql = require('serverless-mysql');

async function main() {
  const db = mysql({ config: {} });
  await db.query('select 1');
}
main();
`,
      output: `const mysql = require('serverless-mysql');

async function main() {
  const db = mysql({ config: {} });
  try {
    await db.query('select 1');
  } finally {
    db.quit();
  }
}
main();
`,
      errors: [
        { messageId: 'notClosed', line: 4, column: 14, endLine: 4, endColumn: 35, data: {"client": "serverless-mysql instance", "where": "in `main()`", "close": "quit"} },
      ],
      name: "serverless-mysql: quit() closes at once, nothing to await",
    },
  ],
});

const IN_REQUEST = { where: 'in a request handler', consequence: 'every other request in flight waits until it returns' };

ruleTester.run('no-blocking-in-async', noBlockingInAsync, {
  valid: [
    {
      filename: 'src/routes.ts',
      code: `import { $ } from 'execa';
app.get('/x', async (req, res) => {
  const run = $.sync({ cwd: '/srv' });
  res.json(run);
});
`,
      name: 'execa $.sync with only options binds them and runs nothing',
    },
    {
      filename: 'src/routes.ts',
      code: `const $ = { sync: (strings) => strings.join('') };
app.get('/x', async (req, res) => {
  res.send($.sync\`ls\`);
});
`,
      name: 'a local tag named $ is not execa',
    },
  ],
  invalid: [
    {
      filename: 'app/api/register/route.ts',
      code: `import { genSaltSync, hashSync } from 'bcrypt-ts';

export async function POST(request: Request) {
  const { password } = await request.json();
  return Response.json({ hash: hashSync(password, genSaltSync(10)) });
}
`,
      output: `import { genSaltSync, hash } from 'bcrypt-ts';

export async function POST(request: Request) {
  const { password } = await request.json();
  return Response.json({ hash: await hash(password, genSaltSync(10)) });
}
`,
      errors: [
        { messageId: 'blocking', line: 5, column: 32, endLine: 5, endColumn: 67, data: { name: 'bcrypt-ts.hashSync', ...IN_REQUEST, work: 'CPU-bound password hashing', alternative: '`await hash(…)` (`bcrypt-ts`)' } },
      ],
      name: 'bcrypt-ts (vercel/ai-chatbot): the promise-returning twin of the same module; genSaltSync (cheap) stays',
    },
  ],
});

/* Template tags resolve through catalogTagResolver and are reported on the TaggedTemplateExpression. */
describe('no-blocking-in-async: execa template tags', () => {
  ruleTester.run('no-blocking-in-async', noBlockingInAsync, {
    valid: [],
    invalid: [
      {
        filename: 'src/routes.ts',
        code: `import { $ } from 'execa';
app.get('/x', async (req, res) => {
  const { stdout } = $.sync\`git rev-parse HEAD\`;
  res.send(stdout);
});
`,
        output: `import { $ } from 'execa';
app.get('/x', async (req, res) => {
  const { stdout } = await $\`git rev-parse HEAD\`;
  res.send(stdout);
});
`,
        errors: [{ messageId: 'blocking', line: 3, column: 22, endLine: 3, endColumn: 48 }],
        name: '$.sync tagged template in an async handler: await $`...`',
      },
      {
        filename: 'src/routes.ts',
        code: `import { $ } from 'execa';
app.get('/x', async (req, res) => {
  const out = $.sync\`ls\`.stdout;
  res.send(out);
});
`,
        output: `import { $ } from 'execa';
app.get('/x', async (req, res) => {
  const out = (await $\`ls\`).stdout;
  res.send(out);
});
`,
        errors: [{ messageId: 'blocking', line: 3, column: 15, endLine: 3, endColumn: 25 }],
        name: 'a member read on the sync tag result keeps its precedence: (await $`...`).stdout',
      },
      {
        filename: 'src/routes.ts',
        code: `import { execaSync } from 'execa';
app.get('/x', (req, res) => {
  execaSync\`npm run build\`;
  res.end();
});
`,
        output: null,
        errors: [{ messageId: 'blockingNoFix', line: 3, column: 3, endLine: 3, endColumn: 27 }],
        name: 'execaSync tagged template in a sync handler: reported, not fixed',
      },
    ],
  });
});
