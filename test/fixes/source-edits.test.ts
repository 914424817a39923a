import { describe, expect, it } from 'vitest';
import { combineEdits, editedSlice } from '../../src/fixes/source-edits.js';

describe('editedSlice', () => {
  const text = 'a(b, c);\nd(e);\n';
  it('applies the inner edits that lie inside the range', () => {
    expect(editedSlice(text, [0, 8], [{ range: [2, 3], text: 'x' }, { range: [12, 13], text: 'y' }])).toBe('a(x, c);');
  });
  it('cuts a removal that reaches past the range to the range', () => {
    expect(editedSlice(text, [0, 5], [{ range: [2, 9], text: '' }])).toBe('a(');
  });
  it('gives up on a replacement that reaches past the range', () => {
    expect(editedSlice(text, [0, 5], [{ range: [2, 9], text: 'z' }])).toBeNull();
  });
});

describe('combineEdits', () => {
  it('drops inner edits carried by an outer one and keeps the others', () => {
    const outer = { range: [0, 8] as [number, number], text: 'a(x, c);' };
    const inside = { range: [2, 3] as [number, number], text: 'x' };
    const outside = { range: [12, 13] as [number, number], text: 'y' };
    expect(combineEdits([outer], [inside, outside])).toEqual([outer, outside]);
  });
  it('refuses edits that still overlap', () => {
    expect(combineEdits([{ range: [0, 8], text: '' }], [{ range: [6, 10], text: 'q' }])).toBeNull();
  });
});
