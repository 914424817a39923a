import { describe, expect, it } from 'vitest';
import { specifierPrefilter } from '../../src/analysis/specifier-prefilter.js';

describe('specifierPrefilter', () => {
  const mayName = specifierPrefilter(['pg', 'ioredis', 'fs', 'fs/promises', 'x'], ['@aws-sdk/client-', '@google-cloud/']);

  it('passes the names themselves and nothing that only starts like one', () => {
    expect(['pg', 'ioredis', 'fs', 'fs/promises', 'x'].filter(mayName)).toEqual(['pg', 'ioredis', 'fs', 'fs/promises', 'x']);
    expect(['pg-pool', 'p', 'fsx', 'io', 'xy', ''].filter(mayName)).toEqual([]);
  });

  it('passes whatever starts with a prefix', () => {
    expect(['@aws-sdk/client-s3', '@google-cloud/storage', '@aws-sdk/client-'].every(mayName)).toBe(true);
    expect(['@aws-sdk/lib-storage', '@google/genai', '@a'].some(mayName)).toBe(false);
  });

  it('rejects application aliases and relative paths', () => {
    expect(['@server/models', '~/utils/fs', './pg', '../ioredis', '/abs/fs'].some(mayName)).toBe(false);
  });

  it('compares in full when two heads fold to the same key (characters past U+3FFF)', () => {
    // U+4070 keeps its low 14 bits, U+0070 ('p'): both heads fold to those of 'pg'.
    const folded = '\u4070g';
    expect(mayName(folded)).toBe(false);
    expect(specifierPrefilter([folded], [])(folded)).toBe(true);
    expect(specifierPrefilter([folded], [])('pg')).toBe(false);
  });

  it('lets a prefix shorter than two characters (a glob starting with `*`) pass every specifier it starts', () => {
    expect(specifierPrefilter([], [''])('anything')).toBe(true);
    expect(specifierPrefilter([], ['@'])('@scope/pkg')).toBe(true);
    expect(specifierPrefilter([], ['@'])('scope')).toBe(false);
  });
});
