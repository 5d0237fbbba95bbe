import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/db/embedded.ts';
import { passableTempDir } from '../helpers/data-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

let database: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

/**
 * One database server per test run: the one MONGODB_URI names (so the same suites prove a real
 * MongoDB), or else one embedded stack in a fresh directory. Each test file uses its own database.
 */
export async function setup(project: TestProject) {
  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI);
    return;
  }
  dataDir = passableTempDir('expert-network-test-');
  database = await startEmbeddedDatabase({ dataDir, say: (message) => console.log(`[test setup] ${message}`) });
  project.provide('mongoUri', database.uri);
}

export async function teardown() {
  await database?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
