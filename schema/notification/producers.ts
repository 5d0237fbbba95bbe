import { repliesByIds, threadsByIds, type ReplyDoc, type ThreadDoc } from '../discussion/service.ts';
import { expertsByHandles } from '../expert/service.ts';
import { followersOfThread, followersOfTopics } from '../follow/service.ts';
import { membersAmong } from '../group/service.ts';
import type { PracticeDoc } from '../practice/service.ts';
import { notify } from './service.ts';

/*
 * The notifications of actions that reach several people in different ways, for the owning
 * commands to call once the action is visible to others (a new member's post: once approved).
 */

const ids = (values: readonly unknown[]) => values.filter(Boolean).map(String);

const expertIdsOf = async (handles: readonly string[]) => ids((await expertsByHandles(handles)).map((e) => e._id));

/**
 * Of these people, those who may read the thread: all of them, or for a members-only group's
 * thread its members only (a follower who left the group hears nothing more of it). Moderators
 * may open it, but are told only as members are.
 */
async function readersOf(thread: Pick<ThreadDoc, 'restrictedTo'>, people: string[]): Promise<string[]> {
  if (!thread.restrictedTo || !people.length) return people;
  const members = await membersAmong(thread.restrictedTo, people);
  return people.filter((id) => members.has(id));
}

/**
 * A reply others can now read: the author of the reply it answers hears of it, the thread's author
 * too (as an answer to their question, for a question's direct answer), the people it mentions,
 * and the thread's followers (people follow the threads they start or reply to, and any they
 * choose); each person once, by the most specific of these.
 */
export async function notifyOfReply(reply: Pick<ReplyDoc, '_id' | 'thread' | 'parent' | 'author' | 'mentions' | 'pendingAuthor'>): Promise<void> {
  if (reply.pendingAuthor) return;
  const [[thread], [parent]] = await Promise.all([threadsByIds([String(reply.thread)]), reply.parent ? repliesByIds([String(reply.parent)]) : Promise.resolve([])]);
  if (!thread) return;
  const actorId = String(reply.author);
  const target = { type: 'reply' as const, id: String(reply._id) };
  const contextId = String(thread._id);
  const parentAuthor = parent ? ids([parent.author]) : [];
  const threadAuthor = ids([thread.author]).filter((id) => !parentAuthor.includes(id));
  const mentioned = (await expertIdsOf(reply.mentions ?? [])).filter((id) => !parentAuthor.includes(id) && !threadAuthor.includes(id));
  const followers = (await followersOfThread(contextId)).filter((id) => !parentAuthor.includes(id) && !threadAuthor.includes(id) && !mentioned.includes(id));
  const answersQuestion = thread.kind === 'question' && !reply.parent;
  await notify({ kind: 'reply', actorId, recipientIds: await readersOf(thread, [...parentAuthor, ...followers]), target, contextId });
  await notify({ kind: answersQuestion ? 'answer' : 'reply', actorId, recipientIds: await readersOf(thread, threadAuthor), target, contextId });
  await notify({ kind: 'mention', actorId, recipientIds: await readersOf(thread, mentioned), target, contextId });
}

/** A thread others can now read: the people its text mentions. */
export async function notifyOfThread(thread: Pick<ThreadDoc, '_id' | 'author' | 'mentions' | 'pendingAuthor' | 'restrictedTo'>): Promise<void> {
  if (thread.pendingAuthor) return;
  const recipientIds = await readersOf(thread, await expertIdsOf(thread.mentions ?? []));
  await notify({ kind: 'mention', actorId: String(thread.author), recipientIds, target: { type: 'thread', id: String(thread._id) } });
}

/**
 * A practice published by a curator: its authors hear of it; on its first publication, the
 * followers of its topics too (its authors and the curator aside).
 */
export async function notifyOfPublication(practice: Pick<PracticeDoc, '_id' | 'authors' | 'topics'>, curatorId: string, firstTime: boolean): Promise<void> {
  const target = { type: 'practice' as const, id: String(practice._id) };
  const authors = ids(practice.authors);
  await notify({ kind: 'practice_published', actorId: curatorId, recipientIds: authors, target });
  if (!firstTime) return;
  const followers = (await followersOfTopics(practice.topics ?? [])).filter((id) => !authors.includes(id) && id !== curatorId);
  await notify({ kind: 'topic_practice', actorId: authors[0] ?? null, recipientIds: followers, target });
}
