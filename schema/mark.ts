import type { Model } from 'mongoose';
import { anyOf } from './query.ts';

/*
 * Follows and bookmarks are the same shape: one record per (person, kind, target), created or
 * removed by a toggle and read back as "did the viewer ...?" for a whole page at once.
 */

/** Creates or removes the record; repeating either (a double click, two tabs) changes nothing. */
export async function setMark(model: Model<any>, key: Record<string, unknown>, on: boolean): Promise<void> {
  if (!on) {
    await model.deleteOne(key);
    return;
  }
  // The unique index turns a racing second insert into a duplicate-key error: already done.
  await model.updateOne(key, { $setOnInsert: key }, { upsert: true }).catch((error: { code?: number }) => {
    if (error.code !== 11000) throw error;
  });
}

/** For each target, whether `owner` has a record of `kind` for it: one query for a page. */
export async function markedBy(model: Model<any>, ownerField: string, owner: string | null, kind: string, targets: readonly string[]): Promise<boolean[]> {
  if (!owner || !targets.length) return targets.map(() => false);
  const found = await model.find({ [ownerField]: owner, kind, target: anyOf([...new Set(targets)]) }, { target: 1 }).lean<{ target: unknown }[]>();
  const marked = new Set(found.map((record) => String(record.target)));
  return targets.map((target) => marked.has(target));
}
