import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import sharedClient from 'eslint-plugin-shared-client';

export default defineConfig({
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser },
  plugins: { 'shared-client': sharedClient },
  extends: ['shared-client/recommended'],
  settings: {
    // The team's own SMTP SDK keeps a pool of connections: teach the plugin about it.
    'shared-client': {
      clients: [{ module: '@acme/mailer', export: 'Mailer', kind: 'pool', close: 'close' }],
      // Several example apps share this repository (none has a package.json): each is its own project.
      project: { root: import.meta.dirname },
    },
  },
});
