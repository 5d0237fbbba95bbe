import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { deleteReply, replyToThread, type ReplyDoc } from '../discussion/service.ts';
import { noteActivity } from '../expert/service.ts';
import { queueForApproval } from '../flag/service.ts';
import { followAsParticipant } from '../follow/service.ts';
import { acceptancePoints, moveReputation } from '../reputation/service.ts';
import { announceReply } from './announce-reply.ts';
import { countForPractice } from './practice-discussion-count.ts';

/**
 * Replies in a thread, and the writer follows it (a thread they took part in stays in their
 * updates); the reply is announced (announce-reply.ts). A new member's reply that waits for
 * approval goes to the moderators' queue instead, and is announced once approved. A crash
 * between the writes leaves a practice's count one short, for repairCounters().
 */
export async function replyAndFollow(ctx: Context, input: unknown): Promise<ReplyDoc> {
  const viewer = requireViewer(ctx);
  const reply = await replyToThread(ctx, input);
  await followAsParticipant(viewer, reply.thread);
  if (reply.pendingAuthor) await queueForApproval('reply', reply);
  else await Promise.all([announceReply(reply), noteActivity(viewer.id)]);
  return reply;
}

/**
 * Removes a reply (discussion's rules), and a practice's discussion then counts one less; a
 * removed accepted answer is no longer accepted, and its author loses the acceptance's points.
 */
export async function removeReplyAndCount(ctx: Context, input: unknown): Promise<ReplyDoc> {
  const { reply: removed, unacceptedFrom } = await deleteReply(ctx, input);
  if (unacceptedFrom) await moveReputation([removed.author], -acceptancePoints(removed.author, unacceptedFrom.author));
  // A hidden reply was taken off the count when it was hidden (or never counted, while it waited).
  if (!removed.hiddenAt) await countForPractice(removed, -1);
  return removed;
}
