import { discussionsOfPractices } from '../discussion/service.ts';
import { onceForRenderer, renderStale } from '../markdown/migrate.ts';
import { anyOf } from '../query.ts';
import { Practice, type PracticeDoc, PracticeRevision } from './model.ts';
import { practiceSearchTokens } from './service.ts';

/**
 * Start-up step of the practices (called by ensureIndexes(), server/db/connection.ts): renders the
 * markdown fields of every practice stored without HTML or with an older renderer's, and gives a
 * discussion count and a date of their public text's last change to practices stored before
 * them. Safe to run again, and by two servers at once.
 * Revisions keep their snapshot's markdown only (their pages show no HTML).
 */
export async function migratePractices(): Promise<void> {
  await onceForRenderer('practice', () =>
    renderStale(
      Practice,
      { problem: 'problemHtml', solution: 'solutionHtml', results: 'resultsHtml', lessons: 'lessonsHtml', challenges: 'challengesHtml', conditions: 'conditionsHtml' },
      'htmlVersion',
    ).then(() => undefined),
  );
  await countDiscussionsOfOlderPractices();
  await dateOlderPublicTexts();
}

/**
 * Published (or hidden) practices stored before revisedAt get the latest change known: their
 * publication, or the newest version an edit (or an unpublishing) replaced, whichever is later.
 * Only where still missing, so that a publication meanwhile is never overwritten.
 */
async function dateOlderPublicTexts(): Promise<void> {
  for (;;) {
    const batch = await Practice.find({ status: anyOf(['published', 'hidden']), revisedAt: null }, { publishedAt: 1, createdAt: 1 })
      .limit(100)
      .lean<Pick<PracticeDoc, '_id' | 'publishedAt' | 'createdAt'>[]>();
    if (!batch.length) return;
    const replaced = await PracticeRevision.aggregate<{ _id: PracticeDoc['_id']; last: Date }>([
      { $match: { practice: anyOf(batch.map((p) => p._id)) } },
      { $group: { _id: '$practice', last: { $max: '$createdAt' } } },
    ]);
    const lastReplaced = new Map(replaced.map((r) => [String(r._id), r.last]));
    for (const practice of batch) {
      const dates = [practice.publishedAt ?? practice.createdAt, lastReplaced.get(String(practice._id))].filter((d): d is Date => d instanceof Date);
      const revisedAt = new Date(Math.max(...dates.map(Number)));
      await Practice.updateOne({ _id: practice._id, revisedAt: null }, { $set: { revisedAt } }, { timestamps: false });
    }
  }
}

/**
 * Practices stored before the "most discussed" order have no count, which that order's cursors
 * cannot name: each gets its discussion thread's reply count (0 without one), only where still
 * missing, so a reply counted meanwhile is never overwritten. A hundred at a time: the most
 * whose discussions one indexed read finds (see PARTIAL_INDEX_IN_MAX in schema/counters.ts).
 */
async function countDiscussionsOfOlderPractices(): Promise<void> {
  for (;;) {
    const batch = await Practice.find({ discussionCount: null }, { _id: 1 }).limit(100).lean<Pick<PracticeDoc, '_id'>[]>();
    if (!batch.length) return;
    const threads = await discussionsOfPractices(batch.map((p) => String(p._id)));
    for (const [i, practice] of batch.entries()) {
      await Practice.updateOne({ _id: practice._id, discussionCount: null }, { $set: { discussionCount: threads[i]?.replyCount ?? 0 } }, { timestamps: false });
    }
  }
}

/**
 * Makes every practice's stored searchTokens what practiceSearchTokens gives today (e.g. after
 * the long fields joined the index); returns how many changed. Reads the practices once in _id
 * order and writes only the ones that differ, so a second run writes nothing.
 */
export async function reindexPractices(): Promise<number> {
  let changed = 0;
  const read = { title: 1, summary: 1, problem: 1, solution: 1, results: 1, lessons: 1, challenges: 1, conditions: 1, beneficiaries: 1, partners: 1, searchTokens: 1 };
  for (const practice of await Practice.find({}, read).sort({ _id: 1 }).lean<PracticeDoc[]>()) {
    const tokens = practiceSearchTokens(practice);
    if (JSON.stringify(tokens) === JSON.stringify(practice.searchTokens)) continue;
    await Practice.updateOne({ _id: practice._id }, { $set: { searchTokens: tokens } });
    changed++;
  }
  return changed;
}
