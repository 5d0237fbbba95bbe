import type { Types } from 'mongoose';
// The expert feature keeps the field and writes it; this one holds the rules.
import { moveReputationOf } from '../expert/service.ts';

/**
 * What others' actions earn a member, as Stack Overflow counts them (the README's table). A
 * vote, acceptance or endorsement that is taken back takes its points back.
 */
export const REPUTATION_POINTS = {
  /** The asker (or a curator) accepted one's answer; nothing when one answered one's own question. */
  acceptedAnswer: 15,
  /** Someone voted for one's answer. */
  answerVote: 10,
  /** Someone voted for one's question. */
  questionVote: 5,
  /** Someone said "this helped me" about a practice one is an author of (each author earns it). */
  practiceEndorsement: 10,
} as const;

type Id = Types.ObjectId | string;

/**
 * Moves the reputation of these members by `points` (negative to take them back), each once.
 * Called right after the record that earns them came or went, by the call that made it so: a
 * crash between the two writes leaves a drift that `npm run repair-counters` puts right.
 * A repair-like write, not an edit of the profile: updatedAt stays.
 */
export async function moveReputation(expertIds: readonly (Id | null | undefined)[], points: number): Promise<void> {
  const ids = [...new Set(expertIds.filter((id): id is Id => Boolean(id)).map(String))];
  if (!ids.length || !points) return;
  await moveReputationOf(ids, points);
}

/** The points an accepted answer earns its author: none when the asker answered themself. */
export const acceptancePoints = (answerAuthor: Id, askerId: Id) => (String(answerAuthor) === String(askerId) ? 0 : REPUTATION_POINTS.acceptedAnswer);
