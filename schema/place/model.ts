import { Schema, model, type InferSchemaType } from 'mongoose';

export const placeKinds = ['city', 'province'] as const;
export const regions = ['north', 'central', 'south'] as const;

/**
 * A provincial unit. The 34 current ones (since 1 July 2025) list the pre-2025 provinces they
 * absorbed in `predecessors`; the merged ones point to theirs in `successor`. Records keep the
 * place they were written under.
 */
const placeSchema = new Schema(
  {
    _id: { type: String, required: true }, // the code, e.g. "da-nang"
    name: { type: String, required: true },
    fullName: { type: String, required: true },
    kind: { type: String, enum: placeKinds, required: true },
    region: { type: String, enum: regions, required: true },
    current: { type: Boolean, required: true },
    successor: { type: String, default: null },
    predecessors: { type: [String], default: [] },
    formerNames: { type: [String], default: [] },
    /** Position in the reference list (north to south). */
    order: { type: Number, required: true },
  },
  { timestamps: true },
);
placeSchema.index({ current: 1, order: 1 });
placeSchema.index({ order: 1 });

export type PlaceDoc = InferSchemaType<typeof placeSchema> & { _id: string };
export const Place = model('Place', placeSchema);
