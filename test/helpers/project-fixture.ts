import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';

const projects = join(import.meta.dirname, '../fixtures/projects');

/**
 * A RuleTester whose cwd is the fixture project `name` (`test/fixtures/projects/<name>`): test
 * filenames are paths in it, so the project layer reads the fixture's other files from disk and
 * the messages show places relative to the project.
 */
export function projectTester(name: string): RuleTester {
  return new RuleTester({ languageOptions: { parserOptions: { tsconfigRootDir: join(projects, name) } } });
}

/** The text of `file` in fixture project `name`, as the case's `code` (and `filename`). */
export function projectFile(name: string, file: string): { code: string; filename: string } {
  return { code: readFileSync(join(projects, name, file), 'utf8'), filename: file };
}

/** Settings that turn the project layer off: results are the single-file ones. */
export const LAYER_OFF = { 'shared-client': { project: false } };
