import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/require-client-close.js';
import { LAYER_OFF, projectFile, projectTester } from '../helpers/project-fixture.js';

const ruleTester = new RuleTester();
const setupProject = projectTester('vitest-setup');

// A client built from a module the test runner mocks is the mock's object: whether it connects is the mock's to say.
ruleTester.run('require-client-close (modules the test mocks)', rule, {
  valid: [
    {
      filename: 'src/cache.test.ts',
      code: `import { expect, it, vi } from 'vitest';
import Redis from 'ioredis';

vi.mock('ioredis');

const redis = new Redis();

it('stores', async () => {
  await redis.set('a', '1');
  expect(redis.set).toHaveBeenCalled();
});
`,
      name: 'vi.mock of the client module in the test file',
    },
    {
      filename: 'test/jobs.test.js',
      code: `const { Pool } = require('pg');
jest.mock('pg', () => ({ Pool: jest.fn(() => ({ query: jest.fn() })) }));

const pool = new Pool();

test('queries', async () => {
  await pool.query('select 1');
});
`,
      name: 'jest.mock with a factory, after the require that it is hoisted above',
    },
  ],
  invalid: [
    {
      filename: 'src/cache.test.ts',
      code: `import { expect, it, vi } from 'vitest';
import Redis from 'ioredis';

vi.mock('pg');

const redis = new Redis();

it('stores', async () => {
  await redis.set('a', '1');
  expect(await redis.get('a')).toBe('1');
});
`,
      output: null,
      errors: [{ messageId: 'testNotClosed', line: 6, column: 15, endLine: 6, endColumn: 26, suggestions: [{ messageId: 'suggestTestHook', output: `import { expect, it, vi, afterAll } from 'vitest';
import Redis from 'ioredis';

vi.mock('pg');

const redis = new Redis();

afterAll(async () => {
  await redis.quit();
});

it('stores', async () => {
  await redis.set('a', '1');
  expect(await redis.get('a')).toBe('1');
});
` }] }],
      name: 'a mock of another module does not cover the client',
    },
    {
      filename: 'src/cache.test.ts',
      code: `import { it, vi } from 'vitest';
import Redis from 'ioredis';

vi.mock('ioredis', async (importOriginal) => ({ ...(await importOriginal()), lazy: true }));

const redis = new Redis();

it('stores', async () => {
  await redis.set('a', '1');
});
`,
      output: null,
      errors: [
        {
          messageId: 'testNotClosed',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'suggestTestHook',
              output: `import { it, vi, afterAll } from 'vitest';
import Redis from 'ioredis';

vi.mock('ioredis', async (importOriginal) => ({ ...(await importOriginal()), lazy: true }));

const redis = new Redis();

afterAll(async () => {
  await redis.quit();
});

it('stores', async () => {
  await redis.set('a', '1');
});
`,
            },
          ],
        },
      ],
      name: 'a mock built on the real module (importOriginal) still makes real clients',
    },
  ],
});

setupProject.run('require-client-close (modules the runner setup files mock)', rule, {
  valid: [
    {
      ...projectFile('vitest-setup', 'test/options.test.ts'),
      name: 'the setup mock forces lazyConnect on the real ioredis class, and the test only reads the client options: it never connects',
    },
  ],
  invalid: [
    {
      ...projectFile('vitest-setup', 'test/cache.test.ts'),
      output: null,
      errors: [
        { messageId: 'testNotClosed', line: 6, column: 15, endLine: 6, endColumn: 26, suggestions: [{ messageId: 'suggestTestHook', output: `// @ts-nocheck
import { expect, it, afterAll } from 'vitest';
import Redis from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis();

afterAll(async () => {
  await redis.quit();
});
const pool = new Pool();

it('reads a key', async () => {
  expect(await redis.get('a')).toBeNull();
  expect(await pool.query('select 1')).toBeTruthy();
});
` }] },
      ],
      name: 'vitest setupFiles mock pg outright and ioredis on the real module: only the ioredis client is reported',
    },
    {
      ...projectFile('vitest-setup', 'worker/test/jobs.test.js'),
      output: null,
      errors: [{ messageId: 'testNotClosed', line: 5, column: 15, endLine: 5, endColumn: 26, suggestions: [{ messageId: 'suggestTestHook', output: `const { Pool } = require('pg');
const Redis = require('ioredis');

const pool = new Pool();
const redis = new Redis();

afterAll(async () => {
  await redis.quit();
});

test('runs', async () => {
  await pool.query('select 1');
  await redis.get('a');
});
` }] }],
      name: 'jest setupFilesAfterEnv (package.json, <rootDir>) mocks pg: only the ioredis client is reported',
    },
    {
      ...projectFile('vitest-setup', 'test/cache.test.ts'),
      settings: LAYER_OFF,
      output: null,
      errors: [
        { messageId: 'testNotClosed', line: 6, column: 15, endLine: 6, endColumn: 26, suggestions: [{ messageId: 'suggestTestHook', output: `// @ts-nocheck
import { expect, it, afterAll } from 'vitest';
import Redis from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis();

afterAll(async () => {
  await redis.quit();
});
const pool = new Pool();

it('reads a key', async () => {
  expect(await redis.get('a')).toBeNull();
  expect(await pool.query('select 1')).toBeTruthy();
});
` }] },
        { messageId: 'testNotClosed', line: 7, column: 14, endLine: 7, endColumn: 24, suggestions: [{ messageId: 'suggestTestHook', output: `// @ts-nocheck
import { expect, it, afterAll } from 'vitest';
import Redis from 'ioredis';
import { Pool } from 'pg';

const redis = new Redis();
const pool = new Pool();

afterAll(async () => {
  await pool.end();
});

it('reads a key', async () => {
  expect(await redis.get('a')).toBeNull();
  expect(await pool.query('select 1')).toBeTruthy();
});
` }] },
      ],
      name: 'layer off: setup files are not read',
    },
    {
      ...projectFile('vitest-setup', 'test/options.test.ts'),
      settings: LAYER_OFF,
      output: null,
      errors: [{ messageId: 'testNotClosed', line: 6, column: 15, endLine: 6, endColumn: 40, suggestions: [{ messageId: 'suggestTestHook', output: `// @ts-nocheck
import { expect, it, afterAll } from 'vitest';
import Redis from 'ioredis';

// The setup file's mock makes every client connect on its first command: this one never sends one.
const redis = new Redis({ port: 6380 });

afterAll(async () => {
  await redis.quit();
});

it('passes the options on', () => {
  redis.on('error', () => {});
  expect(redis.options.port).toBe(6380);
});
` }] }],
      name: 'layer off: without the setup mock the client connects at construction',
    },
  ],
});

// A client that connects on its first command opens nothing until the code sends it one.
ruleTester.run('require-client-close (clients that connect lazily)', rule, {
  valid: [
    {
      filename: 'test/config.test.ts',
      code: `import Redis from 'ioredis';
const redis = new Redis({ host: 'cache', lazyConnect: true });
it('builds the URL', () => {
  expect(\`\${redis.options.host}:\${redis.options.port}\`).toBe('cache:6379');
});
`,
      name: 'lazyConnect: true, and only the options are read',
    },
    {
      filename: 'scripts/check.ts',
      code: `import { Cluster } from 'ioredis';
const cluster = new Cluster([{ host: 'a' }], { lazyConnect: true });
cluster.on('error', console.error);
console.log(cluster.status);
`,
      name: 'a lazy Cluster with a listener and a status read',
    },
  ],
  invalid: [
    {
      filename: 'test/cache.test.ts',
      code: `import Redis from 'ioredis';
const redis = new Redis({ lazyConnect: true });
it('reads', async () => {
  expect(await redis.get('a')).toBeNull();
});
`,
      output: null,
      errors: [{ messageId: 'testNotClosed', line: 2, column: 15, endLine: 2, endColumn: 47, suggestions: [{ messageId: 'suggestTestHook', output: `import Redis from 'ioredis';
const redis = new Redis({ lazyConnect: true });

afterAll(async () => {
  await redis.quit();
});
it('reads', async () => {
  expect(await redis.get('a')).toBeNull();
});
` }] }],
      name: 'lazyConnect, but a command connects it',
    },
    {
      filename: 'test/cache.test.ts',
      code: `import Redis from 'ioredis';
const redis = new Redis({ lazyConnect: false });
it('reads', () => {
  expect(redis.options.host).toBe('localhost');
});
`,
      output: null,
      errors: [{ messageId: 'testNotClosed', line: 2, column: 15, endLine: 2, endColumn: 48, suggestions: [{ messageId: 'suggestTestHook', output: `import Redis from 'ioredis';
const redis = new Redis({ lazyConnect: false });

afterAll(async () => {
  await redis.quit();
});
it('reads', () => {
  expect(redis.options.host).toBe('localhost');
});
` }] }],
      name: 'lazyConnect: false connects at construction',
    },
    {
      filename: 'test/cache.test.ts',
      code: `import Redis from 'ioredis';
const redis = new Redis({ lazyConnect: true });
it('reads', () => {
  expect(use(redis)).toBe(true);
});
`,
      output: null,
      errors: [{ messageId: 'testNotClosed', line: 2, column: 15, endLine: 2, endColumn: 47, suggestions: [{ messageId: 'suggestTestHook', output: `import Redis from 'ioredis';
const redis = new Redis({ lazyConnect: true });

afterAll(async () => {
  await redis.quit();
});
it('reads', () => {
  expect(use(redis)).toBe(true);
});
` }] }],
      name: 'lazyConnect, but passed to code that may send it commands',
    },
  ],
});
