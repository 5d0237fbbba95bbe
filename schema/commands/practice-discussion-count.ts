import { threadsByIds, type ReplyDoc } from '../discussion/service.ts';
import { moveDiscussionCount } from '../practice/service.ts';

/** A reply that starts or stops counting in a practice's discussion moves the practice's count ("most discussed"). */
export async function countForPractice(reply: ReplyDoc, by: 1 | -1): Promise<void> {
  const [thread] = await threadsByIds([String(reply.thread)]);
  if (thread?.practice) await moveDiscussionCount(String(thread.practice), by);
}
