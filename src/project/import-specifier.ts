import { dirname, extname, relative } from 'node:path';
import type { Resolve } from './resolver.js';

const JS_FOR_TS: Record<string, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };

/**
 * The specifier `from` would import `to` with: one it already imports `to` by, else one in the style the file already uses: through a
 * tsconfig alias (`@/lib/db`) when most of its imports of project files do, relative otherwise
 * (`../lib/db`, with `.js` when its relative imports spell extensions). Every candidate is checked
 * with the project's resolver; `null` when none resolves to `to`.
 */
export function importSpecifier(resolve: Resolve, from: string, to: string, existing: readonly string[], isProjectFile: (file: string) => boolean): string | null {
  // Already imported from there: the same specifier, so that the fix uses the existing import.
  const already = existing.find((specifier) => resolve(from, specifier) === to);
  if (already !== undefined) return already;
  const local = existing.filter((specifier) => {
    const target = resolve(from, specifier);
    return target !== null && isProjectFile(target);
  });
  const relatives = local.filter((specifier) => specifier.startsWith('.'));
  const aliased = local.filter((specifier) => !specifier.startsWith('.'));
  const candidates: string[] = [];
  if (aliased.length > relatives.length) candidates.push(...aliasCandidates(aliased, to));
  candidates.push(relativeSpecifier(from, to, relatives.some((specifier) => /\.[cm]?js$/.test(specifier))));
  return candidates.find((candidate) => resolve(from, candidate) === to) ?? null;
}

function relativeSpecifier(from: string, to: string, withExtension: boolean): string {
  const extension = extname(to);
  let path = relative(dirname(from), to).replaceAll('\\', '/');
  path = withExtension ? path.slice(0, -extension.length) + (JS_FOR_TS[extension] ?? extension) : path.slice(0, -extension.length).replace(/\/index$/, '');
  return path.startsWith('.') ? path : `./${path}`;
}

/** `@/` + each tail of the target's path (`lib/db`, `src/lib/db`, ...), for every alias prefix the file uses. */
function aliasCandidates(aliased: readonly string[], to: string): string[] {
  const prefixes = new Set(aliased.map((specifier) => /^(@[^/]*\/|~\/|#)/.exec(specifier)?.[1]).filter((prefix): prefix is string => prefix !== undefined));
  const parts = to.slice(0, -extname(to).length).replaceAll('\\', '/').split('/');
  if (parts.at(-1) === 'index') parts.pop();
  const candidates: string[] = [];
  for (const prefix of prefixes) {
    for (let start = parts.length - 1; start > 0 && candidates.length < 40; start--) candidates.push(prefix + parts.slice(start).join('/'));
  }
  return candidates;
}
