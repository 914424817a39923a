import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from './example-findings.js';

/** The README's usage snippet, as a new user copies it into a new CommonJS (`npm init -y`) package. */
const readme = readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
const usage = /## Usage\n\n```js\n([\s\S]*?)```/.exec(readme)![1]!;
// Inside the repository, so that the snippet's other imports resolve from its node_modules; the
// plugin itself is "installed" as a link to this package.
mkdirSync(path.join(repositoryRoot, 'node_modules/.cache'), { recursive: true });
const app = mkdtempSync(path.join(repositoryRoot, 'node_modules/.cache/readme-usage-'));
mkdirSync(path.join(app, 'node_modules'));
symlinkSync(repositoryRoot, path.join(app, 'node_modules/eslint-plugin-shared-client'), 'dir');

afterAll(() => rmSync(app, { recursive: true, force: true }));

describe("the README's usage snippet", () => {
  it('names a file that loads in a CommonJS package, and lints .tsx route modules', async () => {
    const fileName = /^\/\/ (eslint\.config\.\w+)/.exec(usage)?.[1];
    expect(fileName).toBe('eslint.config.mjs');
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'new-app', version: '1.0.0', type: 'commonjs' }));
    writeFileSync(path.join(app, fileName!), usage);
    mkdirSync(path.join(app, 'app/api/files'), { recursive: true });
    writeFileSync(
      path.join(app, 'app/api/files/route.tsx'),
      `import { S3Client } from '@aws-sdk/client-s3';\n\nexport async function GET(): Promise<Response> {\n  const s3 = new S3Client({});\n  return <div>{String(s3)}</div> as unknown as Response;\n}\n`,
    );
    const results = await new ESLint({ cwd: app }).lintFiles(['.']);
    const messages = results.flatMap((result) => result.messages.map((message) => `${path.relative(app, result.filePath)}:${message.line} ${message.ruleId}`));
    expect(messages).toEqual(['app/api/files/route.tsx:4 shared-client/no-per-request-client']);
  });
});
