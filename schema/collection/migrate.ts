import { onceForRenderer, renderStale } from '../markdown/migrate.ts';
import { Collection } from './model.ts';

/**
 * Start-up step of the collections (called by ensureIndexes(), server/db/connection.ts): renders
 * the introduction of every collection stored without HTML or with an older renderer's. Leaves
 * `version` alone: a curator's open editor is not made to conflict by a re-render.
 */
export async function migrateCollections(): Promise<void> {
  await onceForRenderer('collection', () => renderStale(Collection, { intro: 'introHtml' }, 'htmlVersion').then(() => undefined));
}
