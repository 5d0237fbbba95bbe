import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../../server/db/embedded.ts';
import { passableTempDir } from '../helpers/data-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

interface SharedDatabase {
  uri: Promise<string>;
  stop: () => Promise<void>;
  users: number;
}

/*
 * Each project of the run (test/vitest.config.ts) calls this setup, possibly from its own copy of
 * this module: the database lives on globalThis so that the whole run shares one, stopped when
 * the last project is done with it.
 */
const holder = globalThis as { testDatabase?: SharedDatabase };

function startShared(): SharedDatabase {
  const dataDir = passableTempDir('expert-network-test-');
  const started = startEmbeddedDatabase({ dataDir, say: (message) => console.log(`[test setup] ${message}`) });
  return {
    uri: started.then((database) => database.uri),
    stop: async () => {
      await (await started).stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    users: 0,
  };
}

/**
 * One database server per test run: the one MONGODB_URI names (so the same suites prove a real
 * MongoDB), or else one embedded stack in a fresh directory. Each test file uses its own database.
 */
export async function setup(project: TestProject) {
  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI);
    return;
  }
  holder.testDatabase ??= startShared();
  holder.testDatabase.users++;
  project.provide('mongoUri', await holder.testDatabase.uri);
}

export async function teardown() {
  const shared = holder.testDatabase;
  if (!shared || --shared.users > 0) return;
  holder.testDatabase = undefined;
  await shared.stop();
}
