import { setTimeout as sleep } from 'node:timers/promises';
import { postsWaitingForApproval } from '../discussion/service.ts';
import { insertOnce } from '../mark.ts';
import { anyOf, greaterThan } from '../query.ts';
import { Flag, FlaggedItem, type FlagDoc, type FlaggedItemDoc, type FlaggedItemState } from './model.ts';

/*
 * The moderators' queue counts for `npm run repair-counters`. The flag service records a flag,
 * then counts it on its FlaggedItem; a crash between the two, or a hand edit of the database,
 * leaves the counts wrong, and the Flag records are the truth.
 *
 * Which flags an item's counts describe: while it is open, its current round. Once decided, the
 * round that decision closed; decisions made without new flags (hide, then restore) keep those
 * counts, so it is the latest earlier round that has flags at all. A flag in the current round of
 * an item that is not open is one whose counting a crash cut short: the item opens with it, as
 * the flag would have opened it.
 *
 * Safe while servers write, as schema/counters.ts: an item is put right only if it stays wrong,
 * unchanged, for a while, and only where it still is as read.
 */

/** Longer than any request stays between recording a flag and counting it. */
const SETTLE_MS = 3000;
const BATCH = 500;

type ItemRead = Pick<FlaggedItemDoc, '_id' | 'state' | 'round' | 'flaggerCount' | 'reasonCounts'> & { updatedAt: Date };

interface Counts {
  /** 'open' when the item must open again with the flags of its current round. */
  state: FlaggedItemState;
  flaggerCount: number;
  reasonCounts: Record<string, number>;
}

interface Drift {
  item: ItemRead;
  expected: Counts;
}

/** Reason counts without zeros, in a fixed order: two that say the same compare equal. */
const normalised = (counts: Record<string, number> | null | undefined) =>
  JSON.stringify(
    Object.entries(counts ?? {})
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** Per item, per round, how many flags gave each reason: one aggregate for a batch of items. */
async function reasonsPerRound(itemIds: string[]): Promise<Map<string, Map<number, Record<string, number>>>> {
  const rows = await Flag.aggregate<{ _id: { item: string; round: number; reason: string }; count: number }>([
    { $match: { item: anyOf(itemIds) } },
    { $group: { _id: { item: '$item', round: '$round', reason: '$reason' }, count: { $sum: 1 } } },
  ]);
  const found = new Map<string, Map<number, Record<string, number>>>();
  for (const { _id, count } of rows) {
    const rounds = found.get(_id.item) ?? new Map<number, Record<string, number>>();
    found.set(_id.item, rounds);
    rounds.set(_id.round, { ...rounds.get(_id.round), [_id.reason]: count });
  }
  return found;
}

function expectedCounts(item: ItemRead, rounds: Map<number, Record<string, number>>): Counts {
  const current = rounds.get(item.round);
  const closed = [...rounds.keys()].filter((round) => round < item.round).sort((a, b) => b - a)[0];
  const described = item.state === 'open' || current ? current : closed === undefined ? undefined : rounds.get(closed);
  const reasonCounts = described ?? {};
  const flaggerCount = Object.values(reasonCounts).reduce((sum, count) => sum + count, 0);
  return { state: current ? 'open' : item.state, flaggerCount, reasonCounts };
}

const drifted = (item: ItemRead, expected: Counts) =>
  item.state !== expected.state || (item.flaggerCount ?? 0) !== expected.flaggerCount || normalised(item.reasonCounts) !== normalised(expected.reasonCounts);

const sameDrift = (a: Drift, b: Drift) =>
  a.item.updatedAt.getTime() === b.item.updatedAt.getTime() && a.item.state === b.item.state && a.item.round === b.item.round && JSON.stringify(a.expected) === JSON.stringify(b.expected);

const fields = { state: 1, round: 1, flaggerCount: 1, reasonCounts: 1, updatedAt: 1 };

async function driftsAmong(items: ItemRead[]): Promise<Drift[]> {
  const flags = await reasonsPerRound(items.map((item) => item._id));
  return items.flatMap((item) => {
    const expected = expectedCounts(item, flags.get(item._id) ?? new Map());
    return drifted(item, expected) ? [{ item, expected }] : [];
  });
}

/** Every item whose counts differ from its flags, walked a batch at a time in `_id` order. */
async function allDrifts(): Promise<Drift[]> {
  const drifts: Drift[] = [];
  let after = '';
  for (;;) {
    const batch = await FlaggedItem.find({ _id: greaterThan(after) }, fields)
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean<ItemRead[]>();
    if (!batch.length) return drifts;
    drifts.push(...(await driftsAmong(batch)));
    after = batch.at(-1)!._id;
  }
}

/** Writes the counts, only where the item is still exactly as read. */
async function putRight({ item, expected }: Drift): Promise<boolean> {
  const $set: Record<string, unknown> = { flaggerCount: expected.flaggerCount, reasonCounts: expected.reasonCounts };
  if (expected.state !== item.state) {
    // Opened again as its first flag would have: the queue orders it by its last flag.
    const round = await Flag.find({ item: item._id, round: item.round }, { createdAt: 1 }).sort({ item: 1, round: 1, createdAt: 1 }).lean<Pick<FlagDoc, 'createdAt'>[]>();
    Object.assign($set, { state: 'open', firstFlaggedAt: round[0]!.createdAt, lastFlaggedAt: round.at(-1)!.createdAt, activityAt: round.at(-1)!.createdAt });
  }
  const { modifiedCount } = await FlaggedItem.updateOne({ _id: item._id, state: item.state, round: item.round, updatedAt: item.updatedAt }, { $set }, { timestamps: false });
  return modifiedCount === 1;
}

/**
 * Recomputes each flagged item's counts (distinct flaggers, flags per reason) from its Flag
 * records, and opens an item whose flag was recorded but never counted; returns how many items
 * it put right.
 */
export async function repairFlaggedItems(options: { settleMs?: number } = {}): Promise<number> {
  const found = await allDrifts();
  if (!found.length) return 0;
  await sleep(options.settleMs ?? SETTLE_MS);
  let fixed = 0;
  for (const first of found) {
    const now = await FlaggedItem.find({ _id: first.item._id }, fields).lean<ItemRead[]>();
    const [still] = await driftsAmong(now);
    // Still wrong exactly as first seen: no flag or decision touched it meanwhile.
    if (still && sameDrift(still, first) && (await putRight(still))) fixed++;
  }
  return fixed;
}

/**
 * Queues the new members' posts that wait for approval outside the moderators' queue (a crash
 * between writing the post and queueing it); returns how many it queued. An item that exists
 * already, in any state, is left as it is.
 */
export async function queueWaitingPosts(): Promise<number> {
  let queued = 0;
  for (const { kind, post } of await postsWaitingForApproval()) {
    const thread = kind === 'thread' ? post._id : post.thread;
    if (await insertOnce(FlaggedItem, { kind, target: post._id, thread, state: 'awaiting', activityAt: post.createdAt })) queued++;
  }
  return queued;
}
