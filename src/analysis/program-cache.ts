import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Memoizes a per-file analysis on the file's `Program` node, so every rule linting the file
 * shares one result and nothing survives the file (each lint pass parses a new `Program`).
 */
export function perProgram<T>(compute: (sourceCode: SourceCode) => T): (sourceCode: SourceCode) => T {
  const cache = new WeakMap<TSESTree.Program, T>();
  return (sourceCode) => {
    let value = cache.get(sourceCode.ast);
    if (value === undefined && !cache.has(sourceCode.ast)) {
      value = compute(sourceCode);
      cache.set(sourceCode.ast, value);
    }
    return value as T;
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
