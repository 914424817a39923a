import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-per-request-client.js';

const ruleTester = new RuleTester();

/** An Express route that streams a Redis stream to the browser (server-sent events). */
const streamRoute = (read: string) => `import Redis from 'ioredis';
import express from 'express';

const app = express();
app.get('/runs/:id/stream', async (req, res) => {
  const redis = new Redis(process.env.REDIS_URL);
  let lastId = '0';
  while (!req.socket.destroyed) {
    const messages = await redis.${read};
    for (const [, entries] of messages ?? []) for (const [id, fields] of entries) {
      lastId = id;
      res.write(\`data: \${fields[1]}\\n\\n\`);
    }
  }
  await redis.quit();
});
`;

ruleTester.run('no-per-request-client (dedicated connections for blocking commands)', rule, {
  valid: [
    {
      filename: 'src/server.ts',
      code: streamRoute("xread('COUNT', 100, 'BLOCK', 5000, 'STREAMS', `stream:${req.params.id}`, lastId)"),
      name: 'XREAD ... BLOCK holds its connection until data comes: each stream needs a connection of its own (trigger.dev realtime streams)',
    },
    {
      filename: 'src/server.ts',
      code: `import Redis from 'ioredis';
import express from 'express';

const app = express();
app.get('/events', async (req, res) => {
  const subscriber = new Redis();
  await subscriber.subscribe(\`user:\${req.query.user}\`);
  subscriber.on('message', (channel, message) => res.write(\`data: \${message}\\n\\n\`));
  req.on('close', () => subscriber.quit());
});
`,
      name: 'a connection in subscriber mode can run no other command: one per subscription is what Redis requires',
    },
    {
      filename: 'app/api/jobs/next/route.ts',
      code: `import { createClient } from 'redis';

export async function GET() {
  const client = createClient({ url: process.env.REDIS_URL });
  await client.connect();
  try {
    return Response.json(await client.blPop('jobs', 30));
  } finally {
    await client.quit();
  }
}
`,
      name: 'node-redis blPop (camel case): a blocking pop holds the connection until it returns',
    },
    {
      filename: 'app/api/feed/route.ts',
      code: `import { createClient } from 'redis';

export async function GET() {
  const client = await createClient().connect();
  const entries = await client.xRead({ key: 'feed', id: '$' }, { BLOCK: 10000 });
  await client.quit();
  return Response.json(entries);
}
`,
      name: 'node-redis xRead with the BLOCK option, on the client its connect() returns',
    },
  ],
  invalid: [
    {
      filename: 'src/server.ts',
      code: streamRoute("xread('COUNT', 100, 'STREAMS', `stream:${req.params.id}`, lastId)"),
      output: `import Redis from 'ioredis';
import express from 'express';

const app = express();

const redis = new Redis(process.env.REDIS_URL);

app.get('/runs/:id/stream', async (req, res) => {
  let lastId = '0';
  while (!req.socket.destroyed) {
    const messages = await redis.xread('COUNT', 100, 'STREAMS', \`stream:\${req.params.id}\`, lastId);
    for (const [, entries] of messages ?? []) for (const [id, fields] of entries) {
      lastId = id;
      res.write(\`data: \${fields[1]}\\n\\n\`);
    }
  }
});
`,
      errors: [{ messageId: 'perRequestClient', line: 6, column: 17, endLine: 6, endColumn: 49 }],
      name: 'XREAD without BLOCK returns at once: a shared client serves it, so the per-request one is still reported',
    },
  ],
});
