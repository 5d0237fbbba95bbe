import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, beforeEach, expect, inject } from 'vitest';

/* The driver mongoose bundles: the engine is proven with the very client the product uses. */
export const { MongoClient, ObjectId, MongoServerError, Binary } = mongoose.mongo;
export type Db = mongoose.mongo.Db;
export type MongoClientType = mongoose.mongo.MongoClient;

/** How many clients the concurrency proofs run at once. */
export const CLIENTS = 20;

export interface Engine {
  /** The calling file's own database, on one client. */
  db(): Db;
  /** The same database on `CLIENTS` separate clients (each its own connection). */
  dbs(): Db[];
  /** The first client, for sessions and server commands. */
  client(): MongoClientType;
}

/**
 * Connects the calling test file to its own database on the server the run uses (the embedded
 * engine, or the one MONGODB_URI names) with one client for plain proofs and CLIENTS more for
 * concurrent ones; drops the database when the file ends.
 */
export function useEngine(): Engine {
  const clients: MongoClientType[] = [];
  let name = '';
  beforeAll(async () => {
    name = `e_${createHash('sha1')
      .update(expect.getState().testPath ?? 'unknown')
      .digest('hex')
      .slice(0, 16)}`;
    for (let i = 0; i <= CLIENTS; i++) clients.push(new MongoClient(inject('mongoUri'), { maxPoolSize: 1, serverSelectionTimeoutMS: 10_000 }));
    await Promise.all(clients.map((c) => c.connect()));
    await clients[0]!.db(name).dropDatabase();
  });
  afterAll(async () => {
    await clients[0]?.db(name).dropDatabase();
    await Promise.all(clients.map((c) => c.close()));
  });
  return {
    db: () => clients[0]!.db(name),
    dbs: () => clients.slice(1).map((c) => c.db(name)),
    client: () => clients[0]!,
  };
}

/** The engine and its `things` collection, emptied before each test, for the proofs of single operations. */
export function useThings() {
  const engine = useEngine();
  const things = () => engine.db().collection<any>('things');
  beforeEach(async () => {
    await things().deleteMany({});
  });
  return { engine, things };
}

/** Settles every promise and sorts the outcomes: what succeeded, and the errors. */
export async function outcomes<T>(promises: Promise<T>[]): Promise<{ values: T[]; errors: unknown[] }> {
  const settled = await Promise.allSettled(promises);
  return {
    values: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    errors: settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : [])),
  };
}

/** The server error code of a failure (11000 for a duplicate key). */
export const codeOf = (error: unknown) => (error as { code?: number } | null)?.code;
