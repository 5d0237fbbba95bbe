import { fieldCounter } from '../stored-counter.ts';
import { countPerValue } from '../loading.ts';
import { anyOf, notEqual } from '../query.ts';
import { QuestionVote, Reply, Thread, Vote, type ReplyDoc, type ThreadDoc } from './model.ts';

/* What repairCounters() (schema/counters.ts) needs to know of threads, replies and votes. */

/** Live replies per thread; removed and hidden ones keep their place but do not count. */
export const replyCounter = fieldCounter(Thread, 'replyCount', (ids) => countPerValue(Reply, 'thread', ids, { deleted: false, hiddenAt: null }));

export const voteCounter = fieldCounter(Reply, 'voteCount', (ids) => countPerValue(Vote, 'reply', ids));

export const questionVoteCounter = fieldCounter(Thread, 'voteCount', (ids) => countPerValue(QuestionVote, 'thread', ids));

/** Ids per `$in` read: long lists stay within what an index range serves well. */
const CHUNK = 500;
const chunks = <T>(values: T[]): T[][] => Array.from({ length: Math.ceil(values.length / CHUNK) }, (_, i) => values.slice(i * CHUNK, (i + 1) * CHUNK));

/** What others did about these members' questions and answers, counted from the records (the reputation repair). */
export interface DiscussionCredit {
  answerVotes: number;
  questionVotes: number;
  acceptedAnswers: number;
}

/**
 * Per member: votes for their answers, votes for their questions, and their live answers
 * accepted by someone else. Counted as the writes move reputation: a vote counts while it
 * exists, an acceptance while its answer is accepted (and not removed).
 */
export async function discussionCreditOf(expertIds: string[]): Promise<Map<string, DiscussionCredit>> {
  const credit = new Map<string, DiscussionCredit>(expertIds.map((id) => [id, { answerVotes: 0, questionVotes: 0, acceptedAnswers: 0 }]));
  if (!expertIds.length) return credit;
  const [answers, questions] = await Promise.all([
    Reply.find({ author: anyOf(expertIds), parent: null }, { author: 1, deleted: 1 }).lean<Pick<ReplyDoc, '_id' | 'author' | 'deleted'>[]>(),
    Thread.find({ author: anyOf(expertIds), kind: 'question' }, { author: 1 }).lean<Pick<ThreadDoc, '_id' | 'author'>[]>(),
  ]);
  const answerAuthor = new Map(answers.map((a) => [String(a._id), a]));
  for (const ids of chunks([...answerAuthor.keys()])) {
    for (const [reply, votes] of await countPerValue(Vote, 'reply', ids)) credit.get(String(answerAuthor.get(reply)!.author))!.answerVotes += votes;
    const accepted = await Thread.find({ kind: 'question', acceptedReply: anyOf(ids) }, { author: 1, acceptedReply: 1 }).lean<Pick<ThreadDoc, 'author' | 'acceptedReply'>[]>();
    for (const question of accepted) {
      const answer = answerAuthor.get(String(question.acceptedReply))!;
      if (!answer.deleted && String(answer.author) !== String(question.author)) credit.get(String(answer.author))!.acceptedAnswers++;
    }
  }
  const asker = new Map(questions.map((q) => [String(q._id), String(q.author)]));
  for (const ids of chunks([...asker.keys()])) {
    for (const [thread, votes] of await countPerValue(QuestionVote, 'thread', ids)) credit.get(asker.get(thread)!)!.questionVotes += votes;
  }
  return credit;
}

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
