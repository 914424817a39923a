import type { TSESLint } from '@typescript-eslint/utils';
import { REPOSITORY_URL } from './create-rule.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Set to `1` by the plugin's own tests, corpus run and benchmark, so that no internal error is
 * turned into a report where nobody reads it.
 */
export const RETHROW_VARIABLE = 'SHARED_CLIENT_RETHROW';

/**
 * An internal error met while analysing one file: a report on that file instead of an exception
 * that would abort the user's whole lint run (ESLint stops at the first rule that throws).
 */
export function reportInternalError(context: Context, error: unknown): void {
  if (process.env[RETHROW_VARIABLE] === '1') throw error;
  const reason = error instanceof Error ? error.message : String(error);
  // A plain `message`: this report is the same for every rule, and not a finding any rule documents.
  (context.report as unknown as (descriptor: { loc: { line: number; column: number }; message: string }) => void)({
    loc: { line: 1, column: 0 },
    message: `shared-client could not analyse this file: ${firstLine(reason)}; please report it at ${REPOSITORY_URL}/issues (the rest of the lint run is unaffected).`,
  });
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 300)}...` : line;
}
