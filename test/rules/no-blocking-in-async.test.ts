import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-blocking-in-async.js';

const ruleTester = new RuleTester();

const ROUTES = 'src/routes.ts';
const CJS = 'src/app.js';

const REQUEST_HANDLER = { where: 'in a request handler', consequence: 'every other request in flight waits until it returns' };
const FILE_SYSTEM = 'synchronous file system I/O';
const MAKE_ASYNC_CAVEAT =
  'an async handler returns a promise, so errors it throws become rejections, which some frameworks (Express 4) do not pass to error handlers';
const EXEC_CAVEAT =
  '`exec` does not inherit stdio, decodes output as UTF-8 unless told otherwise, and rejects with an error that carries `stdout` and `stderr`';

ruleTester.run('no-blocking-in-async: catalog families and their fixes', rule, {
  valid: [],
  invalid: [
    // fs, named import: the fs/promises import is added and the unused sync import dropped.
    {
      filename: ROUTES,
      code: `import { readFileSync } from 'fs';
app.get('/', async (req, res) => {
  res.send(readFileSync('page.html', 'utf8'));
});`,
      output: `import { readFile } from 'node:fs/promises';
app.get('/', async (req, res) => {
  res.send(await readFile('page.html', 'utf8'));
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 45,
          data: {
            name: 'fs.readFileSync',
            ...REQUEST_HANDLER,
            work: FILE_SYSTEM,
            alternative: '`await readFile(…)` (`node:fs/promises`)',
          },
        },
      ],
    },
    // fs namespace: `fs.promises.x`, no import needed.
    {
      filename: ROUTES,
      code: `import * as fs from 'node:fs';
app.post('/upload', async (req, res) => {
  fs.writeFileSync(req.body.name, req.body.data);
  res.end();
});`,
      output: `import * as fs from 'node:fs';
app.post('/upload', async (req, res) => {
  await fs.promises.writeFile(req.body.name, req.body.data);
  res.end();
});`,
      errors: [{ messageId: 'blocking', line: 3, column: 3, endLine: 3, endColumn: 49 }],
    },
    // fs default import and several functions of the family.
    {
      filename: ROUTES,
      code: `import fs from 'fs';
app.get('/files', async (req, res) => {
  fs.mkdirSync(dir, { recursive: true });
  const names = fs.readdirSync(dir);
  const info = fs.statSync(names[0]);
  fs.unlinkSync(old);
  res.json({ names, info });
});`,
      output: `import fs from 'fs';
app.get('/files', async (req, res) => {
  await fs.promises.mkdir(dir, { recursive: true });
  const names = await fs.promises.readdir(dir);
  const info = await fs.promises.stat(names[0]);
  await fs.promises.unlink(old);
  res.json({ names, info });
});`,
      errors: [
        { messageId: 'blocking', line: 3, column: 3, endLine: 3, endColumn: 41 },
        { messageId: 'blocking', line: 4, column: 17, endLine: 4, endColumn: 36 },
        { messageId: 'blocking', line: 5, column: 16, endLine: 5, endColumn: 37 },
        { messageId: 'blocking', line: 6, column: 3, endLine: 6, endColumn: 21 },
      ],
    },
    // The file already uses the fs namespace: a named sync import is rewritten through it.
    {
      filename: ROUTES,
      code: `import fs, { readFileSync } from 'fs';
app.get('/', async (req, res) => {
  res.send(readFileSync(fs.realpathSync.native('a')));
});`,
      output: [
        `import fs from 'fs';
app.get('/', async (req, res) => {
  res.send(await fs.promises.readFile(fs.realpathSync.native('a')));
});`,
        `import fs from 'fs';
app.get('/', async (req, res) => {
  res.send(await fs.promises.readFile(await fs.promises.realpath('a')));
});`,
      ],
      errors: [
        { messageId: 'blocking', line: 3, column: 12, endLine: 3, endColumn: 53 },
        { messageId: 'blocking', line: 3, column: 25, endLine: 3, endColumn: 52 },
      ],
    },
    // An existing fs/promises import is reused.
    {
      filename: ROUTES,
      code: `import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
app.get('/', async (req, res) => {
  res.send(readFileSync('b.txt'));
});`,
      output: `import { readFile } from 'node:fs/promises';
app.get('/', async (req, res) => {
  res.send(await readFile('b.txt'));
});`,
      errors: [{ messageId: 'blocking', line: 4, column: 12, endLine: 4, endColumn: 33 }],
    },
    // An existing fs/promises import of other names grows by one.
    {
      filename: ROUTES,
      code: `import { stat } from 'fs/promises';
import { readFileSync, statSync } from 'fs';
app.get('/', async (req, res) => {
  statSync('a');
  res.send(readFileSync('b.txt'));
});`,
      output: [
        `import { stat, readFile } from 'fs/promises';
import { statSync } from 'fs';
app.get('/', async (req, res) => {
  statSync('a');
  res.send(await readFile('b.txt'));
});`,
        `import { stat, readFile } from 'fs/promises';
app.get('/', async (req, res) => {
  await stat('a');
  res.send(await readFile('b.txt'));
});`,
      ],
      errors: [
        { messageId: 'blocking', line: 4, column: 3, endLine: 4, endColumn: 16 },
        { messageId: 'blocking', line: 5, column: 12, endLine: 5, endColumn: 33 },
      ],
    },
    // `import { promises as fsp } from 'fs'` is reused.
    {
      filename: ROUTES,
      code: `import { promises as fsp, readFileSync } from 'fs';
app.get('/', async (req, res) => {
  res.send(readFileSync('c.txt'));
});`,
      output: `import { promises as fsp } from 'fs';
app.get('/', async (req, res) => {
  res.send(await fsp.readFile('c.txt'));
});`,
      errors: [{ messageId: 'blocking', line: 3, column: 12, endLine: 3, endColumn: 33 }],
    },
    // CommonJS: a require() is added next to the others.
    {
      filename: CJS,
      code: `const { readFileSync } = require('fs');
const express = require('express');
const app = express();
app.get('/', async (req, res) => {
  res.send(readFileSync('page.html'));
});`,
      output: `const express = require('express');
const { readFile } = require('node:fs/promises');
const app = express();
app.get('/', async (req, res) => {
  res.send(await readFile('page.html'));
});`,
      errors: [{ messageId: 'blocking', line: 5, column: 12, endLine: 5, endColumn: 37 }],
    },
    // CommonJS inline require: the module object is reused.
    {
      filename: CJS,
      code: `app.get('/', async (req, res) => {
  res.send(require('fs').readFileSync('page.html'));
});`,
      output: `app.get('/', async (req, res) => {
  res.send(await require('fs').promises.readFile('page.html'));
});`,
      errors: [{ messageId: 'blocking', line: 2, column: 12, endLine: 2, endColumn: 51 }],
    },
    // existsSync: the same boolean, without throwing; `!` keeps its meaning.
    {
      filename: ROUTES,
      code: `import { existsSync } from 'fs';
app.get('/', async (req, res) => {
  if (!existsSync(req.query.path)) return res.sendStatus(404);
  res.sendFile(req.query.path);
});`,
      output: `import { access } from 'node:fs/promises';
app.get('/', async (req, res) => {
  if (!await access(req.query.path).then(() => true, () => false)) return res.sendStatus(404);
  res.sendFile(req.query.path);
});`,
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 34,
          data: {
            name: 'fs.existsSync',
            ...REQUEST_HANDLER,
            work: FILE_SYSTEM,
            alternative: '`await access(…).then(() => true, () => false)` (`node:fs/promises`)',
          },
        },
      ],
    },
    // Precedence: a member access on the result needs parentheses.
    {
      filename: ROUTES,
      code: `import * as fs from 'fs';
app.get('/', async (req, res) => {
  const text = fs.readFileSync(file).toString();
  const size = fs.statSync(file)?.size;
  res.send(text + size);
});`,
      output: `import * as fs from 'fs';
app.get('/', async (req, res) => {
  const text = (await fs.promises.readFile(file)).toString();
  const size = (await fs.promises.stat(file))?.size;
  res.send(text + size);
});`,
      errors: [
        { messageId: 'blocking', line: 3, column: 16, endLine: 3, endColumn: 37 },
        { messageId: 'blocking', line: 4, column: 16, endLine: 4, endColumn: 33 },
      ],
    },
    // Precedence at the start of a statement in a file without semicolons: a leading `;` guards ASI.
    {
      filename: ROUTES,
      code: `import * as fs from 'fs'
app.get('/', async (req, res) => {
  const name = req.query.name
  fs.readFileSync(name).copy(target)
  res.end()
})`,
      output: `import * as fs from 'fs'
app.get('/', async (req, res) => {
  const name = req.query.name
  ;(await fs.promises.readFile(name)).copy(target)
  res.end()
})`,
      errors: [{ messageId: 'blocking', line: 4, column: 3, endLine: 4, endColumn: 24 }],
    },
    // A call that is already awaited gets no second `await`.
    {
      filename: ROUTES,
      code: `import * as fs from 'fs';
app.get('/', async (req, res) => {
  res.send(await fs.readFileSync('x'));
});`,
      output: `import * as fs from 'fs';
app.get('/', async (req, res) => {
  res.send(await fs.promises.readFile('x'));
});`,
      errors: [{ messageId: 'blocking', line: 3, column: 18, endLine: 3, endColumn: 38 }],
    },
    // A file descriptor argument: fs/promises does not take descriptors.
    {
      filename: ROUTES,
      code: `import * as fs from 'fs';
app.post('/', async (req, res) => {
  res.send(fs.readFileSync(0, 'utf8'));
});`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 38,
          data: {
            name: 'fs.readFileSync',
            ...REQUEST_HANDLER,
            work: FILE_SYSTEM,
            alternative: '`await readFile(…)` (`node:fs/promises`)',
            reason: 'its first argument looks like a file descriptor, which `fs/promises` does not accept',
          },
        },
      ],
    },
    // Descriptor functions go through promisify of the callback API; read/write keep the byte count.
    {
      filename: ROUTES,
      code: `import * as fs from 'fs';
app.get('/', async (req, res) => {
  const fd = fs.openSync(file, 'r');
  const bytes = fs.readSync(fd, buffer, 0, 64, 0);
  fs.closeSync(fd);
  res.send(bytes);
});`,
      output: [
        `import * as fs from 'fs';
import { promisify } from 'node:util';
app.get('/', async (req, res) => {
  const fd = await promisify(fs.open)(file, 'r');
  const bytes = fs.readSync(fd, buffer, 0, 64, 0);
  fs.closeSync(fd);
  res.send(bytes);
});`,
        `import * as fs from 'fs';
import { promisify } from 'node:util';
app.get('/', async (req, res) => {
  const fd = await promisify(fs.open)(file, 'r');
  const bytes = (await promisify(fs.read)(fd, buffer, 0, 64, 0)).bytesRead;
  await promisify(fs.close)(fd);
  res.send(bytes);
});`,
      ],
      errors: [
        { messageId: 'blocking', line: 3, column: 14, endLine: 3, endColumn: 36 },
        { messageId: 'blocking', line: 4, column: 17, endLine: 4, endColumn: 50 },
        { messageId: 'blocking', line: 5, column: 3, endLine: 5, endColumn: 19 },
      ],
    },
    // Node 22 fs.globSync: only a suggestion (async iterator collected with Array.fromAsync).
    {
      filename: ROUTES,
      code: `import { globSync } from 'node:fs';
app.get('/', async (req, res) => {
  res.json(globSync('*.md'));
});`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'suggestAsync',
              data: {
                replacement: 'await Array.fromAsync(glob(…))',
                caveat: '`fs/promises` `glob()` returns an async iterator, collected here with `Array.fromAsync()` (Node.js 22)',
              },
              output: `import { glob } from 'node:fs/promises';
app.get('/', async (req, res) => {
  res.json(await Array.fromAsync(glob('*.md')));
});`,
            },
          ],
        },
      ],
    },
    // child_process: semantics differ, so suggestions only; the sync import is swapped when unused.
    {
      filename: ROUTES,
      code: `import { execSync } from 'node:child_process';
app.post('/deploy', async (req, res) => {
  res.send(execSync('git rev-parse HEAD'));
});`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 42,
          data: {
            name: 'child_process.execSync',
            ...REQUEST_HANDLER,
            work: 'a child process run to completion',
            alternative: '`(await promisify(exec)(…)).stdout` (`node:child_process`, `node:util`)',
            reason: `the behaviour differs: ${EXEC_CAVEAT}`,
          },
          suggestions: [
            {
              messageId: 'suggestAsync',
              data: { replacement: '(await promisify(exec)(…)).stdout', caveat: EXEC_CAVEAT },
              output: `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
app.post('/deploy', async (req, res) => {
  res.send((await promisify(exec)('git rev-parse HEAD')).stdout);
});`,
            },
          ],
        },
      ],
    },
    {
      filename: CJS,
      code: `const cp = require('child_process');
app.post('/thumb', async (req, res) => {
  cp.execFileSync('convert', [req.body.file, 'thumb.png']);
  res.end();
});`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'suggestAsync',
              data: {
                replacement: '(await promisify(cp.execFile)(…)).stdout',
                caveat:
                  '`execFile` does not inherit stdio, decodes output as UTF-8 unless told otherwise, and rejects with an error that carries `stdout` and `stderr`',
              },
              output: `const cp = require('child_process');
const { promisify } = require('node:util');
app.post('/thumb', async (req, res) => {
  (await promisify(cp.execFile)('convert', [req.body.file, 'thumb.png'])).stdout;
  res.end();
});`,
            },
          ],
        },
      ],
    },
    {
      filename: ROUTES,
      code: `import { spawnSync } from 'child_process';
app.post('/', async (req, res) => {
  spawnSync('make', ['build']);
});`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoAlternative',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 31,
          data: {
            name: 'child_process.spawnSync',
            ...REQUEST_HANDLER,
            work: 'a child process run to completion',
            advice: 'Use `spawn()` and wait for its `close` event (or execa), which leaves the event loop free while the process runs.',
          },
        },
      ],
    },
    // crypto, named imports: promisify imported once for several calls, over several passes.
    {
      filename: ROUTES,
      code: `import { pbkdf2Sync, scryptSync } from 'node:crypto';
app.post('/login', async (req, res) => {
  const a = pbkdf2Sync(req.body.password, salt, 100000, 64, 'sha512');
  const b = scryptSync(req.body.password, salt, 64);
  res.json({ a, b });
});`,
      output: [
        `import { pbkdf2, scryptSync } from 'node:crypto';
import { promisify } from 'node:util';
app.post('/login', async (req, res) => {
  const a = await promisify(pbkdf2)(req.body.password, salt, 100000, 64, 'sha512');
  const b = scryptSync(req.body.password, salt, 64);
  res.json({ a, b });
});`,
        `import { pbkdf2, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
app.post('/login', async (req, res) => {
  const a = await promisify(pbkdf2)(req.body.password, salt, 100000, 64, 'sha512');
  const b = await promisify(scrypt)(req.body.password, salt, 64);
  res.json({ a, b });
});`,
      ],
      errors: [
        {
          messageId: 'blocking',
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 70,
          data: {
            name: 'crypto.pbkdf2Sync',
            ...REQUEST_HANDLER,
            work: 'CPU-bound key derivation',
            alternative: '`await promisify(pbkdf2)(…)` (`node:crypto`, `node:util`)',
          },
        },
        { messageId: 'blocking', line: 4, column: 13, endLine: 4, endColumn: 52 },
      ],
    },
    // crypto and zlib namespaces in one handler: promisify from util imported once, reused on the next pass.
    {
      filename: ROUTES,
      code: `import crypto from 'crypto';
import * as zlib from 'node:zlib';
app.get('/keys', async (req, res) => {
  const { publicKey } = crypto.generateKeyPairSync('ed25519');
  const derived = crypto.hkdfSync('sha256', key, salt, info, 64);
  res.send(zlib.gzipSync(JSON.stringify({ publicKey, derived })));
});`,
      output: [
        `import crypto from 'crypto';
import * as zlib from 'node:zlib';
import { promisify } from 'node:util';
app.get('/keys', async (req, res) => {
  const { publicKey } = await promisify(crypto.generateKeyPair)('ed25519');
  const derived = crypto.hkdfSync('sha256', key, salt, info, 64);
  res.send(zlib.gzipSync(JSON.stringify({ publicKey, derived })));
});`,
        `import crypto from 'crypto';
import * as zlib from 'node:zlib';
import { promisify } from 'node:util';
app.get('/keys', async (req, res) => {
  const { publicKey } = await promisify(crypto.generateKeyPair)('ed25519');
  const derived = await promisify(crypto.hkdf)('sha256', key, salt, info, 64);
  res.send(await promisify(zlib.gzip)(JSON.stringify({ publicKey, derived })));
});`,
      ],
      errors: [
        { messageId: 'blocking', line: 4, column: 25, endLine: 4, endColumn: 62, data: { name: 'crypto.generateKeyPairSync', ...REQUEST_HANDLER, work: 'CPU-bound key generation', alternative: '`await promisify(generateKeyPair)(…)` (`node:crypto`, `node:util`)' } },
        { messageId: 'blocking', line: 5, column: 19, endLine: 5, endColumn: 65 },
        { messageId: 'blocking', line: 6, column: 12, endLine: 6, endColumn: 65, data: { name: 'zlib.gzipSync', ...REQUEST_HANDLER, work: 'CPU-bound compression', alternative: '`await promisify(gzip)(…)` (`node:zlib`, `node:util`)' } },
      ],
    },
    // util is already imported as a namespace: `util.promisify`.
    {
      filename: ROUTES,
      code: `import util from 'node:util';
import { brotliCompressSync, gunzipSync } from 'zlib';
app.get('/', async (req, res) => {
  res.send(brotliCompressSync(gunzipSync(req.body)));
});`,
      output: [
        `import util from 'node:util';
import { brotliCompress, gunzipSync } from 'zlib';
app.get('/', async (req, res) => {
  res.send(await util.promisify(brotliCompress)(gunzipSync(req.body)));
});`,
        `import util from 'node:util';
import { brotliCompress, gunzip } from 'zlib';
app.get('/', async (req, res) => {
  res.send(await util.promisify(brotliCompress)(await util.promisify(gunzip)(req.body)));
});`,
      ],
      errors: [
        { messageId: 'blocking', line: 4, column: 12, endLine: 4, endColumn: 52 },
        { messageId: 'blocking', line: 4, column: 31, endLine: 4, endColumn: 51 },
      ],
    },
    // A sync binding still used elsewhere is kept; the async one is added beside it.
    {
      filename: CJS,
      code: `const { randomFillSync } = require('crypto');
const seed = randomFillSync(Buffer.alloc(16));
app.get('/', async (req, res) => {
  res.send(randomFillSync(Buffer.alloc(32)));
});`,
      output: `const { randomFillSync, randomFill } = require('crypto');
const { promisify } = require('node:util');
const seed = randomFillSync(Buffer.alloc(16));
app.get('/', async (req, res) => {
  res.send(await promisify(randomFill)(Buffer.alloc(32)));
});`,
      errors: [{ messageId: 'blocking', line: 4, column: 12, endLine: 4, endColumn: 44, data: { name: 'crypto.randomFillSync', ...REQUEST_HANDLER, work: 'CPU-bound random data generation', alternative: '`await promisify(randomFill)(…)` (`node:crypto`, `node:util`)' } }],
    },
    // Atomics.wait: Atomics.waitAsync resolves to the same result, but needs a newer lib: suggestion.
    {
      filename: ROUTES,
      code: `app.get('/', async (req, res) => {
  const result = Atomics.wait(shared, 0, 0, 1000);
  res.send(result);
});`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 2,
          column: 18,
          endLine: 2,
          endColumn: 50,
          data: {
            name: 'Atomics.wait',
            ...REQUEST_HANDLER,
            work: 'a wait on shared memory',
            alternative: '`await Atomics.waitAsync(…).value`',
            reason: 'the behaviour differs: `Atomics.waitAsync` needs Node.js 16 and the TypeScript lib `es2024`',
          },
          suggestions: [
            {
              messageId: 'suggestAsync',
              data: { replacement: 'await Atomics.waitAsync(…).value', caveat: '`Atomics.waitAsync` needs Node.js 16 and the TypeScript lib `es2024`' },
              output: `app.get('/', async (req, res) => {
  const result = await Atomics.waitAsync(shared, 0, 0, 1000).value;
  res.send(result);
});`,
            },
          ],
        },
      ],
    },
    // bcrypt / bcryptjs / @node-rs: the promise-returning twin of the same module.
    {
      filename: ROUTES,
      code: `import bcrypt from 'bcrypt';
app.post('/signup', async (req, res) => {
  const hash = bcrypt.hashSync(req.body.password, bcrypt.genSaltSync(12));
  res.json({ hash });
});`,
      output: `import bcrypt from 'bcrypt';
app.post('/signup', async (req, res) => {
  const hash = await bcrypt.hash(req.body.password, bcrypt.genSaltSync(12));
  res.json({ hash });
});`,
      errors: [
        { messageId: 'blocking', line: 3, column: 16, endLine: 3, endColumn: 74, data: { name: 'bcrypt.hashSync', ...REQUEST_HANDLER, work: 'CPU-bound password hashing', alternative: '`await hash(…)` (`bcrypt`)' } },
      ],
      name: 'bcrypt: hashSync is reported; genSaltSync only draws random bytes and stays',
    },
    {
      filename: CJS,
      code: `const { compareSync: check } = require('bcryptjs');
app.post('/login', async (req, res) => {
  res.json({ ok: check(req.body.password, user.hash) });
});`,
      output: `const { compare } = require('bcryptjs');
app.post('/login', async (req, res) => {
  res.json({ ok: await compare(req.body.password, user.hash) });
});`,
      errors: [{ messageId: 'blocking', line: 3, column: 18, endLine: 3, endColumn: 53 }],
    },
    // The local `hash` would shadow an imported `hash`: the new binding gets another name.
    {
      filename: 'app/api/password/route.ts',
      code: `import { hashSync, verifySync } from '@node-rs/argon2';
export async function POST(request) {
  const hash = hashSync(await request.text());
  return Response.json({ ok: verifySync(hash, 'x') });
}`,
      output: [
        `import { hash as hashAsync, verifySync } from '@node-rs/argon2';
export async function POST(request) {
  const hash = await hashAsync(await request.text());
  return Response.json({ ok: verifySync(hash, 'x') });
}`,
        `import { hash as hashAsync, verify } from '@node-rs/argon2';
export async function POST(request) {
  const hash = await hashAsync(await request.text());
  return Response.json({ ok: await verify(hash, 'x') });
}`,
      ],
      errors: [
        { messageId: 'blocking', line: 3, column: 16, endLine: 3, endColumn: 46, data: { name: '@node-rs/argon2.hashSync', where: 'in a route handler', consequence: 'every other request in flight waits until it returns', work: 'CPU-bound password hashing', alternative: '`await hash(…)` (`@node-rs/argon2`)' } },
        { messageId: 'blocking', line: 4, column: 30, endLine: 4, endColumn: 51 },
      ],
    },
    // execa: sync APIs of v6+ and v5.
    {
      filename: ROUTES,
      code: `import { execaSync, execaCommandSync } from 'execa';
app.post('/', async (req, res) => {
  const { stdout } = execaSync('git', ['status']);
  execaCommandSync('npm run build');
  res.send(stdout);
});`,
      output: [
        `import { execa, execaCommandSync } from 'execa';
app.post('/', async (req, res) => {
  const { stdout } = await execa('git', ['status']);
  execaCommandSync('npm run build');
  res.send(stdout);
});`,
        `import { execa, execaCommand } from 'execa';
app.post('/', async (req, res) => {
  const { stdout } = await execa('git', ['status']);
  await execaCommand('npm run build');
  res.send(stdout);
});`,
      ],
      errors: [
        { messageId: 'blocking', line: 3, column: 22, endLine: 3, endColumn: 50, data: { name: 'execa.execaSync', ...REQUEST_HANDLER, work: 'a child process run to completion', alternative: '`await execa(…)` (`execa`)' } },
        { messageId: 'blocking', line: 4, column: 3, endLine: 4, endColumn: 36 },
      ],
    },
    {
      filename: CJS,
      code: `const execa = require('execa');
app.post('/', async (req, res) => {
  res.send(execa.sync('ls').stdout + execa.commandSync('pwd').stdout);
});`,
      output: `const execa = require('execa');
app.post('/', async (req, res) => {
  res.send((await execa('ls')).stdout + (await execa.command('pwd')).stdout);
});`,
      errors: [
        { messageId: 'blocking', line: 3, column: 12, endLine: 3, endColumn: 28, data: { name: 'execa.sync', ...REQUEST_HANDLER, work: 'a child process run to completion', alternative: '`await execa(…)` (`execa`)' } },
        { messageId: 'blocking', line: 3, column: 38, endLine: 3, endColumn: 62 },
      ],
    },
    // Globs.
    {
      filename: ROUTES,
      code: `import { globSync } from 'glob';
import fg from 'fast-glob';
import { globbySync } from 'globby';
import * as tiny from 'tinyglobby';
app.get('/', async (req, res) => {
  res.json([globSync('*.md'), fg.sync('*.ts'), globbySync('*.js'), tiny.globSync('*.json')]);
});`,
      output: [
        `import { glob } from 'glob';
import fg from 'fast-glob';
import { globbySync } from 'globby';
import * as tiny from 'tinyglobby';
app.get('/', async (req, res) => {
  res.json([await glob('*.md'), await fg.async('*.ts'), globbySync('*.js'), await tiny.glob('*.json')]);
});`,
        `import { glob } from 'glob';
import fg from 'fast-glob';
import { globby } from 'globby';
import * as tiny from 'tinyglobby';
app.get('/', async (req, res) => {
  res.json([await glob('*.md'), await fg.async('*.ts'), await globby('*.js'), await tiny.glob('*.json')]);
});`,
      ],
      errors: [
        { messageId: 'blocking', line: 6, column: 13, endLine: 6, endColumn: 29 },
        { messageId: 'blocking', line: 6, column: 31, endLine: 6, endColumn: 46 },
        { messageId: 'blocking', line: 6, column: 48, endLine: 6, endColumn: 66 },
        { messageId: 'blocking', line: 6, column: 68, endLine: 6, endColumn: 91 },
      ],
    },
    // glob.sync may be glob 7/8, where glob() takes a callback: suggestion only.
    {
      filename: CJS,
      code: `const glob = require('glob');
app.get('/', async (req, res) => {
  res.json(glob.sync('*.md'));
});`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'suggestAsync',
              data: { replacement: 'await glob.glob(…)', caveat: '`glob()` returns a promise only from glob 9 on; with glob 7 or 8 it takes a callback' },
              output: `const glob = require('glob');
app.get('/', async (req, res) => {
  res.json(await glob.glob('*.md'));
});`,
            },
          ],
        },
      ],
    },
    // fs-extra: its own sync functions and the fs ones it wraps.
    {
      filename: ROUTES,
      code: `import fse from 'fs-extra';
app.get('/', async (req, res) => {
  fse.ensureDirSync(dir);
  if (!fse.existsSync(file)) fse.outputJsonSync(file, {});
  res.json(fse.readJsonSync(file));
});`,
      output: `import fse from 'fs-extra';
app.get('/', async (req, res) => {
  await fse.ensureDir(dir);
  if (!await fse.pathExists(file)) await fse.outputJson(file, {});
  res.json(await fse.readJson(file));
});`,
      errors: [
        { messageId: 'blocking', line: 3, column: 3, endLine: 3, endColumn: 25 },
        { messageId: 'blocking', line: 4, column: 8, endLine: 4, endColumn: 28, data: { name: 'fs-extra.existsSync', ...REQUEST_HANDLER, work: FILE_SYSTEM, alternative: '`await pathExists(…)` (`fs-extra`)' } },
        { messageId: 'blocking', line: 4, column: 30, endLine: 4, endColumn: 58 },
        { messageId: 'blocking', line: 5, column: 12, endLine: 5, endColumn: 34 },
      ],
    },
    {
      filename: ROUTES,
      code: `import { copySync, cpSync } from 'fs-extra';
app.post('/', async (req, res) => {
  copySync(a, b);
  cpSync(a, c);
});`,
      output: `import { copy, cpSync } from 'fs-extra';
app.post('/', async (req, res) => {
  await copy(a, b);
  cpSync(a, c);
});`,
      errors: [
        { messageId: 'blocking', line: 3, column: 3, endLine: 3, endColumn: 17 },
        {
          messageId: 'blockingNoFix',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'suggestAsync',
              data: { replacement: 'await cp(…)', caveat: 'fs-extra returns a promise from `cp()` only from version 11 on' },
              output: `import { copySync, cp } from 'fs-extra';
app.post('/', async (req, res) => {
  copySync(a, b);
  await cp(a, c);
});`,
            },
          ],
        },
      ],
    },
  ],
});

const READ = `import { readFileSync } from 'fs';\n`;

ruleTester.run('no-blocking-in-async: contexts', rule, {
  valid: [
    // Startup: module scope, top-level await, main(), bootstrap, constructors, plugins, listen, shutdown.
    { filename: 'src/config.ts', code: `${READ}const config = JSON.parse(readFileSync('config.json', 'utf8'));` },
    { filename: 'src/server.ts', code: `${READ}const schema = await compile(readFileSync('schema.graphql', 'utf8'));` },
    { filename: 'src/templates.ts', code: `${READ}for (const file of files) templates.set(file, readFileSync(file, 'utf8'));` },
    { filename: 'src/server.ts', code: `${READ}async function main() { const cert = readFileSync('cert.pem'); await listen(cert); }\nmain();` },
    { filename: 'src/main.ts', code: `${READ}export async function bootstrap() { const key = readFileSync('key.pem'); return createServer(key); }` },
    { filename: 'src/templates.ts', code: `${READ}export class Templates { constructor() { this.page = readFileSync('page.html', 'utf8'); } }` },
    { filename: 'src/templates.ts', code: `${READ}export class Templates { static page = readFileSync('page.html', 'utf8'); static { this.css = readFileSync('a.css'); } }` },
    // Only module-level calls in a file full of handlers: the file needs no context analysis.
    { filename: ROUTES, code: `${READ}const page = readFileSync('page.html', 'utf8');
app.get('/', async (req, res) => res.send(page));` },
    { filename: 'src/plugins.ts', code: `${READ}fastify.register(async (instance, opts) => { instance.decorate('tpl', readFileSync('tpl.html')); });` },
    { filename: 'src/server.ts', code: `${READ}app.listen(3000, () => { console.log(readFileSync('banner.txt', 'utf8')); });` },
    { filename: 'src/server.ts', code: `import { writeFileSync } from 'fs';\nprocess.on('SIGTERM', () => { writeFileSync('state.json', dump()); process.exit(0); });` },
    { filename: 'pages/blog.tsx', code: `${READ}export async function getStaticProps() { return { props: { md: readFileSync('posts/a.md', 'utf8') } }; }` },
    // Once-guards: the blocking call runs once per process or per key.
    { filename: ROUTES, code: `${READ}let template;\napp.get('/', (req, res) => { if (!template) template = readFileSync('t.html', 'utf8'); res.send(template); });` },
    { filename: ROUTES, code: `${READ}let config;\napp.get('/', async (req, res) => { config ??= JSON.parse(readFileSync('c.json', 'utf8')); res.json(config); });` },
    { filename: 'app/api/data/route.ts', code: `${READ}let cache;\nexport async function GET() { if (!cache) { const raw = readFileSync('data.json', 'utf8'); cache = JSON.parse(raw); } return Response.json(cache); }` },
    { filename: ROUTES, code: `${READ}const templates = new Map();\napp.get('/:name', (req, res) => { if (!templates.has(req.params.name)) templates.set(req.params.name, readFileSync(req.params.name)); });` },
    { filename: ROUTES, code: `${READ}import { once } from 'lodash';\nconst loadTemplate = once(() => readFileSync('t.html', 'utf8'));\napp.get('/', (req, res) => res.send(loadTemplate()));` },
    // Offload: worker threads and thread-pool tasks.
    { filename: 'src/hash-worker.ts', code: `import { parentPort } from 'node:worker_threads';\nimport { pbkdf2Sync } from 'crypto';\nparentPort.on('message', (m) => parentPort.postMessage(pbkdf2Sync(m.pw, m.salt, 1e5, 64, 'sha512')));` },
    { filename: 'src/compress.js', code: `const { workerData } = require('worker_threads');\nconst zlib = require('zlib');\nmodule.exports = async () => zlib.gzipSync(workerData.buffer);` },
    { filename: 'src/pool.ts', code: `import workerpool from 'workerpool';\nimport bcrypt from 'bcrypt';\nworkerpool.worker({ hash: async (pw) => bcrypt.hashSync(pw, 12) });` },
    // Edge runtimes.
    { filename: 'src/worker.ts', code: `${READ}export default { async fetch(request, env, ctx) { return new Response(readFileSync('x')); } };` },
    { filename: 'app/api/edge/route.ts', code: `${READ}export const runtime = 'edge';\nexport async function GET(request) { return new Response(readFileSync('x')); }` },
    // Tests and one-off files.
    { filename: 'src/render.test.ts', code: `${READ}it('renders', async () => { expect(render(readFileSync('fixture.html', 'utf8'))).toMatchSnapshot(); });` },
    { filename: 'test/helpers/server.ts', code: `${READ}app.get('/', async (req, res) => res.send(readFileSync('x')));` },
    { filename: 'db/seeds/users.ts', code: `${READ}export async function seed(db) { await db.insert(JSON.parse(readFileSync('seed.json', 'utf8'))); }` },
    { filename: 'db/migrations/001_init.ts', code: `${READ}export async function up(knex) { await knex.raw(readFileSync('001.sql', 'utf8')); }` },
    { filename: 'scripts/release.ts', code: `import { execSync } from 'child_process';\nasync function run() { execSync('npm run build', { stdio: 'inherit' }); }\nrun();` },
    { filename: 'tools/cat.js', code: `#!/usr/bin/env node\nconst { readFileSync } = require('fs');\nasync function cli(argv) { console.log(readFileSync(argv[2], 'utf8')); }\ncli(process.argv);` },
    { filename: 'vite.config.ts', code: `${READ}export default async () => ({ define: { VERSION: readFileSync('VERSION', 'utf8') } });` },
    // A synchronous function whose callers the file does not show.
    { filename: 'src/schema.ts', code: `${READ}export function loadSchema(path) { return readFileSync(path, 'utf8'); }` },
  ],
  invalid: [
    // A synchronous Express handler: a suggestion to make it async (never automatic).
    {
      filename: ROUTES,
      code: `${READ}app.get('/', (req, res) => {
  res.send(readFileSync('page.html', 'utf8'));
});`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 45,
          data: {
            name: 'fs.readFileSync',
            ...REQUEST_HANDLER,
            work: FILE_SYSTEM,
            alternative: '`await readFile(…)` (`node:fs/promises`)',
            reason: 'the request handler is not async',
          },
          suggestions: [
            {
              messageId: 'suggestMakeAsync',
              data: { handler: 'request handler', replacement: 'await readFile(…)', caveat: MAKE_ASYNC_CAVEAT },
              output: `import { readFile } from 'node:fs/promises';
app.get('/', async (req, res) => {
  res.send(await readFile('page.html', 'utf8'));
});`,
            },
          ],
        },
      ],
    },
    // A synchronous function handler and a NestJS method: `async` goes before `function` / the key.
    {
      filename: ROUTES,
      code: `import * as fs from 'fs';
router.get('/health', function (req, res) {
  res.json(fs.statSync('/tmp'));
});`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'suggestMakeAsync',
              data: { handler: 'request handler', replacement: 'await fs.promises.stat(…)', caveat: MAKE_ASYNC_CAVEAT },
              output: `import * as fs from 'fs';
router.get('/health', async function (req, res) {
  res.json(await fs.promises.stat('/tmp'));
});`,
            },
          ],
        },
      ],
    },
    {
      filename: 'src/docs.controller.ts',
      code: `import { readFileSync } from 'fs';
@Controller('docs')
export class DocsController {
  @Get(':name')
  find(@Param('name') name: string) {
    return readFileSync(name, 'utf8');
  }
}`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 38,
          data: {
            name: 'fs.readFileSync',
            where: 'in a route handler',
            consequence: 'every other request in flight waits until it returns',
            work: FILE_SYSTEM,
            alternative: '`await readFile(…)` (`node:fs/promises`)',
            reason: 'the route handler is not async',
          },
          suggestions: [
            {
              messageId: 'suggestMakeAsync',
              data: { handler: 'route handler', replacement: 'await readFile(…)', caveat: MAKE_ASYNC_CAVEAT },
              output: `import { readFile } from 'node:fs/promises';
@Controller('docs')
export class DocsController {
  @Get(':name')
  async find(@Param('name') name: string) {
    return await readFile(name, 'utf8');
  }
}`,
            },
          ],
        },
      ],
    },
    // A handler with a declared return type cannot simply become async: no suggestion.
    {
      filename: ROUTES,
      code: `${READ}app.get('/', (req: Request, res: Response): void => {
  res.send(readFileSync('x'));
});`,
      output: null,
      errors: [{ messageId: 'blockingNoFix', line: 3, column: 12, endLine: 3, endColumn: 29, suggestions: [] }],
    },
    // Koa middleware, Fastify route object, Fastify hook.
    {
      filename: ROUTES,
      code: `${READ}app.use(async (ctx, next) => {
  ctx.body = readFileSync('index.html');
  await next();
});`,
      output: `import { readFile } from 'node:fs/promises';
app.use(async (ctx, next) => {
  ctx.body = await readFile('index.html');
  await next();
});`,
      errors: [{ messageId: 'blocking', line: 3, column: 14, endLine: 3, endColumn: 40, data: { name: 'fs.readFileSync', where: 'in a middleware', consequence: 'every other request in flight waits until it returns', work: FILE_SYSTEM, alternative: '`await readFile(…)` (`node:fs/promises`)' } }],
    },
    {
      filename: ROUTES,
      code: `import { gzipSync } from 'zlib';
fastify.route({ method: 'GET', url: '/report', handler: async (request, reply) => reply.send(gzipSync(report())) });`,
      output: `import { gzip } from 'zlib';
import { promisify } from 'node:util';
fastify.route({ method: 'GET', url: '/report', handler: async (request, reply) => reply.send(await promisify(gzip)(report())) });`,
      errors: [{ messageId: 'blocking', line: 2, column: 94, endLine: 2, endColumn: 112 }],
    },
    {
      filename: ROUTES,
      code: `import { readFileSync } from 'fs';
fastify.addHook('onRequest', async (request) => { request.banner = readFileSync('banner.txt'); });`,
      output: `import { readFile } from 'node:fs/promises';
fastify.addHook('onRequest', async (request) => { request.banner = await readFile('banner.txt'); });`,
      errors: [{ messageId: 'blocking', line: 2, column: 68, endLine: 2, endColumn: 94, data: { name: 'fs.readFileSync', where: 'in an onRequest hook', consequence: 'every other request in flight waits until it returns', work: FILE_SYSTEM, alternative: '`await readFile(…)` (`node:fs/promises`)' } }],
    },
    // Next.js: App Router route, pages/api, server action.
    {
      filename: 'app/feed/route.ts',
      code: `${READ}export async function GET(request: Request) {
  return new Response(readFileSync('feed.xml'));
}`,
      output: `import { readFile } from 'node:fs/promises';
export async function GET(request: Request) {
  return new Response(await readFile('feed.xml'));
}`,
      errors: [{ messageId: 'blocking', line: 3, column: 23, endLine: 3, endColumn: 47 }],
    },
    {
      filename: 'pages/api/x.ts',
      code: `${READ}export default async function handler(req, res) {
  res.send(readFileSync('x'));
}`,
      output: `import { readFile } from 'node:fs/promises';
export default async function handler(req, res) {
  res.send(await readFile('x'));
}`,
      errors: [{ messageId: 'blocking', line: 3, column: 12, endLine: 3, endColumn: 29 }],
    },
    {
      filename: 'app/actions.ts',
      code: `'use server';
import { writeFileSync } from 'fs';
export async function save(form: FormData) {
  writeFileSync('data.json', JSON.stringify(Object.fromEntries(form)));
}`,
      output: `'use server';
import { writeFile } from 'node:fs/promises';
export async function save(form: FormData) {
  await writeFile('data.json', JSON.stringify(Object.fromEntries(form)));
}`,
      errors: [{ messageId: 'blocking', line: 4, column: 3, endLine: 4, endColumn: 71, data: { name: 'fs.writeFileSync', where: 'in a server action', consequence: 'every other request in flight waits until it returns', work: FILE_SYSTEM, alternative: '`await writeFile(…)` (`node:fs/promises`)' } }],
    },
    // Lambda (one invocation per process at a time: the rest of the process waits).
    {
      filename: 'src/lambda.js',
      code: `const fs = require('fs');
exports.handler = async (event) => {
  return JSON.parse(fs.readFileSync('/opt/config.json', 'utf8'))[event.key];
};`,
      output: `const fs = require('fs');
exports.handler = async (event) => {
  return JSON.parse(await fs.promises.readFile('/opt/config.json', 'utf8'))[event.key];
};`,
      errors: [{ messageId: 'blocking', line: 3, column: 21, endLine: 3, endColumn: 64, data: { name: 'fs.readFileSync', where: 'in a Lambda handler', consequence: 'nothing else in the process runs until it returns', work: FILE_SYSTEM, alternative: '`await readFile(…)` (`node:fs/promises`)' } }],
    },
    // Queue job, timer, GraphQL resolver, tRPC procedure, http.createServer listener.
    {
      filename: 'src/jobs.ts',
      code: `import { Worker } from 'bullmq';
import { execSync } from 'child_process';
new Worker('thumbnails', async (job) => execSync(\`convert \${job.data.file} thumb.png\`));`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 3,
          column: 41,
          endLine: 3,
          endColumn: 87,
          data: {
            name: 'child_process.execSync',
            where: 'in a BullMQ job processor',
            consequence: 'every other job in flight waits until it returns',
            work: 'a child process run to completion',
            alternative: '`(await promisify(exec)(…)).stdout` (`node:child_process`, `node:util`)',
            reason: `the behaviour differs: ${EXEC_CAVEAT}`,
          },
          suggestions: [
            {
              messageId: 'suggestAsync',
              data: { replacement: '(await promisify(exec)(…)).stdout', caveat: EXEC_CAVEAT },
              output: `import { Worker } from 'bullmq';
import { exec } from 'child_process';
import { promisify } from 'node:util';
new Worker('thumbnails', async (job) => (await promisify(exec)(\`convert \${job.data.file} thumb.png\`)).stdout);`,
            },
          ],
        },
      ],
    },
    {
      filename: 'src/monitor.ts',
      code: `import { statSync } from 'fs';
setInterval(() => { report(statSync('/var/log/app.log').size); }, 1000);`,
      output: null,
      options: [{ checkScheduledJobs: true }],
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 2,
          column: 28,
          endLine: 2,
          endColumn: 56,
          data: {
            name: 'fs.statSync',
            where: 'in a setInterval callback',
            consequence: 'nothing else in the process runs until it returns',
            work: FILE_SYSTEM,
            alternative: '`await stat(…)` (`node:fs/promises`)',
            reason: 'the setInterval callback is not async',
          },
          suggestions: [
            {
              messageId: 'suggestMakeAsync',
              data: { handler: 'setInterval callback', replacement: 'await stat(…)', caveat: MAKE_ASYNC_CAVEAT },
              output: `import { stat } from 'node:fs/promises';
setInterval(async () => { report((await stat('/var/log/app.log')).size); }, 1000);`,
            },
          ],
        },
      ],
      name: 'with checkScheduledJobs, a sync setInterval callback: suggestion to make it async',
    },
    {
      filename: 'src/resolvers.ts',
      code: `${READ}export const resolvers = { Query: { doc: async (_parent, { name }) => readFileSync(name, 'utf8') } };`,
      output: `import { readFile } from 'node:fs/promises';
export const resolvers = { Query: { doc: async (_parent, { name }) => await readFile(name, 'utf8') } };`,
      errors: [{ messageId: 'blocking', line: 2, column: 71, endLine: 2, endColumn: 97 }],
    },
    {
      filename: 'src/router.ts',
      code: `${READ}export const appRouter = t.router({ doc: publicProcedure.input(z.string()).query(async ({ input }) => readFileSync(input, 'utf8')) });`,
      output: `import { readFile } from 'node:fs/promises';
export const appRouter = t.router({ doc: publicProcedure.input(z.string()).query(async ({ input }) => await readFile(input, 'utf8')) });`,
      errors: [{ messageId: 'blocking', line: 2, column: 103, endLine: 2, endColumn: 130 }],
    },
    {
      filename: 'src/server.ts',
      code: `import http from 'node:http';
import { readFileSync } from 'node:fs';
http.createServer(async (a, b) => { b.end(readFileSync('index.html')); }).listen(8080);`,
      output: `import http from 'node:http';
import { readFile } from 'node:fs/promises';
http.createServer(async (a, b) => { b.end(await readFile('index.html')); }).listen(8080);`,
      errors: [{ messageId: 'blocking', line: 3, column: 43, endLine: 3, endColumn: 69, data: { name: 'fs.readFileSync', where: 'in a request handler (http.createServer)', consequence: 'every other request in flight waits until it returns', work: FILE_SYSTEM, alternative: '`await readFile(…)` (`node:fs/promises`)' } }],
    },
    // Reachable helpers: async ones are fixed, sync ones are reported with the reason.
    {
      filename: ROUTES,
      code: `import * as fs from 'fs';
async function loadUser(id) { return JSON.parse(fs.readFileSync(\`users/\${id}.json\`, 'utf8')); }
app.get('/users/:id', async (req, res) => res.json(await loadUser(req.params.id)));`,
      output: `import * as fs from 'fs';
async function loadUser(id) { return JSON.parse(await fs.promises.readFile(\`users/\${id}.json\`, 'utf8')); }
app.get('/users/:id', async (req, res) => res.json(await loadUser(req.params.id)));`,
      errors: [{ messageId: 'blocking', line: 2, column: 49, endLine: 2, endColumn: 92, data: { name: 'fs.readFileSync', where: 'in `loadUser()`, called from a request handler', consequence: 'every other request in flight waits until it returns', work: FILE_SYSTEM, alternative: '`await readFile(…)` (`node:fs/promises`)' } }],
    },
    {
      filename: ROUTES,
      code: `import * as fs from 'fs';
function readTemplate(name) { return fs.readFileSync(name, 'utf8'); }
app.get('/', (req, res) => res.send(readTemplate('home')));`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 67,
          data: {
            name: 'fs.readFileSync',
            where: 'in `readTemplate()`, called from a request handler',
            consequence: 'every other request in flight waits until it returns',
            work: FILE_SYSTEM,
            alternative: '`await readFile(…)` (`node:fs/promises`)',
            reason: '`readTemplate()` is synchronous; make it async and await it where it is called',
          },
          suggestions: [],
        },
      ],
    },
    // Loops and callbacks inside a handler.
    {
      filename: ROUTES,
      code: `import * as fs from 'fs';
app.get('/', async (req, res) => {
  const out = [];
  for (const name of req.query.names) out.push(fs.readFileSync(name));
  res.send(req.query.names.map((name) => fs.readFileSync(name)));
});`,
      output: `import * as fs from 'fs';
app.get('/', async (req, res) => {
  const out = [];
  for (const name of req.query.names) out.push(await fs.promises.readFile(name));
  res.send(req.query.names.map((name) => fs.readFileSync(name)));
});`,
      errors: [
        { messageId: 'blocking', line: 4, column: 48, endLine: 4, endColumn: 69 },
        {
          messageId: 'blockingNoFix',
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 63,
          data: {
            name: 'fs.readFileSync',
            ...REQUEST_HANDLER,
            work: FILE_SYSTEM,
            alternative: '`await readFile(…)` (`node:fs/promises`)',
            reason: 'it runs in a synchronous callback; making the callback async would change what its caller receives',
          },
          suggestions: [],
        },
      ],
    },
    {
      filename: ROUTES,
      code: `import * as fs from 'fs';
app.get('/', (req, res) => { load().then(() => res.send(fs.readFileSync('x'))); });`,
      output: null,
      errors: [{ messageId: 'blockingNoFix', line: 2, column: 57, endLine: 2, endColumn: 77, suggestions: [] }],
    },
    // Unknown callers: reported in async functions only, fixed when the call is directly in them.
    {
      filename: 'src/users.ts',
      code: `${READ}export async function loadUser(id: string) {
  return JSON.parse(readFileSync(\`users/\${id}.json\`, 'utf8'));
}`,
      output: `import { readFile } from 'node:fs/promises';
export async function loadUser(id: string) {
  return JSON.parse(await readFile(\`users/\${id}.json\`, 'utf8'));
}`,
      options: [{ checkAsyncFunctions: true }],
      errors: [{ messageId: 'blocking', line: 3, column: 21, endLine: 3, endColumn: 61, data: { name: 'fs.readFileSync', where: 'in the async function `loadUser()`', consequence: 'every other request in flight waits until it returns', work: FILE_SYSTEM, alternative: '`await readFile(…)` (`node:fs/promises`)' } }],
      name: 'an exported async function with unknown callers (checkAsyncFunctions)',
    },
    {
      filename: 'src/files.ts',
      code: `${READ}export const loadAll = async (names: string[]) => names.map((name) => readFileSync(name));`,
      output: null,
      options: [{ checkAsyncFunctions: true }],
      errors: [{ messageId: 'blockingNoFix', line: 2, column: 71, endLine: 2, endColumn: 89, data: { name: 'fs.readFileSync', where: 'in the async function `loadAll()`', consequence: 'every other request in flight waits until it returns', work: FILE_SYSTEM, alternative: '`await readFile(…)` (`node:fs/promises`)', reason: 'it runs in a synchronous callback; making the callback async would change what its caller receives' } }],
      name: 'an async arrow with unknown callers, the call in a sync map callback (checkAsyncFunctions)',
    },
    {
      filename: 'src/report.service.ts',
      code: `${READ}export class ReportService {
  async render(name: string) { return template(readFileSync(name, 'utf8')); }
}`,
      output: `import { readFile } from 'node:fs/promises';
export class ReportService {
  async render(name: string) { return template(await readFile(name, 'utf8')); }
}`,
      options: [{ checkAsyncFunctions: true }],
      errors: [{ messageId: 'blocking', line: 3, column: 48, endLine: 3, endColumn: 74 }],
      name: 'an async service method (checkAsyncFunctions)',
    },
    // Where `await` is not allowed: a parameter default, a class field of a per-request class.
    {
      filename: ROUTES,
      code: `${READ}app.get('/', async (req, res, next, page = readFileSync('404.html')) => res.send(page));`,
      output: null,
      errors: [{ messageId: 'blockingNoFix', line: 2, column: 44, endLine: 2, endColumn: 68, data: { name: 'fs.readFileSync', ...REQUEST_HANDLER, work: FILE_SYSTEM, alternative: '`await readFile(…)` (`node:fs/promises`)', reason: 'it is in a parameter default, where `await` is not allowed' } }],
    },
    {
      filename: ROUTES,
      code: `${READ}class Page { html = readFileSync('page.html', 'utf8'); }
app.get('/', (req, res) => res.send(new Page().html));`,
      output: null,
      errors: [{ messageId: 'blockingNoFix', line: 2, column: 21, endLine: 2, endColumn: 54, data: { name: 'fs.readFileSync', where: 'in `new Page()`, called from a request handler', consequence: 'every other request in flight waits until it returns', work: FILE_SYSTEM, alternative: '`await readFile(…)` (`node:fs/promises`)', reason: 'it runs outside a function body, where `await` is not allowed' } }],
    },
    // A cache that is read but filled elsewhere is not a once-guard.
    {
      filename: ROUTES,
      code: `${READ}let cache;
app.get('/', async (req, res) => { if (!cache) { res.send(readFileSync('x')); } });`,
      output: `import { readFile } from 'node:fs/promises';
let cache;
app.get('/', async (req, res) => { if (!cache) { res.send(await readFile('x')); } });`,
      errors: [{ messageId: 'blocking', line: 3, column: 59, endLine: 3, endColumn: 76 }],
    },
  ],
});

ruleTester.run('no-blocking-in-async: look-alikes stay quiet', rule, {
  valid: [
    // Merely named *Sync, from elsewhere.
    { filename: ROUTES, code: `import { Effect } from 'effect';\napp.get('/', async (req, res) => res.json(Effect.runSync(program)));` },
    { filename: ROUTES, code: `import { runSync } from 'effect/Effect';\napp.get('/', async (req, res) => res.json(runSync(program)));` },
    { filename: ROUTES, code: `import ivm from 'isolated-vm';\napp.post('/eval', async (req, res) => { const context = isolate.createContextSync(); res.json(context.evalSync(req.body.code)); });` },
    { filename: ROUTES, code: `app.put('/orders/:id', async (req, res) => { await order.updateToSync(req.body); res.end(); });` },
    { filename: ROUTES, code: `function readFileSync(path) { return cache.get(path); }\napp.get('/', async (req, res) => res.send(readFileSync('x')));` },
    { filename: ROUTES, code: `import { readFileSync } from './files';\napp.get('/', async (req, res) => res.send(readFileSync('x')));` },
    { filename: ROUTES, code: `import { hashSync } from 'bcrypt-wasm';\napp.post('/', async (req, res) => res.send(hashSync(req.body.pw)));` },
    { filename: ROUTES, code: `import { sync } from 'my-glob';\napp.get('/', async (req, res) => res.json(sync('*.md')));` },
    { filename: ROUTES, code: `import { createSyncStorage } from 'fs';\napp.get('/', async (req, res) => res.json(createSyncStorage()));` },
    // The module binding is shadowed where the call is.
    { filename: ROUTES, code: `import * as fs from 'fs';\napp.get('/', async (req, res) => { const fs = req.app.locals.store; res.send(fs.readFileSync('x')); });` },
    { filename: ROUTES, code: `app.get('/', async (req, res) => { const Atomics = lock; Atomics.wait(buffer, 0, 0); res.end(); });` },
    // The async and callback APIs of the same modules.
    { filename: ROUTES, code: `import { readFile } from 'fs/promises';\napp.get('/', async (req, res) => res.send(await readFile('x')));` },
    { filename: ROUTES, code: `import * as fs from 'fs';\napp.get('/', (req, res) => fs.readFile('x', (err, data) => res.send(data)));` },
    { filename: ROUTES, code: `import crypto from 'crypto';\napp.get('/', async (req, res) => res.send(crypto.randomUUID() + crypto.createHash('sha256').update(req.body).digest('hex')));` },
    { filename: ROUTES, code: `import zlib from 'zlib';\napp.get('/', (req, res) => req.pipe(zlib.createGzip()).pipe(res));` },
    { filename: ROUTES, code: `import bcrypt from 'bcrypt';\napp.post('/', async (req, res) => res.send(await bcrypt.hash(req.body.pw, 12)));` },
    {
      filename: ROUTES,
      code: `import { genSaltSync } from 'bcryptjs';\napp.post('/', async (req, res) => res.send(await hashWith(req.body.pw, genSaltSync(10))));`,
      name: 'genSaltSync draws 16 random bytes whatever the cost factor: not blocking work',
    },
    // execaSync with only an options object binds options; nothing runs yet.
    { filename: ROUTES, code: `import { execaSync } from 'execa';\napp.post('/', async (req, res) => { const run = execaSync({ cwd: req.body.dir }); res.end(); });` },
  ],
  invalid: [],
});

ruleTester.run('no-blocking-in-async: options and settings', rule, {
  valid: [
    { filename: ROUTES, code: `${READ}import { existsSync } from 'fs';\napp.get('/', async (req, res) => res.send(existsSync('x')));`, options: [{ allow: ['fs.existsSync'] }] , name: 'allow by catalog name' },
    { filename: ROUTES, code: `import bcrypt from 'bcryptjs';\napp.post('/', async (req, res) => res.send(bcrypt.hashSync(req.body.pw, 10)));`, options: [{ allow: ['bcryptjs'] }] , name: 'allow by module' },
    { filename: ROUTES, code: `import { execSync } from 'node:child_process';\napp.post('/', async (req, res) => res.send(execSync('ls')));`, options: [{ allow: ['node:child_process'] }] , name: 'allow by module with a node: prefix' },
    { filename: 'src/users.ts', code: `${READ}export async function loadUser(id) { return readFileSync(id); }`, options: [{ checkAsyncFunctions: false }] , name: 'checkAsyncFunctions: false leaves async functions with unknown callers alone' },
    // Offload wrappers from settings, by name and by import.
    {
      filename: ROUTES,
      code: `import { pbkdf2Sync } from 'crypto';\napp.post('/', async (req, res) => res.send(await runInWorker(() => pbkdf2Sync(req.body.pw, salt, 1e5, 64, 'sha512'))));`,
      name: 'an offload wrapper by name from settings',
      settings: { 'shared-client': { offloadWrappers: [{ name: 'runInWorker' }] } },
    },
    {
      filename: ROUTES,
      code: `import { pbkdf2Sync } from 'crypto';\nimport { offload } from '@acme/threads';\napp.post('/', async (req, res) => res.send(await offload(() => pbkdf2Sync(req.body.pw, salt, 1e5, 64, 'sha512'))));`,
      name: 'an offload wrapper by import from settings',
      settings: { 'shared-client': { offloadWrappers: [{ module: '@acme/threads', export: 'offload' }] } },
    },
    // A project blocking call outside request contexts.
    {
      filename: ROUTES,
      code: `import { loadSync } from '@acme/config';\nconst config = loadSync('app');`,
      name: 'a project blocking call at startup',
      settings: { 'shared-client': { blockingCalls: [{ module: '@acme/config', export: 'loadSync', asyncAlternative: 'load' }] } },
    },
  ],
  invalid: [
    // A project blocking call with an async alternative: fixed like the built-in ones.
    {
      filename: ROUTES,
      code: `import { loadSync } from '@acme/config';
app.get('/', async (req, res) => res.json(loadSync(req.query.tenant)));`,
      output: `import { load } from '@acme/config';
app.get('/', async (req, res) => res.json(await load(req.query.tenant)));`,
      errors: [
        {
          messageId: 'blocking',
          line: 2,
          column: 43,
          endLine: 2,
          endColumn: 69,
          data: {
            name: '@acme/config.loadSync',
            ...REQUEST_HANDLER,
            work: 'a synchronous read of the config store',
            alternative: '`await load(…)` (`@acme/config`)',
          },
        },
      ],
      name: 'a project blocking call with an async alternative is fixed',
      settings: { 'shared-client': { blockingCalls: [{ module: '@acme/config', export: 'loadSync', asyncAlternative: 'load', description: 'a synchronous read of the config store' }] } },
    },
    // Without an alternative: reported with the generic advice.
    {
      filename: CJS,
      code: `const legacy = require('legacy-db');
app.get('/', async (req, res) => res.json(legacy.default.querySync('select 1')));`,
      output: null,
      errors: [
        {
          messageId: 'blockingNoAlternative',
          line: 2,
          column: 43,
          endLine: 2,
          endColumn: 79,
          data: {
            name: 'legacy-db.querySync',
            ...REQUEST_HANDLER,
            work: 'a blocking call',
            advice: 'There is no async equivalent with the same result: move it to startup, or to a worker thread (worker_threads, piscina).',
          },
        },
      ],
      name: 'a project blocking call without an alternative gets the generic advice',
      settings: { 'shared-client': { blockingCalls: [{ module: 'legacy-db', export: 'default.querySync' }] } },
    },
    // `allow` names only what it names.
    {
      filename: ROUTES,
      code: `import { existsSync, readFileSync } from 'fs';
app.get('/', async (req, res) => res.send(existsSync('x') && readFileSync('x')));`,
      output: `import { existsSync } from 'fs';
import { readFile } from 'node:fs/promises';
app.get('/', async (req, res) => res.send(existsSync('x') && await readFile('x')));`,
      options: [{ allow: ['fs.existsSync'] }],
      errors: [{ messageId: 'blocking', line: 2, column: 62, endLine: 2, endColumn: 79 }],
      name: 'allow names only what it names',
    },
    // checkAsyncFunctions: false still checks handlers and what they reach.
    {
      filename: 'app/x/route.ts',
      code: `import * as fs from 'fs';
export async function GET() { return new Response(fs.readFileSync('x')); }`,
      output: `import * as fs from 'fs';
export async function GET() { return new Response(await fs.promises.readFile('x')); }`,
      options: [{ checkAsyncFunctions: false }],
      errors: [{ messageId: 'blocking', line: 2, column: 51, endLine: 2, endColumn: 71 }],
      name: 'checkAsyncFunctions: false still checks handlers',
    },
    // An offload wrapper covers only its own callback.
    {
      filename: ROUTES,
      code: `import { pbkdf2Sync } from 'crypto';
app.post('/', async (req, res) => { await runInWorker(() => 1); res.send(pbkdf2Sync(req.body.pw, salt, 1e5, 64, 'sha512')); });`,
      output: `import { pbkdf2 } from 'crypto';
import { promisify } from 'node:util';
app.post('/', async (req, res) => { await runInWorker(() => 1); res.send(await promisify(pbkdf2)(req.body.pw, salt, 1e5, 64, 'sha512')); });`,
      errors: [{ messageId: 'blocking', line: 2, column: 74, endLine: 2, endColumn: 122 }],
      name: 'an offload wrapper covers only its own callback',
      settings: { 'shared-client': { offloadWrappers: [{ name: 'runInWorker' }] } },
    },
  ],
});

ruleTester.run('no-blocking-in-async: fixes over several passes converge', rule, {
  valid: [],
  invalid: [
    // Two uses of one sync import: the first use keeps the import while the other is rewritten (adding the async
    // import), then its own rewrite reuses the async import and drops the sync one.
    {
      filename: ROUTES,
      code: `import { readFileSync } from 'fs';
app.get('/a', async (req, res) => res.send(readFileSync('a')));
app.get('/b', async (req, res) => res.send(readFileSync('b')));`,
      output: [
        `import { readFileSync } from 'fs';
import { readFile } from 'node:fs/promises';
app.get('/a', async (req, res) => res.send(readFileSync('a')));
app.get('/b', async (req, res) => res.send(await readFile('b')));`,
        `import { readFile } from 'node:fs/promises';
app.get('/a', async (req, res) => res.send(await readFile('a')));
app.get('/b', async (req, res) => res.send(await readFile('b')));`,
      ],
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 2,
          column: 44,
          endLine: 2,
          endColumn: 61,
          data: {
            name: 'fs.readFileSync',
            where: 'in a request handler',
            consequence: 'every other request in flight waits until it returns',
            work: FILE_SYSTEM,
            alternative: '`await readFile(…)` (`node:fs/promises`)',
            reason: 'the other calls of `readFileSync` go first, then this one with its import (the next `--fix` pass)',
          },
        },
        { messageId: 'blocking', line: 3, column: 44, endLine: 3, endColumn: 61 },
      ],
    },
    // Many uses of one sync import converge in three passes, not one per use: one adds the async import, the others
    // reuse it together, and the first use's rewrite drops the sync import.
    {
      filename: ROUTES,
      code: `import { existsSync } from 'fs';
app.get('/a', async (req, res) => res.json(existsSync('a')));
app.get('/b', async (req, res) => res.json(existsSync('b')));
app.get('/c', async (req, res) => res.json(existsSync('c')));
app.get('/d', async (req, res) => res.json(existsSync('d')));`,
      output: [
        `import { existsSync } from 'fs';
import { access } from 'node:fs/promises';
app.get('/a', async (req, res) => res.json(existsSync('a')));
app.get('/b', async (req, res) => res.json(await access('b').then(() => true, () => false)));
app.get('/c', async (req, res) => res.json(existsSync('c')));
app.get('/d', async (req, res) => res.json(existsSync('d')));`,
        `import { existsSync } from 'fs';
import { access } from 'node:fs/promises';
app.get('/a', async (req, res) => res.json(existsSync('a')));
app.get('/b', async (req, res) => res.json(await access('b').then(() => true, () => false)));
app.get('/c', async (req, res) => res.json(await access('c').then(() => true, () => false)));
app.get('/d', async (req, res) => res.json(await access('d').then(() => true, () => false)));`,
        `import { access } from 'node:fs/promises';
app.get('/a', async (req, res) => res.json(await access('a').then(() => true, () => false)));
app.get('/b', async (req, res) => res.json(await access('b').then(() => true, () => false)));
app.get('/c', async (req, res) => res.json(await access('c').then(() => true, () => false)));
app.get('/d', async (req, res) => res.json(await access('d').then(() => true, () => false)));`,
      ],
      errors: [
        { messageId: 'blockingNoFix', line: 2, column: 44, endLine: 2, endColumn: 59 },
        { messageId: 'blocking', line: 3, column: 44, endLine: 3, endColumn: 59 },
        { messageId: 'blocking', line: 4, column: 44, endLine: 4, endColumn: 59 },
        { messageId: 'blocking', line: 5, column: 44, endLine: 5, endColumn: 59 },
      ],
    },
    {
      filename: "src/routes/deploy.ts",
      code: `import { execSync } from 'child_process';
app.post('/build', async (req, res) => res.send(execSync('make build')));
app.post('/test', async (req, res) => res.send(execSync('make test')));
`,
      output: null,
      errors: [
        {
          messageId: "blockingNoFix",
          line: 2,
          column: 49,
          endLine: 2,
          endColumn: 71,
          data: {"name":"child_process.execSync","where":"in a request handler","consequence":"every other request in flight waits until it returns","work":"a child process run to completion","alternative":"`(await promisify(exec)(…)).stdout` (`node:child_process`, `node:util`)","reason":"the behaviour differs: `exec` does not inherit stdio, decodes output as UTF-8 unless told otherwise, and rejects with an error that carries `stdout` and `stderr`"},
          suggestions: [
            {
              messageId: "suggestAsync",
              data: {"replacement":"(await promisify(exec)(…)).stdout","caveat":"`exec` does not inherit stdio, decodes output as UTF-8 unless told otherwise, and rejects with an error that carries `stdout` and `stderr`"},
              output: `import { execSync, exec } from 'child_process';
import { promisify } from 'node:util';
app.post('/build', async (req, res) => res.send((await promisify(exec)('make build')).stdout));
app.post('/test', async (req, res) => res.send(execSync('make test')));
`,
            },
          ],
        },
        {
          messageId: "blockingNoFix",
          line: 3,
          column: 48,
          endLine: 3,
          endColumn: 69,
          data: {"name":"child_process.execSync","where":"in a request handler","consequence":"every other request in flight waits until it returns","work":"a child process run to completion","alternative":"`(await promisify(exec)(…)).stdout` (`node:child_process`, `node:util`)","reason":"the behaviour differs: `exec` does not inherit stdio, decodes output as UTF-8 unless told otherwise, and rejects with an error that carries `stdout` and `stderr`"},
          suggestions: [
            {
              messageId: "suggestAsync",
              data: {"replacement":"(await promisify(exec)(…)).stdout","caveat":"`exec` does not inherit stdio, decodes output as UTF-8 unless told otherwise, and rejects with an error that carries `stdout` and `stderr`"},
              output: `import { execSync, exec } from 'child_process';
import { promisify } from 'node:util';
app.post('/build', async (req, res) => res.send(execSync('make build')));
app.post('/test', async (req, res) => res.send((await promisify(exec)('make test')).stdout));
`,
            },
          ],
        },
      ],
      name: "two calls of a suggestion-only API: both carry the suggestion (the first call waits only as an autofix)",
    },
    {
      filename: "src/routes/pages.ts",
      code: `import { readFileSync } from 'fs';
app.get('/a', (req, res) => res.send(readFileSync('a.html')));
app.get('/b', (req, res) => res.send(readFileSync('b.html')));
`,
      output: null,
      errors: [
        {
          messageId: "blockingNoFix",
          line: 2,
          column: 38,
          endLine: 2,
          endColumn: 60,
          data: {"name":"fs.readFileSync","where":"in a request handler","consequence":"every other request in flight waits until it returns","work":"synchronous file system I/O","alternative":"`await readFile(…)` (`node:fs/promises`)","reason":"the request handler is not async"},
          suggestions: [
            {
              messageId: "suggestMakeAsync",
              data: {"handler":"request handler","replacement":"await readFile(…)","caveat":"an async handler returns a promise, so errors it throws become rejections, which some frameworks (Express 4) do not pass to error handlers"},
              output: `import { readFileSync } from 'fs';
import { readFile } from 'node:fs/promises';
app.get('/a', async (req, res) => res.send(await readFile('a.html')));
app.get('/b', (req, res) => res.send(readFileSync('b.html')));
`,
            },
          ],
        },
        {
          messageId: "blockingNoFix",
          line: 3,
          column: 38,
          endLine: 3,
          endColumn: 60,
          data: {"name":"fs.readFileSync","where":"in a request handler","consequence":"every other request in flight waits until it returns","work":"synchronous file system I/O","alternative":"`await readFile(…)` (`node:fs/promises`)","reason":"the request handler is not async"},
          suggestions: [
            {
              messageId: "suggestMakeAsync",
              data: {"handler":"request handler","replacement":"await readFile(…)","caveat":"an async handler returns a promise, so errors it throws become rejections, which some frameworks (Express 4) do not pass to error handlers"},
              output: `import { readFileSync } from 'fs';
import { readFile } from 'node:fs/promises';
app.get('/a', (req, res) => res.send(readFileSync('a.html')));
app.get('/b', async (req, res) => res.send(await readFile('b.html')));
`,
            },
          ],
        },
      ],
      name: "a synchronous handler: the first call of two still offers to make it async",
    },
    // The same in CommonJS with the import already there: one pass per use, the last drops the binding.
    {
      filename: 'src/compress.js',
      code: `const { promisify } = require('util');
const { gzipSync, deflateSync } = require('zlib');
module.exports = async function compress(request, reply) {
  reply.send(request.query.deflate ? deflateSync(request.body) : gzipSync(request.body));
};`,
      output: [
        `const { promisify } = require('util');
const { gzip, deflateSync } = require('zlib');
module.exports = async function compress(request, reply) {
  reply.send(request.query.deflate ? deflateSync(request.body) : await promisify(gzip)(request.body));
};`,
        `const { promisify } = require('util');
const { gzip, deflate } = require('zlib');
module.exports = async function compress(request, reply) {
  reply.send(request.query.deflate ? await promisify(deflate)(request.body) : await promisify(gzip)(request.body));
};`,
      ],
      errors: [
        { messageId: 'blocking', line: 4, column: 38, endLine: 4, endColumn: 63 },
        { messageId: 'blocking', line: 4, column: 66, endLine: 4, endColumn: 88 },
      ],
    },
    // A name taken by the file: the new import gets a free one.
    {
      filename: ROUTES,
      code: `import { readFileSync } from 'fs';
const readFile = (p) => cache.get(p);
app.get('/', async (req, res) => res.send(readFileSync('x') + readFile('y')));`,
      output: `import { readFile as readFileAsync } from 'node:fs/promises';
const readFile = (p) => cache.get(p);
app.get('/', async (req, res) => res.send(await readFileAsync('x') + readFile('y')));`,
      errors: [{ messageId: 'blocking', line: 3, column: 43, endLine: 3, endColumn: 60 }],
    },
  ],
});
