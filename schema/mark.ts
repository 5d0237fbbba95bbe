import type { Model } from 'mongoose';
import { anyOf } from './query.ts';

/*
 * One record per (person, kind, target): follows, bookmarks, endorsements, votes, readers. A
 * unique index makes each one-of; a toggle creates or removes it and says whether it did, so a
 * counter beside it moves only for a record that really came or went.
 */

/** How a unique index refuses a second record: the write is not done, someone else's is. */
export const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

/**
 * Creates or removes the record; true when this call did, false when it was already so (a double
 * click, two tabs, two servers at once: exactly one of them gets true).
 */
export async function setMark(model: Model<any>, key: Record<string, unknown>, on: boolean): Promise<boolean> {
  if (!on) return (await model.deleteOne(key)).deletedCount === 1;
  try {
    return (await model.updateOne(key, { $setOnInsert: key }, { upsert: true })).upsertedCount === 1;
  } catch (error) {
    // A racing insert of the same record: it exists, and not thanks to this call.
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** For each target, whether `owner` has a record of `kind` for it: one query for a page. */
export async function markedBy(model: Model<any>, ownerField: string, owner: string | null, kind: string, targets: readonly string[]): Promise<boolean[]> {
  if (!owner || !targets.length) return targets.map(() => false);
  const found = await model.find({ [ownerField]: owner, kind, target: anyOf([...new Set(targets)]) }, { target: 1 }).lean<{ target: unknown }[]>();
  const marked = new Set(found.map((record) => String(record.target)));
  return targets.map((target) => marked.has(target));
}
