import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import mongoose from 'mongoose';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../../server/db/embedded.ts';
import { passableTempDir } from '../helpers/data-dir.ts';
import { demoTemplateName } from '../helpers/demo-template-name.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

interface SharedDatabase {
  uri: Promise<string>;
  stop: () => Promise<void>;
}

/*
 * Each project of the run (test/vitest.config.ts) calls this setup, possibly from its own copy of
 * this module: the run's id and its database live on globalThis so that the whole run shares one
 * of each, and the last project done with them cleans up.
 */
const holder = globalThis as { testDatabase?: SharedDatabase; testRun?: { id: string; users: number } };

function startShared(): SharedDatabase {
  const dataDir = passableTempDir('expert-network-test-');
  const started = startEmbeddedDatabase({ dataDir, say: (message) => console.log(`[test setup] ${message}`) });
  return {
    uri: started.then((database) => database.uri),
    stop: async () => {
      await (await started).stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One database server per test run: the one MONGODB_URI names (so the same suites prove a real
 * MongoDB), or else one embedded stack in a fresh directory. Each test file uses its own database.
 */
export async function setup(project: TestProject) {
  holder.testRun ??= { id: randomBytes(6).toString('hex'), users: 0 };
  holder.testRun.users++;
  // It names the run's demo template (test/helpers/demo-template.ts).
  project.provide('testRunId', holder.testRun.id);
  if (process.env.MONGODB_URI) {
    project.provide('mongoUri', process.env.MONGODB_URI);
    return;
  }
  holder.testDatabase ??= startShared();
  project.provide('mongoUri', await holder.testDatabase.uri);
}

export async function teardown() {
  const run = holder.testRun;
  if (!run || --run.users > 0) return;
  holder.testRun = undefined;
  // A database server that outlives the run keeps no template of it; the embedded one goes whole.
  if (process.env.MONGODB_URI) return dropDatabase(process.env.MONGODB_URI, demoTemplateName(run.id));
  const shared = holder.testDatabase;
  holder.testDatabase = undefined;
  await shared?.stop();
}

async function dropDatabase(uri: string, name: string) {
  const client = new mongoose.mongo.MongoClient(uri);
  try {
    await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}
