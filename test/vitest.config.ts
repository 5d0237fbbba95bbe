import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/*
 * Files that measure time (event-loop delays, held refusals), kill or start whole server processes,
 * or run two servers at once: each runs alone, after the others, so that no other file's load
 * makes them slow or late. Every other file runs two at a time (a file has its own database and
 * server), which on a two-core machine roughly halves the run.
 */
const ALONE = [
  'test/api/faults.test.ts',
  'test/api/event-loop.test.ts',
  'test/api/load-limits.test.ts',
  'test/api/startup.test.ts',
  'test/api/crash.test.ts',
  'test/api/durability.test.ts',
  'test/api/compiled-start.test.ts',
  'test/api/live-updates.test.ts',
  'test/api/notifications-live.test.ts',
  'test/api/two-processes.test.ts',
];

/** Both projects share one database server (test/setup/global-database.ts starts it once). */
const globalSetup = ['test/setup/global-database.ts'];

export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  resolve: {
    // Vite would give our sources graphql's ESM build while Node gives the libraries its CJS
    // build: two GraphQLError classes, and typed errors looking unexpected. One copy, as in tsx.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Each file gets its own process, database name and mongoose connection.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Set in each project, not here: the root's own setup would start one more database.
    projects: [
      { extends: true, test: { name: 'shared', globalSetup, include: ['test/**/*.test.ts'], exclude: ALONE, maxWorkers: 2, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'alone', globalSetup, include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
