import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
export const examplesRoot = path.join(repositoryRoot, 'examples');

/** The example apps: every folder under `examples/`, each linted with its own `eslint.config.*`. */
export function exampleApps(): string[] {
  return readdirSync(examplesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** What ESLint 9 and 10 both return from `lintFiles` (only the fields compared here). */
export interface LintMessageLike {
  ruleId: string | null;
  messageId?: string;
  message: string;
  line: number;
  column: number;
  fatal?: boolean;
  fix?: unknown;
  suggestions?: { messageId?: string; desc: string; fix: { range: [number, number]; text: string } }[];
}
export interface LintResultLike {
  filePath: string;
  messages: LintMessageLike[];
  source?: string;
}
export interface LinterLike {
  lintFiles(patterns: string[]): Promise<LintResultLike[]>;
}

/** One finding, as `examples.expected.txt` records it. */
export interface Finding {
  /** `app/path/inside/app`, with `/` separators. */
  file: string;
  line: number;
  column: number;
  rule: string | null;
  messageId: string | null;
  message: string;
  /** What an editor offers: `autofix`, the suggestions' message ids, or `none`. */
  quickFix: string;
}

export interface ExampleRun {
  findings: Finding[];
  /** The lint results of every file, by app, for tests that look at fixes and sources. */
  results: Map<string, LintResultLike[]>;
}

/** Lints every example app as `npm run demo` does: one linter per app, `cwd` at the app, `lintFiles(['.'])`. */
export async function lintExamples(createLinter: (cwd: string) => LinterLike): Promise<ExampleRun> {
  const results = new Map<string, LintResultLike[]>();
  const runs = await Promise.all(
    exampleApps().map(async (app) => [app, await createLinter(path.join(examplesRoot, app)).lintFiles(['.'])] as const),
  );
  for (const [app, appResults] of runs) results.set(app, appResults);
  return { findings: sortFindings(runs.flatMap(([, appResults]) => appResults.flatMap(findingsOf))), results };
}

export function findingsOf(result: LintResultLike): Finding[] {
  const file = toExamplePath(result.filePath);
  return result.messages.map((message) => ({
    file,
    line: message.line,
    column: message.column,
    rule: message.ruleId,
    messageId: message.messageId ?? null,
    message: message.message,
    quickFix: quickFixOf(message),
  }));
}

export function quickFixOf(message: LintMessageLike): string {
  const offers = [...(message.fix ? ['autofix'] : []), ...(message.suggestions ?? []).map((suggestion) => `suggest ${suggestion.messageId ?? suggestion.desc}`)];
  return offers.length > 0 ? offers.join(', ') : 'none';
}

/** `examples/<app>/src/x.ts` → `<app>/src/x.ts`. */
export function toExamplePath(filePath: string): string {
  return path.relative(examplesRoot, filePath).split(path.sep).join('/');
}

export function sortFindings<F extends Pick<Finding, 'file' | 'line' | 'column' | 'rule'>>(findings: F[]): F[] {
  return findings.toSorted(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || String(a.rule).localeCompare(String(b.rule)),
  );
}

/** The checked-in expectation: a header per app with its count, then one line per finding. */
export function renderExpectation(findings: readonly Finding[]): string {
  const lines = [
    '# Findings of the bundled rules on examples/ (file:line:column rule messageId -> quick fix).',
    '# Regenerate with `npm run examples:expect` after a rule changes, then review the diff.',
  ];
  for (const app of exampleApps()) {
    const appFindings = findings.filter((finding) => finding.file.startsWith(`${app}/`));
    lines.push('', `# ${app}: ${appFindings.length} finding(s)`);
    for (const finding of appFindings) {
      lines.push(`${finding.file}:${finding.line}:${finding.column} ${finding.rule ?? 'fatal'} ${finding.messageId ?? '-'} -> ${finding.quickFix}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
