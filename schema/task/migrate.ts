import { onceForRenderer, renderStale } from '../markdown/migrate.ts';
import { Proposal, Task, TaskNote } from './model.ts';

/**
 * Start-up step of the tasks (called by ensureIndexes(), server/db/connection.ts): renders the
 * markdown of every task, proposal and progress note stored without HTML or with an older
 * renderer's. Leaves `version` alone: a lead's open editor is not made to conflict by a re-render.
 */
export async function migrateTasks(): Promise<void> {
  await onceForRenderer('task', async () => {
    await renderStale(Task, { description: 'descriptionHtml' }, 'descriptionVersion');
    await renderStale(Proposal, { description: 'descriptionHtml' }, 'descriptionVersion');
    await renderStale(TaskNote, { body: 'bodyHtml' }, 'bodyVersion');
  });
}
