import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { beyond, DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, findNewestFirst, paginate, pageSize, type PageArgs, type SortKey } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { Reply, Thread, type ReplyDoc, type ThreadDoc } from '../discussion/model.ts';
import { getThread } from '../discussion/service.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { findExpertById } from '../expert/service.ts';
import { markedBy, setMark, updateCreating } from '../mark.ts';
import { Practice, type PracticeDoc } from '../practice/model.ts';
import { anyOf, notEqual } from '../query.ts';
import { findTopic } from '../topic/service.ts';
import { objectId, parseInput, slug } from '../validation.ts';
import { Follow, FollowSeen, type FollowDoc, type FollowKind } from './model.ts';

export type { FollowDoc, FollowKind };

/** What to follow or stop following; the GraphQL inputs are generated from these schemas (schema/input.ts). */
export const followExpertInput = z.object({ id: objectId, following: z.boolean() });
export const followTopicInput = z.object({ topic: slug.describe('The topic’s slug.'), following: z.boolean() });
export const followThreadInput = z.object({ id: objectId, following: z.boolean() });

async function setFollow(viewer: Viewer, kind: FollowKind, target: string, following: boolean): Promise<void> {
  await setMark(Follow, { follower: viewer.id, kind, target }, following);
}

export async function followExpert(ctx: Context, input: unknown): Promise<string> {
  const viewer = requireViewer(ctx);
  const { id, following } = parseInput(followExpertInput, input);
  if (!(await findExpertById(id))) throw new NotFoundError('id', 'expert', id);
  if (id === viewer.id) throw new ConflictError('Nobody follows themselves.');
  await setFollow(viewer, 'expert', id, following);
  return id;
}

export async function followTopic(ctx: Context, input: unknown): Promise<string> {
  const viewer = requireViewer(ctx);
  const { topic, following } = parseInput(followTopicInput, input);
  if (!(await findTopic(topic))) throw new NotFoundError('topic', 'topic', topic);
  await setFollow(viewer, 'topic', topic, following);
  return topic;
}

export async function followThread(ctx: Context, input: unknown): Promise<ThreadDoc> {
  const viewer = requireViewer(ctx);
  const { id, following } = parseInput(followThreadInput, input);
  const thread = await getThread(id);
  await setFollow(viewer, 'thread', id, following);
  return thread;
}

/** Whether the viewer follows each of these targets (false when signed out). */
export const followedByViewer = (viewer: Viewer | null, kind: FollowKind, targets: readonly string[]) =>
  markedBy(Follow, viewer?.id ?? null, targets, (follower, target) => ({ follower, kind, target }));

/** How many people follow each target: one aggregate for a page. */
export async function followerCounts(kind: FollowKind, targets: readonly string[]): Promise<number[]> {
  const counts = await Follow.aggregate<{ _id: string; n: number }>([{ $match: { kind, target: { $in: [...new Set(targets)] } } }, { $group: { _id: '$target', n: { $sum: 1 } } }]);
  const byTarget = new Map(counts.map((c) => [c._id, c.n]));
  return targets.map((target) => byTarget.get(target) ?? 0);
}

/** What the viewer follows, latest first, optionally of one kind. */
export const listFollows = (viewer: Viewer, kind: FollowKind | null | undefined, page: PageArgs) =>
  paginate<FollowDoc>(
    Follow,
    kind ? { follower: viewer.id, kind } : { follower: viewer.id },
    [
      { field: 'createdAt', kind: 'date', direction: -1 },
      { field: '_id', kind: 'string', direction: -1 },
    ],
    page,
  );

const newestFirst = (field: string): SortKey[] => [
  { field, kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
];

/* ---------- What changed in what the viewer follows ---------- */

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

/** A person follows at most this many things of each kind into their updates (the rest still count as follows). */
const FOLLOWS_READ = 500;
const updateKeys: SortKey[] = newestFirst('at');

/**
 * The viewer's updates, newest first, paged by (time, id) like every list. Each page costs a
 * constant number of queries: the follows and the "seen" mark; the practices, the threads and
 * the replies mentioning the viewer they reach (each limited to the page size); then the
 * followed threads and the mentions' threads by id.
 */
export async function listFollowUpdates(viewer: Viewer, page: PageArgs) {
  const first = pageSize(page.first, 'first') ?? DEFAULT_PAGE_SIZE;
  const position = page.after ? decodeCursor(page.after, updateKeys, 'after') : null;
  const olderThan = (field: string) => (position ? beyond(newestFirst(field), position, true) : {});
  const [follows, seen] = await Promise.all([
    Follow.find({ follower: viewer.id }, { kind: 1, target: 1 })
      .limit(FOLLOWS_READ * 3)
      .lean<FollowDoc[]>(),
    FollowSeen.findById(viewer.id).lean<{ seenAt: Date }>(),
  ]);
  const targets = (kind: FollowKind) =>
    follows
      .filter((f) => f.kind === kind)
      .map((f) => f.target)
      .slice(0, FOLLOWS_READ);
  const [topics, experts, threadIds] = [targets('topic'), targets('expert'), targets('thread')];
  const limit = first + 1;
  // One query per collection: an $or of what reaches it (MongoDB merges the branches' index orders).
  const practiceBranches = [
    ...(topics.length ? [{ status: 'published' as const, topics: anyOf(topics), authors: notEqual(viewer.id) }] : []),
    ...(experts.length ? [{ status: 'published' as const, authors: anyOf(experts) }] : []),
  ];
  const threadBranches = [...(topics.length ? [{ topics: anyOf(topics), author: notEqual(viewer.id) }] : []), ...(experts.length ? [{ author: anyOf(experts) }] : []), { mentions: viewer.handle }];
  const mentioning = { mentions: viewer.handle, deleted: false };
  const within = (branches: object[], field: string) => ({ $and: [{ $or: branches }, olderThan(field)] });
  const from = position ? (position[0] as Date) : new Date();
  const [practices, threads, mentionReplies] = await Promise.all([
    practiceBranches.length ? findNewestFirst<PracticeDoc>(Practice, within(practiceBranches, 'publishedAt'), { publishedAt: -1, _id: -1 }, limit, from) : [],
    findNewestFirst<ThreadDoc>(Thread, within(threadBranches, 'lastActivityAt'), { lastActivityAt: -1, _id: -1 }, limit, from),
    findNewestFirst<ReplyDoc>(Reply, { $and: [mentioning, olderThan('createdAt')] }, { createdAt: -1, _id: -1 }, limit, from),
  ]);
  // Followed threads (few, their order settled below) and the threads of the mentions, by id.
  const byId = [...new Set([...threadIds, ...mentionReplies.map((r) => String(r.thread))])];
  // Bounded by the ids: the followed threads read (FOLLOWS_READ) and one page of mentions.
  const threadsById = new Map((byId.length ? await Thread.find({ _id: anyOf(byId) }).lean<ThreadDoc[]>() : []).map((th) => [String(th._id), th]));
  const followedThreads = threadIds.flatMap((id) => threadsById.get(id) ?? []);

  const topicSet = new Set(topics);
  const expertSet = new Set(experts);
  const threadSet = new Set(threadIds);
  const seenAt = seen?.seenAt.getTime() ?? 0;
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
      isNew: p.publishedAt!.getTime() > seenAt,
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
      isNew: th.lastActivityAt.getTime() > seenAt,
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
    seenAt: seen?.seenAt ?? null,
    // Everything the follows reach, when asked for: one count per collection.
    totalCount: async () => {
      const followed = threadIds.length ? [{ _id: anyOf(threadIds) }] : [];
      const [practiceCount, threadCount, mentionCount] = await Promise.all([
        practiceBranches.length ? Practice.countDocuments({ $or: practiceBranches }) : 0,
        Thread.countDocuments({ $or: [...threadBranches, ...followed] }),
        Reply.countDocuments(mentioning),
      ]);
      return practiceCount + threadCount + mentionCount;
    },
  };
}

/** Moves the viewer's "new" marker to now. */
export async function markFollowUpdatesSeen(ctx: Context): Promise<void> {
  const viewer = requireViewer(ctx);
  const now = new Date();
  await updateCreating(FollowSeen, viewer.id, { seenAt: now }, { $set: { seenAt: now } });
}
