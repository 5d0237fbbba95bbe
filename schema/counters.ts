import { setTimeout as sleep } from 'node:timers/promises';
import { Types } from 'mongoose';
import { questionVoteCounter, repairAcceptedAnswers, replyCounter, voteCounter } from './discussion/repair.ts';
import { discussionsOfPractices } from './discussion/service.ts';
import { practiceDiscussionCounter } from './practice/service.ts';
import { endorsementCounter } from './reaction/service.ts';
import { reputationCounter } from './reputation/repair.ts';
import { repairVerifications } from './verification/service.ts';
import type { StoredCounter } from './stored-counter.ts';
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

export type { IdWalk, StoredCounter } from './stored-counter.ts';

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
    const batch = await counter.targets(after, BATCH);
    if (!batch.length) return drifts;
    drifts.push(...(await driftsAmong(counter, batch.map(String))));
    after = batch.at(-1)!;
  }
}

/**
 * PostgreSQL proves that `practice IN (…)` fits the one-discussion-per-practice partial index only
 * for lists of up to 100 values; past that it reads every thread.
 */
const PARTIAL_INDEX_IN_MAX = 100;

/** A practice's discussion count: the live replies of its discussion thread, counted as the thread's own count is. */
const discussionCounter = practiceDiscussionCounter(async (practiceIds) => {
  const counts = new Map<string, number>();
  for (let i = 0; i < practiceIds.length; i += PARTIAL_INDEX_IN_MAX) {
    const ids = practiceIds.slice(i, i + PARTIAL_INDEX_IN_MAX);
    const threads = await discussionsOfPractices(ids);
    const live = await replyCounter.actual(threads.flatMap((thread) => (thread ? [String(thread._id)] : [])));
    for (const [j, id] of ids.entries()) counts.set(id, threads[j] ? (live.get(String(threads[j]!._id)) ?? 0) : 0);
  }
  return counts;
});

type CounterName = 'endorsements' | 'replies' | 'discussions' | 'votes' | 'views';

const allCounters = (): Record<CounterName, StoredCounter[]> => ({
  endorsements: [endorsementCounter],
  replies: [replyCounter],
  discussions: [discussionCounter],
  votes: [voteCounter, questionVoteCounter],
  views: viewCounters,
});

export type RepairReport = Record<CounterName | 'verifications' | 'acceptedAnswers', number>;

/**
 * Recomputes every stored counter from its source records and finishes changes of two documents
 * that a crash cut short; says how many of each it put right. Safe while servers write.
 */
export async function repairCounters(options: { settleMs?: number } = {}): Promise<RepairReport> {
  const counters = Object.entries(allCounters()).flatMap(([name, kinds]) => kinds.map((counter) => [name as CounterName, counter] as const));
  const fixed = await repairEach(counters, options.settleMs);
  const report: RepairReport = { endorsements: 0, replies: 0, discussions: 0, votes: 0, views: 0, verifications: 0, acceptedAnswers: 0 };
  for (const name of fixed) report[name]++;
  report.verifications = await repairVerifications();
  report.acceptedAnswers = await repairAcceptedAnswers();
  return report;
}

/** Puts right the counters that stay wrong over the settle time; one entry (its name) per target put right. */
async function repairEach<N extends string>(counters: readonly (readonly [N, StoredCounter])[], settleMs = SETTLE_MS): Promise<N[]> {
  const found: [N, StoredCounter, Drift[]][] = [];
  for (const [name, counter] of counters) found.push([name, counter, await driftsOf(counter)]);
  if (found.some(([, , drifts]) => drifts.length)) await sleep(settleMs);
  const fixed: N[] = [];
  for (const [name, counter, drifts] of found) {
    for (const first of drifts) {
      // Still wrong exactly as first seen: no write touched this target meanwhile.
      const [now] = await driftsAmong(counter, [first.id]);
      if (now?.stored === first.stored && now.actual === first.actual && (await counter.replace(first.id, first.stored, first.actual))) fixed.push(name);
    }
  }
  return fixed;
}

/**
 * Recomputes every member's reputation from the records that earn it (schema/reputation), the
 * same way as the counters above: safe while servers write. Says how many it put right. Run
 * after repairCounters(), which finishes the removals of accepted answers it counts.
 */
export async function repairReputations(options: { settleMs?: number } = {}): Promise<number> {
  return (await repairEach([['reputation', reputationCounter] as const], options.settleMs)).length;
}
