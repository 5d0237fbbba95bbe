import type { QueryFilter } from 'mongoose';
import { anyOf } from '../query.ts';
import { foldedTokens } from '../search/fold.ts';
import { Thread, type threadKinds, type ThreadDoc } from './model.ts';

/*
 * "Similar questions" while someone types a title: the threads sharing the most words with it,
 * through the stored diacritic-insensitive search tokens. Cheap by construction: one read of at
 * most CANDIDATES recent threads that share a word, ranked in memory.
 */

/** Folded words too common in titles to say two are alike ("làm sao", "như thế nào", "có"…). */
const COMMON_WORDS = new Set(
  'la va cua cho co the nao nhu duoc khong gi mot cac nhung de trong voi tai sao lam thi ve o hay nen da se bi khi nay do tu den ra vao ai bao nhieu hoi can muon giup minh toi ban a e'.split(' '),
);
/** The words of a title looked up, at most (a title's first words say most of it). */
const MAX_WORDS = 10;
const CANDIDATES = 100;
export const MAX_SIMILAR = 5;

/** The words of a title worth matching: folded, each once, common ones left out. */
export const distinctiveWords = (title: string) =>
  foldedTokens(title)
    .filter((word) => !COMMON_WORDS.has(word))
    .slice(0, MAX_WORDS);

/**
 * Up to `limit` shown threads (of `kind`, if given) sharing the most distinctive words with
 * `title`: at least two (or the one, for a one-word title), most shared first, then most recently
 * active. Hidden threads and those waiting for approval are never among them; `groups`: the viewer's.
 */
export async function similarThreads(title: string, kind: (typeof threadKinds)[number] | null, groups: readonly string[], limit = MAX_SIMILAR): Promise<ThreadDoc[]> {
  const words = distinctiveWords(title);
  if (!words.length) return [];
  // Members-only groups' threads only for their members (the same rule as every list: service.ts readableIn).
  const conditions: QueryFilter<ThreadDoc> = { searchTokens: anyOf(words), hiddenAt: null, restrictedTo: groups.length ? anyOf([null, ...groups]) : null, ...(kind ? { kind } : {}) };
  const candidates = await Thread.find(conditions, { body: 0, bodyHtml: 0, mentions: 0 }).sort({ lastActivityAt: -1, _id: -1 }).limit(CANDIDATES).lean<ThreadDoc[]>();
  const needed = Math.min(2, words.length);
  return candidates
    .map((thread, recency) => ({ thread, recency, shared: words.filter((word) => thread.searchTokens.includes(word)).length }))
    .filter((c) => c.shared >= needed)
    .sort((a, b) => b.shared - a.shared || a.recency - b.recency)
    .slice(0, Math.min(limit, MAX_SIMILAR))
    .map((c) => c.thread);
}
