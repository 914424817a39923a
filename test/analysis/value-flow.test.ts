import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isKeptAcrossIterations, valueFlow } from '../../src/analysis/value-flow.js';
import { analyze, findNode } from '../helpers/analyze.js';

/** The uses of the value created by `make()` in `code`, as `kind` or `kind:name`. */
function uses(code: string): string[] {
  return analyze(code, (context, program) => {
    const creation = findNode<TSESTree.CallExpression>(context, program, AST_NODE_TYPES.CallExpression, 'make(');
    return valueFlow(context.sourceCode, creation).uses.map((use) => (use.kind === 'method' ? `method:${use.name}` : use.kind));
  });
}

function kept(code: string): boolean {
  return analyze(code, (context, program) =>
    isKeptAcrossIterations(context.sourceCode, findNode(context, program, AST_NODE_TYPES.CallExpression, 'make(')),
  );
}

describe('valueFlow', () => {
  it('follows the bound variable through its reads', () => {
    expect(
      uses(`function f() {
        const client = make();
        client.query('x');
        register(client);
        holder.client = client;
        list.push(client);
        const copy = { client };
        if (client) log(client.name);
        return client;
      }`),
    ).toEqual(['method:query', 'passed', 'stored', 'stored', 'stored', 'other', 'other', 'returned']);
  });

  it('classifies an unbound value by where it goes', () => {
    expect(uses(`const x = () => make();`)).toEqual(['returned']);
    expect(uses(`(await make()).send(cmd);`)).toEqual(['method:send']);
    expect(uses(`use(await make());`)).toEqual(['passed']);
    expect(uses(`this.client = make();`)).toEqual(['stored']);
    expect(uses(`function f() { return { db: make() }; }`)).toEqual(['returned']);
  });

  it('reports the binding and its declarator', () => {
    const result = analyze(`const pool = make();`, (context, program) => {
      const flow = valueFlow(context.sourceCode, findNode(context, program, AST_NODE_TYPES.CallExpression, 'make('));
      return [flow.binding?.name, flow.declarator?.type];
    });
    expect(result).toEqual(['pool', 'VariableDeclarator']);
  });
});

describe('isKeptAcrossIterations', () => {
  it.each([
    [`regions.map((r) => make(r));`, true],
    [`for (const r of rs) clients[r] = make(r);`, true],
    [`for (const r of rs) { const c = make(r); list.push(c); }`, true],
    [`for (const r of rs) { const c = make(r); await c.send(x); }`, false],
    [`items.forEach((i) => { make().send(i); });`, false],
  ])('%s → %s', (code, expected) => {
    expect(kept(code)).toBe(expected);
  });
});

describe('valueFlow: hand-offs that are not returns or stores', () => {
  it.each([
    ['aliased', `const c = make(); const d = c;`, ['aliased']],
    ['exported by name', `const c = make(); export { c };`, ['exported']],
    ['exported as default', `const c = make(); export default c;`, ['exported']],
    ['yielded', `function* g() { const c = make(); yield c; }`, ['yielded']],
    ['destructured, not aliased', `const c = make(); const { options } = c;`, ['other']],
  ])('%s', (_name, code, expected) => {
    expect(uses(code)).toEqual(expected);
  });
});

describe('valueFlow: through an assignment', () => {
  function assignedUses(code: string): [string | undefined, string[]] {
    return analyze(code, (context, program) => {
      const flow = valueFlow(context.sourceCode, findNode(context, program, AST_NODE_TYPES.CallExpression, 'make('), { throughAssignment: true });
      return [flow.binding?.name, flow.uses.map((use) => (use.kind === 'method' ? `method:${use.name}` : use.kind))];
    });
  }

  it('follows `x = value` into the variable when asked, and stops at a store otherwise', () => {
    expect(assignedUses(`let c; c = make(); c.query(); c.end();`)).toEqual(['c', ['method:query', 'method:end']]);
    expect(assignedUses(`let c; c ??= make(); c.end();`)).toEqual(['c', ['other', 'method:end']]);
    expect(assignedUses(`obj.c = make();`)).toEqual([undefined, ['stored']]);
    expect(uses(`let c; c = make(); c.end();`)).toEqual(['stored']);
  });
});
