import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The caches of the files linted last, by `Program` identity. ESLint lints one file at a time and
 * runs every rule on a `Program` before parsing the next, so a short list compared by identity
 * finds the current file without hashing: a `WeakMap` keyed by each new `Program` costs a few
 * microseconds per file, as much as the rest of the work on a file with nothing to report. Nothing
 * is shared across files; the last few files' caches are at hand, older ones in a `WeakMap`.
 */
const RECENT_PROGRAMS = 4;
const recent: { program: TSESTree.Program; values: Map<unknown, unknown> }[] = [];
/**
 * Caches pushed out of the short list, for as long as their `Program` lives: while a rule works on
 * a file, the project layer analyses other files (each a new `Program`), and the linted file's
 * cache must survive that (it holds state such as the names its fixes have claimed).
 */
const older = new WeakMap<TSESTree.Program, Map<unknown, unknown>>();

/** The cache of values computed for the file whose `Program` this is. */
export function programValues(sourceCode: SourceCode): Map<unknown, unknown> {
  const program = sourceCode.ast;
  for (const entry of recent) if (entry.program === program) return entry.values;
  const values = older.get(program) ?? new Map<unknown, unknown>();
  recent.unshift({ program, values });
  if (recent.length > RECENT_PROGRAMS) {
    const evicted = recent.pop()!;
    older.set(evicted.program, evicted.values);
  }
  return values;
}

/**
 * A map from nodes of the file to values, kept in the file's cache under `owner` (the function
 * that fills it), for analyses memoized per node but computed with the whole file at hand.
 */
export function programNodeMap<T>(sourceCode: SourceCode, owner: object): Map<TSESTree.Node, T> {
  const values = programValues(sourceCode);
  let byNode = values.get(owner) as Map<TSESTree.Node, T> | undefined;
  if (!byNode) {
    byNode = new Map();
    values.set(owner, byNode);
  }
  return byNode;
}

/**
 * Memoizes a per-file analysis on the file's `Program` node, so every rule linting the file
 * shares one result and nothing survives the file (each lint pass parses a new `Program`).
 */
export function perProgram<T>(compute: (sourceCode: SourceCode) => T): (sourceCode: SourceCode) => T {
  return (sourceCode) => {
    const values = programValues(sourceCode);
    if (values.has(compute)) return values.get(compute) as T;
    const value = compute(sourceCode);
    values.set(compute, value);
    return value;
  };
}

/** Memoizes a function of one AST node (or other object) for the lifetime of that object. */
export function perNode<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const cache = new WeakMap<K, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
