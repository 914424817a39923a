import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixture projects hold test files of their own, to be linted, not run.
    exclude: ['test/fixtures/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
  },
});
