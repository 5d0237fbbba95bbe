import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { deliveries, notificationKinds, targetTypes } from './kinds.ts';

/** A notification's email: none asked; due (waiting, or waiting to be tried again); sent; skipped (no verified address, or the target became unseeable); failed (gave up after its tries). */
export const emailStates = ['none', 'due', 'sent', 'skipped', 'failed'] as const;

/**
 * One notification of one person. Its email, when the person's preference asks for one, waits in
 * the same document (an outbox): a sender claims it atomically (schema/notification/outbox.ts),
 * so several server processes never send it twice and a crash loses nothing.
 */
const notificationSchema = new Schema(
  {
    recipient: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: notificationKinds, required: true },
    /** Who did it; null for the system. */
    actor: { type: Schema.Types.ObjectId, default: null },
    targetType: { type: String, enum: targetTypes, required: true },
    targetId: { type: String, required: true },
    /** The thread of a reply, the practice of a collection entry… */
    contextId: { type: String, default: null },
    readAt: { type: Date, default: null },
    emailState: { type: String, enum: emailStates, default: 'none' },
    /** When the email may next be sent (a claim moves it on by the claim's lease, a failure by the retry's wait). */
    emailDueAt: { type: Date, default: null },
    /** Who holds the email now: the claim's token, so that only the claimant marks it sent. */
    emailClaim: { type: String, default: null },
    emailAttempts: { type: Number, default: 0 },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
// The centre (newest first), its unread filter and count.
notificationSchema.index({ recipient: 1, createdAt: -1, _id: -1 });
notificationSchema.index({ recipient: 1, readAt: 1, createdAt: -1, _id: -1 });
// The outbox: due emails, oldest due first.
notificationSchema.index({ emailState: 1, emailDueAt: 1 });

export type NotificationDoc = InferSchemaType<typeof notificationSchema> & { _id: Types.ObjectId; createdAt: Date };
export const Notification = model('Notification', notificationSchema);

/** A person's choices, per kind; kinds not named follow DEFAULT_DELIVERY. `_id` is the expert's id. */
const notificationPreferenceSchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  deliveries: { type: Map, of: { type: String, enum: deliveries }, default: {} },
});

export type NotificationPreferenceDoc = { _id: Types.ObjectId; deliveries: Record<string, string> };
export const NotificationPreference = model('NotificationPreference', notificationPreferenceSchema);
