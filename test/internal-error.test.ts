import { Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../src/analysis/file-analysis.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/analysis/file-analysis.js')>();
  return {
    ...original,
    analyzeFile: (...args: Parameters<typeof original.analyzeFile>) => {
      if (args[0].sourceCode.text.includes('BREAK_ANALYSIS')) throw new Error('analysis broke\nsecond line');
      return original.analyzeFile(...args);
    },
  };
});

const { default: plugin } = await import('../src/index.js');

const code = `import { Pool } from 'pg';
import { readFileSync } from 'node:fs';
app.get('/x', async (req, res) => {
  const pool = new Pool();
  res.send(readFileSync('a'));
});
`;

function lint(text: string) {
  const linter = new Linter();
  return linter.verify(text, [{ plugins: { 'shared-client': plugin as never }, rules: { ...plugin.configs.recommended.rules } }], 'app.js');
}

describe('an internal error in the analysis of one file', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.SHARED_CLIENT_RETHROW;
    delete process.env.SHARED_CLIENT_RETHROW;
  });
  afterEach(() => {
    process.env.SHARED_CLIENT_RETHROW = saved;
  });

  it('becomes one report per rule that met it, on line 1, and the run goes on', () => {
    const messages = lint(`${code}// BREAK_ANALYSIS\n`);
    expect(messages.every((message) => message.fatal !== true)).toBe(true);
    const internal = messages.filter((message) => message.message.startsWith('shared-client could not analyse this file'));
    expect(internal.map((message) => message.ruleId).sort()).toEqual([
      'shared-client/no-blocking-in-async',
      'shared-client/no-per-request-client',
      'shared-client/require-client-close',
    ]);
    for (const message of internal) {
      expect(message).toMatchObject({ line: 1, column: 1 });
      expect(message.message).toContain('analysis broke; please report it at');
      expect(message.message).not.toContain('second line');
    }
  });

  it('leaves other files analysed as usual', () => {
    const messages = lint(code);
    expect(messages.map((message) => message.ruleId).sort()).toEqual(['shared-client/no-blocking-in-async', 'shared-client/no-per-request-client']);
  });

  it('is thrown when SHARED_CLIENT_RETHROW=1 (the plugin own tests and corpus run)', () => {
    process.env.SHARED_CLIENT_RETHROW = '1';
    expect(() => lint(`${code}// BREAK_ANALYSIS\n`)).toThrow(/analysis broke/);
  });
});
