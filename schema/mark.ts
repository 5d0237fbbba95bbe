import type { Model } from 'mongoose';
import { anyOf } from './query.ts';

/*
 * One record per (person, kind, target): follows, bookmarks, endorsements, votes, readers. A
 * unique index makes each one-of; a toggle creates or removes it and says whether it did, so a
 * counter beside it moves only for a record that really came or went.
 */

/** How a unique index refuses a second record: the write is not done, someone else's is. */
export const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

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
  if (!on) return (await model.deleteOne(key)).deletedCount === 1;
  // A racing insert of the same record leaves it existing, and not thanks to this call.
  return insertOnce(model, key);
}

/** For each target, whether `owner` has a record of `kind` for it: one query for a page. */
export async function markedBy(model: Model<any>, ownerField: string, owner: string | null, kind: string, targets: readonly string[]): Promise<boolean[]> {
  if (!owner || !targets.length) return targets.map(() => false);
  const found = await model.find({ [ownerField]: owner, kind, target: anyOf([...new Set(targets)]) }, { target: 1 }).lean<{ target: unknown }[]>();
  const marked = new Set(found.map((record) => String(record.target)));
  return targets.map((target) => marked.has(target));
}
