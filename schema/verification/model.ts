import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const verificationStatuses = ['pending', 'approved', 'declined'] as const;

/** A member asking to be recognised as part of the expert network; a curator decides. */
const verificationRequestSchema = new Schema(
  {
    expert: { type: Schema.Types.ObjectId, required: true },
    statement: { type: String, required: true },
    cohort: { type: String, default: null },
    status: { type: String, enum: verificationStatuses, required: true, default: 'pending' },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    reason: { type: String, default: '' },
  },
  { timestamps: true },
);
verificationRequestSchema.index({ status: 1, createdAt: 1, _id: 1 });
verificationRequestSchema.index({ expert: 1, createdAt: -1 });
// One open request per person, even when the button is pressed twice at once.
verificationRequestSchema.index({ expert: 1 }, { unique: true, partialFilterExpression: { status: 'pending' } });

export type VerificationRequestDoc = InferSchemaType<typeof verificationRequestSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
};
export const VerificationRequest = model('VerificationRequest', verificationRequestSchema);
