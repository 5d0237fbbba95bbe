import mongoose, { type Document, type Model } from 'mongoose';
import { anyOf } from './query.ts';

/*
 * One record per (person, kind, target): follows, bookmarks, endorsements, votes, readers. Its
 * `_id` is made of its key, so the primary key alone makes it one-of; a toggle creates or removes
 * it and says whether it did, so a counter beside it moves only for a record that really came or
 * went.
 *
 * Why the key is the `_id` and not a unique index over the key fields: on DocumentDB, 20 clients
 * inserting the same record into a collection with such an index ended about 40% of the losing
 * inserts as deadlocks instead of duplicate keys, and at 60,000 records each insert took 10 ms;
 * keyed by `_id`, the same race gave duplicate keys only, and an insert took 1.5 ms.
 *
 * The helpers take `Model<any>`: each serves every kind of record (follows, votes, readers…).
 */

/**
 * The `_id` field of a one-of record: the values of `fields` joined by ":" when the record is
 * made (ObjectIds as hex; a ":" inside a value is escaped so two keys never share an id).
 */
export function keyedId(fields: readonly string[]) {
  return {
    type: String,
    default(this: Document) {
      return fields.map((field) => encodeURIComponent(String(this.get(field)))).join(':');
    },
  };
}

/** The `_id` of `model`'s record with this key. */
const idOf = (model: Model<any>, key: Record<string, unknown>) => String(new model(key)._id);

/**
 * How a unique index refuses a second record: the write is not done, someone else's is. DocumentDB
 * says it with code 11000, or, for a unique secondary index met by racing writes, sometimes as
 * PostgreSQL's "conflicting key value violates exclusion constraint" (code 1: seen with five
 * racing activations of a criteria framework).
 */
export const isDuplicateKey = (error: unknown) => {
  const found = error as { code?: number; message?: unknown } | null;
  return found?.code === 11000 || (found?.code === 1 && typeof found.message === 'string' && found.message.includes('violates exclusion constraint'));
};

/*
 * Why inserts and not upserts: on DocumentDB, concurrent upserts of one missing document are not
 * safe (measured with 20 clients: `$inc` upserts lost most increments, `$setOnInsert` upserts
 * met "deadlock detected"), while concurrent inserts of one key give exactly one success and
 * duplicate-key errors for the rest (test/engine). So a record is created by an insert, and a
 * document that may be missing is created by an insert before it is updated.
 */

/**
 * PostgreSQL ends one of two writes that wait on each other (e.g. inserts racing for one unique
 * key across several indexes) with "deadlock detected": that write did nothing at all.
 */
export const isDeadlock = (error: unknown) => error instanceof Error && /deadlock detected/i.test(error.message);

/** Runs a single-document write again when the engine ended it as a deadlock (it changed nothing). */
export async function retryingDeadlocks<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= 10) throw error;
      // Apart, and further apart each time, so that the same writers do not meet again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
    }
  }
}

/** Creates `document` and returns it; null when a document with one of its unique keys exists already. */
export async function createOnce<T>(model: Model<any>, document: Record<string, unknown>): Promise<T | null> {
  try {
    return (await retryingDeadlocks(() => model.create(document))).toObject() as T;
  } catch (error) {
    if (isDuplicateKey(error)) return null;
    throw error;
  }
}

/** Inserts `document`; false when a document with its unique key exists already. */
export async function insertOnce(model: Model<any>, document: Record<string, unknown>): Promise<boolean> {
  return (await createOnce(model, document)) !== null;
}

/**
 * Applies `update` to the document with this `_id`, creating it from `initial` first when it is
 * missing; returns the document after the update.
 */
export async function updateCreating<T>(model: Model<any>, _id: string, initial: Record<string, unknown>, update: Record<string, unknown>): Promise<T> {
  const apply = () => model.findOneAndUpdate({ _id }, update, { returnDocument: 'after' }).lean<T>();
  const updated = await apply();
  if (updated) return updated;
  await insertOnce(model, { _id, ...initial });
  return (await apply())!;
}

/**
 * Creates or removes the record; true when this call did, false when it was already so (a double
 * click, two tabs, two servers at once: exactly one of them gets true).
 */
export async function setMark(model: Model<any>, key: Record<string, unknown>, on: boolean): Promise<boolean> {
  if (!on) return (await model.deleteOne({ _id: idOf(model, key) })).deletedCount === 1;
  // A racing insert of the same record leaves it existing, and not thanks to this call.
  return insertOnce(model, key);
}

/**
 * For each target, whether `owner` has a record for it, `keyOf(owner, target)` being its key;
 * all false when there is no owner (signed out). One query by primary key for a whole page.
 */
export async function markedBy(model: Model<any>, owner: string | null, targets: readonly string[], keyOf: (owner: string, target: string) => Record<string, unknown>): Promise<boolean[]> {
  if (!owner || !targets.length) return targets.map(() => false);
  const ids = targets.map((target) => idOf(model, keyOf(owner, target)));
  const found = new Set((await model.find({ _id: anyOf([...new Set(ids)]) }, { _id: 1 }).lean<{ _id: string }[]>()).map((record) => record._id));
  return ids.map((id) => found.has(id));
}

/**
 * Gives records stored before their key became their `_id` (they have an ObjectId) their keyed
 * `_id`, a batch at a time: the keyed copy is inserted (a copy already there is kept), then the
 * old record removed, so a crash in between leaves at most a duplicate the next start removes.
 * Returns how many were moved.
 */
export async function rekeyMarks(model: Model<any>): Promise<number> {
  // Through the driver: mongoose would cast these ObjectIds to the string `_id` the model declares.
  // ObjectIds sort after strings, so this range of the primary key holds exactly the old records.
  const old = { _id: { $gt: new mongoose.Types.ObjectId('000000000000000000000000') } };
  let moved = 0;
  for (;;) {
    const batch = await model.collection.find(old).limit(500).toArray();
    if (!batch.length) return moved;
    for (const { _id, ...fields } of batch) await insertOnce(model, fields);
    await model.collection.deleteMany({ _id: { $in: batch.map((record) => record._id) } });
    moved += batch.length;
  }
}
