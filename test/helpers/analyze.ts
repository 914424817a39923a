import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { forEachChild } from '../../src/analysis/ast.js';

type Context = Readonly<TSESLint.RuleContext<string, unknown[]>>;

export interface AnalyzeOptions {
  filename?: string;
  settings?: Record<string, unknown>;
  sourceType?: 'module' | 'script' | 'commonjs';
  /** ESLint's default parser, as for plain `.js`/`.cjs` files (with `commonjs`, top-level bindings live in a function scope). */
  parser?: 'typescript' | 'espree';
  /** The directory ESLint runs in (the project root); files are linted under it. */
  cwd?: string;
}

/**
 * Parses `code` the way ESLint does for a rule and hands the rule context to `inspect` once the
 * whole file has been traversed, so analysis modules can be unit-tested on real ASTs and scopes.
 */
export function analyze<T>(code: string, inspect: (context: Context, program: TSESTree.Program) => T, options: AnalyzeOptions = {}): T {
  const cwd = options.cwd ?? '/project';
  const linter = new Linter({ configType: 'flat', cwd });
  let result: { value: T } | undefined;
  let failure: unknown;
  const filename = options.filename ?? 'src/file.ts';
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
        languageOptions: {
          ...(options.parser === 'espree' ? {} : { parser: tsParser }),
          ecmaVersion: 'latest',
          sourceType: options.sourceType ?? 'module',
        },
        settings: options.settings ?? {},
        plugins: {
          test: {
            rules: {
              inspect: {
                create(context) {
                  return {
                    'Program:exit'(program) {
                      try {
                        result = { value: inspect(context as unknown as Context, program as unknown as TSESTree.Program) };
                      } catch (error) {
                        failure = error;
                      }
                    },
                  };
                },
              },
            },
          },
        },
        rules: { 'test/inspect': 'error' },
      },
    ],
    `${cwd}/${filename}`,
  );
  if (failure) throw failure;
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!result) throw new Error(`the inspecting rule did not run: ${JSON.stringify(messages)}`);
  return result.value;
}

/** Finds the first node of `type` whose source text starts with `textStart`. */
export function findNode<N extends TSESTree.Node>(
  context: Context,
  program: TSESTree.Program,
  type: N['type'],
  textStart: string,
): N {
  const sourceCode = context.sourceCode;
  let match: N | undefined;
  const visit = (node: TSESTree.Node) => {
    if (match) return;
    if (node.type === type && sourceCode.getText(node).startsWith(textStart)) {
      match = node as N;
      return;
    }
    forEachChild(sourceCode, node, visit);
  };
  visit(program);
  if (!match) throw new Error(`no ${type} starting with ${JSON.stringify(textStart)}`);
  return match;
}
