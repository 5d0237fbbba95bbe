import mongoose from 'mongoose';
import { migrateCollections } from '../../schema/collection/migrate.ts';
import { migrateDiscussions } from '../../schema/discussion/migrate.ts';
import { migrateExperts } from '../../schema/expert/migrate.ts';
import { rekeyMarks } from '../../schema/mark.ts';
import { migratePractices } from '../../schema/practice/migrate.ts';
import { markModels, models } from '../../schema/models.ts';

// Filters are built from typed values only; these make a stray client object inert anyway.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
mongoose.set('autoIndex', false);

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
  for (const model of models) await model.syncIndexes();
  for (const model of markModels) await rekeyMarks(model);
  await migratePractices();
  await migrateCollections();
  await migrateDiscussions();
  await migrateExperts();
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
