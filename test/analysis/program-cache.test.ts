import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { programValues } from '../../src/analysis/program-cache.js';

const sourceCodeOf = () => ({ ast: { type: 'Program', body: [] } as unknown as TSESTree.Program }) as unknown as TSESLint.SourceCode;

describe('programValues', () => {
  it('keeps a file’s cache while many other programs are analysed (the project layer parses other files mid-lint)', () => {
    const linted = sourceCodeOf();
    const values = programValues(linted);
    values.set('claimed', new Set(['error']));
    for (let i = 0; i < 20; i++) programValues(sourceCodeOf()).set('x', i);
    expect(programValues(linted)).toBe(values);
    expect(programValues(linted).get('claimed')).toEqual(new Set(['error']));
  });

  it('gives each program its own cache', () => {
    const a = sourceCodeOf();
    const b = sourceCodeOf();
    programValues(a).set('k', 1);
    expect(programValues(b).has('k')).toBe(false);
  });
});
