import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { keyedId } from '../mark.ts';

/** "This helped me": one per person and practice (its keyed `_id` makes a double click harmless). */
const endorsementSchema = new Schema(
  {
    _id: keyedId(['practice', 'expert']),
    practice: { type: Schema.Types.ObjectId, required: true },
    expert: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
endorsementSchema.index({ practice: 1 });

export type EndorsementDoc = InferSchemaType<typeof endorsementSchema> & { _id: string; practice: Types.ObjectId; expert: Types.ObjectId };
export const Endorsement = model('Endorsement', endorsementSchema);
