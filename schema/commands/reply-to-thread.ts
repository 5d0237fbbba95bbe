import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { deleteReply, replyToThread, threadsByIds, type ReplyDoc } from '../discussion/service.ts';
import { followAsParticipant } from '../follow/service.ts';
import { moveDiscussionCount } from '../practice/service.ts';

/**
 * Replies in a thread, and the writer follows it (a thread they took part in stays in their
 * updates); a reply in a practice's discussion also counts for the practice ("most discussed").
 * A crash between the writes leaves the count one short, for repairCounters().
 */
export async function replyAndFollow(ctx: Context, input: unknown): Promise<ReplyDoc> {
  const viewer = requireViewer(ctx);
  const reply = await replyToThread(ctx, input);
  await countForPractice(reply, 1);
  await followAsParticipant(viewer, reply.thread);
  return reply;
}

/** Removes a reply (discussion's rules), and a practice's discussion then counts one less. */
export async function removeReplyAndCount(ctx: Context, input: unknown): Promise<ReplyDoc> {
  const removed = await deleteReply(ctx, input);
  // A hidden reply was taken off the count when it was hidden.
  if (!removed.hiddenAt) await countForPractice(removed, -1);
  return removed;
}

export async function countForPractice(reply: ReplyDoc, by: 1 | -1): Promise<void> {
  const [thread] = await threadsByIds([String(reply.thread)]);
  if (thread?.practice) await moveDiscussionCount(String(thread.practice), by);
}
