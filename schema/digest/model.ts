import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const digestSendStates = ['sending', 'sent', 'empty'] as const;

/**
 * One member's digest of one week, keyed `<member>:<week>`: the unique `_id` is the claim, so of
 * several processes sending at once only one inserts it. `sending` holds a lease: a process that
 * died mid-run leaves it to expire, and the next run takes it over; `sent` and `empty` are final.
 */
const digestSendSchema = new Schema(
  {
    _id: { type: String, required: true },
    member: { type: Schema.Types.ObjectId, required: true },
    /** The Monday (Vietnam time) that starts the week, as YYYY-MM-DD. */
    week: { type: String, required: true },
    state: { type: String, enum: digestSendStates, required: true },
    claim: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    /** SHA-256 of the unsubscribe token in this digest's link (the token itself is never stored). */
    unsubscribeHash: { type: String, default: null },
    sentAt: { type: Date, default: null },
  },
  { timestamps: true },
);
digestSendSchema.index({ unsubscribeHash: 1 });

export type DigestSendDoc = InferSchemaType<typeof digestSendSchema> & { _id: string; member: Types.ObjectId };
export const DigestSend = model('DigestSend', digestSendSchema);

/** A member's choice about the weekly digest; no record means the default (on). */
const digestPreferenceSchema = new Schema({ _id: { type: Schema.Types.ObjectId }, weekly: { type: Boolean, required: true } }, { timestamps: true });

export type DigestPreferenceDoc = InferSchemaType<typeof digestPreferenceSchema> & { _id: Types.ObjectId };
export const DigestPreference = model('DigestPreference', digestPreferenceSchema);
