import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** A signed-in browser. Only the SHA-256 of its token is stored, as `_id`. */
const sessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    expert: { type: Schema.Types.ObjectId, required: true },
    /** Idle expiry, pushed forward as the session is used (never past `absoluteExpiresAt`). */
    expiresAt: { type: Date, required: true },
    absoluteExpiresAt: { type: Date, required: true },
    lastUsedAt: { type: Date, required: true },
    userAgent: { type: String, default: '' },
  },
  { timestamps: true },
);
sessionSchema.index({ expert: 1, createdAt: -1 });
// Swept by a job: expiry is checked in code, TTL indexes are not available on FerretDB.
sessionSchema.index({ absoluteExpiresAt: 1 });
sessionSchema.index({ expiresAt: 1 });

export type SessionDoc = InferSchemaType<typeof sessionSchema> & { _id: string; expert: Types.ObjectId; createdAt: Date };
export const Session = model('Session', sessionSchema);
