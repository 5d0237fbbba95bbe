import type { AnyBulkWriteOperation } from 'mongoose';
import { isDuplicateKey } from '../mark.ts';
import { forEachNeeding, onceForRenderer, renderStale } from '../markdown/migrate.ts';
import { Reply, ReplyRevision, Thread, ThreadRevision } from './model.ts';

/*
 * Start-up step of the discussions (called by ensureIndexes(), server/db/connection.ts): earlier
 * versions kept inside threads and replies (a `history` array, before they had their own
 * collections) move out, and every body and earlier version is rendered by the current renderer.
 * Safe to run again after a crash at any point, and by two servers at once.
 */

interface Embedded {
  _id: unknown;
  title?: string;
  body: string;
  history?: { title?: string; body?: string; editedAt: Date }[];
}

const owners = {
  thread: { model: Thread, revisions: ThreadRevision },
  reply: { model: Reply, revisions: ReplyRevision },
} as const;

/**
 * Moves one text's embedded history to its revisions: insert first (each version once, by its
 * number), then unset the array, only if it still holds what was copied. A crash between leaves
 * the copies, which the next pass finds already there.
 */
export async function moveEmbeddedHistory(kind: keyof typeof owners, doc: Embedded): Promise<void> {
  const { model, revisions } = owners[kind];
  const history = Array.isArray(doc.history) ? doc.history : [];
  const inserts: AnyBulkWriteOperation[] = history.map((version, seq) => ({
    updateOne: {
      filter: { [kind]: doc._id, seq },
      update: {
        $setOnInsert: { [kind]: doc._id, seq, ...(kind === 'thread' ? { title: version.title ?? '' } : {}), body: version.body ?? '', bodyHtml: '', bodyVersion: null, editedAt: version.editedAt },
      },
      upsert: true,
    },
  }));
  try {
    if (inserts.length) await revisions.collection.bulkWrite(inserts as never, { ordered: false });
  } catch (error) {
    // Another server copied the same version at the same moment: it is there, as wanted.
    if (!isDuplicateKey(error) && !(error as { writeErrors?: { code?: number }[] }).writeErrors?.every((e) => e.code === 11000)) throw error;
  }
  const unchanged = { _id: doc._id, body: doc.body, ...(kind === 'thread' ? { title: doc.title } : {}), history: Array.isArray(doc.history) ? { $size: history.length } : null };
  await model.collection.updateOne(unchanged as never, { $unset: { history: '' }, $set: { editCount: history.length } });
}

/** Texts stored before edits had their own collection have no editCount yet (and a `history`). */
const moveEmbeddedHistories = (kind: keyof typeof owners) =>
  forEachNeeding(
    owners[kind].model,
    ['editCount'],
    (doc) => typeof doc.editCount !== 'number',
    ['title', 'body', 'history'],
    async (docs) => {
      for (const doc of docs) await moveEmbeddedHistory(kind, doc as Embedded);
    },
  );

export async function migrateDiscussions(): Promise<void> {
  await onceForRenderer('discussion', async () => {
    await moveEmbeddedHistories('thread');
    await moveEmbeddedHistories('reply');
    for (const model of [Thread, Reply, ThreadRevision, ReplyRevision]) await renderStale(model, { body: 'bodyHtml' }, 'bodyVersion');
  });
}
