import { Schema, model, type InferSchemaType } from 'mongoose';
import { keyedId } from '../mark.ts';

/**
 * "We adopted this practice": an organisation (a ministry, a province's department…) records that
 * it took up a published practice, when, what it changed and what came of it. One per
 * organisation and practice: the `_id` is made of both (schema/mark.ts says why not a unique
 * index), so two of its members recording at once leave one record. `version` moves with every
 * edit: an edit names the version it read, so two editors never overwrite each other.
 */
const replicationSchema = new Schema(
  {
    _id: keyedId(['practice', 'organization']),
    practice: { type: Schema.Types.ObjectId, required: true },
    /** The adopting organisation's slug. */
    organization: { type: String, required: true },
    /** Where it was adopted: a current provincial unit's code. */
    place: { type: String, required: true },
    year: { type: Number, required: true },
    month: { type: Number, required: true },
    /** What the adopters changed from the original. */
    changes: { type: String, required: true },
    result: { type: String, default: '' },
    recordedBy: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, default: 1 },
  },
  { timestamps: true },
);
// A practice's replications, latest adoption first; the places' tallies.
replicationSchema.index({ practice: 1, year: -1, month: -1, createdAt: -1 });
replicationSchema.index({ place: 1, practice: 1 });

export type ReplicationDoc = InferSchemaType<typeof replicationSchema> & { _id: string; createdAt: Date; updatedAt: Date };
export const Replication = model('Replication', replicationSchema);
