import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { callDataReferences, dependsOnCallData, expressionFacts } from '../../src/analysis/free-references.js';
import { analyze, findNode } from '../helpers/analyze.js';

/** Facts about the `new Client(...)` expression in `code`, summarized. */
function summary(code: string) {
  return analyze(code, (context, program) => {
    const node = findNode<TSESTree.NewExpression>(context, program, AST_NODE_TYPES.NewExpression, 'new Client(');
    const facts = expressionFacts(context.sourceCode, node);
    return {
      references: facts.references.map((reference) => `${reference.kind}:${reference.identifier.name}`),
      calls: facts.calls.map((call) => context.sourceCode.getText(call.callee)),
      awaits: facts.awaits,
      callData: callDataReferences(context.sourceCode, facts).map((reference) => context.sourceCode.getText(reference)),
      dependsOnCallData: dependsOnCallData(context.sourceCode, facts),
    };
  });
}

describe('expressionFacts', () => {
  it('classifies module bindings, globals and locals', () => {
    expect(
      summary(`import { Client } from 'x';
        import config from './config';
        const URL_BASE = 'https://a';
        let mutable = 1; mutable = 2;
        function handler(req) {
          const token = req.headers.token;
          const port = 5432;
          return new Client({ url: URL_BASE, env: process.env.DB, config, mutable, token, port, req });
        }`),
    ).toEqual({
      references: ['module:Client', 'module:URL_BASE', 'global:process', 'module:config', 'module-mutable:mutable', 'local:token', 'local:port', 'local:req'],
      calls: [],
      awaits: false,
      callData: ['token', 'req'],
      dependsOnCallData: true,
    });
  });

  it('lists calls evaluated with the expression, not those in nested functions or pure conversions', () => {
    expect(
      summary(`import { Client } from 'x';
        new Client({ base: baseUrl(), port: Number(process.env.PORT), parse: JSON.parse('{}'), onError: () => report() });`),
    ).toMatchObject({ calls: ['baseUrl'], dependsOnCallData: false });
  });

  it('notices awaits and `this`', () => {
    expect(summary(`async function f() { return new Client(await secret()); }`)).toMatchObject({ awaits: true, calls: ['secret'] });
    expect(summary(`class S { m() { return new Client(this.options); } }`)).toMatchObject({ callData: ['this'], dependsOnCallData: true });
  });

  it('ignores names declared inside the expression', () => {
    expect(summary(`new Client({ transform: (data) => data.trim() });`).references).toEqual(['global:Client']);
  });
});

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

describe('expressionFacts in CommonJS files', () => {
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
