import { organizationsBySlugs } from '../organization/service.ts';
import { Expert, type ExpertDoc } from './model.ts';
import { expertSearchTokens } from './service.ts';

/**
 * Start-up step of the profiles (called by ensureIndexes(), server/db/connection.ts): a profile
 * stored before the directory's "recent activity" order gets its joining as its last activity,
 * and its search tokens again, now with its bio. Only where still missing, a hundred at a time,
 * so that activity noted meanwhile is never overwritten. Safe to run again, and by two servers.
 */
export async function migrateExperts(): Promise<void> {
  for (;;) {
    const batch = await Expert.find({ lastActiveAt: null }, { name: 1, handle: 1, position: 1, bio: 1, organization: 1, joinedAt: 1 }).limit(100).lean<ExpertDoc[]>();
    if (!batch.length) return;
    const organizations = new Map((await organizationsBySlugs(batch.flatMap((e) => (e.organization ? [e.organization] : [])))).map((o) => [o._id, o.name]));
    for (const expert of batch) {
      const searchTokens = expertSearchTokens(expert, expert.organization ? organizations.get(expert.organization) : null);
      await Expert.updateOne({ _id: expert._id, lastActiveAt: null }, { $set: { lastActiveAt: expert.joinedAt.getTime(), searchTokens } }, { timestamps: false });
    }
  }
}
