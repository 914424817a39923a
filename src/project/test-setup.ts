import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type SetupMock, mocksInText } from '../analysis/mocked-modules.js';
import { fileStamp } from './stamp.js';

/**
 * The modules mocked by the setup files a test runner loads before every test file: Vitest's
 * `test.setupFiles` and Jest's `setupFiles`/`setupFilesAfterEnv`, from the runner's config nearest
 * above the test file (within the project root). Configs are code, so they are read as text: the
 * setup-file paths are the string literals of those options.
 */
const RUNNER_CONFIGS = ['vitest.config', 'vite.config', 'jest.config'].flatMap((base) => ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs'].map((ext) => `${base}.${ext}`));
const SETUP_OPTION = /\bsetupFiles(?:AfterEnv)?["']?\s*:\s*(\[[^\]]*\]|(['"`])[^'"`\n]*\2)/g;
const STRING_LITERAL = /(['"`])([^'"`\n]+)\1/g;
const SCRIPT_EXTENSIONS = ['', '.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx'];

interface RunnerSetup {
  configStamp: string;
  setupFiles: readonly string[];
  setupStamps: string;
  mocks: readonly SetupMock[];
}

const cache = new Map<string, RunnerSetup>();

/** What `testFile`'s setup files mock, and how; revalidated by the files' mtime and size. */
export function setupFileMocks(testFile: string, root: string): readonly SetupMock[] {
  const config = runnerConfig(testFile, root);
  if (config === null) return NONE;
  const configStamp = fileStamp(config) ?? '';
  const cached = cache.get(config);
  if (cached && cached.configStamp === configStamp && cached.setupStamps === stampsOf(cached.setupFiles)) return cached.mocks;
  const setupFiles = setupFilesOf(config);
  const mocks = setupFiles.flatMap((file) => mocksInText(readFileSync(file, 'utf8')));
  cache.set(config, { configStamp, setupFiles, setupStamps: stampsOf(setupFiles), mocks });
  return mocks;
}

const NONE: readonly SetupMock[] = [];

const stampsOf = (files: readonly string[]): string => files.map((file) => fileStamp(file) ?? '').join('|');

/** The nearest runner config from the test file's directory up to `root`: a config file, or a `package.json` with a `jest` key. */
function runnerConfig(testFile: string, root: string): string | null {
  for (let directory = dirname(testFile); ; directory = dirname(directory)) {
    for (const name of RUNNER_CONFIGS) if (existsSync(join(directory, name))) return join(directory, name);
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest) && /"jest"\s*:/.test(readFileSync(manifest, 'utf8'))) return manifest;
    if (directory === root || dirname(directory) === directory || !directory.startsWith(root)) return null;
  }
}

/** The setup files a config names that are files of the project (a package such as `@testing-library/jest-dom` is not). */
function setupFilesOf(config: string): string[] {
  const directory = dirname(config);
  const files: string[] = [];
  for (const option of readFileSync(config, 'utf8').matchAll(SETUP_OPTION)) {
    for (const literal of option[1]!.matchAll(STRING_LITERAL)) {
      const written = literal[2]!.replace('<rootDir>', directory);
      if (!written.startsWith('.') && !written.startsWith('/')) continue;
      const found = SCRIPT_EXTENSIONS.map((ext) => resolve(directory, written + ext)).find(isFile);
      if (found) files.push(found);
    }
  }
  return files;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
