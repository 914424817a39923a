import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';
import sharedClient from './dist/index.js';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'examples/', 'test/fixtures/', 'corpus/apps/', 'corpus/vendored/', '**/*.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs.rules],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Require|Enforce)' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      // createRule builds docs.url from the rule name.
      'eslint-plugin/require-meta-docs-url': 'off',
    },
  },
  {
    files: ['test/rules/**/*.ts'],
    extends: [eslintPlugin.configs.tests],
  },
  {
    files: ['src/**/*.ts', 'scripts/**/*.js'],
    plugins: { 'shared-client': sharedClient },
    extends: ['shared-client/recommended'],
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
