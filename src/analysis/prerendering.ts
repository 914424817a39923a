import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './ast.js';
import { moduleSources } from './modules.js';
import { perProgram } from './program-cache.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Routes a framework renders ahead of requests, from the route's own config exports: their
 * handlers run at build time (and, with revalidation, at most once per interval in the
 * background), not once per request.
 *
 * - Next.js App Router (`route.ts`, `page.tsx`, `layout.tsx` under `app/`): `dynamic =
 *   'force-static'` or `'error'` always; `revalidate = <seconds>` or `false`, and
 *   `generateStaticParams` (with `dynamicParams = false` for a page), only while the function
 *   reads no request data, since Next.js renders on every request as soon as it does.
 * - SvelteKit (`+server.ts`, `+page.server.ts`, ...) and Astro (`src/pages/**`): `prerender = true`.
 */
interface Convention {
  file: RegExp;
  /** The exports that the framework prerenders: a `POST` handler or a form action never is. */
  exports: ReadonlySet<string>;
  kind: 'next-route' | 'next-page' | 'prerender-flag';
}

const CONVENTIONS: readonly Convention[] = [
  { file: /(^|\/)app\/(.+\/)?route\.[cm]?[jt]sx?$/, exports: new Set(['GET', 'HEAD']), kind: 'next-route' },
  { file: /(^|\/)app\/(.+\/)?(page|layout)\.[cm]?[jt]sx?$/, exports: new Set(['default', 'generateMetadata']), kind: 'next-page' },
  { file: /(^|\/)\+(server|page\.server|page|layout\.server|layout)\.[jt]s$/, exports: new Set(['GET', 'HEAD', 'load']), kind: 'prerender-flag' },
  { file: /(^|\/)src\/pages\/.+\.[cm]?[jt]s$/, exports: new Set(['GET', 'get', 'HEAD']), kind: 'prerender-flag' },
];

/** Next.js request-time APIs: a route that imports them renders per request unless forced static. */
const REQUEST_TIME_IMPORTS: ReadonlyMap<string, ReadonlySet<string> | 'any'> = new Map<string, ReadonlySet<string> | 'any'>([
  ['next/headers', 'any'],
  ['next/server', new Set(['connection'])],
  ['next/cache', new Set(['unstable_noStore'])],
]);

interface SegmentConfig {
  /** SvelteKit's and Astro's `export const prerender = true`. */
  prerenderFlag: boolean;
  /** The Next.js config export that forces static rendering whatever the route reads. */
  forced: string | null;
  /** The config export that asks for static rendering, given up when the route reads request data. */
  requested: string | null;
  /** The page's params are only those `generateStaticParams` lists. */
  staticParamsOnly: boolean;
  importsRequestTimeApis: boolean;
}

/** The file is a route module whose config asks for prerendering: the cheap test before any function's. */
export function mayPrerender(sourceCode: SourceCode, path: string): boolean {
  if (!CONVENTIONS.some((convention) => convention.file.test(path))) return false;
  const config = segmentConfig(sourceCode);
  return config.prerenderFlag || config.forced !== null || config.requested !== null;
}

/**
 * Why the framework renders export `name` (the function `fn`) of the file at `path` ahead of
 * requests, as the config export that says so (`` `revalidate = 3600` ``), or `null`.
 */
export function prerenderedBy(sourceCode: SourceCode, path: string, name: string, fn: FunctionNode): string | null {
  const convention = CONVENTIONS.find((candidate) => candidate.exports.has(name) && candidate.file.test(path));
  if (!convention) return null;
  const config = segmentConfig(sourceCode);
  if (convention.kind === 'prerender-flag') return config.prerenderFlag ? '`prerender = true`' : null;
  if (config.forced !== null) return config.forced;
  if (config.requested === null || config.importsRequestTimeApis) return null;
  if (convention.kind === 'next-route') return readsTheRequest(sourceCode, fn) ? null : config.requested;
  if (config.requested === '`generateStaticParams`' && !config.staticParamsOnly) return null;
  return readsSearchParams(sourceCode, fn) ? null : config.requested;
}

const segmentConfig = perProgram((sourceCode: SourceCode): SegmentConfig => {
  const config: SegmentConfig = { prerenderFlag: false, forced: null, requested: null, staticParamsOnly: false, importsRequestTimeApis: false };
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || !statement.declaration) continue;
    const declaration = statement.declaration;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === 'generateStaticParams') {
      config.requested ??= '`generateStaticParams`';
    }
    if (declaration.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
      const value = literalValue(declarator.init);
      switch (declarator.id.name) {
        case 'dynamic':
          if (value === 'force-static' || value === 'error') config.forced = `\`dynamic = '${value}'\``;
          break;
        case 'prerender':
          if (value === true) config.prerenderFlag = true;
          break;
        case 'revalidate':
          if (value === false || (typeof value === 'number' && value > 0)) config.requested = `\`revalidate = ${String(value)}\``;
          break;
        case 'dynamicParams':
          if (value === false) config.staticParamsOnly = true;
          break;
        case 'generateStaticParams':
          config.requested ??= '`generateStaticParams`';
          break;
      }
    }
  }
  config.importsRequestTimeApis = moduleSources(sourceCode).some((source) => importsRequestTimeApi(source.node));
  return config;
});

/** A literal, or arithmetic on numeric literals (`60 * 60`). */
function literalValue(node: TSESTree.Node): unknown {
  if (node.type === AST_NODE_TYPES.Literal) return node.value;
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
    const left = literalValue(node.left);
    const right = literalValue(node.right);
    if (typeof left !== 'number' || typeof right !== 'number') return undefined;
    if (node.operator === '*') return left * right;
    if (node.operator === '+') return left + right;
  }
  return undefined;
}

function importsRequestTimeApi(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.ImportDeclaration || node.importKind === 'type') return false;
  const names = REQUEST_TIME_IMPORTS.get(node.source.value);
  if (names === undefined) return false;
  if (names === 'any') return true;
  return node.specifiers.some(
    (specifier) =>
      specifier.type === AST_NODE_TYPES.ImportSpecifier &&
      specifier.importKind !== 'type' &&
      specifier.imported.type === AST_NODE_TYPES.Identifier &&
      names.has(specifier.imported.name),
  );
}

/** The route handler uses its `request` parameter (`request.url`, `request.headers`, `req.nextUrl.searchParams`). */
function readsTheRequest(sourceCode: SourceCode, fn: FunctionNode): boolean {
  const request = fn.params[0];
  if (!request) return false;
  const [start, end] = request.range;
  return sourceCode
    .getDeclaredVariables(fn)
    .some((variable) => variable.references.length > 0 && variable.defs.some((def) => def.name.range[0] >= start && def.name.range[1] <= end));
}

/** The page reads its `searchParams` prop: Next.js renders it per request. */
function readsSearchParams(sourceCode: SourceCode, fn: FunctionNode): boolean {
  return fn.params.length > 0 && /\bsearchParams\b/.test(sourceCode.getText(fn));
}
