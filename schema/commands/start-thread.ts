import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { createThread, type ThreadDoc } from '../discussion/service.ts';
import { followAsParticipant } from '../follow/service.ts';

/** Starts a thread, and its author follows it (its replies then show in their updates). */
export async function startThread(ctx: Context, input: unknown): Promise<ThreadDoc> {
  const viewer = requireViewer(ctx);
  const thread = await createThread(ctx, input);
  await followAsParticipant(viewer, thread._id);
  return thread;
}
