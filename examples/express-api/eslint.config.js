import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import sharedClient from 'eslint-plugin-shared-client';

export default defineConfig({
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser },
  plugins: { 'shared-client': sharedClient },
  extends: ['shared-client/recommended'],
  // Several example apps share this repository (none has a package.json): each is its own project.
  settings: { 'shared-client': { project: { root: import.meta.dirname } } },
});
