import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../server/db/embedded.ts';

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
  dataDir = mkdtempSync(path.join(tmpdir(), 'expert-network-test-'));
  // mkdtemp makes it 0700; a root run's cluster runs as "postgres" and must pass through it.
  chmodSync(dataDir, 0o711);
  database = await startEmbeddedDatabase({ dataDir, say: (message) => console.log(`[test setup] ${message}`) });
  project.provide('mongoUri', database.uri);
}

export async function teardown() {
  await database?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
