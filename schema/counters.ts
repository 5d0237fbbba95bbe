import { setTimeout as sleep } from 'node:timers/promises';
import { Types, type Model } from 'mongoose';
import { repairAcceptedAnswers, replyCounter, voteCounter } from './discussion/repair.ts';
import { anyOf, greaterThan } from './query.ts';
import { endorsementCounter } from './reaction/service.ts';
import { repairVerifications } from './verification/service.ts';
import { viewCounters } from './view/service.ts';

/*
 * Counters are stored beside what they count (on a practice, a thread, a reply, a view counter)
 * so that lists read them for free. A write moves one with $inc right after the record it counts
 * came or went, and only when it did; a crash between the two writes leaves it off by one, and
 * repairCounters() puts it right.
 *
 * The repair runs while servers write, so a counter that differs from its records may only be
 * a write between its two steps. It is put right only if it stays wrong, unchanged, for a while
 * (SETTLE_MS), and then only where it still holds the value read: a write that lands meanwhile
 * is never undone, and a counter that keeps moving waits for the next run.
 */

/** One kind of counter: what it counts for, and how to read, count and set it for some of them. */
export interface StoredCounter {
  /** The documents counted for (practices, threads, replies), walked in `_id` order. */
  targets: Model<any>;
  /** The stored values of these targets (absent: 0). */
  stored(ids: string[]): Promise<Map<string, number>>;
  /** The true values of these targets, from their records (absent: 0). */
  actual(ids: string[]): Promise<Map<string, number>>;
  /** Sets the target's counter to `to` only where it still holds `from`; whether it did. */
  replace(id: string, from: number, to: number): Promise<boolean>;
}

/**
 * A counter kept in a field of the target itself. A repair is not an edit: updatedAt, which
 * editors save against, stays.
 */
export function fieldCounter(targets: Model<any>, field: string, actual: StoredCounter['actual']): StoredCounter {
  return {
    targets,
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

/**
 * How many records of `model` name each of `ids` in `field` (and match `where`): one aggregate,
 * served by an index that starts with `field`.
 */
export async function countPer(model: Model<any>, field: string, ids: string[], where: Record<string, unknown> = {}): Promise<Map<string, number>> {
  // An aggregate's $match is not cast by mongoose: the ids go in as what is stored.
  const rows = await model.aggregate<{ _id: unknown; n: number }>([
    { $match: { [field]: { $in: ids.map((id) => new Types.ObjectId(id)) }, ...where } },
    { $group: { _id: `$${field}`, n: { $sum: 1 } } },
  ]);
  return new Map(rows.map((row) => [String(row._id), row.n]));
}

/** Longer than any request stays between its two writes. */
const SETTLE_MS = 3000;
const BATCH = 500;

interface Drift {
  id: string;
  stored: number;
  actual: number;
}

async function driftsAmong(counter: StoredCounter, ids: string[]): Promise<Drift[]> {
  const [stored, actual] = [await counter.stored(ids), await counter.actual(ids)];
  return ids.map((id) => ({ id, stored: stored.get(id) ?? 0, actual: actual.get(id) ?? 0 })).filter((d) => d.stored !== d.actual);
}

/**
 * Every target whose counter differs from its records. The targets are walked a batch at a time
 * by `_id` ranges: memory stays bounded, and each read is an index range, not a collection read.
 */
async function driftsOf(counter: StoredCounter): Promise<Drift[]> {
  const drifts: Drift[] = [];
  let after = new Types.ObjectId('000000000000000000000000');
  for (;;) {
    const batch = await counter.targets
      .find({ _id: greaterThan(after) }, { _id: 1 })
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean<{ _id: Types.ObjectId }[]>();
    if (!batch.length) return drifts;
    drifts.push(
      ...(await driftsAmong(
        counter,
        batch.map((doc) => String(doc._id)),
      )),
    );
    after = batch.at(-1)!._id;
  }
}

type CounterName = 'endorsements' | 'replies' | 'votes' | 'views';

// A function, not a constant: the feature modules build their counters with the helpers above,
// so they import this module, and their counters exist only once all of them are loaded.
const allCounters = (): Record<CounterName, StoredCounter[]> => ({
  endorsements: [endorsementCounter],
  replies: [replyCounter],
  votes: [voteCounter],
  views: viewCounters,
});

export type RepairReport = Record<CounterName | 'verifications' | 'acceptedAnswers', number>;

/**
 * Recomputes every stored counter from its source records and finishes changes of two documents
 * that a crash cut short; says how many of each it put right. Safe while servers write.
 */
export async function repairCounters(options: { settleMs?: number } = {}): Promise<RepairReport> {
  const found: [CounterName, StoredCounter, Drift[]][] = [];
  for (const [name, kinds] of Object.entries(allCounters()) as [CounterName, StoredCounter[]][]) {
    for (const counter of kinds) found.push([name, counter, await driftsOf(counter)]);
  }
  if (found.some(([, , drifts]) => drifts.length)) await sleep(options.settleMs ?? SETTLE_MS);
  const report: RepairReport = { endorsements: 0, replies: 0, votes: 0, views: 0, verifications: 0, acceptedAnswers: 0 };
  for (const [name, counter, drifts] of found) {
    for (const first of drifts) {
      // Still wrong exactly as first seen: no write touched this target meanwhile.
      const [now] = await driftsAmong(counter, [first.id]);
      if (now?.stored === first.stored && now.actual === first.actual && (await counter.replace(first.id, first.stored, first.actual))) report[name]++;
    }
  }
  report.verifications = await repairVerifications();
  report.acceptedAnswers = await repairAcceptedAnswers();
  return report;
}
