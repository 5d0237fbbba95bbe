import { discussionCreditOf } from '../discussion/repair.ts';
import { expertReputationCounter } from '../expert/service.ts';
import { endorsementsReceivedBy } from '../reaction/service.ts';
import { REPUTATION_POINTS } from './service.ts';

/** Every member's reputation as the rules give it from the records (votes, acceptances, endorsements). */
export async function reputationsFromRecords(expertIds: string[]): Promise<Map<string, number>> {
  const [discussion, endorsements] = await Promise.all([discussionCreditOf(expertIds), endorsementsReceivedBy(expertIds)]);
  return new Map(
    expertIds.map((id) => {
      const credit = discussion.get(id)!;
      const points =
        credit.answerVotes * REPUTATION_POINTS.answerVote +
        credit.questionVotes * REPUTATION_POINTS.questionVote +
        credit.acceptedAnswers * REPUTATION_POINTS.acceptedAnswer +
        (endorsements.get(id) ?? 0) * REPUTATION_POINTS.practiceEndorsement;
      return [id, points];
    }),
  );
}

/** The stored reputation of every member, repaired by `npm run repair-counters` (schema/counters.ts). */
export const reputationCounter = expertReputationCounter(reputationsFromRecords);
