import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { ExpertRef } from '../expert/types.ts';
import { findByIds } from '../loading.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { payload } from '../payload.ts';
import { PlaceRef } from '../place/types.ts';
import { TopicRef } from '../topic/types.ts';
import { searchTextArg, slugArg } from '../validation.ts';
import { Reply, threadKinds } from './model.ts';
import {
  acceptAnswer,
  createThread,
  deleteReply,
  editReply,
  getThread,
  listReplies,
  listThreads,
  lockThread,
  replyToThread,
  threadsByIds,
  voteForAnswer,
  votedByViewer,
  type ReplyDoc,
  type ThreadDoc,
} from './service.ts';

const ThreadKind = builder.enumType('ThreadKind', {
  values: Object.fromEntries(threadKinds.map((k) => [k.toUpperCase(), { value: k }])) as Record<'DISCUSSION' | 'QUESTION', { value: (typeof threadKinds)[number] }>,
});

export const ThreadRef = builder.loadableNodeRef('Thread', {
  id: { resolve: (t: ThreadDoc) => String(t._id) },
  // Discussions are for signed-in members: loading one (node(id) included) needs a viewer.
  load: async (ids: string[], ctx: Context) => (ctx.viewer ? threadsByIds(ids) : []),
  sort: (t) => String(t._id),
});

export const ReplyRef = builder.loadableObjectRef('Reply', {
  load: (ids: string[]) => findByIds<ReplyDoc>(Reply, ids.filter((id) => /^[0-9a-f]{24}$/.test(id))),
  sort: (r) => String(r._id),
});

ReplyRef.implement({
  description: 'A reply; in a question, the top-level replies are its answers. A removed one keeps its place without its text.',
  fields: (t) => ({
    id: t.id({ resolve: (r) => String(r._id) }),
    parentId: t.id({ nullable: true, resolve: (r) => (r.parent ? String(r.parent) : null) }),
    depth: t.exposeInt('depth'),
    deleted: t.exposeBoolean('deleted'),
    body: t.string({ nullable: true, description: 'Markdown; null once removed.', resolve: (r) => (r.deleted ? null : r.body) }),
    bodyHtml: t.string({ nullable: true, resolve: (r) => (r.deleted ? null : renderMarkdown(r.body)) }),
    author: t.field({ type: ExpertRef, nullable: true, resolve: (r) => (r.deleted ? null : String(r.author)) }),
    edited: t.boolean({ resolve: (r) => r.history.length > 0 }),
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
    bodyHtml: t.string({ resolve: (th) => renderMarkdown(th.body) }),
    author: t.field({ type: ExpertRef, resolve: (th) => String(th.author) }),
    topics: t.field({ type: [TopicRef], resolve: (th) => th.topics }),
    place: t.field({ type: PlaceRef, nullable: true, resolve: (th) => th.place ?? null }),
    locked: t.exposeBoolean('locked'),
    replyCount: t.exposeInt('replyCount'),
    acceptedAnswer: t.field({ type: ReplyRef, nullable: true, resolve: (th) => (th.acceptedReply ? String(th.acceptedReply) : null) }),
    lastActivityAt: t.field({ type: 'DateTime', resolve: (th) => th.lastActivityAt }),
    createdAt: t.field({ type: 'DateTime', resolve: (th) => th.createdAt }),
    replies: t.connection(
      { type: ReplyRef, description: 'In the order written; nest them by parentId.', resolve: (th, args) => listReplies(String(th._id), args) },
      { name: 'ReplyConnection' },
      { name: 'ReplyEdge' },
    ),
  }),
});

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
      resolve: (_, args) => listThreads(args.filter ?? {}, args),
    },
    { name: 'ThreadConnection' },
    { name: 'ThreadEdge' },
  ),
  thread: t.field({
    type: ThreadRef,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: ThreadRef }) },
    resolve: (_, { id }) => getThread(id.id),
  }),
}));

const CreateThreadInput = builder.inputType('CreateThreadInput', {
  fields: (t) => ({
    kind: t.field({ type: ThreadKind, required: true }),
    title: t.string({ required: true }),
    body: t.string({ description: 'Markdown.' }),
    topics: t.stringList(),
    place: t.string(),
  }),
});
const ReplyToThreadInput = builder.inputType('ReplyToThreadInput', {
  fields: (t) => ({ threadId: t.globalID({ required: true, for: ThreadRef }), parentId: t.id(), body: t.string({ required: true }) }),
});
const EditReplyInput = builder.inputType('EditReplyInput', { fields: (t) => ({ replyId: t.id({ required: true }), body: t.string({ required: true }) }) });
const ReplyIdInput = (name: string) => builder.inputType(name, { fields: (t) => ({ replyId: t.id({ required: true }) }) });
const LockThreadInput = builder.inputType('LockThreadInput', { fields: (t) => ({ threadId: t.globalID({ required: true, for: ThreadRef }), locked: t.boolean({ required: true }) }) });

const ThreadPayload = (name: string) => payload<'thread', ThreadDoc>(name, 'thread', ThreadRef);
const ReplyPayload = (name: string) => payload<'reply', ReplyDoc>(name, 'reply', ReplyRef);
const discussionErrors = [...writeErrors, ConflictError, NotFoundError];
const ids = (input: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, typeof v === 'object' && v && 'id' in v ? (v as { id: string }).id : String(v)]));

builder.mutationFields((t) => ({
  createThread: t.field({
    type: ThreadPayload('CreateThreadPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CreateThreadInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await createThread(ctx, { ...input, body: input.body ?? '', topics: input.topics ?? [] }) }),
  }),
  replyToThread: t.field({
    type: ReplyPayload('ReplyToThreadPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyToThreadInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reply: await replyToThread(ctx, { ...ids(input), body: input.body }) }),
  }),
  editReply: t.field({
    type: ReplyPayload('EditReplyPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EditReplyInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reply: await editReply(ctx, { replyId: String(input.replyId), body: input.body }) }),
  }),
  deleteReply: t.field({
    type: ReplyPayload('DeleteReplyPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyIdInput('DeleteReplyInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reply: await deleteReply(ctx, { replyId: String(input.replyId) }) }),
  }),
  voteForAnswer: t.field({
    type: ReplyPayload('VoteForAnswerPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyIdInput('VoteForAnswerInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reply: await voteForAnswer(ctx, { replyId: String(input.replyId) }, true) }),
  }),
  withdrawVote: t.field({
    type: ReplyPayload('WithdrawVotePayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyIdInput('WithdrawVoteInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reply: await voteForAnswer(ctx, { replyId: String(input.replyId) }, false) }),
  }),
  acceptAnswer: t.field({
    type: ThreadPayload('AcceptAnswerPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReplyIdInput('AcceptAnswerInput'), required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await acceptAnswer(ctx, { replyId: String(input.replyId) }) }),
  }),
  lockThread: t.field({
    type: ThreadPayload('LockThreadPayload'),
    authScopes: { moderator: true },
    args: { input: t.arg({ type: LockThreadInput, required: true }) },
    errors: { types: discussionErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ thread: await lockThread(ctx, { threadId: input.threadId.id, locked: input.locked }) }),
  }),
}));
