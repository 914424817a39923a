import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import sharedClient from 'eslint-plugin-shared-client';

export default defineConfig({
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser },
  plugins: { 'shared-client': sharedClient },
  extends: ['shared-client/recommended'],
  // This repository holds several example apps: each is its own project for the cross-file analysis.
  settings: { 'shared-client': { project: { root: import.meta.dirname } } },
});
