import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-blocking-in-async.js';
import { LAYER_OFF, projectFile, projectTester } from '../helpers/project-fixture.js';

/**
 * Routes the framework renders ahead of requests (Next.js `dynamic = 'force-static'`,
 * `revalidate`, `generateStaticParams` with `dynamicParams = false`; SvelteKit and Astro
 * `prerender = true`) run at build time and on revalidation, not per request. Next.js gives up a
 * requested (not forced) static render as soon as the route reads request data: then it is per request.
 */
const ruleTester = new RuleTester();
const READ = `import { readFileSync } from 'node:fs';\n`;
const FIXED_READ = `import { readFile } from 'node:fs/promises';\n`;

ruleTester.run('no-blocking-in-async: prerendered routes', rule, {
  valid: [
    {
      filename: 'app/llms.txt/route.ts',
      code: `${READ}export const revalidate = 3600;\nexport async function GET() {\n  return new Response(readFileSync('docs.md'));\n}`,
      name: 'a Next.js GET route with revalidate that reads no request',
    },
    {
      filename: 'app/feed/route.ts',
      code: `${READ}export const revalidate = 60 * 60;\nexport async function GET(_request: Request) {\n  return new Response(readFileSync('feed.xml'));\n}`,
      name: 'revalidate as arithmetic, and a request parameter that is never read',
    },
    {
      filename: 'app/robots/route.ts',
      code: `${READ}export const dynamic = 'force-static';\nexport async function GET(request: Request) {\n  return new Response(readFileSync(new URL(request.url).pathname));\n}`,
      name: 'force-static: static whatever the handler reads',
    },
    {
      filename: 'app/docs/[slug]/page.tsx',
      code: `${READ}export const dynamicParams = false;\nexport async function generateStaticParams() { return [{ slug: 'a' }]; }\nexport default async function Page({ params }) {\n  const { slug } = await params;\n  return readFileSync(\`docs/\${slug}.md\`, 'utf8');\n}`,
      name: 'a page whose params all come from generateStaticParams (dynamicParams = false)',
    },
    {
      filename: 'app/about/page.tsx',
      code: `${READ}export const revalidate = false;\nexport async function generateMetadata() { return { title: readFileSync('title.txt', 'utf8') }; }`,
      name: 'generateMetadata of a page cached forever (revalidate = false)',
    },
    {
      filename: 'src/routes/sitemap.xml/+server.ts',
      code: `${READ}export const prerender = true;\nexport async function GET() {\n  return new Response(readFileSync('sitemap.xml'));\n}`,
      name: 'a SvelteKit endpoint with prerender = true',
    },
    {
      filename: 'src/pages/rss.xml.ts',
      code: `${READ}export const prerender = true;\nexport async function GET() {\n  return new Response(readFileSync('rss.xml'));\n}`,
      name: 'an Astro endpoint with prerender = true',
    },
  ],
  invalid: [
    {
      filename: 'app/api/changelog/route.ts',
      code: `${READ}export const revalidate = 60;\nexport async function GET(request: Request) {\n  const since = new URL(request.url).searchParams.get('since');\n  return Response.json({ since, text: readFileSync('changelog.md', 'utf8') });\n}`,
      output: `${FIXED_READ}export const revalidate = 60;\nexport async function GET(request: Request) {\n  const since = new URL(request.url).searchParams.get('since');\n  return Response.json({ since, text: await readFile('changelog.md', 'utf8') });\n}`,
      errors: [{ messageId: 'blocking', line: 5, column: 39, endLine: 5, endColumn: 75, data: { name: 'fs.readFileSync', where: 'in a request handler', consequence: 'every other request in flight waits until it returns', work: 'synchronous file system I/O', alternative: '`await readFile(…)` (`node:fs/promises`)' } }],
      name: 'revalidate, but the handler reads its request: rendered per request',
    },
    {
      filename: 'app/api/me/route.ts',
      code: `${READ}import { cookies } from 'next/headers';\nexport const revalidate = 60;\nexport async function GET() {\n  return Response.json({ theme: (await cookies()).get('theme'), text: readFileSync('me.txt', 'utf8') });\n}`,
      output: `import { cookies } from 'next/headers';\n${FIXED_READ}export const revalidate = 60;\nexport async function GET() {\n  return Response.json({ theme: (await cookies()).get('theme'), text: await readFile('me.txt', 'utf8') });\n}`,
      errors: [{ messageId: 'blocking', line: 5, column: 71, endLine: 5, endColumn: 101 }],
      name: 'revalidate, but the route reads cookies(): rendered per request',
    },
    {
      filename: 'app/api/data/route.ts',
      code: `${READ}export const revalidate = 0;\nexport async function GET() {\n  return new Response(readFileSync('data.json'));\n}`,
      output: `${FIXED_READ}export const revalidate = 0;\nexport async function GET() {\n  return new Response(await readFile('data.json'));\n}`,
      errors: [{ messageId: 'blocking', line: 4, column: 23, endLine: 4, endColumn: 48 }],
      name: 'revalidate = 0 is per request',
    },
    {
      filename: 'app/api/data/route.ts',
      code: `${READ}export const dynamic = 'force-static';\nexport async function POST() {\n  return new Response(readFileSync('data.json'));\n}`,
      output: `${FIXED_READ}export const dynamic = 'force-static';\nexport async function POST() {\n  return new Response(await readFile('data.json'));\n}`,
      errors: [{ messageId: 'blocking', line: 4, column: 23, endLine: 4, endColumn: 48 }],
      name: 'a POST handler is never prerendered',
    },
    {
      filename: 'app/docs/[slug]/page.tsx',
      code: `${READ}export async function generateStaticParams() { return [{ slug: 'a' }]; }\nexport default async function Page({ params }) {\n  const { slug } = await params;\n  return readFileSync(\`docs/\${slug}.md\`, 'utf8');\n}`,
      output: `${FIXED_READ}export async function generateStaticParams() { return [{ slug: 'a' }]; }\nexport default async function Page({ params }) {\n  const { slug } = await params;\n  return await readFile(\`docs/\${slug}.md\`, 'utf8');\n}`,
      errors: [{ messageId: 'blocking', line: 5, column: 10, endLine: 5, endColumn: 49 }],
      name: 'generateStaticParams alone: other params are rendered on request',
    },
    {
      filename: 'app/search/page.tsx',
      code: `${READ}export const revalidate = 600;\nexport default async function Search({ searchParams }) {\n  const { q } = await searchParams;\n  return readFileSync(\`index/\${q}.json\`, 'utf8');\n}`,
      output: `${FIXED_READ}export const revalidate = 600;\nexport default async function Search({ searchParams }) {\n  const { q } = await searchParams;\n  return await readFile(\`index/\${q}.json\`, 'utf8');\n}`,
      errors: [{ messageId: 'blocking', line: 5, column: 10, endLine: 5, endColumn: 49 }],
      name: 'a page that reads searchParams is rendered per request',
    },
    {
      filename: 'src/routes/api/+server.ts',
      code: `${READ}export const prerender = 'auto';\nexport async function GET() {\n  return new Response(readFileSync('x'));\n}`,
      output: `${FIXED_READ}export const prerender = 'auto';\nexport async function GET() {\n  return new Response(await readFile('x'));\n}`,
      errors: [{ messageId: 'blocking', line: 4, column: 23, endLine: 4, endColumn: 40 }],
      name: "SvelteKit prerender = 'auto' still serves unlisted requests",
    },
  ],
});

projectTester('next-static').run('no-blocking-in-async: helpers of prerendered routes (project layer)', rule, {
  valid: [
    { ...projectFile('next-static', 'app/llms.txt/route.ts'), name: 'the revalidated route itself blocks nothing' },
    { ...projectFile('next-static', 'content/docs.ts'), settings: LAYER_OFF, name: 'with the layer off, the helpers have unknown callers' },
  ],
  invalid: [
    {
      ...projectFile('next-static', 'content/docs.ts'),
      errors: [
        {
          messageId: 'blockingNoFix',
          line: 16,
          column: 10,
          endLine: 16,
          endColumn: 54,
          data: {
            name: 'fs.readFileSync',
            where: 'in `changelog()`, called from a route handler at `app/api/changelog/route.ts:8`',
            work: 'synchronous file system I/O',
            consequence: 'every other request in flight waits until it returns',
            alternative: '`await readFile(…)` (`node:fs/promises`)',
            reason: '`changelog()` is synchronous; make it async and await it where it is called',
          },
        },
        {
          messageId: 'blockingNoFix',
          line: 21,
          column: 10,
          endLine: 21,
          endColumn: 52,
          data: {
            name: 'fs.readFileSync',
            where: 'in `searchDocs()`, called from a server component at `app/search/page.tsx:8`',
            work: 'synchronous file system I/O',
            consequence: 'every other request in flight waits until it returns',
            alternative: '`await readFile(…)` (`node:fs/promises`)',
            reason: '`searchDocs()` is synchronous; make it async and await it where it is called',
          },
        },
      ],
      name: 'helpers of a revalidated GET and a fully static page stay quiet; those of a route and a page that read the request are reported',
    },
  ],
});
