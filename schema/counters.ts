import { repairReplyCounts, repairVoteCounts } from './discussion/repair.ts';
import { repairEndorsementCounts } from './reaction/service.ts';
import { repairViewCounts } from './view/service.ts';

/** Recomputes every stored counter from its source records; says how many of each were wrong. */
export async function repairCounters(): Promise<Record<'endorsements' | 'replies' | 'votes' | 'views', number>> {
  return {
    endorsements: await repairEndorsementCounts(),
    replies: await repairReplyCounts(),
    votes: await repairVoteCounts(),
    views: await repairViewCounts(),
  };
}
