import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { expressionFacts } from '../../src/analysis/free-references.js';
import { analyze, findNode } from '../helpers/analyze.js';

/** How each name used by the `new Client(...)` expression is bound: `name:kind`. */
function referenceKinds(code: string, parser: 'typescript' | 'espree', sourceType: 'module' | 'script' | 'commonjs'): string[] {
  return analyze(
    code,
    (context, program) => {
      const creation = findNode<TSESTree.NewExpression>(context, program, AST_NODE_TYPES.NewExpression, 'new Client(');
      return expressionFacts(context.sourceCode, creation).references.map((reference) => `${reference.identifier.name}:${reference.kind}`);
    },
    { filename: 'src/handler.cjs', parser, sourceType },
  );
}

describe('expressionFacts', () => {
  const code = [
    `const { Client } = require('pg');`,
    `let region = 'eu';`,
    `region = process.env.REGION;`,
    `const options = { max: 5 };`,
    `exports.handler = async (event) => {`,
    `  const client = new Client({ ...options, region, user: event.user, url: process.env.URL });`,
    `};`,
  ].join('\n');

  it.each([
    ['typescript', 'module'],
    ['typescript', 'commonjs'],
    ['espree', 'module'],
    ['espree', 'script'],
    // ESLint's default for `.cjs`: the module is wrapped in a function scope.
    ['espree', 'commonjs'],
  ] as const)('sees the top-level bindings as module-level (%s parser, %s)', (parser, sourceType) => {
    expect(referenceKinds(code, parser, sourceType)).toEqual(['Client:module', 'options:module', 'region:module-mutable', 'event:local', 'process:global']);
  });
});
