import type { GraphQLResolveInfo } from 'graphql';
import { builder, enumValues } from '../builder.ts';
import { removeReplyAndCount, replyAndFollow } from '../commands/reply-to-thread.ts';
import { startThread } from '../commands/start-thread.ts';
import { acceptAndCredit, unacceptAndCredit, voteOnAnswer, voteOnQuestion } from '../commands/credit-reputation.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { ExpertRef } from '../expert/types.ts';
import { pageKey, shownOnItems, type PageArgs } from '../connection.ts';
import { findByIds, perRequest } from '../loading.ts';
import { payload } from '../payload.ts';
import { viewerGroupSlugs } from '../group/service.ts';
import { PlaceRef } from '../place/types.ts';
import { PracticeRef } from '../practice/types.ts';
import { TopicRef } from '../topic/types.ts';
import { isObjectId, searchTextArg, slugArg } from '../validation.ts';
import { Reply, threadKinds } from './model.ts';
import { lockThread, lockThreadInput, moveThread, moveThreadInput } from './moderation.ts';
import { MAX_SIMILAR, similarThreads } from './similar.ts';
import { canReadReplyText, canReadThread, pendingRepliesShownTo } from './policy.ts';
import {
  createThreadInput,
  discussionsOfPractices,
  editReply,
  editReplyInput,
  editThread,
  editThreadInput,
  getThread,
  listThreads,
  practiceDiscussionInput,
  repliesOfThreads,
  replyHistories,
  replyIdInput,
  replyInput,
  startPracticeDiscussion,
  threadHistories,
  questionsVotedByViewer,
  threadIdInput,
  threadsByIds,
  votedByViewer,
  type ReplyDoc,
  type ReplyRevisionDoc,
  type ThreadDoc,
  type ThreadRevisionDoc,
} from './service.ts';

const ThreadKind = builder.enumType('ThreadKind', {
  values: enumValues(threadKinds),
});

/** The threads the viewer may open: the viewer's groups are read (once a request) only when one is a members-only group's. */
async function readableBy(ctx: Context, threads: ThreadDoc[]): Promise<ThreadDoc[]> {
  const groups = threads.some((th) => th.restrictedTo) ? await viewerGroupSlugs(ctx) : [];
  return threads.filter((th) => canReadThread(ctx.viewer, th, groups));
}

export const ThreadRef = builder.loadableNodeRef('Thread', {
  id: { resolve: (t: ThreadDoc) => String(t._id) },
  // Discussions are for signed-in members: loading one (node(id) included) needs a viewer.
  // A hidden one, through every door, to moderators only; a members-only group's, to its members (and moderators).
  load: async (ids: string[], ctx: Context) => (ctx.viewer ? readableBy(ctx, await threadsByIds(ids)) : []),
  sort: (t) => String(t._id),
});

export const ReplyRef = builder.loadableObjectRef('Reply', {
  load: (ids: string[]) => findByIds<ReplyDoc>(Reply, ids.filter(isObjectId)),
  sort: (r) => String(r._id),
});

// Every bodyHtml below is the HTML stored when the text was written (or by the start-up
// migration): reads never render (schema/markdown/pool.ts).

const ReplyEdit = builder.objectRef<ReplyRevisionDoc>('ReplyEdit').implement({
  description: 'An earlier version of a reply, as it read before an edit.',
  fields: (t) => ({
    body: t.exposeString('body', { description: 'Markdown.' }),
    bodyHtml: t.string({ resolve: (e) => e.bodyHtml ?? '' }),
    editedAt: t.field({ type: 'DateTime', description: 'When this version was replaced.', resolve: (e) => e.editedAt }),
  }),
});

const ThreadEdit = builder.objectRef<ThreadRevisionDoc>('ThreadEdit').implement({
  description: 'An earlier title and body of a thread, as they read before an edit.',
  fields: (t) => ({
    title: t.string({ resolve: (e) => e.title ?? '' }),
    body: t.string({ description: 'Markdown.', resolve: (e) => e.body ?? '' }),
    bodyHtml: t.string({ resolve: (e) => e.bodyHtml ?? '' }),
    editedAt: t.field({ type: 'DateTime', description: 'When this version was replaced.', resolve: (e) => e.editedAt }),
  }),
});

const pendingApproval = {
  description: 'It waits for a moderator’s approval (a new member’s first posts do): until then only its author and moderators see it.',
  resolve: (post: { pendingAuthor?: unknown }) => Boolean(post.pendingAuthor),
};

ReplyRef.implement({
  description: 'A reply; in a question, the top-level replies are its answers. A removed one keeps its place without its text; so does a hidden one, whose text and author only moderators see.',
  fields: (t) => ({
    id: t.id({ resolve: (r) => String(r._id) }),
    parentId: t.id({ nullable: true, resolve: (r) => (r.parent ? String(r.parent) : null) }),
    depth: t.exposeInt('depth'),
    deleted: t.exposeBoolean('deleted'),
    hidden: t.boolean({ description: 'A moderator hid it: "hidden by a moderator" (or it waits for approval, see pendingApproval).', resolve: (r) => Boolean(r.hiddenAt) }),
    pendingApproval: t.boolean(pendingApproval),
    body: t.string({ nullable: true, description: 'Markdown; null once removed, and once hidden but for moderators.', resolve: (r, _, ctx) => (canReadReplyText(ctx.viewer, r) ? r.body : null) }),
    bodyHtml: t.string({ nullable: true, resolve: (r, _, ctx) => (canReadReplyText(ctx.viewer, r) ? (r.bodyHtml ?? '') : null) }),
    author: t.field({ type: ExpertRef, nullable: true, resolve: (r, _, ctx) => (canReadReplyText(ctx.viewer, r) ? String(r.author) : null) }),
    edited: t.boolean({ resolve: (r) => (r.editCount ?? 0) > 0 }),
    history: t.loadableList({
      type: ReplyEdit,
      description: 'Earlier versions, oldest first; empty once removed (a removed reply tells nothing).',
      // One query for a page of replies; a removed one asks for none.
      load: (keys: string[]) => replyHistories(keys),
      resolve: (r, _, ctx) => `${String(r._id)}:${canReadReplyText(ctx.viewer, r) ? (r.editCount ?? 0) : 0}`,
    }),
    voteCount: t.exposeInt('voteCount'),
    viewerVoted: t.loadable({
      type: 'Boolean',
      load: (ids: string[], ctx) => votedByViewer(ctx.viewer, ids),
      resolve: (r) => String(r._id),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updatedAt }),
  }),
});

ThreadRef.implement({
  description: 'A discussion or a question among members.',
  fields: (t) => ({
    kind: t.field({ type: ThreadKind, resolve: (th) => th.kind }),
    title: t.exposeString('title'),
    body: t.exposeString('body', { description: 'Markdown.' }),
    bodyHtml: t.string({ resolve: (th) => th.bodyHtml ?? '' }),
    author: t.field({ type: ExpertRef, resolve: (th) => String(th.author) }),
    topics: t.field({ type: [TopicRef], resolve: (th) => th.topics }),
    place: t.field({ type: PlaceRef, nullable: true, resolve: (th) => th.place ?? null }),
    locked: t.exposeBoolean('locked'),
    hidden: t.boolean({ description: 'A moderator hid it: only moderators open it, to restore it (or it waits for approval, see pendingApproval).', resolve: (th) => Boolean(th.hiddenAt) }),
    pendingApproval: t.boolean(pendingApproval),
    edited: t.boolean({ resolve: (th) => (th.editCount ?? 0) > 0 }),
    history: t.loadableList({
      type: ThreadEdit,
      description: 'Earlier titles and bodies, oldest first.',
      load: (keys: string[]) => threadHistories(keys),
      resolve: (th) => `${String(th._id)}:${th.editCount ?? 0}`,
    }),
    practice: t.field({
      type: PracticeRef,
      nullable: true,
      description: 'For the comments of a practice: that practice.',
      resolve: (th) => (th.practice ? String(th.practice) : null),
    }),
    replyCount: t.exposeInt('replyCount'),
    voteCount: t.int({ description: 'For questions: how many members voted for it (0 for discussions).', resolve: (th) => th.voteCount ?? 0 }),
    viewerVoted: t.loadable({
      type: 'Boolean',
      description: 'Whether the viewer voted for this question.',
      // One query for a page of threads.
      load: (ids: string[], ctx) => questionsVotedByViewer(ctx.viewer, ids),
      resolve: (th) => String(th._id),
    }),
    acceptedAnswer: t.field({ type: ReplyRef, nullable: true, resolve: (th) => (th.acceptedReply ? String(th.acceptedReply) : null) }),
    lastActivityAt: t.field({ type: 'DateTime', resolve: (th) => th.lastActivityAt }),
    createdAt: t.field({ type: 'DateTime', resolve: (th) => th.createdAt }),
    replies: t.connection(
      { type: ReplyRef, description: 'In the order written; nest them by parentId.', resolve: (th, args, ctx, info) => repliesLoader(ctx, repliesKey(args, info, ctx.viewer)).load(String(th._id)) },
      { name: 'ReplyConnection' },
      { name: 'ReplyEdge' },
    ),
  }),
});

/** The replies of a page of threads that ask for the same page: one batch (see repliesOfThreads). */
const repliesLoader = perRequest((threadIds: readonly string[], key: string) => {
  const { args, shown, pending } = JSON.parse(key) as { args: PageArgs; shown: string[]; pending: 'all' | string | null };
  return repliesOfThreads(threadIds, args, new Set(shown), pending);
});
/** The loader's key: the page asked for, and whose waiting replies the viewer sees. */
const repliesKey = (args: PageArgs, info: GraphQLResolveInfo, viewer: Context['viewer']) => JSON.stringify({ ...JSON.parse(pageKey(args, info)), pending: pendingRepliesShownTo(viewer) });

builder.objectFields(PracticeRef, (t) => ({
  discussion: t.loadable({
    type: ThreadRef,
    nullable: true,
    description: 'Its comments: null until someone starts them, and for signed-out readers.',
    // One query for a page of practices, keyed by practice.
    // A hidden discussion is shown to moderators only.
    load: async (ids: string[], ctx) => (ctx.viewer ? (await discussionsOfPractices(ids)).map((th) => (th && canReadThread(ctx.viewer, th, []) ? th : null)) : ids.map(() => null)),
    resolve: (p) => String(p._id),
  }),
}));

const ThreadFilter = builder.inputType('ThreadFilter', {
  fields: (t) => ({
    kind: t.field({ type: ThreadKind }),
    topic: t.string({ validate: slugArg }),
    place: t.string({ validate: slugArg }),
    unanswered: t.boolean({ description: 'Questions without an accepted answer.' }),
    query: t.string({ validate: searchTextArg }),
  }),
});

builder.queryFields((t) => ({
  threads: t.connection(
    {
      type: ThreadRef,
      description: 'Members only: discussions and questions, most recently active first.',
      authScopes: { signedIn: true },
      args: { filter: t.arg({ type: ThreadFilter }) },
      resolve: async (_, args, ctx, info) => listThreads(args.filter ?? {}, args, shownOnItems(info), await viewerGroupSlugs(ctx)),
    },
    { name: 'ThreadConnection' },
    { name: 'ThreadEdge' },
  ),
  similarThreads: t.field({
    type: [ThreadRef],
    description: `Members only: up to ${MAX_SIMILAR} threads whose titles share the most words with this one (diacritics ignored), for "similar questions" while a title is typed. Counts as a search.`,
    authScopes: { signedIn: true },
    args: { title: t.arg.string({ required: true, validate: searchTextArg }), kind: t.arg({ type: ThreadKind }) },
    resolve: async (_, args, ctx) => similarThreads(args.title, args.kind ?? null, await viewerGroupSlugs(ctx)),
  }),
  thread: t.field({
    type: ThreadRef,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: ThreadRef }) },
    resolve: (_, { id }, ctx) => getThread(ctx.viewer!, id.id),
  }),
}));

// Generated from the service's zod schemas, which hold each field's type, nullability and limits.
const discussionTypes = { kind: ThreadKind, threadId: { globalIdOf: ThreadRef }, practiceId: { globalIdOf: PracticeRef }, parentId: 'ID', replyId: 'ID' };
const CreateThreadInput = inputTypeOf('CreateThreadInput', createThreadInput, { types: discussionTypes });
const EditThreadInput = inputTypeOf('EditThreadInput', editThreadInput, { types: discussionTypes });
const StartPracticeDiscussionInput = inputTypeOf('StartPracticeDiscussionInput', practiceDiscussionInput, { types: discussionTypes });
const ReplyToThreadInput = inputTypeOf('ReplyToThreadInput', replyInput, { types: discussionTypes });
const EditReplyInput = inputTypeOf('EditReplyInput', editReplyInput, { types: discussionTypes });
const ReplyIdInput = (name: string) => inputTypeOf(name, replyIdInput, { types: discussionTypes });
const ThreadIdInput = (name: string) => inputTypeOf(name, threadIdInput, { types: discussionTypes });
const LockThreadInput = inputTypeOf('LockThreadInput', lockThreadInput, { types: discussionTypes });
const MoveThreadInput = inputTypeOf('MoveThreadInput', moveThreadInput, { types: discussionTypes });

const ThreadPayload = (name: string) => payload<'thread', ThreadDoc>(name, 'thread', ThreadRef);
const ReplyPayload = (name: string) => payload<'reply', ReplyDoc>(name, 'reply', ReplyRef);
const discussionErrors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) => ({
  createThread: t.field({
    type: ThreadPayload('CreateThreadPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CreateThreadInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await startThread(ctx, plainInput(createThreadInput, input)) }),
  }),
  editThread: t.field({
    type: ThreadPayload('EditThreadPayload'),
    description: 'The author (or a moderator) edits a thread; the earlier title and body stay in its history.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EditThreadInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await editThread(ctx, plainInput(editThreadInput, input)) }),
  }),
  startPracticeDiscussion: t.field({
    type: ThreadPayload('StartPracticeDiscussionPayload'),
    description: 'The discussion of a published practice: the existing one, or a new one.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: StartPracticeDiscussionInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await startPracticeDiscussion(ctx, plainInput(practiceDiscussionInput, input)) }),
  }),
  replyToThread: t.field({
    type: ReplyPayload('ReplyToThreadPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyToThreadInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reply: await replyAndFollow(ctx, plainInput(replyInput, input)) }),
  }),
  editReply: t.field({
    type: ReplyPayload('EditReplyPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EditReplyInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reply: await editReply(ctx, plainInput(editReplyInput, input)) }),
  }),
  deleteReply: t.field({
    type: ReplyPayload('DeleteReplyPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyIdInput('DeleteReplyInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reply: await removeReplyAndCount(ctx, plainInput(replyIdInput, input)) }),
  }),
  voteForAnswer: t.field({
    type: ReplyPayload('VoteForAnswerPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyIdInput('VoteForAnswerInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reply: await voteOnAnswer(ctx, plainInput(replyIdInput, input), true) }),
  }),
  withdrawVote: t.field({
    type: ReplyPayload('WithdrawVotePayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyIdInput('WithdrawVoteInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reply: await voteOnAnswer(ctx, plainInput(replyIdInput, input), false) }),
  }),
  acceptAnswer: t.field({
    type: ThreadPayload('AcceptAnswerPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyIdInput('AcceptAnswerInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await acceptAndCredit(ctx, plainInput(replyIdInput, input)) }),
  }),
  unacceptAnswer: t.field({
    type: ThreadPayload('UnacceptAnswerPayload'),
    description: 'The asker (or a curator) takes back the acceptance of the accepted answer.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyIdInput('UnacceptAnswerInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await unacceptAndCredit(ctx, plainInput(replyIdInput, input)) }),
  }),
  voteForQuestion: t.field({
    type: ThreadPayload('VoteForQuestionPayload'),
    description: 'Votes for someone else’s question; voting twice counts once.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ThreadIdInput('VoteForQuestionInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await voteOnQuestion(ctx, plainInput(threadIdInput, input), true) }),
  }),
  withdrawQuestionVote: t.field({
    type: ThreadPayload('WithdrawQuestionVotePayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ThreadIdInput('WithdrawQuestionVoteInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await voteOnQuestion(ctx, plainInput(threadIdInput, input), false) }),
  }),
  lockThread: t.field({
    type: ThreadPayload('LockThreadPayload'),
    authScopes: { moderator: true },
    args: { input: t.arg({ type: LockThreadInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await lockThread(ctx, plainInput(lockThreadInput, input)) }),
  }),
  moveThread: t.field({
    type: ThreadPayload('MoveThreadPayload'),
    description: 'Moderators move a thread to other topics, with a reason (audited).',
    authScopes: { moderator: true },
    args: { input: t.arg({ type: MoveThreadInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await moveThread(ctx, plainInput(moveThreadInput, input)) }),
  }),
}));
