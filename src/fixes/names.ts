import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { perProgram } from '../analysis/program-cache.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/**
 * Module-level names that autofixes already reported on this file will declare. ESLint applies
 * the fixes of one pass together, so two hoists must not both pick the same free name.
 */
const claimedNames = perProgram((): Set<string> => new Set());

/** Records that an autofix reported on this file declares `name` at module level. */
export function claimModuleName(sourceCode: SourceCode, name: string): void {
  claimedNames(sourceCode).add(name);
}

/**
 * Whether a new module-level binding called `name` would collide with nothing: no declaration in
 * any scope from `node` up to the module (other than `replacing`, which the fix removes), no
 * reference anywhere in the file to a global of that name, and no other autofix declaring it.
 */
export function isFreeModuleName(sourceCode: SourceCode, name: string, node: TSESTree.Node, replacing?: Variable): boolean {
  if (claimedNames(sourceCode).has(name)) return false;
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const existing = scope.set.get(name);
    if (existing && existing !== replacing) return false;
  }
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (globalScope?.through.some((reference) => reference.identifier.name === name)) return false;
  return true;
}

/** The first candidate that `isFree` accepts, then `candidate2`, `candidate3`, ... */
export function pickName(candidates: readonly string[], isFree: (name: string) => boolean): string {
  for (const candidate of candidates) if (isFree(candidate)) return candidate;
  const base = candidates[0] ?? 'shared';
  for (let suffix = 2; ; suffix++) if (isFree(`${base}${suffix}`)) return `${base}${suffix}`;
}

export function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A variable name for a client built by `callee`: `Pool` → `pool`, `S3Client` → `s3Client`, `mysql.createPool` → `pool`. */
export function clientVariableName(callee: TSESTree.Node, sourceCode: SourceCode, fallback: string): string {
  const text = sourceCode.getText(callee);
  const parts = text.split('.');
  const last = parts.at(-1) ?? '';
  const receiver = parts.length > 1 ? (parts.at(-2) ?? '') : '';
  let name = last;
  if (/^(create|extend)$/.test(last) && /^[A-Za-z_$][\w$]*$/.test(receiver)) name = `${receiver}Client`;
  else if (/^create[A-Z]/.test(last)) name = last.slice('create'.length);
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) name = fallback;
  if (/^[A-Z0-9]+$/.test(name)) return name.toLowerCase();
  const lowered = name.replace(/^[A-Z]+(?=[A-Z][a-z]|\d|$)|^[A-Z]/, (prefix) => prefix.toLowerCase());
  return lowered === 'client' && receiver ? `${receiver}Client` : lowered;
}
