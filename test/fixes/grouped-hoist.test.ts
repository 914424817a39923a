import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { groupedHoistFix } from '../../src/fixes/hoist.js';

/** The part of ESLint's fixer the hoists use: plain edit objects. */
const fixer = {
  insertTextBeforeRange: (range: readonly [number, number], text: string) => ({ range: [range[0], range[0]], text }),
  replaceTextRange: (range: readonly [number, number], text: string) => ({ range: [range[0], range[1]], text }),
} as unknown as TSESLint.RuleFixer;

const edit = (start: number, end: number, text: string) => ({ range: [start, end] as [number, number], text });
const hoist = (...edits: ReturnType<typeof edit>[]) => () => edits;

describe('groupedHoistFix', () => {
  it('joins the declarations inserted at one place in order, one blank line apart, and keeps every other edit', () => {
    const fix = groupedHoistFix([
      hoist(edit(10, 10, '\nconst a = new A();\n\n'), edit(40, 50, 'a')),
      hoist(edit(10, 10, '\nconst b = new B();\n\n'), edit(60, 70, 'b')),
    ]);
    expect(fix(fixer)).toEqual([edit(40, 50, 'a'), edit(60, 70, 'b'), edit(10, 10, '\nconst a = new A();\n\nconst b = new B();\n\n')]);
  });

  it('leaves a hoist whose edits overlap an earlier one for a later pass', () => {
    const fix = groupedHoistFix([
      hoist(edit(10, 10, 'const a = 1;\n'), edit(40, 80, '')),
      hoist(edit(10, 10, 'const b = 2;\n'), edit(50, 60, 'b')),
      hoist(edit(45, 45, 'x'), edit(90, 95, 'c')),
    ]);
    expect(fix(fixer)).toEqual([edit(40, 80, ''), edit(10, 10, 'const a = 1;\n')]);
  });
});
