import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** "This helped me": one per person and practice (the unique index makes a double click harmless). */
const endorsementSchema = new Schema(
  {
    practice: { type: Schema.Types.ObjectId, required: true },
    expert: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
endorsementSchema.index({ practice: 1, expert: 1 }, { unique: true });
endorsementSchema.index({ expert: 1, practice: 1 });

export type EndorsementDoc = InferSchemaType<typeof endorsementSchema> & { _id: Types.ObjectId; practice: Types.ObjectId; expert: Types.ObjectId };
export const Endorsement = model('Endorsement', endorsementSchema);
