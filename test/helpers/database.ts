import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { OLDER_WINDOW_COMMENT } from '../../schema/connection.ts';
import { models } from '../../schema/models.ts';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { explainTargets, shapeKey, unservedReads, type ExplainTarget, type IndexKeys } from './index-usage.ts';

export interface CommandLog {
  /**
   * Names of the commands sent since the last reset, e.g. ["find", "find", "count"]. Reads of a
   * newest-first list's older date windows (schema/connection.ts findNewestFirst) are left out:
   * how many a list needs depends on how its items spread over time, not on loaders.
   */
  readonly commands: string[];
  reset(): void;
}

/** A database name of Latin letters only (FerretDB's rule), unique to the calling test file. */
function databaseNameFor(testPath: string): string {
  return `t_${createHash('sha1').update(testPath).digest('hex').slice(0, 16)}`;
}

/**
 * Connects this test file to its own, empty database on the run's database server and records
 * every command the driver sends; when the file ends, the engine explains each distinct read the
 * file caused and the file fails on any that reads a growing collection whole (see index-usage.ts).
 */
export function useTestDatabase(): CommandLog {
  const commands: string[] = [];
  // One example of each shape of read, kept only once the engine ran it without error: a command
  // the engine refused (a test of bad input) has no plan to prove.
  const reads = new Map<string, ExplainTarget>();
  const pending = new Map<number, ExplainTarget[]>();
  let dbName = '';
  beforeAll(async () => {
    dbName = databaseNameFor(expect.getState().testPath ?? 'unknown');
    await connectDatabase(inject('mongoUri'), { dbName, monitorCommands: true });
    await mongoose.connection.dropDatabase();
    const { ensureIndexes } = await import('../../server/db/connection.ts');
    await ensureIndexes();
    const client = mongoose.connection.getClient();
    client.on('commandStarted', (event) => {
      const counted = !['endSessions', 'hello', 'isMaster', 'ping'].includes(event.commandName) && event.command.comment !== OLDER_WINDOW_COMMENT;
      if (counted) commands.push(event.commandName);
      if (event.databaseName !== dbName) return;
      const targets = explainTargets(event.commandName, event.command);
      if (targets.length) pending.set(event.requestId, targets);
    });
    client.on('commandSucceeded', (event) => {
      for (const target of pending.get(event.requestId) ?? []) {
        const key = shapeKey(target);
        if (!reads.has(key)) reads.set(key, target);
      }
      pending.delete(event.requestId);
    });
    client.on('commandFailed', (event) => pending.delete(event.requestId));
  });
  afterAll(async () => {
    // A file whose set-up failed has nothing to prove, and its failure is reported already.
    if (!mongoose.connection.db) return;
    const declared = new Map<string, IndexKeys[]>(models.map((model) => [model.collection.collectionName, model.schema.indexes().map(([keys]) => Object.entries(keys) as IndexKeys)]));
    try {
      const unserved = await unservedReads(mongoose.connection.db!, [...reads.values()], declared);
      expect(unserved, 'reads the engine serves without an index').toEqual([]);
    } finally {
      await mongoose.connection.dropDatabase();
      await disconnectDatabase();
    }
  });
  return {
    commands,
    reset: () => {
      commands.length = 0;
    },
  };
}
