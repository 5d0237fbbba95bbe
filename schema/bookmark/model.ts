import { Schema, model, type InferSchemaType } from 'mongoose';
import { keyedId } from '../mark.ts';

export const bookmarkKinds = ['practice', 'thread'] as const;
export type BookmarkKind = (typeof bookmarkKinds)[number];

/** A practice or thread someone keeps to come back to; private to them. */
const bookmarkSchema = new Schema(
  {
    _id: keyedId(['owner', 'kind', 'target']),
    owner: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: bookmarkKinds, required: true },
    target: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
bookmarkSchema.index({ owner: 1, createdAt: -1, _id: -1 });
bookmarkSchema.index({ owner: 1, kind: 1, createdAt: -1, _id: -1 });

export type BookmarkDoc = InferSchemaType<typeof bookmarkSchema> & { _id: string; createdAt: Date };
export const Bookmark = model('Bookmark', bookmarkSchema);
