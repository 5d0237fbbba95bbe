import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { getThread, type ThreadDoc } from '../discussion/service.ts';
import { updateCreating } from '../mark.ts';
import { anyOf } from '../query.ts';
import { objectId, parseInput } from '../validation.ts';
import { ThreadReading, type ThreadReadingDoc } from './model.ts';

export type { ThreadReadingDoc };

const readingId = (reader: string, thread: string) => String(new ThreadReading({ reader, thread })._id);

export const markThreadReadInput = z.object({ threadId: objectId });

/**
 * Records that the viewer has read the thread as it is now (a thread they may read). Only ever
 * moves forward: a page left open in an older tab cannot mark newer replies unread again.
 */
export async function markThreadRead(ctx: Context, input: unknown): Promise<ThreadDoc> {
  const viewer = requireViewer(ctx);
  const { threadId } = parseInput(markThreadReadInput, input);
  const thread = await getThread(viewer, threadId);
  await updateCreating(
    ThreadReading,
    readingId(viewer.id, threadId),
    { reader: viewer.id, thread: threadId, readAt: new Date(0), seenReplyCount: 0 },
    { $max: { readAt: new Date(), seenReplyCount: thread.replyCount } },
  );
  return thread;
}

/** A member's reading of each thread (null: never opened): one query by primary key for a page. */
export async function readingsOf(readerId: string, threadIds: readonly string[]): Promise<(ThreadReadingDoc | null)[]> {
  if (!threadIds.length) return [];
  const ids = threadIds.map((thread) => readingId(readerId, thread));
  const found = new Map((await ThreadReading.find({ _id: anyOf([...new Set(ids)]) }).lean<ThreadReadingDoc[]>()).map((r) => [r._id, r]));
  return ids.map((id) => found.get(id) ?? null);
}
