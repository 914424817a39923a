import { execFile } from 'node:child_process';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  milliseconds: number;
}

/** Runs a command to completion, whatever its exit code (linters exit 1 when they find problems). */
export function runCommand(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (code === null) {
        reject(error);
        return;
      }
      resolve({ code, stdout, stderr, milliseconds: performance.now() - started });
    });
  });
}
