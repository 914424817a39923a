import path from 'node:path';
import { repositoryRoot } from './example-findings.js';
import { runCommand } from './run-command.js';

export const oxlintBin = path.join(repositoryRoot, 'node_modules/oxlint/bin/oxlint');

/** A finding in the fields both linters print: where, which rule, what it says. */
export interface PlainFinding {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

interface OxlintDiagnostic {
  message: string;
  code: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

/** Runs `oxlint -f json` in `cwd`; findings carry paths relative to `cwd` and ESLint-style rule ids. */
export async function runOxlint(cwd: string, args: readonly string[]): Promise<{ findings: PlainFinding[]; milliseconds: number; stderr: string }> {
  const run = await runCommand(process.execPath, [oxlintBin, '--format', 'json', ...args], cwd);
  if (run.code > 1) throw new Error(`oxlint failed (${run.code}): ${run.stderr || run.stdout}`);
  const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: OxlintDiagnostic[] };
  const findings = diagnostics.map((diagnostic) => ({
    file: diagnostic.filename.split(path.sep).join('/'),
    line: diagnostic.labels[0]?.span.line ?? 0,
    column: diagnostic.labels[0]?.span.column ?? 0,
    // `shared-client(no-per-request-client)` → `shared-client/no-per-request-client`
    rule: diagnostic.code.replace(/^([^(]+)\((.+)\)$/, '$1/$2'),
    message: diagnostic.message,
  }));
  return { findings, milliseconds: run.milliseconds, stderr: run.stderr };
}
