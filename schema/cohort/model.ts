import { Schema, model, type InferSchemaType } from 'mongoose';

/** A programme intake, e.g. "100 e-government experts" of 2019. */
const cohortSchema = new Schema(
  {
    _id: { type: String, required: true }, // the slug
    name: { type: String, required: true },
    nameEn: { type: String, required: true },
    year: { type: Number, required: true },
  },
  { timestamps: true },
);
cohortSchema.index({ year: 1 });

export type CohortDoc = InferSchemaType<typeof cohortSchema> & { _id: string };
export const Cohort = model('Cohort', cohortSchema);
