// The same rules under Oxlint (`oxlint -c oxlint.config.js`; see docs/oxlint.md). Like
// eslint.config.js next to it, only this plugin's rules are on.
import { defineConfig } from 'oxlint';
import sharedClient from 'eslint-plugin-shared-client';

export default defineConfig({
  plugins: [],
  categories: { correctness: 'off' },
  jsPlugins: ['eslint-plugin-shared-client'],
  rules: sharedClient.configs.recommended.rules,
  // Several example apps share this repository (none has a package.json): each is its own project.
  settings: { 'shared-client': { project: { root: import.meta.dirname } } },
});
