import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createRule } from '../src/util/create-rule.js';

type Options = [{ flag?: boolean; nested?: { depth?: number } }];

/** A rule that hands the options it is given to `seen`, only when it is asked to. */
function ruleRecording(seen: unknown[], askForOptions: boolean) {
  return createRule<Options, 'message'>({
    name: 'test-rule',
    meta: {
      type: 'problem',
      docs: { description: 'Disallow nothing (a test rule)', recommended: false },
      schema: [],
      defaultOptions: [{ flag: false, nested: { depth: 1 } }],
      messages: { message: 'message' },
    },
    defaultOptions: [{ flag: false, nested: { depth: 1 } }],
    create(_context, options) {
      if (askForOptions) seen.push(options(), options());
      return {};
    },
  });
}

/** A rule context whose `options` can be counted: what ESLint hands `create`. */
function contextWith(options: readonly unknown[], reads: { count: number }) {
  return {
    sourceCode: { text: 'export {};\n' },
    get options() {
      reads.count++;
      return options;
    },
  } as unknown as TSESLint.RuleContext<'message', Options>;
}

describe('createRule', () => {
  it('reads no options until the rule asks for them', () => {
    const reads = { count: 0 };
    ruleRecording([], false).create(contextWith([{ flag: true, nested: { depth: 2 } }], reads));
    expect(reads.count).toBe(0);
  });

  it('passes options that cover every default as ESLint gave them', () => {
    const seen: unknown[] = [];
    const given = [{ flag: true, nested: { depth: 2 } }];
    ruleRecording(seen, true).create(contextWith(given, { count: 0 }));
    expect(seen[0]).toBe(given);
  });

  it('merges the defaults into partial options (ESLint before 9.15), once per configuration', () => {
    const seen: unknown[] = [];
    const rule = ruleRecording(seen, true);
    rule.create(contextWith([{ flag: true }], { count: 0 }));
    rule.create(contextWith([{ flag: true }], { count: 0 }));
    rule.create(contextWith([], { count: 0 }));
    expect(seen[0]).toEqual([{ flag: true, nested: { depth: 1 } }]);
    expect(seen[2]).toBe(seen[0]);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(seen[4]).toEqual([{ flag: false, nested: { depth: 1 } }]);
  });

  it('builds the documentation URL from the rule name', () => {
    expect(ruleRecording([], false).meta.docs?.url).toMatch(/\/docs\/rules\/test-rule\.md$/);
  });
});
