import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { paginate, paginateEach, type PageArgs } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { getThread, type ThreadDoc } from '../discussion/service.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { findExpertById } from '../expert/service.ts';
import { countsInOrder } from '../loading.ts';
import { markedBy, setMark, updateCreating } from '../mark.ts';
import { anyOf } from '../query.ts';
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
  const thread = await getThread(viewer, id);
  await setFollow(viewer, 'thread', id, following);
  return thread;
}

/** Whoever starts or replies to a thread follows it, as forums do (they can stop following it). */
export const followAsParticipant = (viewer: Viewer, threadId: unknown) => setFollow(viewer, 'thread', String(threadId), true);

/** Whether the viewer follows each of these targets (false when signed out). */
export const followedByViewer = (viewer: Viewer | null, kind: FollowKind, targets: readonly string[]) =>
  markedBy(Follow, viewer?.id ?? null, targets, (follower, target) => ({ follower, kind, target }));

/** How many people follow each target: one aggregate for a page. */
export const followerCounts = (kind: FollowKind, targets: readonly string[]) => countsInOrder(Follow, 'target', targets, { kind });

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

/** A person follows at most this many things of each kind into their updates (the rest still count as follows). */
const FOLLOWS_READ = 500;

/** What the viewer follows, by kind, as their updates read it (at most FOLLOWS_READ of each). */
export async function followedBy(viewer: Viewer): Promise<{ topics: string[]; experts: string[]; threads: string[] }> {
  const follows = await Follow.find({ follower: viewer.id }, { kind: 1, target: 1 })
    .limit(FOLLOWS_READ * 3)
    .lean<FollowDoc[]>();
  const targets = (kind: FollowKind) =>
    follows
      .filter((f) => f.kind === kind)
      .map((f) => f.target)
      .slice(0, FOLLOWS_READ);
  return { topics: targets('topic'), experts: targets('expert'), threads: targets('thread') };
}

/** When the viewer last marked their updates seen (null: never). */
export const followUpdatesSeenAt = async (viewer: Viewer) => (await FollowSeen.findById(viewer.id).lean<{ seenAt: Date }>())?.seenAt ?? null;

/** Moves the viewer's "new" marker to now. */
export async function markFollowUpdatesSeen(ctx: Context): Promise<void> {
  const viewer = requireViewer(ctx);
  const now = new Date();
  await updateCreating(FollowSeen, viewer.id, { seenAt: now }, { $set: { seenAt: now } });
}

/** The people following each of these experts, in follower order: one command for a page of experts (profiles). */
export const followersOfExperts = (expertIds: readonly string[], page: PageArgs) =>
  paginateEach<FollowDoc>(Follow, 'target', expertIds, [{ field: 'follower', kind: 'objectId' }], page, {}, { kind: 'expert' });

/** The experts each of these people follows, latest first: one command for a page of people (profiles). */
export const expertsFollowedBy = (followerIds: readonly string[], page: PageArgs) =>
  paginateEach<FollowDoc>(
    Follow,
    'follower',
    followerIds,
    [
      { field: 'createdAt', kind: 'date', direction: -1 },
      { field: '_id', kind: 'string', direction: -1 },
    ],
    page,
    {},
    { kind: 'expert' },
  );

/** How many experts each of these people follows: one aggregate for a page. */
export const followingCounts = (followerIds: readonly string[]) => countsInOrder(Follow, 'follower', followerIds, { kind: 'expert' });

/** The people following a thread (who hear of its new replies). */
export async function followersOfThread(threadId: string): Promise<string[]> {
  const follows = await Follow.find({ kind: 'thread', target: threadId }, { follower: 1 }).limit(TOPIC_FOLLOWERS_TOLD).lean<FollowDoc[]>();
  return follows.map((f) => String(f.follower));
}

/** At most this many followers of a topic or thread hear of each new practice or reply in it (notification fan-out). */
const TOPIC_FOLLOWERS_TOLD = 5000;

/** The people following any of these topics, each once (for notifications of a new practice). */
export async function followersOfTopics(topics: readonly string[]): Promise<string[]> {
  if (!topics.length) return [];
  const follows = await Follow.find({ kind: 'topic', target: anyOf(topics) }, { follower: 1 })
    .limit(TOPIC_FOLLOWERS_TOLD)
    .lean<FollowDoc[]>();
  return [...new Set(follows.map((f) => String(f.follower)))];
}
