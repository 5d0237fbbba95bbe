import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type IRateLimiterOptions } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors.ts';

/*
 * Every rate limit's numbers, kept here and nowhere else (the README's table repeats them; a test
 * checks that it does). Counts live in this process's memory (several processes each keep their
 * own), or with REDIS_URL in Redis (all processes share them). `duration` and `blockDuration` are
 * seconds.
 *
 * Sign-in: 6 attempts a minute and 30 an hour, per address and per account; passing either
 * limit blocks for longer (a minute, then an hour), so the delay grows with persistence.
 * Discourse's defaults were the reference.
 *
 * Writes and the read budgets are spent per person, or per address when signed out, by
 * server/operation-limits.ts before an operation runs. The read budgets are set far above what
 * the web app asks for: the directory's search box sends one request per 300 ms pause in typing,
 * the editor one preview per 450 ms pause, and a thread of 1,000 replies loads 20 pages of 50.
 * A script that loops, or packs 50 aliased searches into one request, meets them within a minute.
 */
export const RATE_LIMITS = {
  signInPerAddress: { points: 6, duration: 60, blockDuration: 60 },
  signInPerAddressHourly: { points: 30, duration: 3600, blockDuration: 3600 },
  signInPerAccount: { points: 6, duration: 60, blockDuration: 60 },
  signInPerAccountHourly: { points: 30, duration: 3600, blockDuration: 3600 },
  signUpPerAddress: { points: 10, duration: 3600 },
  /**
   * Account emails: asking for a password reset, per address; and every reset, verification and
   * sign-up notice to one email address, whoever asks (a refused sign-up sends nothing and still
   * answers as usual), so that nobody can fill a person's inbox through the site.
   */
  passwordResetsPerAddress: { points: 10, duration: 3600 },
  accountEmailsPerRecipient: { points: 5, duration: 3600 },
  /** Every mutation field that will run (aliases and fragments counted one by one). */
  writes: { points: 60, duration: 60 },
  /*
   * A new member (schema/moderation/new-members.ts) also spends these, so that an account made
   * to spam writes little before a moderator sees it: a third of the writes, and per day at most
   * 3 threads and 20 replies (Discourse's first-day limits were the reference).
   */
  newMemberWrites: { points: 20, duration: 60 },
  newMemberThreads: { points: 3, duration: 86_400 },
  newMemberReplies: { points: 20, duration: 86_400 },
  /**
   * Private messages (schema/message/service.ts): everyone sends at most 10 a minute (a person
   * typing replies, not a script); a new member starts at most 3 conversations a day, one-to-one.
   */
  messages: { points: 10, duration: 60 },
  newMemberConversations: { points: 3, duration: 86_400 },
  /** `search` and `practiceFacets`, and any list asked with a text `filter.query` (the directory's search box). */
  searches: { points: 120, duration: 60 },
  /**
   * `previewMarkdown`: the editor's live preview, a point per PREVIEW_POINT_CHARACTERS of text
   * started (rendering costs about in proportion to length: a 20,000-character text takes up to
   * 100 ms of a worker thread), so a script gets 24 previews of the longest text a minute, and a
   * person previewing a 4,000-character section after each pause in typing 120.
   */
  previews: { points: 240, duration: 60 },
  /** Lists asked for more than LARGE_PAGE_ABOVE items (`first` or `last`). */
  largePages: { points: 200, duration: 60 },
  /*
   * Each read budget also holds over 10 seconds (a third or a quarter of the minute's), so that a
   * minute's budget cannot be spent in one burst: two connections spending all of them at once
   * made other people's requests wait 3 to 4 times longer (npm run bench). What a person sends in
   * 10 seconds (a search per 300 ms pause in typing, a preview per 450 ms pause, "more replies"
   * clicks) stays under these.
   */
  /**
   * Every GraphQL request, per address, counted before its body is read: a flood of requests
   * that each cost little (refusals included) still fills a core. Generous, because a ministry's
   * or province's officials may all come from one address.
   */
  requestsPerAddress: { points: 1000, duration: 10 },
  searchesBurst: { points: 40, duration: 10 },
  previewsBurst: { points: 60, duration: 10 },
  largePagesBurst: { points: 50, duration: 10 },
} as const satisfies Record<string, IRateLimiterOptions>;

/** Characters of previewed text that spend one point of the `previews` budget. */
export const PREVIEW_POINT_CHARACTERS = 2_000;

/** A page of more items than this spends the `largePages` budget (the app's lists show 20). */
export const LARGE_PAGE_ABOVE = 20;

export type LimitName = keyof typeof RATE_LIMITS;

/** The counts: in this process's memory, or (with REDIS_URL) in Redis, shared by every server instance. */
const create = (redis?: Redis) =>
  Object.fromEntries(
    Object.entries(RATE_LIMITS).map(([name, options]) => [name, redis ? new RateLimiterRedis({ ...options, storeClient: redis, keyPrefix: `limit:${name}` }) : new RateLimiterMemory(options)]),
  ) as Record<LimitName, RateLimiterMemory | RateLimiterRedis>;

let limiters = create();

/** Keeps every rate limit's counts in Redis from now on (at start-up, with REDIS_URL). */
export function keepRateLimitsIn(redis: Redis): void {
  limiters = create(redis);
}

const refusal = (error: RateLimiterRes) => new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));

/** Spends `points` of a limit for `key`, or throws RateLimitedError saying how long to wait. */
export async function spend(name: LimitName, key: string, points = 1): Promise<void> {
  if (isLifted(name)) return;
  try {
    await limiters[name].consume(key, points);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw refusal(error);
    throw error;
  }
}

/**
 * Spends several limits at once, or none: when one refuses, every point this call took is given
 * back (the refusing limit counts the points it refused too), so a refused operation costs
 * nothing and what it would have spent stays available. Throws RateLimitedError.
 */
export async function spendAll(key: string, costs: Partial<Record<LimitName, number>>): Promise<void> {
  const spent: [LimitName, number][] = [];
  const withBursts = { ...costs };
  for (const [budget, burst] of Object.entries(BURST_OF) as [LimitName, LimitName][]) if (costs[budget]) withBursts[burst] = costs[budget];
  for (const [name, points] of Object.entries(withBursts) as [LimitName, number][]) {
    if (!points || isLifted(name)) continue;
    try {
      await limiters[name].consume(key, points);
      spent.push([name, points]);
    } catch (error) {
      if (error instanceof RateLimiterRes) spent.push([name, points]);
      await Promise.all(spent.map(([taken, back]) => limiters[taken].reward(key, back)));
      if (error instanceof RateLimiterRes) throw refusal(error);
      throw error;
    }
  }
}

/** The short-window limit that each read budget's points also spend. */
const BURST_OF: Partial<Record<LimitName, LimitName>> = { searches: 'searchesBurst', previews: 'previewsBurst', largePages: 'largePagesBurst' };
/** What the benchmark lifts: the read budgets, their bursts and the per-address request rate. */
const LIFTED_FOR_BENCH: LimitName[] = ['searches', 'previews', 'largePages', 'searchesBurst', 'previewsBurst', 'largePagesBurst', 'requestsPerAddress'];
let benchLimitsLifted = false;
const isLifted = (name: LimitName) => benchLimitsLifted && LIFTED_FOR_BENCH.includes(name);

/**
 * Lifts the read budgets and the per-address request rate (or restores them), for the benchmark
 * only: it sends as one member from one address what thousands of people would, and measures what
 * pages cost, not how a person is throttled.
 */
export function liftBenchLimits(lifted: boolean): void {
  benchLimitsLifted = lifted;
}

/** The costly operation each person or address has running or waiting last (see oneCostlyAtATime). */
const costlyLanes = new Map<string, Promise<unknown>>();

/**
 * Runs a costly read (a search, a preview, a large page) after the same person's or address's
 * previous one has finished, in this process. Budgets bound how many such reads one sender gets;
 * this bounds how many run at once, so that a sender firing them in parallel takes at most one
 * share of the event loop and the database beside everyone else's requests (npm run bench: the
 * worst requests and a normal one). People rarely have two in flight; the second then waits for
 * the first, tens of milliseconds. Lifted with the bench's budgets.
 */
export async function oneCostlyAtATime<T>(key: string, work: () => Promise<T> | T): Promise<T> {
  if (benchLimitsLifted) return work();
  const previous = costlyLanes.get(key);
  const mine = (async () => {
    await previous;
    return work();
  })();
  // The lane's tail never rejects: a failed read must not fail the next one.
  const tail = mine.then(
    () => undefined,
    () => undefined,
  );
  costlyLanes.set(key, tail);
  try {
    return await mine;
  } finally {
    if (costlyLanes.get(key) === tail) costlyLanes.delete(key);
  }
}

/** Forgets every count; for tests, which start each case with a clean slate. */
export function resetRateLimits(): void {
  limiters = create();
}
