import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import sharedClient from 'eslint-plugin-shared-client';

export default defineConfig({
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser },
  plugins: { 'shared-client': sharedClient },
  extends: ['shared-client/recommended'],
});
