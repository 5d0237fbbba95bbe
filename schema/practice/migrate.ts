import { onceForRenderer, renderStale } from '../markdown/migrate.ts';
import { Practice, type PracticeDoc } from './model.ts';
import { practiceSearchTokens } from './service.ts';

/**
 * Start-up step of the practices (called by ensureIndexes(), server/db/connection.ts): renders the
 * four markdown fields of every practice stored without HTML or with an older renderer's. Safe to
 * run again, and by two servers at once. Revisions keep their snapshot's markdown only (their
 * pages show no HTML).
 */
export async function migratePractices(): Promise<void> {
  await onceForRenderer('practice', () =>
    renderStale(Practice, { problem: 'problemHtml', solution: 'solutionHtml', results: 'resultsHtml', lessons: 'lessonsHtml' }, 'htmlVersion').then(() => undefined),
  );
}

/**
 * Makes every practice's stored searchTokens what practiceSearchTokens gives today (e.g. after
 * the long fields joined the index); returns how many changed. Reads the practices once in _id
 * order and writes only the ones that differ, so a second run writes nothing.
 */
export async function reindexPractices(): Promise<number> {
  let changed = 0;
  for (const practice of await Practice.find({}, { title: 1, summary: 1, problem: 1, solution: 1, results: 1, lessons: 1, searchTokens: 1 }).sort({ _id: 1 }).lean<PracticeDoc[]>()) {
    const tokens = practiceSearchTokens(practice);
    if (JSON.stringify(tokens) === JSON.stringify(practice.searchTokens)) continue;
    await Practice.updateOne({ _id: practice._id }, { $set: { searchTokens: tokens } });
    changed++;
  }
  return changed;
}
