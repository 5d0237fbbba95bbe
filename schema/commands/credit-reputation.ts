import type { Context } from '../context.ts';
import { acceptAnswer, unacceptAnswer, voteForAnswer, voteForQuestion, type AcceptanceOutcome, type ReplyDoc, type ThreadDoc } from '../discussion/service.ts';
import { endorsePractice, withdrawEndorsement } from '../reaction/service.ts';
import type { PracticeDoc } from '../practice/service.ts';
import { notify } from '../notification/service.ts';
import { acceptancePoints, moveReputation, REPUTATION_POINTS } from '../reputation/service.ts';

/*
 * The writes that earn (or take back) reputation: each moves the points right after its own
 * record came or went, and only when this call made it so (a repeated vote, a racing second
 * click, moves nothing). Nobody earns from themself: self-votes and self-endorsements are
 * refused, and an asker who accepts their own answer earns nothing. A crash between the record
 * and the points leaves a drift for `npm run repair-counters`.
 */

/** Votes for an answer (or takes the vote back); its author gains (or loses) the points. */
export async function voteOnAnswer(ctx: Context, input: unknown, up: boolean): Promise<ReplyDoc> {
  const { post, counted } = await voteForAnswer(ctx, input, up);
  if (counted) await moveReputation([post.author], up ? REPUTATION_POINTS.answerVote : -REPUTATION_POINTS.answerVote);
  return post;
}

/** Votes for a question (or takes the vote back); its asker gains (or loses) the points. */
export async function voteOnQuestion(ctx: Context, input: unknown, up: boolean): Promise<ThreadDoc> {
  const { post, counted } = await voteForQuestion(ctx, input, up);
  if (counted) await moveReputation([post.author], up ? REPUTATION_POINTS.questionVote : -REPUTATION_POINTS.questionVote);
  return post;
}

async function creditAcceptance(outcome: AcceptanceOutcome): Promise<ThreadDoc> {
  for (const change of outcome.changes) {
    const points = acceptancePoints(change.answerAuthor, outcome.thread.author);
    await moveReputation([change.answerAuthor], change.accepted ? points : -points);
  }
  if (outcome.failure) throw outcome.failure;
  return outcome.thread;
}

/** Accepts an answer: its author gains the points, the answer it replaces loses them. */
export async function acceptAndCredit(ctx: Context, input: unknown): Promise<ThreadDoc> {
  const outcome = await acceptAnswer(ctx, input);
  const thread = await creditAcceptance(outcome);
  const accepted = outcome.changes.filter((change) => change.accepted).map((change) => String(change.answerAuthor));
  if (thread.acceptedReply)
    await notify({ kind: 'answer_accepted', actorId: ctx.viewer!.id, recipientIds: accepted, target: { type: 'reply', id: String(thread.acceptedReply) }, contextId: String(thread._id) });
  return thread;
}

/** Takes an acceptance back, and its points. */
export const unacceptAndCredit = async (ctx: Context, input: unknown) => creditAcceptance(await unacceptAnswer(ctx, input));

/** "This helped me": every author of the practice gains the points (once per person saying it). */
export async function endorseAndCredit(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const { practice, counted } = await endorsePractice(ctx, input);
  if (counted) await moveReputation(practice.authors, REPUTATION_POINTS.practiceEndorsement);
  return practice;
}

/** Takes the endorsement back, and its points from the practice's authors. */
export async function withdrawEndorsementAndCredit(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const { practice, counted } = await withdrawEndorsement(ctx, input);
  if (counted) await moveReputation(practice.authors, -REPUTATION_POINTS.practiceEndorsement);
  return practice;
}
