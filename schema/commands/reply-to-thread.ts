import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { replyToThread, type ReplyDoc } from '../discussion/service.ts';
import { followAsParticipant } from '../follow/service.ts';

/** Replies in a thread, and the writer follows it (a thread they took part in stays in their updates). */
export async function replyAndFollow(ctx: Context, input: unknown): Promise<ReplyDoc> {
  const viewer = requireViewer(ctx);
  const reply = await replyToThread(ctx, input);
  await followAsParticipant(viewer, reply.thread);
  return reply;
}
