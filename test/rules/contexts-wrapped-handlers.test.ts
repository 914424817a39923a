import { RuleTester } from '@typescript-eslint/rule-tester';
import noBlockingInAsync from '../../src/rules/no-blocking-in-async.js';
import noPerRequestClient from '../../src/rules/no-per-request-client.js';
import { projectFile, projectTester } from '../helpers/project-fixture.js';

/**
 * Shapes from real applications: handlers that the module exports through a project's own
 * wrapper (`export const GET = withWorkspace(async (ctx) => ...)`), callbacks of a `singleton()`
 * helper, and packages built for Cloudflare Workers.
 */
const ruleTester = new RuleTester();
const WRAPPER_COST = 'repeated setup and no reuse of keep-alive connections';

ruleTester.run('no-per-request-client (handlers exported through a wrapper)', noPerRequestClient, {
  valid: [
    {
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';
import { withRetry } from '@/lib/retry';

export const warmUp = withRetry(async () => {
  const pool = new Pool();
  await pool.query('select 1');
  await pool.end();
});
`,
      name: 'a wrapped function exported under a name that is no request handler runs where the wrapper runs it: not known to be per request',
    },
    {
      filename: 'app/models/store.server.ts',
      code: `import Redis from 'ioredis';
import { singleton } from '~/utils/singleton';

export function getStore() {
  return singleton('store', () => new Redis(process.env.REDIS_URL));
}

export async function loader() {
  return getStore().get('key');
}
`,
      name: 'a singleton() helper builds its callback’s value once, even when it is called per request',
    },
  ],
  invalid: [
    {
      filename: 'app/api/customers/route.ts',
      code: `import Stripe from 'stripe';
import { withWorkspace } from '@/lib/auth';

export const GET = withWorkspace(async ({ workspace }) => {
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
  return Response.json(await stripe.customers.list({ email: workspace.email }));
});
`,
      output: `import Stripe from 'stripe';
import { withWorkspace } from '@/lib/auth';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);

export const GET = withWorkspace(async ({ workspace }) => {
  return Response.json(await stripe.customers.list({ email: workspace.email }));
});
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 59,
          data: { client: 'Stripe client', where: 'in a route handler (through `withWorkspace()`)', unit: 'request', cost: WRAPPER_COST },
        },
      ],
      name: 'a Next.js route handler exported through the project’s auth wrapper',
    },
    {
      filename: 'src/index.js',
      code: `const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');

exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const s3 = new S3Client({ region: 'us-east-1' });
  const object = await s3.send(new GetObjectCommand({ Bucket: 'media', Key: event.key }));
  object.Body.pipe(responseStream);
});
`,
      output: `const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');

const s3 = new S3Client({ region: 'us-east-1' });

exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const object = await s3.send(new GetObjectCommand({ Bucket: 'media', Key: event.key }));
  object.Body.pipe(responseStream);
});
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 51,
          data: {
            client: 'S3Client',
            where: 'in a Lambda handler (through `streamifyResponse()`)',
            unit: 'invocation',
            cost: 'new connections and sockets each time, which exhausts connection slots and adds latency',
          },
        },
      ],
      name: 'a Lambda handler exported through awslambda.streamifyResponse()',
    },
    {
      filename: 'handlers/reminder/index.ts',
      code: `import type { EventBridgeEvent } from 'aws-lambda';
import { SFNClient, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';

export async function notify(event: EventBridgeEvent<'Reminder', { token: string }>) {
  const sfn = new SFNClient({});
  await sfn.send(new SendTaskSuccessCommand({ taskToken: event.detail.token, output: '{}' }));
}
`,
      output: `import type { EventBridgeEvent } from 'aws-lambda';
import { SFNClient, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';

const sfn = new SFNClient({});

export async function notify(event: EventBridgeEvent<'Reminder', { token: string }>) {
  await sfn.send(new SendTaskSuccessCommand({ taskToken: event.detail.token, output: '{}' }));
}
`,
      errors: [
        {
          messageId: 'perRequestClient',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 32,
          data: {
            client: 'SFNClient',
            where: 'in a Lambda handler',
            unit: 'invocation',
            cost: 'new connections and sockets each time, which exhausts connection slots and adds latency',
          },
        },
      ],
      name: 'a parameter typed with an AWS event type (EventBridgeEvent) marks a Lambda handler: one client per invocation',
    },
  ],
});

projectTester('workers').run('no-per-request-client (a package built for Cloudflare Workers)', noPerRequestClient, {
  valid: [
    {
      ...projectFile('workers', 'src/index.ts'),
      options: [{ reportRequestScopedWrappers: true }],
      name: 'a Hono middleware in a package that depends on wrangler runs on Workers: per-request I/O objects are required there',
    },
  ],
  invalid: [
    {
      ...projectFile('workers', 'src/index.ts'),
      settings: { 'shared-client': { runtime: 'node' } },
      options: [{ reportRequestScopedWrappers: true }],
      errors: [{ messageId: 'perRequestClientNoFix', line: 9, column: 18, endLine: 9, endColumn: 72 }],
      name: 'the runtime setting wins over what the package says',
    },
  ],
});

ruleTester.run('no-blocking-in-async (a request type name from a package that serves no requests)', noBlockingInAsync, {
  valid: [
    {
      filename: 'src/plugins/dml-json-parser.ts',
      code: `import { readFileSync } from 'node:fs';
import { Converter, type Context } from 'typedoc';

export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context: Context) => {
    const schema = readFileSync('schema.json', 'utf8');
    context.project.comment = schema;
  });
}
`,
      name: 'typedoc’s Context is a converter context, not a request: a docs plugin runs once per docs build',
    },
  ],
  invalid: [
    {
      filename: 'src/middleware.ts',
      code: `import { readFileSync } from 'node:fs';
import type { Context } from 'hono';

export const banner = (c: Context) => c.text(readFileSync('banner.txt', 'utf8'));
`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 4,
          column: 46,
          endLine: 4,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'suggestMakeAsync',
              output: `import type { Context } from 'hono';
import { readFile } from 'node:fs/promises';

export const banner = async (c: Context) => c.text(await readFile('banner.txt', 'utf8'));
`,
            },
          ],
        },
      ],
      name: 'hono’s Context is a request context',
    },
  ],
});
