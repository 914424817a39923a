// A TypeScript config: ESLint loads it with jiti (or natively on Node.js versions that strip
// types), and `tsc` checks it against ESLint's own types.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import sharedClient from 'eslint-plugin-shared-client';

export default defineConfig({
  files: ['**/*.{ts,tsx}'],
  languageOptions: { parser: tseslint.parser },
  plugins: { 'shared-client': sharedClient },
  extends: ['shared-client/recommended'],
  // Several example apps share this repository (none has a package.json): each is its own project.
  settings: { 'shared-client': { project: { root: import.meta.dirname } } },
});
