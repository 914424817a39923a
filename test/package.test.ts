import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { defineConfig } from 'eslint/config';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
// The package as users import it: resolved by name through package.json `exports` to the build.
import plugin from 'eslint-plugin-shared-client';

const root = fileURLToPath(new URL('..', import.meta.url));
const packageJson = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { name: string; version: string };
const ruleNames = Object.keys(plugin.rules);
const ruleFiles = readdirSync(`${root}/src/rules`)
  .filter((file) => file.endsWith('.ts') && !['index.ts', 'messages.ts'].includes(file))
  .map((file) => file.replace(/\.ts$/, ''));

type Docs = { description: string; recommended: boolean; strictOptions?: unknown[]; url?: string };
const docsOf = (name: string) => (plugin.rules as Record<string, { meta: { docs: Docs } }>)[name]!.meta.docs;

describe('the package', () => {
  it('names itself after package.json and uses the shared-client namespace', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'shared-client' });
  });

  it('exports every rule file, and only those', () => {
    expect(ruleNames.sort()).toEqual(ruleFiles.sort());
  });

  it.each(ruleFiles)('%s is documented and tested', (name) => {
    const doc = readFileSync(`${root}/docs/rules/${name}.md`, 'utf8');
    expect(doc.startsWith(`# shared-client/${name}\n`)).toBe(true);
    expect(doc).toContain(docsOf(name).description);
    for (const section of ['## Why', '## Examples', '## When not to use it']) expect(doc).toContain(section);
    expect(docsOf(name).url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
    expect(existsSync(`${root}/test/rules/${name}.test.ts`)).toBe(true);
  });

  it('derives config membership from each rule\'s meta.docs', () => {
    const { recommended, strict, all } = plugin.configs;
    for (const name of ruleNames) {
      const id = `shared-client/${name}`;
      const docs = docsOf(name);
      expect(recommended.rules?.[id]).toEqual(docs.recommended ? 'error' : undefined);
      expect(strict.rules?.[id]).toEqual(docs.recommended ? (docs.strictOptions ? ['error', ...docs.strictOptions] : 'error') : undefined);
      expect(all.rules?.[id]).toEqual(docs.strictOptions ? ['error', ...docs.strictOptions] : 'error');
    }
    for (const [key, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`shared-client/${key}`);
      expect(config.plugins?.['shared-client']).toBe(plugin);
    }
  });

  it.each(['recommended', 'strict', 'all'] as const)('the %s config loads in ESLint', async (name) => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs[name]],
    });
    const config = (await eslint.calculateConfigForFile(`${root}/src/app.ts`)) as { rules: Record<string, unknown> };
    for (const id of Object.keys(plugin.configs[name].rules ?? {})) expect(config.rules[id]).toBeDefined();
  });

  it("defineConfig with extends: ['shared-client/recommended'] reports on a sample", async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: defineConfig({
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { 'shared-client': plugin },
        extends: ['shared-client/recommended'],
      }),
    });
    const sample = `import { Pool } from 'pg';\napp.get('/users', async (req, res) => {\n  const pool = new Pool();\n  res.json(await pool.query('select 1'));\n});\n`;
    const [result] = await eslint.lintText(sample, { filePath: `${root}/src/routes.ts` });
    expect(result?.messages.map((message) => [message.ruleId, message.line, message.column])).toEqual([
      ['shared-client/no-per-request-client', 3, 16],
    ]);
  });

  it('rejects invalid settings with an error that names the key and the expected shape', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
        plugin.configs.recommended,
        { settings: { 'shared-client': { clients: [{ module: 'x', export: 'Y', kind: 'socket' }] } } },
      ],
    });
    await expect(eslint.lintText('new Y();', { filePath: `${root}/src/app.ts` })).rejects.toThrow(
      /settings\['shared-client'\]\.clients\[0\]\.kind: must be 'pool' or 'wrapper' \(got "socket"\)\. Expected the shape/,
    );
  });
});
