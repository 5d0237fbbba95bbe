import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { submitPractice as sendToCurators, type PracticeDoc } from '../practice/service.ts';
import { recordSubmission } from '../review/service.ts';

/** Sends a practice to the curators, and its review history gets the new round. */
export async function submitPractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const practice = await sendToCurators(ctx, input);
  await recordSubmission(viewer, practice);
  return practice;
}
