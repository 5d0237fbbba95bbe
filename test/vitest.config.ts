import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-database.ts'],
    // Each file gets its own process, database name and mongoose connection.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
