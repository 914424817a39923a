import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BlockingCallEntry, blockingCallCatalog, blockingWorkDescriptions } from '../src/catalog/blocking-calls.js';
import { describeAlternative } from '../src/fixes/to-async.js';

const DOC = new URL('../docs/rules/no-blocking-in-async.md', import.meta.url);
const BEGIN = '<!-- begin blocking-call catalog -->';
const END = '<!-- end blocking-call catalog -->';

function fixKind(entry: BlockingCallEntry): string {
  if (!entry.alternative) return 'none';
  return entry.alternative.caveat ? 'suggestion' : 'fix';
}

/** The catalog table of the rule's documentation, one row per entry. */
function catalogTable(): string {
  const rows = blockingCallCatalog.map((entry) => {
    const alternative = entry.alternative ? describeAlternative(entry, entry.alternative) : (entry.advice ?? '');
    return `| \`${entry.label}\` | ${blockingWorkDescriptions[entry.work]} | ${alternative} | ${fixKind(entry)} |`;
  });
  return ['| Call | Blocks on | Async alternative | Fix |', '| :-- | :-- | :-- | :-- |', ...rows].join('\n');
}

describe('docs/rules/no-blocking-in-async.md', () => {
  it('lists the whole blocking-call catalog (copy the received table between the markers to update it)', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(doc.slice(start + BEGIN.length, end).trim()).toBe(catalogTable());
  });
});
