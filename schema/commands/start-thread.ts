import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { createThread, type ThreadDoc } from '../discussion/service.ts';
import { noteActivity } from '../expert/service.ts';
import { queueForApproval } from '../flag/service.ts';
import { followAsParticipant } from '../follow/service.ts';
import { notifyOfThread } from '../notification/producers.ts';

/**
 * Starts a thread, and its author follows it (its replies then show in their updates). A new
 * member's thread that waits for approval goes to the moderators' queue.
 */
export async function startThread(ctx: Context, input: unknown): Promise<ThreadDoc> {
  const viewer = requireViewer(ctx);
  const thread = await createThread(ctx, input);
  if (thread.pendingAuthor) await queueForApproval('thread', thread);
  else await noteActivity(viewer.id);
  await followAsParticipant(viewer, thread._id);
  await notifyOfThread(thread);
  return thread;
}
