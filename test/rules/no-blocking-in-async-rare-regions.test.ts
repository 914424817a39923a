import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-blocking-in-async.js';

/**
 * Code that a handler reaches but that does not run on every request in production: a fill of a
 * module collection behind an early return once it holds something (`if (cache.size > 0) return`),
 * and code that only development runs (`if (NODE_ENV === 'production') return`, a branch on
 * `NODE_ENV !== 'production'`). An early return on an empty buffer, a production-only branch and a
 * condition that production does not decide stay reported.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-blocking-in-async: once-fills and development-only code', rule, {
  valid: [
    {
      filename: 'src/mcp/apps.ts',
      code: `import { readFileSync, existsSync } from 'node:fs';
const htmlCache = new Map<string, string>();
function loadViewsOnce(): void {
  if (htmlCache.size > 0) return;
  for (const [uri, file] of Object.entries(views)) {
    if (!existsSync(file)) continue;
    htmlCache.set(uri, readFileSync(file, 'utf-8'));
  }
}
app.get('/views', async (req, res) => {
  loadViewsOnce();
  res.json([...htmlCache.keys()]);
});`,
      name: 'an early return once the module map holds something, in the function that fills it',
    },
    {
      filename: 'src/templates.ts',
      code: `import { readFileSync, readdirSync } from 'node:fs';
const templates = new Map();
app.post('/mail', async (req, res) => {
  if (templates.size === 0) {
    for (const name of readdirSync('templates')) templates.set(name, readFileSync('templates/' + name, 'utf8'));
  }
  res.send(templates.get(req.body.template));
});`,
      name: 'a branch taken while the module map is empty, which fills it',
    },
    {
      filename: 'src/templates.ts',
      code: `import { readFileSync } from 'node:fs';
const templates = new Map();
app.post('/mail', async (req, res) => {
  if (templates.size !== 0) {
    res.send(templates.get(req.body.template));
  } else {
    templates.set('welcome', readFileSync('templates/welcome.html', 'utf8'));
    res.send(templates.get(req.body.template));
  }
});`,
      name: 'the else branch of a test that the module map is filled, which fills it',
    },
    {
      filename: 'src/init/config.ts',
      code: `import { readFileSync } from 'node:fs';
import { ENVIRONMENT, IS_CLOUD } from '../util/secrets';
let config;
function loadConfig() {
  config = JSON.parse(readFileSync('config.json', 'utf8'));
}
loadConfig();
function reloadConfigIfNeeded() {
  if (ENVIRONMENT === 'production' || IS_CLOUD) return;
  loadConfig();
}
app.get('/datasources', async (req, res) => {
  reloadConfigIfNeeded();
  res.json(config.datasources);
});`,
      name: 'an early return in production (one side of an ||) leaves development-only code',
    },
    {
      filename: 'src/routes/docs.ts',
      code: `import { readFileSync } from 'node:fs';
app.get('/docs', async (req, res) => {
  if (process.env.NODE_ENV !== 'production') {
    res.send(readFileSync('docs/index.html', 'utf8'));
    return;
  }
  res.redirect('https://docs.example.com');
});`,
      name: 'a branch on NODE_ENV !== production',
    },
    {
      filename: 'src/routes/docs.ts',
      code: `import { readFileSync } from 'node:fs';
const isDevelopment = process.env.NODE_ENV === 'development';
app.get('/docs', async (req, res) => {
  const page = isDevelopment && req.query.fresh ? readFileSync('docs/index.html', 'utf8') : cachedPage;
  res.send(page);
});`,
      name: 'a conditional on a module constant that tests for development, and-ed with request data',
    },
    {
      filename: 'src/routes/docs.ts',
      code: `import { readFileSync } from 'node:fs';
app.get('/docs', async (req, res) => {
  if (import.meta.env.PROD) {
    res.send(prebuiltPage);
  } else {
    res.send(readFileSync('docs/index.html', 'utf8'));
  }
});`,
      name: 'the else branch of import.meta.env.PROD',
    },
  ],
  invalid: [
    {
      filename: 'src/flush.ts',
      code: `import { readFileSync } from 'node:fs';
const pending = new Map();
app.post('/flush', async (req, res) => {
  if (pending.size > 0) return res.sendStatus(409);
  res.send(readFileSync('state.json', 'utf8'));
});`,
      output: `import { readFile } from 'node:fs/promises';
const pending = new Map();
app.post('/flush', async (req, res) => {
  if (pending.size > 0) return res.sendStatus(409);
  res.send(await readFile('state.json', 'utf8'));
});`,
      errors: [{ messageId: 'blocking', line: 5, column: 12, endLine: 5, endColumn: 46 }],
      name: 'an early return on a filled map that the rest does not fill is no once-guard',
    },
    {
      filename: 'src/routes/docs.ts',
      code: `import { readFileSync } from 'node:fs';
app.get('/docs', async (req, res) => {
  if (process.env.NODE_ENV === 'production') {
    res.send(readFileSync('dist/docs.html', 'utf8'));
  }
});`,
      output: `import { readFile } from 'node:fs/promises';
app.get('/docs', async (req, res) => {
  if (process.env.NODE_ENV === 'production') {
    res.send(await readFile('dist/docs.html', 'utf8'));
  }
});`,
      errors: [{ messageId: 'blocking', line: 4, column: 14, endLine: 4, endColumn: 52 }],
      name: 'a production-only branch runs per request in production',
    },
    {
      filename: 'src/routes/docs.ts',
      code: `import { readFileSync } from 'node:fs';
app.get('/docs', async (req, res) => {
  if (process.env.NODE_ENV === 'production' && req.query.cached) return res.send(cachedPage);
  res.send(readFileSync('dist/docs.html', 'utf8'));
});`,
      output: `import { readFile } from 'node:fs/promises';
app.get('/docs', async (req, res) => {
  if (process.env.NODE_ENV === 'production' && req.query.cached) return res.send(cachedPage);
  res.send(await readFile('dist/docs.html', 'utf8'));
});`,
      errors: [{ messageId: 'blocking', line: 4, column: 12, endLine: 4, endColumn: 50 }],
      name: 'an early return when production and something else leaves code production still runs',
    },
    {
      filename: 'src/routes/docs.ts',
      code: `import { readFileSync } from 'node:fs';
app.get('/docs', async (req, res) => {
  if (process.env.NODE_ENV !== 'production' || req.query.fresh) {
    res.send(readFileSync('docs/index.html', 'utf8'));
  }
});`,
      output: `import { readFile } from 'node:fs/promises';
app.get('/docs', async (req, res) => {
  if (process.env.NODE_ENV !== 'production' || req.query.fresh) {
    res.send(await readFile('docs/index.html', 'utf8'));
  }
});`,
      errors: [{ messageId: 'blocking', line: 4, column: 14, endLine: 4, endColumn: 53 }],
      name: 'a branch taken outside production or on request data runs in production too',
    },
  ],
});
