import { onceForRenderer, renderStale } from '../markdown/migrate.ts';
import { Practice } from './model.ts';

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
