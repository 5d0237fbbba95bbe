import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/**
 * Sign-in data, kept apart from the public profile (Expert) so that no directory query can
 * ever carry it. `_id` is the expert's id.
 */
const accountSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    /** As typed, for showing back to its owner. */
    email: { type: String, required: true },
    /** Lower-cased: unique regardless of case. */
    emailKey: { type: String, required: true },
    passwordHash: { type: String, required: true },
    passwordChangedAt: { type: Date, required: true },
    /**
     * When the owner opened the verification link (or a reset link, which proves the same). Null
     * until then; absent on accounts made before verification existed, which count as verified.
     */
    emailVerifiedAt: { type: Date, default: undefined },
    /** The interface language at sign-up: the language of the account's emails. */
    language: { type: String, enum: ['vi', 'en'], default: undefined },
  },
  { timestamps: true },
);
accountSchema.index({ emailKey: 1 }, { unique: true });

export type AccountDoc = InferSchemaType<typeof accountSchema> & { _id: Types.ObjectId };
export const Account = model('Account', accountSchema);

/**
 * A single-use link sent by email: only the SHA-256 of its 256-bit token is stored, so a copy of
 * the database opens no account. Used by deleting it (one request wins); expired ones are ignored
 * and removed by the database's TTL monitor.
 */
const accountTokenSchema = new Schema({
  _id: { type: String, required: true },
  account: { type: Schema.Types.ObjectId, required: true },
  purpose: { type: String, enum: ['reset', 'verify'], required: true },
  expiresAt: { type: Date, required: true },
});
accountTokenSchema.index({ account: 1, purpose: 1 });
accountTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export type AccountTokenPurpose = 'reset' | 'verify';
export const AccountToken = model('AccountToken', accountTokenSchema);
