import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { deleteReply, replyToThread, type ReplyDoc } from '../discussion/service.ts';
import { noteActivity } from '../expert/service.ts';
import { queueForApproval } from '../flag/service.ts';
import { followAsParticipant } from '../follow/service.ts';
import { noteHelpdeskAnswer } from '../helpdesk/service.ts';
import { publishReply } from '../live/events.ts';
import { notifyOfReply } from '../notification/producers.ts';
import { acceptancePoints, moveReputation } from '../reputation/service.ts';
import { countForPractice } from './practice-discussion-count.ts';

/**
 * Replies in a thread, and the writer follows it (a thread they took part in stays in their
 * updates); a reply in a practice's discussion also counts for the practice ("most discussed").
 * A new member's reply that waits for approval goes to the moderators' queue instead, and counts
 * once approved. A crash between the writes leaves the count one short, for repairCounters().
 */
export async function replyAndFollow(ctx: Context, input: unknown): Promise<ReplyDoc> {
  const viewer = requireViewer(ctx);
  const reply = await replyToThread(ctx, input);
  if (reply.pendingAuthor) await queueForApproval('reply', reply);
  else await Promise.all([countForPractice(reply, 1), noteActivity(viewer.id)]);
  await followAsParticipant(viewer, reply.thread);
  // Open pages of the thread show it at once (not one that waits: approving it publishes it).
  publishReply(reply);
  await notifyOfReply(reply);
  // The assigned group's first answer to a help-desk request answers it.
  await noteHelpdeskAnswer(reply);
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
