import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from 'eslint-plugin-shared-client';
import { type ExampleRun, type LintMessageLike, examplesRoot, lintExamples, repositoryRoot, toExamplePath } from './example-findings.js';

/**
 * What an editor shows comes from the same Node API: `message.fix` becomes "Fix this problem" (and
 * fix-all on save), each `message.suggestions[i]` becomes a quick fix of its own. These tests hold
 * the rules to what their docs and meta promise, on the example apps.
 */
interface RuleMeta {
  fixable?: 'code' | 'whitespace';
  hasSuggestions?: boolean;
  messages: Record<string, string>;
  docs?: { url?: string };
}
const metaOf = (ruleId: string) => (plugin.rules as Record<string, { meta: RuleMeta }>)[ruleId.replace('shared-client/', '')]!.meta;
const ruleNames = Object.keys(plugin.rules);

let run: ExampleRun;
const linters = new Map<string, ESLint>();
const linterFor = (app: string) => {
  let linter = linters.get(app);
  if (!linter) linters.set(app, (linter = new ESLint({ cwd: path.join(examplesRoot, app) })));
  return linter;
};

beforeAll(async () => {
  run = await lintExamples((cwd) => linterFor(path.basename(cwd)));
});

function reports(): { app: string; filePath: string; message: LintMessageLike }[] {
  return [...run.results].flatMap(([app, results]) =>
    results.flatMap((result) => result.messages.map((message) => ({ app, filePath: result.filePath, message }))),
  );
}

describe('the rule docs promise what the meta declares', () => {
  it.each(ruleNames)('%s: the doc header shows 🔧 and 💡 exactly when meta declares fixes and suggestions', (name) => {
    const header = readFileSync(path.join(repositoryRoot, 'docs/rules', `${name}.md`), 'utf8').split('<!-- end auto-generated rule header -->')[0]!;
    const meta = metaOf(name);
    expect(/🔧/u.test(header)).toBe(Boolean(meta.fixable));
    expect(/💡/u.test(header)).toBe(Boolean(meta.hasSuggestions));
    expect(meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
  });
});

describe('quick fixes in editors, on the examples', () => {
  it('every report a rule cannot autofix carries the suggestion its rule promises, or says why there is none', () => {
    const broken: string[] = [];
    for (const { filePath, message } of reports()) {
      if (!message.ruleId || message.fix) continue;
      const meta = metaOf(message.ruleId);
      if (!meta.fixable && !meta.hasSuggestions) continue;
      const where = `${toExamplePath(filePath)}:${message.line}:${message.column}`;
      const suggestions = message.suggestions ?? [];
      if (suggestions.length > 0) continue;
      // No edit at all: the message itself must explain why (`... not fixed automatically: <reason>`).
      const template = message.messageId ? meta.messages[message.messageId] : undefined;
      if (!template || !/fix/i.test(template)) broken.push(`${where} has no fix, no suggestion and no explanation`);
    }
    expect(broken).toEqual([]);
  });

  it('every suggestion is declared in its rule’s meta, describes itself, and resolves its own report', async () => {
    const suggested = reports().filter(({ message }) => (message.suggestions ?? []).length > 0);
    expect(suggested.length).toBeGreaterThan(0);
    for (const { app, filePath, message } of suggested) {
      const meta = metaOf(message.ruleId!);
      expect(meta.hasSuggestions).toBe(true);
      const source = readFileSync(filePath, 'utf8');
      const before = (await linterFor(app).lintText(source, { filePath }))[0]!.messages.filter((other) => other.ruleId === message.ruleId);
      for (const suggestion of message.suggestions!) {
        expect(Object.keys(meta.messages)).toContain(suggestion.messageId);
        expect(suggestion.desc.length).toBeGreaterThan(20);
        const { range, text } = suggestion.fix;
        const applied = source.slice(0, range[0]) + text + source.slice(range[1]);
        const [after] = await linterFor(app).lintText(applied, { filePath });
        expect(after!.messages.filter((other) => other.fatal)).toEqual([]);
        expect(after!.messages.filter((other) => other.ruleId === message.ruleId)).toHaveLength(before.length - 1);
      }
    }
  });

  it('fix-all (`--fix`, fix on save) leaves code that parses and has nothing left to autofix', async () => {
    let fixedFiles = 0;
    for (const app of run.results.keys()) {
      const fixing = new ESLint({ cwd: path.join(examplesRoot, app), fix: true });
      for (const result of await fixing.lintFiles(['.'])) {
        if (result.output === undefined) continue;
        fixedFiles++;
        const [relinted] = await linterFor(app).lintText(result.output, { filePath: result.filePath });
        expect(relinted!.messages.filter((message) => message.fatal || message.fix), toExamplePath(result.filePath)).toEqual([]);
      }
    }
    expect(fixedFiles).toBeGreaterThan(0);
  });
});
