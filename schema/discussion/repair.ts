import { Reply, Thread, Vote } from './model.ts';

/*
 * Reply and vote counters are recounted under a lock after each change (schema/lock.ts says
 * why); these recompute all of them from the replies and votes themselves, for after a crash
 * between the two writes or a bug. Each returns how many counters were wrong. A repair is not
 * an edit: it leaves updatedAt alone.
 */

/** Sets `field` of each document to its count in `counts` (0 when absent). */
async function replaceCounts(model: typeof Thread | typeof Reply, field: 'replyCount' | 'voteCount', counts: Map<string, number>): Promise<number> {
  let fixed = 0;
  for (const doc of await (model as typeof Thread).find({}, { [field]: 1 }).sort({ _id: 1 }).lean<Record<string, unknown>[]>()) {
    const right = counts.get(String(doc._id)) ?? 0;
    if (doc[field] === right) continue;
    await (model as typeof Thread).updateOne({ _id: doc._id }, { $set: { [field]: right } }, { timestamps: false });
    fixed++;
  }
  return fixed;
}

export async function repairReplyCounts(): Promise<number> {
  // Sorted first, so MongoDB walks the (thread, createdAt, _id) index instead of scanning.
  const counts = await Reply.aggregate<{ _id: unknown; n: number }>([
    { $sort: { thread: 1, createdAt: 1, _id: 1 } },
    { $match: { deleted: false } },
    { $group: { _id: '$thread', n: { $sum: 1 } } },
  ]);
  return replaceCounts(Thread, 'replyCount', new Map(counts.map((c) => [String(c._id), c.n])));
}

export async function repairVoteCounts(): Promise<number> {
  const counts = await Vote.aggregate<{ _id: unknown; n: number }>([{ $sort: { reply: 1, expert: 1 } }, { $group: { _id: '$reply', n: { $sum: 1 } } }]);
  return replaceCounts(Reply, 'voteCount', new Map(counts.map((c) => [String(c._id), c.n])));
}
