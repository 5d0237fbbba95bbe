import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { keyedId } from '../mark.ts';

/*
 * Private conversations between members. A conversation's `_id` is a string: a group's is a fresh
 * ObjectId's hex, a one-to-one's is made of its two people's ids in order (`direct-<a>-<b>`), so
 * the primary key itself is the unique index that makes two people's conversation one, however
 * many requests or processes start it at once (schema/mark.ts says why the key is the `_id`).
 */

export const conversationKinds = ['direct', 'group'] as const;

const conversationSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: conversationKinds, required: true },
    /** Who is in it now (a group's leavers are not). */
    participants: { type: [Schema.Types.ObjectId], required: true },
    startedBy: { type: Schema.Types.ObjectId, required: true },
    lastMessageAt: { type: Date, required: true },
    messageCount: { type: Number, default: 0 },
  },
  { timestamps: true },
);

export type ConversationDoc = Omit<InferSchemaType<typeof conversationSchema>, 'participants'> & { _id: string; participants: Types.ObjectId[]; createdAt: Date };
export const Conversation = model('Conversation', conversationSchema);

/**
 * One participant's place in a conversation: their list's order (the conversation's last
 * activity, copied here so that "my conversations, newest first" is one indexed read) and what
 * they have not read (a counter moved with each message, cleared when they read).
 */
const conversationMemberSchema = new Schema(
  {
    _id: keyedId(['conversation', 'expert']),
    conversation: { type: String, required: true },
    expert: { type: Schema.Types.ObjectId, required: true },
    lastMessageAt: { type: Date, required: true },
    unreadCount: { type: Number, default: 0 },
    lastReadAt: { type: Date, default: null },
  },
  { timestamps: true },
);
conversationMemberSchema.index({ expert: 1, lastMessageAt: -1, _id: -1 });
conversationMemberSchema.index({ conversation: 1, expert: 1 });

export type ConversationMemberDoc = InferSchemaType<typeof conversationMemberSchema> & { _id: string };
export const ConversationMember = model('ConversationMember', conversationMemberSchema);

const messageSchema = new Schema(
  {
    conversation: { type: String, required: true },
    author: { type: Schema.Types.ObjectId, required: true },
    body: { type: String, required: true },
    bodyHtml: { type: String, required: true },
    bodyVersion: { type: Number, required: true },
    /** A moderator hid it after a report: its text is no longer shown, to anyone. */
    hiddenAt: { type: Date, default: null },
  },
  { timestamps: true },
);
messageSchema.index({ conversation: 1, createdAt: -1, _id: -1 });

export type MessageDoc = InferSchemaType<typeof messageSchema> & { _id: Types.ObjectId; createdAt: Date };
export const Message = model('Message', messageSchema);

/** A member's block of another: the blocked person cannot start a conversation with them, nor write to them one-to-one. */
const blockSchema = new Schema(
  {
    _id: keyedId(['blocker', 'blocked']),
    blocker: { type: Schema.Types.ObjectId, required: true },
    blocked: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
blockSchema.index({ blocker: 1, createdAt: -1, _id: -1 });

export type BlockDoc = InferSchemaType<typeof blockSchema> & { _id: string; createdAt: Date };
export const Block = model('Block', blockSchema);

export const messageReportReasons = ['spam', 'harassment', 'inappropriate', 'other'] as const;
export const messageReportStates = ['open', 'dismissed', 'hidden'] as const;

/**
 * A participant's report of a message to moderators: the one way staff may read a message (it
 * and a few before it). One per person and message (keyed), so reporting twice counts once.
 */
const messageReportSchema = new Schema(
  {
    _id: keyedId(['message', 'reporter']),
    message: { type: Schema.Types.ObjectId, required: true },
    conversation: { type: String, required: true },
    reporter: { type: Schema.Types.ObjectId, required: true },
    /** Who wrote the reported message. */
    author: { type: Schema.Types.ObjectId, required: true },
    reason: { type: String, enum: messageReportReasons, required: true },
    note: { type: String, default: '' },
    state: { type: String, enum: messageReportStates, default: 'open' },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    decisionReason: { type: String, default: '' },
  },
  { timestamps: true },
);
messageReportSchema.index({ state: 1, createdAt: -1, _id: -1 });
messageReportSchema.index({ message: 1, state: 1 });

export type MessageReportDoc = InferSchemaType<typeof messageReportSchema> & { _id: string; createdAt: Date };
export const MessageReport = model('MessageReport', messageReportSchema);
