import { fieldCounter } from '../stored-counter.ts';
import { countPerValue } from '../loading.ts';
import { anyOf, notEqual } from '../query.ts';
import { Reply, Thread, Vote } from './model.ts';

/* What repairCounters() (schema/counters.ts) needs to know of threads, replies and votes. */

/** Live replies per thread; removed and hidden ones keep their place but do not count. */
export const replyCounter = fieldCounter(Thread, 'replyCount', (ids) => countPerValue(Reply, 'thread', ids, { deleted: false, hiddenAt: null }));

export const voteCounter = fieldCounter(Reply, 'voteCount', (ids) => countPerValue(Vote, 'reply', ids));

/**
 * Removing a reply marks it removed, then drops it as its question's accepted answer: this
 * finishes the second step where a crash cut it short. Returns how many it cleared. Safe at any
 * time: it clears only an accepted answer that is already removed, as the removal would have.
 */
export async function repairAcceptedAnswers(): Promise<number> {
  const answered = await Thread.find({ kind: 'question', acceptedReply: notEqual(null) }, { acceptedReply: 1 }).lean();
  if (!answered.length) return 0;
  const removed = new Set((await Reply.find({ _id: anyOf(answered.map((t) => t.acceptedReply)), deleted: true }, { _id: 1 }).lean()).map((r) => String(r._id)));
  let cleared = 0;
  for (const thread of answered.filter((t) => removed.has(String(t.acceptedReply)))) {
    const { modifiedCount } = await Thread.updateOne({ _id: thread._id, acceptedReply: thread.acceptedReply }, { $set: { acceptedReply: null } });
    cleared += modifiedCount;
  }
  return cleared;
}
