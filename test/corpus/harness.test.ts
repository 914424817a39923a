import type { Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createCorpusLinter } from '../../scripts/corpus/lint-file.js';
import { digestOf } from '../../scripts/corpus/run.js';

// The corpus harness must notice what it exists to catch: these plugins are broken on purpose.

const JS_FILE = 'test/fixtures/corpus/handler.js';
const TS_FILE = 'test/fixtures/corpus/handler.ts';

function pluginWith(rule: Rule.RuleModule) {
  const plugin = { rules: { probe: rule }, configs: {} as Record<string, unknown> };
  plugin.configs.all = { plugins: { 'shared-client': plugin }, rules: { 'shared-client/probe': 'error' } };
  return plugin;
}

/** A rule that reports once on the first line, with `fix` as its autofix (when the text does not contain `unless` yet). */
function fixingRule(fix: (fixer: Rule.RuleFixer, context: Rule.RuleContext) => Rule.Fix, unless?: string): Rule.RuleModule {
  return {
    meta: { type: 'problem', fixable: 'code', schema: [] },
    create: (context) => ({
      Program(node) {
        if (unless !== undefined && context.sourceCode.text.includes(unless)) return;
        context.report({ node, message: 'fixable', fix: (fixer) => fix(fixer, context) });
      },
    }),
  };
}

function lint(rule: Rule.RuleModule, file = JS_FILE) {
  return createCorpusLinter({ plugin: pluginWith(rule), stress: false }).lintFile(file);
}

describe('the corpus harness', () => {
  it('accepts a fix that keeps the code working', () => {
    const record = lint(fixingRule((fixer, context) => fixer.insertTextBefore(context.sourceCode.ast, '// checked\n'), '// checked'));
    expect(record.crash).toBeUndefined();
    expect(record.default?.fix).toEqual({ passes: 1, cascades: 0, newReports: [], output: expect.any(String), problems: [] });
  });

  it('accepts a fix unlocked by another fix (eslint --fix applies it in its next pass)', () => {
    const record = lint({
      meta: { type: 'problem', fixable: 'code', schema: [] },
      create: (context) => ({
        Literal(node) {
          if (node.value === 10) context.report({ node, message: 'ten', fix: (fixer) => fixer.replaceText(node, '11') });
        },
        'CallExpression > MemberExpression.callee[property.name="log"]'(node: Rule.Node) {
          const unlocked = !context.sourceCode.text.includes('10');
          context.report({ node, message: 'log', ...(unlocked ? { fix: (fixer: Rule.RuleFixer) => fixer.replaceText(node, 'console.info') } : {}) });
        },
      }),
    });
    expect(record.default?.fix).toEqual({ passes: 2, cascades: 1, newReports: [], output: expect.any(String), problems: [] });
  });

  it('records, without failing, a report without a fix that a fix led to', () => {
    const record = lint({
      meta: { type: 'problem', fixable: 'code', schema: [] },
      create: (context) => ({
        Literal(node) {
          if (node.value === 10) context.report({ node, message: 'ten', fix: (fixer) => fixer.replaceText(node, '11') });
          if (node.value === 11) context.report({ node, message: 'eleven' });
        },
      }),
    });
    expect(record.default?.fix).toEqual({
      passes: 1,
      cascades: 0,
      newReports: ['after pass 1: shared-client/probe@1:15 (eleven)'],
      output: expect.any(String),
      problems: [],
    });
  });

  it('reports a rule that throws, with the rule and the file', () => {
    const record = lint({
      meta: { type: 'problem', schema: [] },
      create: () => ({
        Program() {
          throw new TypeError('boom');
        },
      }),
    });
    expect(record.crash).toMatchObject({ pass: 'default', ruleId: 'shared-client/probe', message: 'boom' });
  });

  it('catches a fix that redeclares a binding, in JavaScript (the parser refuses it)', () => {
    const record = lint(fixingRule((fixer, context) => fixer.insertTextBefore(context.sourceCode.ast, 'const limit = 1;\n'), 'const limit = 1;'));
    expect(record.default?.fix?.problems).toEqual([expect.stringMatching(/^pass 1 output does not parse: .*'limit' has already been declared/)]);
  });

  it('catches a fix that redeclares a binding, in TypeScript (the parser accepts it, the compiler does not)', () => {
    const record = lint(
      fixingRule((fixer, context) => fixer.insertTextBefore(context.sourceCode.ast, 'const limit = 1;\n'), 'const limit = 1;'),
      TS_FILE,
    );
    expect(record.default?.fix?.problems).toContain("new compiler error TS2451: Cannot redeclare block-scoped variable 'limit'.");
  });

  it('catches a fix that uses a binding before its declaration', () => {
    const record = lint(fixingRule((fixer, context) => fixer.insertTextBefore(context.sourceCode.ast, 'console.log(limit);\n'), 'console.log(limit);'));
    expect(record.default?.fix?.problems).toEqual([
      "new no-use-before-define: 'limit' was used before it was defined.",
      "new corpus/load-order: 'limit' may be read before its declaration while the module loads.",
    ]);
  });

  it('catches a fix that makes code read a binding before it is initialized, through a function declaration', () => {
    const record = lint(fixingRule((fixer, context) => fixer.insertTextBefore(context.sourceCode.ast, 'handle([]);\n'), 'handle([]);'));
    expect(record.default?.fix?.problems).toEqual([
      "new corpus/load-order: 'limit' may be read before its declaration while the module loads.",
    ]);
  });

  it('catches fixes that do not converge', () => {
    const record = lint(fixingRule((fixer, context) => fixer.insertTextBefore(context.sourceCode.ast, ';')));
    expect(record.default?.fix?.problems).toContain('still fixable after 10 passes (eslint --fix stops there)');
    expect(record.default?.fix?.problems[0]).toBe('after pass 1, the report shared-client/probe@1:1 (fixable) is new, with a fix');
  });

  it('applies each suggestion alone and catches one that breaks the code', () => {
    const record = lint({
      meta: { type: 'problem', hasSuggestions: true, schema: [] },
      create: (context) => ({
        Program(node) {
          const brace = context.sourceCode.getTokens(node).find((token) => token.value === '{')!;
          context.report({ node, message: 'suggests', suggest: [{ desc: 'drop a brace', fix: (fixer) => fixer.remove(brace) }] });
        },
      }),
    });
    expect(record.default?.suggestions).toEqual([
      { at: 'shared-client/probe@1:1 drop a brace', output: expect.any(String), problems: [expect.stringMatching(/^does not parse: /)] },
    ]);
  });

  it('digests runs by content, not by timing', () => {
    const rule = fixingRule((fixer, context) => fixer.insertTextBefore(context.sourceCode.ast, '// checked\n'), '// checked');
    const first = [lint(rule)];
    const second = [{ ...lint(rule), ms: 12345 }];
    expect(digestOf(second)).toBe(digestOf(first));
    expect(digestOf([{ ...first[0]!, mode: 'js:script' }])).not.toBe(digestOf(first));
  });
});
