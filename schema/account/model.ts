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
  },
  { timestamps: true },
);
accountSchema.index({ emailKey: 1 }, { unique: true });

export type AccountDoc = InferSchemaType<typeof accountSchema> & { _id: Types.ObjectId };
export const Account = model('Account', accountSchema);
