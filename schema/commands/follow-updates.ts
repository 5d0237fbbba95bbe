import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, newestFirstKeys, pageSize, type PageArgs } from '../connection.ts';
import type { Viewer } from '../context.ts';
import { countRepliesMentioning, countThreadsReaching, repliesMentioning, threadsByIds, threadsReaching, threadsRepliedToByOthersSince, type ReplyDoc, type ThreadDoc } from '../discussion/service.ts';
import { canReadGroupThread } from '../discussion/policy.ts';
import { followedBy, followUpdatesSeenAt } from '../follow/service.ts';
import { groupSlugsOf } from '../group/service.ts';
import { countPublishedPracticesReaching, publishedPracticesReaching, type PracticeDoc } from '../practice/service.ts';

/*
 * What changed in what the viewer follows: the follows and their "seen" mark are follow's; the
 * practices, threads and replies they reach are read through the practice and discussion
 * services, and merged here into one list.
 */

/**
 * A practice published in a followed topic or by a followed expert; a thread with new activity
 * that is followed, in a followed topic, by a followed expert or mentions the viewer; or a reply
 * that mentions the viewer (@handle).
 */
export interface FollowUpdate {
  kind: 'practice' | 'thread' | 'mention';
  at: Date;
  _id: unknown;
  practice: PracticeDoc | null;
  thread: ThreadDoc | null;
  reply: ReplyDoc | null;
  /** Which of the viewer's follows brought it: topics it is in, experts who wrote it, the thread itself. */
  topics: string[];
  experts: string[];
  followedThread: boolean;
  /** The thread's text or the reply mentions the viewer. */
  mentionsViewer: boolean;
  isNew: boolean;
}

const updateKeys = newestFirstKeys('at');

/** The "N new" count stops here (the web app shows "N+"): counting further would read the whole backlog. */
export const NEW_COUNT_MAX = 99;

/**
 * Which of these threads hold something new for the viewer since `seenAt`: started by someone
 * else since, or replied to by someone else since. The viewer's own posts move a thread's
 * activity but are no news to them. One aggregate, for the threads active since `seenAt` only.
 */
async function threadsNewTo(viewer: Viewer, threads: readonly ThreadDoc[], seenAt: number): Promise<Set<string>> {
  const active = threads.filter((th) => th.lastActivityAt.getTime() > seenAt);
  if (!active.length) return new Set();
  const replied = await threadsRepliedToByOthersSince(
    active.map((th) => String(th._id)),
    viewer.id,
    new Date(seenAt),
  );
  return new Set(active.filter((th) => replied.has(String(th._id)) || (String(th.author) !== viewer.id && th.createdAt.getTime() > seenAt)).map((th) => String(th._id)));
}

/** A practice is new when published since, unless the viewer is one of its authors. */
const practiceIsNew = (viewer: Viewer, practice: PracticeDoc, seenAt: number) => practice.publishedAt!.getTime() > seenAt && !practice.authors.some((a) => String(a) === viewer.id);

/**
 * The viewer's updates, newest first, paged by (time, id) like every list. Each page costs a
 * constant number of queries: the follows and the "seen" mark; the practices, the threads and
 * the replies mentioning the viewer they reach (each limited to the page size); then the
 * followed threads and the mentions' threads by id.
 */
export async function listFollowUpdates(viewer: Viewer, page: PageArgs) {
  const first = pageSize(page.first, 'first') ?? DEFAULT_PAGE_SIZE;
  const position = page.after ? decodeCursor(page.after, updateKeys, 'after') : null;
  const [followed, seen, groups] = await Promise.all([followedBy(viewer), followUpdatesSeenAt(viewer), groupSlugsOf(viewer.id)]);
  const { topics, experts, threads: threadIds } = followed;
  const reach = { topics, authors: experts, notBy: viewer.id };
  const threadReach = { ...reach, mentioning: viewer.handle, groups };
  // One query per collection, each an $or of what reaches it (MongoDB merges the branches' index orders).
  const window = { position, limit: first + 1, from: position ? (position[0] as Date) : new Date() };
  const [practices, threads, mentionReplies] = await Promise.all([publishedPracticesReaching(reach, window), threadsReaching(threadReach, window), repliesMentioning(viewer.handle, window)]);
  // Followed threads (few, their order settled below) and the threads of the mentions, by id.
  const byId = [...new Set([...threadIds, ...mentionReplies.map((r) => String(r.thread))])];
  // Bounded by the ids: the followed threads read (at most 500) and one page of mentions.
  // A hidden thread is no update for anyone, a mention in it neither; nor a members-only group's
  // thread for someone outside the group (one who left it after following or being mentioned).
  const threadsById = new Map((byId.length ? await threadsByIds(byId) : []).filter((th) => !th.hiddenAt && canReadGroupThread(viewer, th, groups)).map((th) => [String(th._id), th]));
  const followedThreads = threadIds.flatMap((id) => threadsById.get(id) ?? []);

  const topicSet = new Set(topics);
  const expertSet = new Set(experts);
  const threadSet = new Set(threadIds);
  const seenAt = seen?.getTime() ?? 0;
  const newThreads = await threadsNewTo(viewer, [...threads, ...followedThreads], seenAt);
  const updates = new Map<string, FollowUpdate>();
  for (const p of practices) {
    updates.set(String(p._id), {
      kind: 'practice',
      at: p.publishedAt!,
      _id: p._id,
      practice: p,
      thread: null,
      reply: null,
      topics: p.topics.filter((t) => topicSet.has(t)),
      experts: p.authors.map(String).filter((a) => expertSet.has(a)),
      followedThread: false,
      mentionsViewer: false,
      isNew: practiceIsNew(viewer, p, seenAt),
    });
  }
  for (const th of [...threads, ...followedThreads]) {
    updates.set(String(th._id), {
      kind: 'thread',
      at: th.lastActivityAt,
      _id: th._id,
      practice: null,
      thread: th,
      reply: null,
      topics: th.topics.filter((t) => topicSet.has(t)),
      experts: expertSet.has(String(th.author)) ? [String(th.author)] : [],
      followedThread: threadSet.has(String(th._id)),
      mentionsViewer: (th.mentions ?? []).includes(viewer.handle),
      isNew: newThreads.has(String(th._id)),
    });
  }
  for (const reply of mentionReplies) {
    const thread = threadsById.get(String(reply.thread));
    if (!thread) continue;
    updates.set(String(reply._id), {
      kind: 'mention',
      at: reply.createdAt,
      _id: reply._id,
      practice: null,
      thread,
      reply,
      topics: [],
      experts: [],
      followedThread: threadSet.has(String(thread._id)),
      mentionsViewer: true,
      isNew: reply.createdAt.getTime() > seenAt,
    });
  }
  const after = position ? { at: position[0] as Date, id: String(position[1]) } : null;
  const ordered = [...updates.values()]
    .filter((u) => !after || u.at < after.at || (u.at.getTime() === after.at.getTime() && String(u._id) < after.id))
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (String(b._id) < String(a._id) ? -1 : 1));
  const nodes = ordered.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node as unknown as Record<string, unknown>, updateKeys), node }));
  return {
    edges,
    pageInfo: { hasNextPage: ordered.length > first, hasPreviousPage: Boolean(position), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    seenAt: seen,
    // Everything the follows reach, when asked for: one count per collection.
    totalCount: async () => {
      const [practiceCount, threadCount, mentionCount] = await Promise.all([
        countPublishedPracticesReaching(reach),
        countThreadsReaching(threadReach, threadIds),
        countRepliesMentioning(viewer.handle),
      ]);
      return practiceCount + threadCount + mentionCount;
    },
    // Everything new since the "seen" mark, not only on this page, up to NEW_COUNT_MAX.
    newCount: async () => {
      const latest = { position: null, limit: NEW_COUNT_MAX + 1, from: new Date() };
      const [latestPractices, latestThreads, latestMentions] = await Promise.all([
        publishedPracticesReaching(reach, latest),
        threadsReaching(threadReach, latest),
        repliesMentioning(viewer.handle, latest),
      ]);
      const activeThreads = new Map([...latestThreads, ...followedThreads].map((th) => [String(th._id), th]));
      const freshThreads = await threadsNewTo(viewer, [...activeThreads.values()], seenAt);
      const count = latestPractices.filter((p) => practiceIsNew(viewer, p, seenAt)).length + freshThreads.size + latestMentions.filter((r) => r.createdAt.getTime() > seenAt).length;
      return Math.min(count, NEW_COUNT_MAX);
    },
  };
}
