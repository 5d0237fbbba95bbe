import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { models } from '../../schema/models.ts';
import { connectDatabase, disconnectDatabase } from '../../server/db/connection.ts';
import { queryShapeOf, unservedQueries, type IndexKeys, type QueryShape } from './index-usage.ts';

export interface CommandLog {
  /** Names of the commands sent since the last reset, e.g. ["find", "find", "count"]. */
  readonly commands: string[];
  reset(): void;
}

/** A database name of Latin letters only (FerretDB's rule), unique to the calling test file. */
function databaseNameFor(testPath: string): string {
  return `t_${createHash('sha1').update(testPath).digest('hex').slice(0, 16)}`;
}

/**
 * Connects this test file to its own, empty database on the run's embedded FerretDB and
 * records every command the driver sends.
 */
export function useTestDatabase(): CommandLog {
  const commands: string[] = [];
  const queries: QueryShape[] = [];
  beforeAll(async () => {
    const dbName = databaseNameFor(expect.getState().testPath ?? 'unknown');
    await connectDatabase(inject('mongoUri'), { dbName, monitorCommands: true });
    await mongoose.connection.dropDatabase();
    const { ensureIndexes } = await import('../../server/db/connection.ts');
    await ensureIndexes();
    mongoose.connection.getClient().on('commandStarted', (event) => {
      if (!['endSessions', 'hello', 'isMaster', 'ping'].includes(event.commandName)) commands.push(event.commandName);
      const shape = queryShapeOf(event.commandName, event.command);
      if (shape) queries.push(shape);
    });
  });
  afterAll(async () => {
    // Every query this file caused must be one a declared index serves (see index-usage.ts).
    const indexes = new Map<string, IndexKeys[]>(
      models.map((model) => [model.collection.collectionName, model.schema.indexes().map(([keys]) => Object.entries(keys) as IndexKeys)]),
    );
    const unserved = unservedQueries(queries, indexes);
    expect(unserved, 'queries no declared index serves').toEqual([]);
    await mongoose.connection.dropDatabase();
    await disconnectDatabase();
  });
  return {
    commands,
    reset: () => {
      commands.length = 0;
    },
  };
}
