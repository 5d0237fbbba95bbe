import { filter, pipe, Repeater } from 'graphql-yoga';
import type { GraphQLResolveInfo } from 'graphql';
import { requireViewer } from '../account/service.ts';
import { builder, enumValues } from '../builder.ts';
import { pageKey, type Page, type PageArgs } from '../connection.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { ExpertRef } from '../expert/types.ts';
import type { ExpertDoc } from '../expert/service.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { liveEvents } from '../live/events.ts';
import { findByIds, perRequest } from '../loading.ts';
import { done, DonePayload, payload } from '../payload.ts';
import { conversationKinds, Message, messageReportReasons, messageReportStates } from './model.ts';
import { countOpenMessageReports, decideMessageReport, decideMessageReportInput, listMessageReports, reportMessage, reportMessageInput, type MessageReportDoc } from './reports.ts';
import {
  blockedByViewer,
  directConversationsWith,
  blockInput,
  conversationInput,
  findConversation,
  latestMessages,
  leaveConversation,
  listBlocks,
  listConversations,
  markConversationRead,
  messagesBefore,
  messagesOfConversations,
  sendMessage,
  sendMessageInput,
  setBlock,
  startConversation,
  startConversationInput,
  unreadMessageCount,
  type BlockDoc,
  type ConversationDoc,
  type ConversationView,
  type MessageDoc,
} from './service.ts';

const ConversationKindEnum = builder.enumType('ConversationKind', { values: enumValues(conversationKinds) });
const MessageReportReasonEnum = builder.enumType('MessageReportReason', { values: enumValues(messageReportReasons) });
const MessageReportStateEnum = builder.enumType('MessageReportState', { values: enumValues(messageReportStates) });

/**
 * Not a node: a message is reached only through a conversation its reader is in, or through a
 * report by a moderator, never by its id alone.
 */
export const MessageRef = builder.objectRef<MessageDoc>('Message').implement({
  description: 'A private message: its participants read it, and moderators once someone in the conversation reported it.',
  fields: (t) => ({
    id: t.id({ resolve: (m) => String(m._id) }),
    conversationId: t.id({ resolve: (m) => m.conversation }),
    author: t.field({ type: ExpertRef, resolve: (m) => String(m.author) }),
    html: t.string({ nullable: true, description: 'The sanitised HTML of its markdown; null once a moderator hid it.', resolve: (m) => (m.hiddenAt ? null : m.bodyHtml) }),
    hidden: t.boolean({ description: 'A moderator hid it after a report.', resolve: (m) => Boolean(m.hiddenAt) }),
    mine: t.boolean({ description: 'The viewer wrote it.', resolve: (m, _, ctx) => ctx.viewer?.id === String(m.author) }),
    createdAt: t.field({ type: 'DateTime', resolve: (m) => m.createdAt }),
  }),
});

const messagesLoader = perRequest(async (ids: readonly string[], key: string) => messagesOfConversations(ids, (JSON.parse(key) as { args: PageArgs }).args));
const latestLoader = perRequest((ids: readonly string[]) => latestMessages(ids));

export const ConversationRef = builder.objectRef<ConversationView>('Conversation').implement({
  description: 'A private conversation, as one of its participants sees it.',
  fields: (t) => ({
    id: t.id({ resolve: (c) => c._id }),
    kind: t.field({ type: ConversationKindEnum, resolve: (c) => c.kind }),
    participants: t.field({ type: [ExpertRef], description: 'Who is in it now, the viewer included.', resolve: (c) => c.participants.map(String) }),
    lastMessageAt: t.field({ type: 'DateTime', resolve: (c) => c.lastMessageAt }),
    messageCount: t.int({ resolve: (c) => c.messageCount ?? 0 }),
    unreadCount: t.int({ description: 'Messages the viewer has not read here.', resolve: (c) => c.viewerUnread }),
    lastMessage: t.field({ type: MessageRef, nullable: true, resolve: (c, _, ctx) => latestLoader(ctx).load(c._id) }),
    messages: t.connection(
      {
        type: MessageRef,
        description: 'Its messages, newest first.',
        resolve: (c, args, ctx, info: GraphQLResolveInfo) => messagesLoader(ctx, pageKey(args, info)).load(c._id) as Promise<Page<MessageDoc>>,
      },
      { name: 'MessageConnection' },
      { name: 'MessageEdge' },
    ),
  }),
});

const isOwn = (expert: ExpertDoc, ctx: Context) => ctx.viewer?.id === String(expert._id);

builder.objectFields(ExpertRef, (t) => ({
  conversations: t.connection(
    {
      type: ConversationRef,
      nullable: true,
      description: 'Private: their conversations, latest message first; null for anyone but the person.',
      resolve: (e, args, ctx) => (isOwn(e, ctx) ? (listConversations(ctx.viewer!, args) as Promise<Page<ConversationView>>) : null),
    },
    { name: 'ConversationConnection' },
    { name: 'ConversationEdge' },
  ),
  unreadMessageCount: t.int({
    nullable: true,
    description: 'Private: messages they have not read, in all their conversations; null for anyone but the person.',
    resolve: (e, _, ctx) => (isOwn(e, ctx) ? unreadMessageCount(String(e._id)) : null),
  }),
  viewerConversationId: t.loadable({
    type: 'ID',
    nullable: true,
    description: 'The viewer’s one-to-one conversation with this person, if they have one (null when signed out).',
    load: (ids: string[], ctx) => directConversationsWith(ctx.viewer, ids),
    resolve: (e) => String(e._id),
  }),
  viewerBlocked: t.loadable({
    type: 'Boolean',
    description: 'Whether the viewer blocked this person (false when signed out).',
    load: (ids: string[], ctx) => blockedByViewer(ctx.viewer, ids),
    resolve: (e) => String(e._id),
  }),
}));

const BlockRef = builder.objectRef<BlockDoc>('Block').implement({
  description: 'Someone the viewer blocked.',
  fields: (t) => ({
    expert: t.field({ type: ExpertRef, resolve: (b) => String(b.blocked) }),
    since: t.field({ type: 'DateTime', resolve: (b) => b.createdAt }),
  }),
});

const reportedLoader = perRequest((ids: readonly string[]) => findByIds<MessageDoc>(Message, ids).then((found) => ids.map((id) => found.find((m) => String(m._id) === id) ?? null)));
/** Keys `<conversation>|<ISO time>`: the messages before that moment, for a page of reports at once. */
const contextLoader = perRequest((keys: readonly string[]) =>
  messagesBefore(
    keys.map((key) => {
      const cut = key.lastIndexOf('|');
      return { conversation: key.slice(0, cut), createdAt: new Date(key.slice(cut + 1)) };
    }),
  ),
);

const MessageReportRef = builder.objectRef<MessageReportDoc>('MessageReport').implement({
  description: 'A participant’s report of a private message (moderators only): the message and the few before it are readable here, nothing else of the conversation.',
  fields: (t) => ({
    id: t.id({ resolve: (r) => r._id }),
    reason: t.field({ type: MessageReportReasonEnum, resolve: (r) => r.reason }),
    note: t.exposeString('note'),
    state: t.field({ type: MessageReportStateEnum, resolve: (r) => r.state }),
    reporter: t.field({ type: ExpertRef, resolve: (r) => String(r.reporter) }),
    author: t.field({ type: ExpertRef, description: 'Who wrote the reported message.', resolve: (r) => String(r.author) }),
    message: t.field({ type: MessageRef, nullable: true, resolve: (r, _, ctx) => reportedLoader(ctx).load(String(r.message)) }),
    context: t.field({
      type: [MessageRef],
      description: 'The messages just before it in its conversation, oldest first.',
      resolve: async (r, _, ctx) => {
        const message = await reportedLoader(ctx).load(String(r.message));
        return message ? contextLoader(ctx).load(`${message.conversation}|${message.createdAt.toISOString()}`) : [];
      },
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    decidedBy: t.field({ type: ExpertRef, nullable: true, resolve: (r) => (r.decidedBy ? String(r.decidedBy) : null) }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.decidedAt ?? null }),
    decisionReason: t.exposeString('decisionReason'),
  }),
});

/** An expert's global id (as the profile gives it) or plain id, as the service's plain id; anything else stays as sent, for the service to refuse. */
function plainExpertId(value: string): string {
  if (/^[0-9a-f]{24}$/.test(value)) return value;
  const decoded = /^[A-Za-z0-9_-]{1,100}$/.test(value) ? Buffer.from(value, 'base64url').toString('utf8') : '';
  return decoded.startsWith('Expert:') ? decoded.slice('Expert:'.length) : value;
}

builder.queryFields((t) => ({
  conversation: t.field({
    type: ConversationRef,
    description: 'One of the viewer’s conversations; anyone else (staff included) is told it does not exist.',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_, { id }, ctx) => {
      const conversation = await findConversation(ctx.viewer!, String(id));
      if (!conversation) throw new NotFoundError('id', 'conversation', String(id));
      return conversation;
    },
  }),
  blockedExperts: t.connection(
    {
      type: BlockRef,
      description: 'The people the viewer blocked, latest first.',
      authScopes: { signedIn: true },
      resolve: (_, args, ctx) => listBlocks(ctx.viewer!, args),
    },
    { name: 'BlockConnection' },
    { name: 'BlockEdge' },
  ),
  messageReports: t.connection(
    {
      type: MessageReportRef,
      description: 'Moderators and admins: reports of private messages, newest first (OPEN by default).',
      authScopes: { moderator: true },
      args: { state: t.arg({ type: MessageReportStateEnum, defaultValue: 'open' }) },
      resolve: (_, args) => listMessageReports(args.state ?? 'open', args),
    },
    { name: 'MessageReportConnection' },
    { name: 'MessageReportEdge' },
  ),
  openMessageReportCount: t.int({
    description: 'Moderators and admins: how many message reports wait for a decision.',
    authScopes: { moderator: true },
    resolve: () => countOpenMessageReports(),
  }),
}));

const StartConversationInput = inputTypeOf('StartConversationInput', startConversationInput, { types: { recipientIds: 'ID' } });
const SendMessageInput = inputTypeOf('SendMessageInput', sendMessageInput, { types: { conversationId: 'ID' } });
const ConversationInput = (name: string) => inputTypeOf(name, conversationInput, { types: { conversationId: 'ID' } });
const BlockInput = (name: string) => inputTypeOf(name, blockInput, { types: { expertId: { globalIdOf: ExpertRef } } });
const ReportMessageInput = inputTypeOf('ReportMessageInput', reportMessageInput, { types: { messageId: 'ID', reason: MessageReportReasonEnum } });
const DecideMessageReportInput = (name: string) => inputTypeOf(name, decideMessageReportInput, { types: { reportId: 'ID' } });

const MessagePayload = (name: string) =>
  builder.objectRef<{ conversation: ConversationDoc; message: MessageDoc }>(name).implement({
    fields: (t) => ({
      conversation: t.field({ type: ConversationRef, resolve: (r) => ({ ...r.conversation, viewerUnread: 0 }) }),
      sent: t.field({ type: MessageRef, description: 'The message sent.', resolve: (r) => r.message }),
    }),
  });

const ReportMessagePayload = builder.objectRef<{ counted: boolean }>('ReportMessagePayload').implement({
  description: 'The report reached the moderators.',
  fields: (t) => ({ counted: t.boolean({ description: 'False when the viewer had reported this message already: it counts once.', resolve: (r) => r.counted }) }),
});

const messageErrors = [...writeErrors, ConflictError, NotFoundError, NotAuthorizedError];

builder.mutationFields((t) => ({
  startConversation: t.field({
    type: MessagePayload('StartConversationPayload'),
    description: 'Writes to one or more people (a small group); to one person, in the conversation the two already have, if any.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: StartConversationInput, required: true }) },
    errors: { types: messageErrors, directResult: true },
    resolve: (_, { input }, ctx) => {
      const plain = plainInput(startConversationInput, input);
      return startConversation(ctx, { ...plain, recipientIds: Array.isArray(plain.recipientIds) ? plain.recipientIds.map((id) => plainExpertId(String(id))) : plain.recipientIds });
    },
  }),
  sendMessage: t.field({
    type: MessagePayload('SendMessagePayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SendMessageInput, required: true }) },
    errors: { types: messageErrors, directResult: true },
    resolve: (_, { input }, ctx) => sendMessage(ctx, plainInput(sendMessageInput, input)),
  }),
  markConversationRead: t.field({
    type: payload<'conversation', ConversationView>('MarkConversationReadPayload', 'conversation', ConversationRef),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ConversationInput('MarkConversationReadInput'), required: true }) },
    errors: { types: messageErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ conversation: await markConversationRead(ctx, plainInput(conversationInput, input)) }),
  }),
  leaveConversation: t.field({
    type: DonePayload,
    description: 'Leaves a group conversation (a one-to-one conversation is not left: block the person instead).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ConversationInput('LeaveConversationInput'), required: true }) },
    errors: { types: messageErrors, directResult: true },
    resolve: async (_, { input }, ctx) => {
      await leaveConversation(ctx, plainInput(conversationInput, input));
      return done;
    },
  }),
  blockExpert: t.field({
    type: payload<'expert', string>('BlockExpertPayload', 'expert', ExpertRef),
    description: 'Blocks someone: they can no longer start a conversation with the viewer nor write to them one-to-one (they are not told why).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: BlockInput('BlockExpertInput'), required: true }) },
    errors: { types: messageErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await setBlock(ctx, plainInput(blockInput, input), true) }),
  }),
  unblockExpert: t.field({
    type: payload<'expert', string>('UnblockExpertPayload', 'expert', ExpertRef),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: BlockInput('UnblockExpertInput'), required: true }) },
    errors: { types: messageErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await setBlock(ctx, plainInput(blockInput, input), false) }),
  }),
  reportMessage: t.field({
    type: ReportMessagePayload,
    description: 'Reports someone else’s message in a conversation the viewer is in: moderators may then read it and the few messages before it.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReportMessageInput, required: true }) },
    errors: { types: messageErrors, directResult: true },
    resolve: (_, { input }, ctx) => reportMessage(ctx, plainInput(reportMessageInput, input)),
  }),
  hideReportedMessage: t.field({
    type: payload<'report', MessageReportDoc>('HideReportedMessagePayload', 'report', MessageReportRef),
    description: 'Moderators hide a reported message, with a reason (audited): its text shows to nobody any more; its open reports close.',
    authScopes: { moderator: true },
    args: { input: t.arg({ type: DecideMessageReportInput('HideReportedMessageInput'), required: true }) },
    errors: { types: messageErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ report: await decideMessageReport(ctx, plainInput(decideMessageReportInput, input), true) }),
  }),
  dismissMessageReport: t.field({
    type: payload<'report', MessageReportDoc>('DismissMessageReportPayload', 'report', MessageReportRef),
    description: 'Moderators keep a reported message, with a reason (audited); its open reports close.',
    authScopes: { moderator: true },
    args: { input: t.arg({ type: DecideMessageReportInput('DismissMessageReportInput'), required: true }) },
    errors: { types: messageErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ report: await decideMessageReport(ctx, plainInput(decideMessageReportInput, input), false) }),
  }),
}));

builder.subscriptionFields((t) => ({
  conversationMessages: t.field({
    type: MessageRef,
    description: 'Each new message of a conversation the viewer is in, as it is sent, while they still are in it.',
    authScopes: { signedIn: true },
    args: { conversationId: t.arg.id({ required: true }) },
    subscribe: async (_, { conversationId }, ctx) => {
      const viewer = requireViewer(ctx);
      const id = String(conversationId);
      if (!(await findConversation(viewer, id))) throw new NotFoundError('conversationId', 'conversation', id);
      return pipe(
        liveEvents().subscribe('conversation:message', id),
        filter(async () => Boolean(await findConversation(viewer, id))),
      );
    },
    resolve: async (event) => (await findByIds<MessageDoc>(Message, [event.messageId]))[0]!,
  }),
  unreadMessageCount: t.int({
    description: 'The viewer’s unread messages, now and each time they change.',
    authScopes: { signedIn: true },
    subscribe: (_, __, ctx) => {
      const viewer = requireViewer(ctx);
      // The count as it is now first, then each change. Merged by a Repeater, not delegated to by
      // an async generator: a generator waiting on the next event takes its return only once one
      // comes, so a closed page's listener stayed until then.
      return Repeater.merge([[{ at: 0 }], liveEvents().subscribe('expert:unread-messages', viewer.id)]);
    },
    resolve: (_, __, ctx) => unreadMessageCount(ctx.viewer!.id),
  }),
}));
