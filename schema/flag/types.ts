import { builder, enumValues } from '../builder.ts';
import { ThreadRef, ReplyRef } from '../discussion/types.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { PracticeRef } from '../practice/types.ts';
import { flagReasons, flagTargetKinds, type FlagReason } from './model.ts';
import {
  approvePost,
  countItems,
  dismissFlags,
  flagContent,
  flagContentInput,
  flaggedByViewer,
  flagsOfItems,
  hideContent,
  listFlaggedItems,
  moderationInput,
  postDecisionInput,
  rejectPost,
  rejectPostInput,
  restoreContent,
  type FlagDoc,
  type FlaggedItemDoc,
  type FlagResult,
  type ModerationResult,
} from './service.ts';

const FlagReasonEnum = builder.enumType('FlagReason', { values: enumValues(flagReasons) });
const FlagTargetKindEnum = builder.enumType('FlagTargetKind', { values: enumValues(flagTargetKinds) });
const FlagQueueState = builder.enumType('FlagQueueState', {
  values: {
    OPEN: { value: 'open', description: 'Items with open flags, newest flagged first.' },
    AWAITING: { value: 'awaiting', description: 'New members’ threads and replies waiting for approval, newest first.' },
    HIDDEN: { value: 'hidden', description: 'What moderators hid (or rejected), latest first.' },
  } as const,
});

const FlagRef = builder.objectRef<FlagDoc>('Flag').implement({
  description: 'One member’s flag of an item (moderators only).',
  fields: (t) => ({
    reason: t.field({ type: FlagReasonEnum, resolve: (f) => f.reason as FlagReason }),
    note: t.exposeString('note'),
    flagger: t.field({ type: ExpertRef, resolve: (f) => String(f.flagger) }),
    createdAt: t.field({ type: 'DateTime', resolve: (f) => f.createdAt }),
  }),
});

const FlagReasonCount = builder.objectRef<{ reason: FlagReason; count: number }>('FlagReasonCount').implement({
  fields: (t) => ({ reason: t.field({ type: FlagReasonEnum, resolve: (c) => c.reason }), count: t.exposeInt('count') }),
});

const FlaggedItemRef = builder.objectRef<FlaggedItemDoc>('FlaggedItem').implement({
  description: 'A practice, thread or reply in the moderators’ queue, its open flags grouped (moderators only).',
  fields: (t) => ({
    id: t.id({ resolve: (i) => i._id }),
    kind: t.field({ type: FlagTargetKindEnum, resolve: (i) => i.kind }),
    hidden: t.boolean({ description: 'A moderator hid it (and has not restored it), or rejected it while it waited for approval.', resolve: (i) => i.state === 'hidden' }),
    awaitingApproval: t.boolean({ description: 'A new member’s post waiting for approval (approvePost, rejectPost).', resolve: (i) => i.state === 'awaiting' }),
    practice: t.field({ type: PracticeRef, nullable: true, resolve: (i) => (i.kind === 'practice' ? String(i.target) : null) }),
    thread: t.field({ type: ThreadRef, nullable: true, description: 'The thread, or the thread a reply is in.', resolve: (i) => (i.thread ? String(i.thread) : null) }),
    reply: t.field({ type: ReplyRef, nullable: true, resolve: (i) => (i.kind === 'reply' ? String(i.target) : null) }),
    flaggerCount: t.int({ description: 'Distinct people who flagged it since the last decision.', resolve: (i) => i.flaggerCount ?? 0 }),
    reasonCounts: t.field({
      type: [FlagReasonCount],
      description: 'How many gave each reason, most given first.',
      resolve: (i) =>
        Object.entries(i.reasonCounts ?? {})
          .filter(([, count]) => count > 0)
          .map(([reason, count]) => ({ reason: reason as FlagReason, count }))
          .sort((a, b) => b.count - a.count),
    }),
    firstFlaggedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.firstFlaggedAt ?? null }),
    lastFlaggedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.lastFlaggedAt ?? null }),
    flags: t.loadableList({
      type: FlagRef,
      description: 'The flags since the last decision, oldest first (the first 20), with their notes.',
      load: (keys: string[]) => flagsOfItems(keys),
      // The open round's flags; once decided, the round that decision closed.
      resolve: (i) => `${i._id}|${i.state === 'open' || i.state === 'none' ? i.round : i.round - 1}`,
    }),
    decidedBy: t.field({ type: ExpertRef, nullable: true, resolve: (i) => (i.decidedBy ? String(i.decidedBy) : null) }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.decidedAt ?? null }),
    decisionReason: t.exposeString('decisionReason'),
  }),
});

builder.queryFields((t) => ({
  flagQueue: t.connection(
    {
      type: FlaggedItemRef,
      description: 'Moderators and admins: flagged items grouped per item, newest flagged first; or (HIDDEN) what is hidden.',
      authScopes: { moderator: true },
      args: { state: t.arg({ type: FlagQueueState, defaultValue: 'open' }) },
      resolve: (_, args) => listFlaggedItems(args.state ?? 'open', args),
    },
    { name: 'FlaggedItemConnection' },
    { name: 'FlaggedItemEdge' },
  ),
  openFlagCount: t.int({
    description: 'Moderators and admins: how many items wait in the flag queue.',
    authScopes: { moderator: true },
    resolve: () => countItems('open'),
  }),
  awaitingApprovalCount: t.int({
    description: 'Moderators and admins: how many new members’ posts wait for approval.',
    authScopes: { moderator: true },
    resolve: () => countItems('awaiting'),
  }),
}));

const viewerFlagged = (kind: 'practice' | 'thread' | 'reply') => ({
  type: 'Boolean' as const,
  description: 'Whether the viewer flagged it since moderators last decided on it.',
  load: (ids: string[], ctx: { viewer: Parameters<typeof flaggedByViewer>[0] }) => flaggedByViewer(ctx.viewer, kind, ids),
});
builder.objectFields(PracticeRef, (t) => ({ viewerFlagged: t.loadable({ ...viewerFlagged('practice'), resolve: (p) => String(p._id) }) }));
builder.objectFields(ThreadRef, (t) => ({ viewerFlagged: t.loadable({ ...viewerFlagged('thread'), resolve: (th) => String(th._id) }) }));
builder.objectFields(ReplyRef, (t) => ({ viewerFlagged: t.loadable({ ...viewerFlagged('reply'), resolve: (r) => String(r._id) }) }));

const targetTypes = { practiceId: { globalIdOf: PracticeRef }, threadId: { globalIdOf: ThreadRef }, replyId: 'ID', reason: FlagReasonEnum };
const FlagContentInput = inputTypeOf('FlagContentInput', flagContentInput, { description: 'Name exactly one of practiceId, threadId and replyId.', types: targetTypes });
const moderationInputType = (name: string) =>
  inputTypeOf(name, moderationInput, { description: 'Name exactly one of practiceId, threadId and replyId; the reason goes to the audit log.', types: { ...targetTypes, reason: 'String' } });

const postTargetTypes = { threadId: { globalIdOf: ThreadRef }, replyId: 'ID', reason: 'String' } as const;
const ApprovePostInput = inputTypeOf('ApprovePostInput', postDecisionInput, { description: 'Name exactly one of threadId and replyId.', types: postTargetTypes });
const RejectPostInput = inputTypeOf('RejectPostInput', rejectPostInput, { description: 'Name exactly one of threadId and replyId; the reason goes to the audit log.', types: postTargetTypes });

const FlagContentPayload = builder.objectRef<FlagResult>('FlagContentPayload').implement({
  description: 'The flag was received.',
  fields: (t) => ({ counted: t.boolean({ description: 'False when the viewer had flagged it already: a person’s flags of one item count once.', resolve: (r) => r.counted }) }),
});

const moderationPayload = (name: string) =>
  builder.objectRef<ModerationResult>(name).implement({
    fields: (t) => ({
      item: t.field({ type: FlaggedItemRef, resolve: (r) => r.item }),
      practice: t.field({ type: PracticeRef, nullable: true, resolve: (r) => (r.kind === 'practice' ? r.id : null) }),
      thread: t.field({ type: ThreadRef, nullable: true, resolve: (r) => (r.kind === 'thread' ? r.id : null) }),
      reply: t.field({ type: ReplyRef, nullable: true, resolve: (r) => (r.kind === 'reply' ? r.id : null) }),
    }),
  });

const flagErrors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) => ({
  flagContent: t.field({
    type: FlagContentPayload,
    description: 'Members flag a practice, thread or reply they can read and did not write; flagging it again counts once.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: FlagContentInput, required: true }) },
    errors: { types: flagErrors, directResult: true },
    resolve: (_, { input }, ctx) => flagContent(ctx, plainInput(flagContentInput, input)),
  }),
  hideContent: t.field({
    type: moderationPayload('HideContentPayload'),
    description: 'Moderators hide a published practice, a thread or a reply, with a reason: it leaves every list, search, count and feed; its open flags close.',
    authScopes: { moderator: true },
    args: { input: t.arg({ type: moderationInputType('HideContentInput'), required: true }) },
    errors: { types: flagErrors, directResult: true },
    resolve: (_, { input }, ctx) => hideContent(ctx, plainInput(moderationInput, input)),
  }),
  restoreContent: t.field({
    type: moderationPayload('RestoreContentPayload'),
    description: 'Moderators show hidden content again, with a reason.',
    authScopes: { moderator: true },
    args: { input: t.arg({ type: moderationInputType('RestoreContentInput'), required: true }) },
    errors: { types: flagErrors, directResult: true },
    resolve: (_, { input }, ctx) => restoreContent(ctx, plainInput(moderationInput, input)),
  }),
  approvePost: t.field({
    type: moderationPayload('ApprovePostPayload'),
    description: 'Moderators approve a new member’s thread or reply that waits for approval: it shows as if just posted.',
    authScopes: { moderator: true },
    args: { input: t.arg({ type: ApprovePostInput, required: true }) },
    errors: { types: flagErrors, directResult: true },
    resolve: (_, { input }, ctx) => approvePost(ctx, plainInput(postDecisionInput, input)),
  }),
  rejectPost: t.field({
    type: moderationPayload('RejectPostPayload'),
    description: 'Moderators reject a new member’s thread or reply that waits for approval, with a reason: it stays hidden.',
    authScopes: { moderator: true },
    args: { input: t.arg({ type: RejectPostInput, required: true }) },
    errors: { types: flagErrors, directResult: true },
    resolve: (_, { input }, ctx) => rejectPost(ctx, plainInput(rejectPostInput, input)),
  }),
  dismissFlags: t.field({
    type: moderationPayload('DismissFlagsPayload'),
    description: 'Moderators keep flagged content, with a reason: its open flags close.',
    authScopes: { moderator: true },
    args: { input: t.arg({ type: moderationInputType('DismissFlagsInput'), required: true }) },
    errors: { types: flagErrors, directResult: true },
    resolve: (_, { input }, ctx) => dismissFlags(ctx, plainInput(moderationInput, input)),
  }),
}));
