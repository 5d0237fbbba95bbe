import mongoose from 'mongoose';
import { migrateCollections } from '../../schema/collection/migrate.ts';
import { migrateDiscussions } from '../../schema/discussion/migrate.ts';
import { migrateExperts } from '../../schema/expert/migrate.ts';
import { isDeadlock, rekeyMarks } from '../../schema/mark.ts';
import { migratePractices } from '../../schema/practice/migrate.ts';
import { migrateTasks } from '../../schema/task/migrate.ts';
import { markModels, models } from '../../schema/models.ts';

// Filters are built from typed values only; these make a stray client object inert anyway.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
mongoose.set('autoIndex', false);
// Collections are made by ensureIndexes alone: mongoose would otherwise create each model's on
// connect, concurrently with ensureIndexes creating the same, and DocumentDB can then answer the
// loser's createIndexes "collection does not exist" (seen once in CI).
mongoose.set('autoCreate', false);

export interface ConnectOptions {
  dbName: string;
  /** Emit driver command events (metrics, and tests and benchmarks counting commands); on unless turned off. */
  monitorCommands?: boolean;
}

/**
 * Connects mongoose and brings every declared index into being before anything is served, so a
 * unique index exists before the first write that relies on it.
 */
export async function connectDatabase(uri: string, options: ConnectOptions): Promise<typeof mongoose> {
  await mongoose.connect(uri, {
    dbName: options.dbName,
    monitorCommands: options.monitorCommands ?? true,
    serverSelectionTimeoutMS: 10_000,
    // Acknowledged means journaled (on a replica set: on a majority).
    writeConcern: { w: 'majority', journal: true },
  });
  await ensureIndexes();
  return mongoose;
}

/**
 * Makes each collection's indexes those its model declares: a missing one is built, and one the
 * model no longer declares (or declares differently, e.g. now unique) is dropped first, since an
 * index of the same keys with other options would otherwise stop the start. Then one-of records
 * stored before their key became their `_id` get it (after the unique indexes that would refuse
 * the keyed copy are gone). Then stored markdown gets its HTML from the current renderer, and
 * edit histories kept inside threads and replies move to their own collections.
 */
export async function ensureIndexes(): Promise<void> {
  for (const model of models) await syncModelIndexes(model);
  for (const model of markModels) await rekeyMarks(model);
  await migratePractices();
  await migrateCollections();
  await migrateDiscussions();
  await migrateExperts();
  await migrateTasks();
}

const NAMESPACE_EXISTS = 48;
/** DocumentDB's answer to createIndexes while another process is creating the same collection. */
const NAMESPACE_NOT_FOUND = 26;

/**
 * Syncs one model's indexes. Servers started at once on an empty database create the same
 * collections and indexes together: DocumentDB then ends one's command as a deadlock, or says the
 * collection the other is creating does not exist. Either changed nothing, so it is tried again.
 */
async function syncModelIndexes(model: (typeof models)[number]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await model.createCollection().catch((error) => {
        if ((error as { code?: number }).code !== NAMESPACE_EXISTS) throw error;
      });
      await model.syncIndexes();
      return;
    } catch (error) {
      const racing = isDeadlock(error) || (error as { code?: number }).code === NAMESPACE_NOT_FOUND;
      if (!racing || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * attempt));
    }
  }
}

/** How long the driver may stay cut off from an engine that is up before it is connected again. */
const STUCK_AFTER_MS = 12_000;

/**
 * Connects the driver again when it stays cut off from an engine that is back. After restarts of
 * the embedded FerretDB, the driver's server monitor was seen (in about one run in four of the
 * faults test, each killing the engine five times) to wait on a check that never ended: every
 * request was answered "try again" for minutes while the engine served. The same client is
 * closed and connected again, so models and command observers keep working. Returns the stop.
 */
export function reconnectWhenStuck(engineUp: () => boolean, onReconnect: () => void): () => void {
  let cutOffSince: number | null = null;
  let reconnecting = false;
  const timer = setInterval(async () => {
    if (reconnecting) return;
    if (!engineUp() || mongoose.connection.readyState === mongoose.ConnectionStates.connected) {
      cutOffSince = null;
      return;
    }
    cutOffSince ??= Date.now();
    if (Date.now() - cutOffSince < STUCK_AFTER_MS) return;
    reconnecting = true;
    cutOffSince = null;
    onReconnect();
    try {
      const client = mongoose.connection.getClient();
      await client.close();
      await client.connect();
    } catch {
      // Still unreachable: the next round tries again.
    } finally {
      reconnecting = false;
    }
  }, 1_000);
  timer.unref();
  return () => clearInterval(timer);
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
