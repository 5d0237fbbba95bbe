import { Schema, model, type InferSchemaType } from 'mongoose';
import { keyedId } from '../mark.ts';

export const viewKinds = ['practice', 'thread'] as const;
export type ViewKind = (typeof viewKinds)[number];

/**
 * One reader of one practice or thread: a member by id, a signed-out visitor by a hash of their
 * address and browser. Counting these (not page loads) makes reloading pointless as inflation.
 */
const viewSchema = new Schema(
  {
    _id: keyedId(['kind', 'target', 'reader']),
    kind: { type: String, enum: viewKinds, required: true },
    target: { type: Schema.Types.ObjectId, required: true },
    reader: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
viewSchema.index({ kind: 1, target: 1 });

export const View = model('View', viewSchema);

/** The number of readers of one target, `_id` = `<kind>:<target id>`; +1 for each new reader record. */
const viewCountSchema = new Schema({ _id: { type: String }, count: { type: Number, required: true } });

export type ViewCountDoc = InferSchemaType<typeof viewCountSchema> & { _id: string };
export const ViewCount = model('ViewCount', viewCountSchema);
