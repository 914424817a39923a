import { defineConfig } from 'eslint/config';
import sharedClient from 'eslint-plugin-shared-client';

// Plain JavaScript: ESLint's default parser reads .mjs as ES modules and .cjs as CommonJS.
export default defineConfig({
  plugins: { 'shared-client': sharedClient },
  extends: ['shared-client/recommended'],
  // Several example apps share this repository (none has a package.json): each is its own project.
  settings: { 'shared-client': { project: { root: import.meta.dirname } } },
});
