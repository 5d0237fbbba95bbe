import { builder, enumValues, type FieldsOf } from '../builder.ts';
import { listFollowUpdates, NEW_COUNT_MAX, type FollowUpdate } from '../commands/follow-updates.ts';
import { ReplyRef, ThreadRef } from '../discussion/types.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { ExpertRef } from '../expert/types.ts';
import type { ExpertDoc } from '../expert/service.ts';
import { done, DonePayload, payload } from '../payload.ts';
import { PracticeRef } from '../practice/types.ts';
import { TopicRef } from '../topic/types.ts';
import type { ThreadDoc } from '../discussion/service.ts';
import type { TopicDoc } from '../topic/service.ts';
import { followKinds } from './model.ts';
import {
  followedByViewer,
  followerCounts,
  followExpert,
  followExpertInput,
  followThread,
  followThreadInput,
  followTopic,
  followTopicInput,
  listFollows,
  markFollowUpdatesSeen,
  type FollowDoc,
  type FollowKind,
} from './service.ts';

const FollowKindEnum = builder.enumType('FollowKind', {
  values: enumValues(followKinds),
});

/** "Do I follow it?" and "how many follow it?", batched per page for each kind of target. */
const followFields =
  <Parent>(kind: FollowKind, key: (parent: Parent) => string) =>
  (t: FieldsOf<Parent>) => ({
    viewerFollows: t.loadable({
      type: 'Boolean',
      description: 'Whether the viewer follows it (false when signed out).',
      load: (targets: string[], ctx) => followedByViewer(ctx.viewer, kind, targets),
      resolve: key,
    }),
    followerCount: t.loadable({
      type: 'Int',
      load: (targets: string[]) => followerCounts(kind, targets),
      resolve: key,
    }),
  });

builder.objectFields(
  ExpertRef,
  followFields('expert', (e: ExpertDoc) => String(e._id)),
);
builder.objectFields(
  TopicRef,
  followFields('topic', (topic: TopicDoc) => topic._id),
);
builder.objectFields(
  ThreadRef,
  followFields('thread', (th: ThreadDoc) => String(th._id)),
);

const FollowRef = builder.objectRef<FollowDoc>('Follow').implement({
  description: 'Something the viewer follows.',
  fields: (t) => ({
    kind: t.field({ type: FollowKindEnum, resolve: (f) => f.kind }),
    since: t.field({ type: 'DateTime', resolve: (f) => f.createdAt }),
    expert: t.field({ type: ExpertRef, nullable: true, resolve: (f) => (f.kind === 'expert' ? f.target : null) }),
    topic: t.field({ type: TopicRef, nullable: true, resolve: (f) => (f.kind === 'topic' ? f.target : null) }),
    thread: t.field({ type: ThreadRef, nullable: true, resolve: (f) => (f.kind === 'thread' ? f.target : null) }),
  }),
});

const FollowUpdateKind = builder.enumType('FollowUpdateKind', {
  values: { PRACTICE_PUBLISHED: { value: 'practice' }, THREAD_ACTIVITY: { value: 'thread' }, MENTION: { value: 'mention', description: 'A reply mentioned the viewer (@handle).' } } as const,
});

const FollowUpdateRef = builder.objectRef<FollowUpdate>('FollowUpdate').implement({
  description:
    'A practice published in a followed topic or by a followed expert, a thread with new activity that is followed, in a followed topic, by a followed expert or mentions the viewer, or a reply mentioning the viewer.',
  fields: (t) => ({
    kind: t.field({ type: FollowUpdateKind, resolve: (u) => u.kind }),
    at: t.field({ type: 'DateTime', description: 'When it was published, or the thread’s latest activity.', resolve: (u) => u.at }),
    isNew: t.boolean({ description: 'Newer than the last markFollowUpdatesSeen.', resolve: (u) => u.isNew }),
    practice: t.field({ type: PracticeRef, nullable: true, resolve: (u) => u.practice }),
    thread: t.field({ type: ThreadRef, nullable: true, resolve: (u) => u.thread }),
    topics: t.field({ type: [TopicRef], description: 'Followed topics it is in.', resolve: (u) => u.topics }),
    experts: t.field({ type: [ExpertRef], description: 'Followed experts who wrote it.', resolve: (u) => u.experts }),
    followedThread: t.boolean({ description: 'The viewer follows this thread itself.', resolve: (u) => u.followedThread }),
    reply: t.field({ type: ReplyRef, nullable: true, description: 'For MENTION: the reply that mentions the viewer.', resolve: (u) => u.reply }),
    mentionsViewer: t.boolean({ description: 'The thread’s text or the reply mentions the viewer (@handle).', resolve: (u) => u.mentionsViewer }),
  }),
});

builder.queryFields((t) => ({
  myFollows: t.connection(
    {
      type: FollowRef,
      description: 'What the viewer follows, latest first.',
      authScopes: { signedIn: true },
      args: { kind: t.arg({ type: FollowKindEnum }) },
      resolve: (_, args, ctx) => listFollows(ctx.viewer!, args.kind, args),
    },
    { name: 'FollowConnection' },
    { name: 'FollowEdge' },
  ),
  followUpdates: t.connection(
    {
      type: FollowUpdateRef,
      description: 'What changed in what the viewer follows, newest first.',
      authScopes: { signedIn: true },
      resolve: (_, args, ctx) => listFollowUpdates(ctx.viewer!, args),
    },
    {
      name: 'FollowUpdateConnection',
      fields: (c) => ({
        seenAt: c.field({
          type: 'DateTime',
          nullable: true,
          description: 'When the viewer last marked their updates seen.',
          resolve: (connection) => (connection as unknown as { seenAt: Date | null }).seenAt,
        }),
        newCount: c.int({
          description: `How many updates are new (isNew) in all, not only on this page; at most ${NEW_COUNT_MAX} (show it as "${NEW_COUNT_MAX}+").`,
          resolve: (connection) => (connection as unknown as { newCount: () => Promise<number> }).newCount(),
        }),
      }),
    },
    { name: 'FollowUpdateEdge' },
  ),
}));

// Generated from the service's zod schemas, which hold each field's type, nullability and limits.
const FollowExpertInput = inputTypeOf('FollowExpertInput', followExpertInput, { types: { id: { globalIdOf: ExpertRef } } });
const FollowTopicInput = inputTypeOf('FollowTopicInput', followTopicInput);
const FollowThreadInput = inputTypeOf('FollowThreadInput', followThreadInput, { types: { id: { globalIdOf: ThreadRef } } });
const followErrors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) => ({
  followExpert: t.field({
    type: payload<'expert', string>('FollowExpertPayload', 'expert', ExpertRef),
    description: 'Follows (or stops following) an expert: their new practices and threads show in followUpdates.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: FollowExpertInput, required: true }) },
    errors: { types: followErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await followExpert(ctx, plainInput(followExpertInput, input)) }),
  }),
  followTopic: t.field({
    type: payload<'topic', string>('FollowTopicPayload', 'topic', TopicRef),
    description: 'Follows (or stops following) a topic: its new practices and active threads show in followUpdates.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: FollowTopicInput, required: true }) },
    errors: { types: followErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ topic: await followTopic(ctx, plainInput(followTopicInput, input)) }),
  }),
  followThread: t.field({
    type: payload<'thread', ThreadDoc>('FollowThreadPayload', 'thread', ThreadRef),
    description: 'Follows (or stops following) a thread: new replies show in followUpdates.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: FollowThreadInput, required: true }) },
    errors: { types: followErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await followThread(ctx, plainInput(followThreadInput, input)) }),
  }),
  markFollowUpdatesSeen: t.field({
    type: DonePayload,
    description: 'Marks everything in followUpdates as seen (isNew becomes false).',
    authScopes: { signedIn: true },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, __, ctx) => {
      await markFollowUpdatesSeen(ctx);
      return done;
    },
  }),
}));
