import type { Model, Types } from 'mongoose';
import { anyOf, greaterThan } from './query.ts';

/*
 * How a stored counter is declared (counters.ts repairs them). Apart from counters.ts, which
 * imports every feature's counters: the features build theirs from these helpers while loading.
 */

/** One kind of counter: what it counts for, and how to read, count and set it for some of them. */
export interface StoredCounter {
  /** The documents counted for (practices, threads, replies), walked in `_id` order. */
  targets: IdWalk;
  /** The stored values of these targets (absent: 0). */
  stored(ids: string[]): Promise<Map<string, number>>;
  /** The true values of these targets, from their records (absent: 0). */
  actual(ids: string[]): Promise<Map<string, number>>;
  /** Sets the target's counter to `to` only where it still holds `from`; whether it did. */
  replace(id: string, from: number, to: number): Promise<boolean>;
}

/** Up to `limit` ids of the targets after `after`, in `_id` order: each read an index range. */
export type IdWalk = (after: Types.ObjectId, limit: number) => Promise<Types.ObjectId[]>;

/** Walks the ids of `model`; the feature that owns it gives this to counters kept elsewhere. */
export function walkIdsOf(model: Model<any>): IdWalk {
  return async (after, limit) =>
    (
      await model
        .find({ _id: greaterThan(after) }, { _id: 1 })
        .sort({ _id: 1 })
        .limit(limit)
        .lean<{ _id: Types.ObjectId }[]>()
    ).map((doc) => doc._id);
}

/**
 * A counter kept in a field of the target itself. A repair is not an edit: updatedAt, which
 * editors save against, stays.
 */
export function fieldCounter(targets: Model<any>, field: string, actual: StoredCounter['actual']): StoredCounter {
  return {
    targets: walkIdsOf(targets),
    actual,
    async stored(ids) {
      const docs = await targets.find({ _id: anyOf(ids) }, { [field]: 1 }).lean<Record<string, unknown>[]>();
      return new Map(docs.map((doc) => [String(doc._id), Number(doc[field] ?? 0)]));
    },
    async replace(id, from, to) {
      const { modifiedCount } = await targets.updateOne({ _id: id, [field]: from }, { $set: { [field]: to } }, { timestamps: false });
      return modifiedCount === 1;
    },
  };
}
