import { z } from 'zod';
import { requireViewer, isSuspended } from '../account/service.ts';
import { paginate, type PageArgs } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError } from '../errors.ts';
import { expertsByIds, findExpertById, type ExpertDoc } from '../expert/service.ts';
import { MESSAGE_LIMITS } from '../field-limits.ts';
import { spend } from '../limits.ts';
import { findByIds } from '../loading.ts';
import { createOnce, insertOnce, markedBy, setMark } from '../mark.ts';
import { refuseOversized, renderText } from '../markdown/pool.ts';
import { isNewMember } from '../moderation/new-members.ts';
import { anyOf, notEqual } from '../query.ts';
import { objectId, parseInput, text } from '../validation.ts';
import { publishMessage, publishUnreadMessages } from './events.ts';
import { CONVERSATION_ID, directConversationId, groupConversationId } from './ids.ts';
import { Block, Conversation, ConversationMember, Message, type BlockDoc, type ConversationDoc, type ConversationMemberDoc, type MessageDoc } from './model.ts';
import { notifyOfMessage } from './notify.ts';
import { isParticipant, mayStartGroup } from './policy.ts';

export type { BlockDoc, ConversationDoc, MessageDoc };

/*
 * Private messages. Rules (the README's "Messages" says the same to people):
 * - members write to members; a conversation holds at most MESSAGE_LIMITS.participants people,
 *   its starter included; one-to-one conversations are one per pair (their id is the pair);
 * - nobody messages themselves, someone unknown or suspended, or someone who blocked them; in a
 *   one-to-one conversation, a block (either way) stops new messages;
 * - everyone sends at most `messages` a minute; a new member starts one-to-one conversations only,
 *   at most `newMemberConversations` a day (schema/limits.ts);
 * - only participants read a conversation: staff too are told it does not exist.
 */

/** A conversation as a participant sees it: with what they have not read. */
export type ConversationView = ConversationDoc & { viewerUnread: number };

const body = text(1, MESSAGE_LIMITS.body, { multiline: true }).describe('Markdown.');
const conversationId = z.string().max(80, 'TOO_LONG').regex(CONVERSATION_ID, 'INVALID');

export const startConversationInput = z.object({
  recipientIds: z
    .array(objectId)
    .min(1, 'REQUIRED')
    .max(MESSAGE_LIMITS.participants - 1, 'TOO_MANY')
    .describe(`The people to write to (at most ${MESSAGE_LIMITS.participants - 1}); one person opens your one-to-one conversation with them.`),
  body,
});
export const sendMessageInput = z.object({ conversationId, body });
export const conversationInput = z.object({ conversationId });
export const blockInput = z.object({ expertId: objectId });

/** Refusal of a person who may not write to another: worded as a fact, not as a charge. */
const NOT_RECEIVING = 'This person is not receiving messages from you at the moment.';

/** The ids of `among` who blocked `person`. */
async function blockersOf(person: string, among: readonly string[]): Promise<string[]> {
  const marked = await markedBy(Block, person, among, (blocked, blocker) => ({ blocker, blocked }));
  return among.filter((_, i) => marked[i]);
}

/** Whether `blocker` blocked `blocked`. */
const hasBlocked = async (blocker: string, blocked: string) => (await markedBy(Block, blocker, [blocked], (b, other) => ({ blocker: b, blocked: other })))[0]!;

/** A conversation the viewer is in, or NOT_FOUND (as if it did not exist: staff included). */
async function conversationOf(viewer: Viewer, id: string): Promise<ConversationDoc> {
  const conversation = await Conversation.findById(id).lean<ConversationDoc>();
  if (!conversation || !isParticipant(viewer.id, conversation)) throw new NotFoundError('conversationId', 'conversation', id);
  return conversation;
}

/** The conversation with what the viewer has not read, or null when they are not in it. */
export async function findConversation(viewer: Viewer, id: string): Promise<ConversationView | null> {
  if (!CONVERSATION_ID.test(id)) return null;
  const [conversation, member] = await Promise.all([Conversation.findById(id).lean<ConversationDoc>(), ConversationMember.findById(memberId(id, viewer.id)).lean<ConversationMemberDoc>()]);
  if (!conversation || !member || !isParticipant(viewer.id, conversation)) return null;
  return { ...conversation, viewerUnread: member.unreadCount ?? 0 };
}

const memberId = (conversation: string, expert: string) => String(new ConversationMember({ conversation, expert })._id);

/** Makes each participant's row (again: an existing row is kept), so the conversation shows in their list. */
async function ensureMembers(conversation: string, participants: readonly string[], at: Date): Promise<void> {
  await Promise.all(participants.map((expert) => insertOnce(ConversationMember, { conversation, expert, lastMessageAt: at })));
}

/** Stores a message, moves the conversation and every other participant's unread count, and tells them. */
async function post(viewer: Viewer, conversation: ConversationDoc, source: string): Promise<MessageDoc> {
  const rendered = refuseOversized('body', await renderText(source));
  const message = (await Message.create({ conversation: conversation._id, author: viewer.id, body: source, bodyHtml: rendered.html, bodyVersion: rendered.version })).toObject() as MessageDoc;
  const at = message.createdAt;
  await Conversation.updateOne({ _id: conversation._id }, { $set: { lastMessageAt: at }, $inc: { messageCount: 1 } });
  await ConversationMember.updateMany({ conversation: conversation._id, expert: notEqual(viewer.id) }, { $set: { lastMessageAt: at }, $inc: { unreadCount: 1 } });
  // Writing means having read what came before.
  await ConversationMember.updateOne({ _id: memberId(conversation._id, viewer.id) }, { $set: { lastMessageAt: at, lastReadAt: at, unreadCount: 0 } });
  const others = conversation.participants.map(String).filter((id) => id !== viewer.id);
  publishMessage(conversation._id, String(message._id));
  for (const id of others) publishUnreadMessages(id);
  // Nobody hears from someone they blocked, even in a group they share.
  const blockers = new Set(await blockersOf(viewer.id, others));
  await notifyOfMessage(
    viewer.id,
    others.filter((id) => !blockers.has(id)),
    conversation._id,
  );
  return message;
}

/** Spends the sender's per-minute budget (and a new member's daily conversations when one starts). */
async function spendFor(ctx: Context, viewer: Viewer, startsConversation: boolean) {
  if (startsConversation && isNewMember(viewer, ctx.newMembers)) await spend('newMemberConversations', viewer.id);
  await spend('messages', viewer.id);
}

/**
 * Starts a conversation with one or more people and sends its first message; writing to one
 * person again opens the conversation the two already have.
 */
export async function startConversation(ctx: Context, input: unknown): Promise<{ conversation: ConversationDoc; message: MessageDoc }> {
  const viewer = requireViewer(ctx);
  const data = parseInput(startConversationInput, input);
  const recipientIds = [...new Set(data.recipientIds)];
  if (recipientIds.includes(viewer.id)) throw ValidationError.field('recipientIds', 'SELF', 'you cannot send a message to yourself');
  const recipients = await expertsByIds(recipientIds);
  const byId = new Map(recipients.map((r: ExpertDoc) => [String(r._id), r]));
  for (const id of recipientIds) {
    const recipient = byId.get(id);
    if (!recipient) throw new NotFoundError('recipientIds', 'expert', id);
    if (isSuspended(recipient)) throw new ConflictError(`${recipient.name} cannot receive messages at the moment.`);
  }
  if ((await blockersOf(viewer.id, recipientIds)).length) throw new NotAuthorizedError(NOT_RECEIVING);
  const blockedByViewer = (await markedBy(Block, viewer.id, recipientIds, (blocker, blocked) => ({ blocker, blocked }))).some(Boolean);
  if (blockedByViewer) throw new ConflictError('You blocked someone here: unblock them first to write to them.');
  const isNew = isNewMember(viewer, ctx.newMembers);
  if (recipientIds.length > 1 && !mayStartGroup(isNew)) throw new NotAuthorizedError('New members write to one person at a time for their first days.');

  const now = new Date();
  const participants = [viewer.id, ...recipientIds];
  if (recipientIds.length === 1) {
    const id = directConversationId(viewer.id, recipientIds[0]!);
    let conversation = await Conversation.findById(id).lean<ConversationDoc>();
    await spendFor(ctx, viewer, !conversation);
    // Two requests (or processes) starting it at once: the primary key keeps one.
    conversation ??=
      (await createOnce<ConversationDoc>(Conversation, { _id: id, kind: 'direct', participants, startedBy: viewer.id, lastMessageAt: now })) ??
      (await Conversation.findById(id).lean<ConversationDoc>())!;
    await ensureMembers(id, participants, now);
    return { conversation, message: await post(viewer, conversation, data.body) };
  }
  await spendFor(ctx, viewer, true);
  const conversation = (await Conversation.create({ _id: groupConversationId(), kind: 'group', participants, startedBy: viewer.id, lastMessageAt: now })).toObject() as ConversationDoc;
  await ensureMembers(conversation._id, participants, now);
  return { conversation, message: await post(viewer, conversation, data.body) };
}

/** Sends a message in a conversation the viewer is in. */
export async function sendMessage(ctx: Context, input: unknown): Promise<{ conversation: ConversationDoc; message: MessageDoc }> {
  const viewer = requireViewer(ctx);
  const data = parseInput(sendMessageInput, input);
  const conversation = await conversationOf(viewer, data.conversationId);
  if (conversation.kind === 'direct') {
    const other = conversation.participants.map(String).find((id) => id !== viewer.id)!;
    if (await hasBlocked(other, viewer.id)) throw new NotAuthorizedError(NOT_RECEIVING);
    if (await hasBlocked(viewer.id, other)) throw new ConflictError('You blocked this person: unblock them first to write to them.');
  }
  await spendFor(ctx, viewer, false);
  return { conversation, message: await post(viewer, conversation, data.body) };
}

/** Marks everything in a conversation read by the viewer. */
export async function markConversationRead(ctx: Context, input: unknown): Promise<ConversationView> {
  const viewer = requireViewer(ctx);
  const data = parseInput(conversationInput, input);
  const conversation = await conversationOf(viewer, data.conversationId);
  await ConversationMember.updateOne({ _id: memberId(conversation._id, viewer.id) }, { $set: { unreadCount: 0, lastReadAt: new Date() } });
  publishUnreadMessages(viewer.id);
  return { ...conversation, viewerUnread: 0 };
}

/** Leaves a group conversation: it leaves the viewer's list and they receive nothing more from it. */
export async function leaveConversation(ctx: Context, input: unknown): Promise<string> {
  const viewer = requireViewer(ctx);
  const data = parseInput(conversationInput, input);
  const conversation = await conversationOf(viewer, data.conversationId);
  if (conversation.kind === 'direct') throw new ConflictError('A one-to-one conversation cannot be left; block the person to stop their messages.');
  await Conversation.updateOne({ _id: conversation._id }, { $pull: { participants: viewer.id } });
  await ConversationMember.deleteOne({ _id: memberId(conversation._id, viewer.id) });
  publishUnreadMessages(viewer.id);
  return conversation._id;
}

const newestFirst = (field: string) => [
  { field, kind: 'date' as const, direction: -1 as const },
  { field: '_id', kind: 'string' as const, direction: -1 as const },
];

/** The viewer's conversations, latest message first, each with what they have not read. */
export async function listConversations(viewer: Viewer, page: PageArgs) {
  const members = await paginate<ConversationMemberDoc>(ConversationMember, { expert: viewer.id }, newestFirst('lastMessageAt'), page);
  const conversations = await findByIds<ConversationDoc>(
    Conversation,
    members.edges.map((e) => e.node.conversation),
  );
  const byId = new Map(conversations.map((c) => [c._id, c]));
  return {
    ...members,
    edges: members.edges.flatMap((edge) => {
      const conversation = byId.get(edge.node.conversation);
      return conversation ? [{ cursor: edge.cursor, node: { ...conversation, viewerUnread: edge.node.unreadCount ?? 0 } as ConversationView }] : [];
    }),
  };
}

/** Messages the viewer has not read, in all their conversations. */
export async function unreadMessageCount(viewerId: string): Promise<number> {
  const rows = await ConversationMember.aggregate<{ total: number }>([
    { $match: ConversationMember.find({ expert: viewerId }).cast(ConversationMember) },
    { $group: { _id: null, total: { $sum: '$unreadCount' } } },
  ]);
  return rows[0]?.total ?? 0;
}

/** Blocks (or unblocks) someone: they can no longer start a conversation with the viewer, nor write to them one-to-one. */
export async function setBlock(ctx: Context, input: unknown, blocking: boolean): Promise<string> {
  const viewer = requireViewer(ctx);
  const { expertId } = parseInput(blockInput, input);
  if (expertId === viewer.id) throw ValidationError.field('expertId', 'SELF', 'you cannot block yourself');
  if (!(await findExpertById(expertId))) throw new NotFoundError('expertId', 'expert', expertId);
  await setMark(Block, { blocker: viewer.id, blocked: expertId }, blocking);
  return expertId;
}

/** For each person, the id of the viewer's one-to-one conversation with them, or null: one read by primary key. */
export async function directConversationsWith(viewer: Viewer | null, ids: readonly string[]): Promise<(string | null)[]> {
  if (!viewer) return ids.map(() => null);
  const wanted = ids.map((id) => (id === viewer.id ? null : directConversationId(viewer.id, id)));
  const rows = wanted.filter((id): id is string => id !== null).map((id) => memberId(id, viewer.id));
  const found = new Set((await ConversationMember.find({ _id: anyOf(rows) }, { conversation: 1 }).lean<{ conversation: string }[]>()).map((m) => m.conversation));
  return wanted.map((id) => (id && found.has(id) ? id : null));
}

/** The people the viewer blocked, latest first (their settings). */
export const listBlocks = (viewer: Viewer, page: PageArgs) => paginate<BlockDoc>(Block, { blocker: viewer.id }, newestFirst('createdAt'), page);

/** Whether the viewer blocked each of these people (false when signed out). */
export const blockedByViewer = (viewer: Viewer | null, ids: readonly string[]) => markedBy(Block, viewer?.id ?? null, ids, (blocker, blocked) => ({ blocker, blocked }));

/** For each of these people, whether they and the viewer keep apart: either blocked the other (two queries by primary key). */
export async function blockedEitherWay(viewer: Viewer, ids: readonly string[]): Promise<boolean[]> {
  const [byViewer, blockers] = await Promise.all([blockedByViewer(viewer, ids), blockersOf(viewer.id, ids)]);
  const blockedViewer = new Set(blockers);
  return ids.map((id, i) => byViewer[i]! || blockedViewer.has(id));
}

export { latestMessages, messagesBefore, messagesOfConversations } from './reading.ts';

/** A message and its conversation, if the viewer is in it (reports). */
export async function messageForParticipant(viewer: Viewer, messageId: string): Promise<{ message: MessageDoc; conversation: ConversationDoc }> {
  const message = await Message.findById(messageId).lean<MessageDoc>();
  if (!message) throw new NotFoundError('messageId', 'message', messageId);
  const conversation = await Conversation.findById(message.conversation).lean<ConversationDoc>();
  if (!conversation || !isParticipant(viewer.id, conversation)) throw new NotFoundError('messageId', 'message', messageId);
  return { message, conversation };
}
