import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-blocking-in-async.js';

/**
 * Vite's dev and preview servers serve one developer, never production traffic: handlers
 * registered in a plugin's `configureServer`/`configurePreviewServer` hook, or by a function
 * handed a `ViteDevServer`, are dev tooling. A server that only creates Vite in development (the
 * SSR template's `if (!isProduction)`) serves production with the same handlers.
 */
const ruleTester = new RuleTester();

ruleTester.run('no-blocking-in-async: Vite dev servers', rule, {
  valid: [
    {
      filename: 'src/plugin.ts',
      code: `import { readFileSync } from 'node:fs';
export function htmlPlugin() {
  return {
    name: 'html',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        res.end(readFileSync('index.html', 'utf8'));
      });
    },
  };
}`,
      name: 'middleware a Vite plugin adds in configureServer',
    },
    {
      filename: 'src/preview.ts',
      code: `import { existsSync } from 'node:fs';
export const previewPlugin = () => ({
  name: 'preview',
  configurePreviewServer: (server) => {
    server.middlewares.use((req, res, next) => (existsSync('dist' + req.url) ? next() : res.end('missing')));
  },
});`,
      name: 'middleware of the preview server',
    },
    {
      filename: 'src/lib/develop.ts',
      code: `import express from 'express';
import fs from 'fs';
import type { ViteDevServer } from 'vite';

function findTemplate(root: string) {
  return fs.existsSync(root + '/index.html') ? root + '/index.html' : undefined;
}

async function injectHtmlMiddleware(router: express.Router, server: ViteDevServer) {
  router.use(async (req, res, next) => {
    const file = findTemplate(server.config.root);
    if (!file) return next();
    res.send(await server.transformIndexHtml(file, fs.readFileSync(file, 'utf8'), req.originalUrl));
  });
}

export async function develop() {
  const vite = await import('vite');
  const router = express.Router();
  await injectHtmlMiddleware(router, await vite.createServer({ server: { middlewareMode: true } }));
  return router;
}`,
      name: 'middleware registered by a function handed a ViteDevServer, and the helper it calls',
    },
  ],
  invalid: [
    {
      filename: 'server.ts',
      code: `import express from 'express';
import { readFileSync } from 'node:fs';
const isProduction = process.env.NODE_ENV === 'production';
const app = express();
let vite;
if (!isProduction) {
  const { createServer } = await import('vite');
  vite = await createServer({ server: { middlewareMode: true }, appType: 'custom' });
  app.use(vite.middlewares);
}
app.use('*', async (req, res) => {
  const template = readFileSync(isProduction ? 'dist/client/index.html' : 'index.html', 'utf8');
  res.send(vite ? await vite.transformIndexHtml(req.originalUrl, template) : template);
});`,
      output: `import express from 'express';
import { readFile } from 'node:fs/promises';
const isProduction = process.env.NODE_ENV === 'production';
const app = express();
let vite;
if (!isProduction) {
  const { createServer } = await import('vite');
  vite = await createServer({ server: { middlewareMode: true }, appType: 'custom' });
  app.use(vite.middlewares);
}
app.use('*', async (req, res) => {
  const template = await readFile(isProduction ? 'dist/client/index.html' : 'index.html', 'utf8');
  res.send(vite ? await vite.transformIndexHtml(req.originalUrl, template) : template);
});`,
      errors: [{ messageId: 'blocking', line: 12, column: 20, endLine: 12, endColumn: 96 }],
      name: 'an SSR server that creates Vite only in development serves production with the same handler',
    },
    {
      filename: 'src/routes.ts',
      code: `import { readFileSync } from 'node:fs';
export function routes(app, server: Server) {
  app.get('/page', async (req, res) => res.send(readFileSync('page.html', 'utf8')));
}`,
      output: `import { readFile } from 'node:fs/promises';
export function routes(app, server: Server) {
  app.get('/page', async (req, res) => res.send(await readFile('page.html', 'utf8')));
}`,
      errors: [{ messageId: 'blocking', line: 3, column: 49, endLine: 3, endColumn: 82 }],
      name: 'a function handed some other server registers production routes',
    },
  ],
});
