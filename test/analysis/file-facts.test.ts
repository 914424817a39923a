import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../src/analysis/file-analysis.js';
import { analyze } from '../helpers/analyze.js';

function roleOf(filename: string, cwd: string, code = 'export {};'): string {
  return analyze(code, (context) => analyzeFile(context).facts.role, { filename, cwd });
}

describe('file roles are read from the path inside the project', () => {
  it.each([
    ['a project under a scripts/ directory', '/home/ci/scripts/app', 'src/routes.ts', 'application'],
    ['a project under a test/ directory', '/srv/test/app', 'src/routes.ts', 'application'],
    ['a project under a bin/ directory', '/opt/bin/app', 'src/routes.ts', 'application'],
    ['a script inside the project', '/home/ci/app', 'scripts/seed.ts', 'one-off'],
    ['a test inside the project', '/srv/test/app', 'src/routes.test.ts', 'test'],
    ['a migration inside the project', '/srv/app', 'db/migrations/001_init.ts', 'one-off'],
  ])('%s', (_name, cwd, filename, expected) => {
    expect(roleOf(filename, cwd)).toBe(expected);
  });
});
