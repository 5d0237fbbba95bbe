import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  resolve: {
    // Vite would give our sources graphql's ESM build while Node gives the libraries its CJS
    // build: two GraphQLError classes, and typed errors looking unexpected. One copy, as in tsx.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-database.ts'],
    // Each file gets its own process, database name and mongoose connection.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
