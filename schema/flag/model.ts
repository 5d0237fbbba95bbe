import { Schema, model, type InferSchemaType } from 'mongoose';
import { keyedId } from '../mark.ts';

export const flagReasons = ['spam', 'off-topic', 'wrong-information', 'personal-data', 'other'] as const;
export type FlagReason = (typeof flagReasons)[number];
export const flagTargetKinds = ['practice', 'thread', 'reply'] as const;
export type FlagTargetKind = (typeof flagTargetKinds)[number];

/**
 * Where an item stands with the moderators: `none` (created, no flag counted yet), `open` (in the
 * queue), `hidden` (a moderator hid it, or rejected it while it waited), `dismissed` (kept),
 * `restored` (hidden, then shown again), `awaiting` (a new member's post waiting for approval, in
 * the queue), `approved` (shown after it waited).
 */
export const flaggedItemStates = ['none', 'open', 'hidden', 'dismissed', 'restored', 'awaiting', 'approved'] as const;
export type FlaggedItemState = (typeof flaggedItemStates)[number];

/**
 * One practice, thread or reply that was flagged or moderated: the queue's row. Its flags are
 * counted here as they come (the Flag records are the truth); a decision closes them by moving
 * `round` on, so flags after a decision start a new round and bring the item back.
 */
const flaggedItemSchema = new Schema(
  {
    _id: keyedId(['kind', 'target']),
    kind: { type: String, enum: flagTargetKinds, required: true },
    target: { type: Schema.Types.ObjectId, required: true },
    /** The thread it is in (a thread: itself), for the link to it; null for a practice. */
    thread: { type: Schema.Types.ObjectId, default: null },
    state: { type: String, enum: flaggedItemStates, required: true, default: 'none' },
    round: { type: Number, default: 0 },
    /** The flags of this round: distinct people, and how many gave each reason. */
    flaggerCount: { type: Number, default: 0 },
    /** Reason -> count (a plain object: the seeds and the API compare it as stored). */
    reasonCounts: { type: Schema.Types.Mixed, default: {} },
    firstFlaggedAt: { type: Date, default: null },
    lastFlaggedAt: { type: Date, default: null },
    /** The queue's order: the last flag while open, the decision after. */
    activityAt: { type: Date, default: null },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    decisionReason: { type: String, default: '' },
  },
  { timestamps: true },
);
flaggedItemSchema.index({ state: 1, activityAt: -1, _id: -1 });

export type FlaggedItemDoc = Omit<InferSchemaType<typeof flaggedItemSchema>, 'reasonCounts'> & { _id: string; reasonCounts: Record<string, number>; createdAt: Date };
export const FlaggedItem = model('FlaggedItem', flaggedItemSchema);

/**
 * One person's flag of one item in one round. Keyed by (item, round, flagger), so the primary
 * key alone makes a second flag of the same person a duplicate (schema/mark.ts: a unique
 * secondary index deadlocks under racing inserts on DocumentDB).
 */
const flagSchema = new Schema(
  {
    _id: keyedId(['item', 'round', 'flagger']),
    item: { type: String, required: true },
    round: { type: Number, required: true },
    flagger: { type: Schema.Types.ObjectId, required: true },
    reason: { type: String, enum: flagReasons, required: true },
    note: { type: String, default: '' },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
flagSchema.index({ item: 1, round: 1, createdAt: 1 });

export type FlagDoc = InferSchemaType<typeof flagSchema> & { _id: string; createdAt: Date };
export const Flag = model('Flag', flagSchema);
