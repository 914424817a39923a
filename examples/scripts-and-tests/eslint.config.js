import tseslint from 'typescript-eslint';
import sharedClient from 'eslint-plugin-shared-client';

// The strict config, as an object: stricter options, such as module-scope clients that are never
// closed.
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
  sharedClient.configs.strict,
  // Several example apps share this repository (none has a package.json): each is its own project.
  { settings: { 'shared-client': { project: { root: import.meta.dirname } } } },
];
