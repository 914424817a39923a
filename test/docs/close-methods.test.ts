import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientCatalog } from '../../src/catalog/clients.js';
import type { ClientEntry, ClientMember } from '../../src/catalog/types.js';

const DOC = new URL('../../docs/rules/require-client-close.md', import.meta.url);
const BEGIN = '<!-- begin close methods: generated from src/catalog/clients.ts by test/docs/close-methods.test.ts (UPDATE_DOCS=1 npx vitest run test/docs) -->';
const END = '<!-- end close methods -->';

function notes(client: ClientEntry | ClientMember): string {
  const parts: string[] = [];
  if ('asyncDispose' in client && client.asyncDispose) parts.push('`await using` closes it');
  if (client.syncClose) parts.push('nothing to await');
  if (client.closedWithParent) parts.push('closed with the client that made it: never reported');
  return parts.join('; ');
}

/** The section of the rule's documentation that lists each catalogued client's close method. */
function closeMethodsSection(): string {
  const rows = ['| Module | Export | Client | Closed with | Notes |', '| :-- | :-- | :-- | :-- | :-- |'];
  const withoutClose = new Set<string>();
  for (const entry of clientCatalog) {
    if (entry.close) rows.push(`| \`${entry.module}\` | \`${entry.export}\` | ${entry.label} | \`${entry.close}()\` | ${notes(entry)} |`);
    else withoutClose.add(entry.label);
    for (const member of entry.members ?? []) {
      if (member.close) rows.push(`| \`${entry.module}\` | \`${entry.export}\` → \`${member.method}()\` | ${member.label} | \`${member.close}()\` | ${notes(member)} |`);
    }
  }
  const never = `Never reported, as there is nothing to close: ${[...withoutClose].join(', ')}.`;
  return [BEGIN, '', ...rows, '', never, '', END].join('\n');
}

describe('docs/rules/require-client-close.md', () => {
  it('lists the close method of every catalogued client, as the catalog says', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start, 'the close-method markers are missing').toBeGreaterThanOrEqual(0);
    const expected = closeMethodsSection();
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, doc.slice(0, start) + expected + doc.slice(end + END.length));
    expect(doc.slice(start, end + END.length)).toBe(expected);
  });
});
