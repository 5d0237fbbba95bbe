import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const collectionStatuses = ['draft', 'published', 'archived'] as const;
export type CollectionStatus = (typeof collectionStatuses)[number];

/** One chosen practice and the curator's note on why. */
const collectionItemSchema = new Schema({
  practice: { type: Schema.Types.ObjectId, required: true },
  note: { type: String, default: '' },
});

/**
 * A curated collection: the ministry's showcase of practices on one theme, with an editorial
 * introduction (markdown, stored rendered like practices' sections). Life cycle: draft (curators
 * only) -> published -> archived. `version` moves with every change: each write names the version
 * it read in its filter, so two curators at once never overwrite each other.
 */
const collectionSchema = new Schema(
  {
    title: { type: String, required: true },
    slug: { type: String, required: true },
    intro: { type: String, default: '' },
    introHtml: { type: String, default: '' },
    /** RENDERER_VERSION of the renderer that made introHtml. */
    htmlVersion: { type: Number, default: null },
    topics: { type: [String], default: [] },
    places: { type: [String], default: [] },
    /** The curators' label for the issue, e.g. "Quý 4/2026". */
    edition: { type: String, default: '' },
    status: { type: String, enum: collectionStatuses, required: true, default: 'draft' },
    items: { type: [collectionItemSchema], default: [] },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    publishedAt: { type: Date, default: null },
    version: { type: Number, default: 1 },
  },
  { timestamps: true },
);
collectionSchema.index({ slug: 1 }, { unique: true });
collectionSchema.index({ status: 1, createdAt: -1, _id: -1 });

export type CollectionItemDoc = { _id: Types.ObjectId; practice: Types.ObjectId; note: string };
export type CollectionDoc = Omit<InferSchemaType<typeof collectionSchema>, 'items'> & { _id: Types.ObjectId; items: CollectionItemDoc[]; createdAt: Date; updatedAt: Date };
export const Collection = model('Collection', collectionSchema);
