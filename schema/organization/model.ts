import { Schema, model, type InferSchemaType } from 'mongoose';

/** Ordered as a directory shows them: ministries first, then their agencies, then the provinces'. */
export const organizationKinds = ['ministry', 'ministry-agency', 'agency', 'department', 'centre', 'enterprise', 'university'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

const organizationSchema = new Schema(
  {
    _id: { type: String, required: true }, // the slug
    name: { type: String, required: true },
    shortName: { type: String, default: null },
    kind: { type: String, enum: organizationKinds, required: true },
    kindRank: { type: Number, required: true },
    place: { type: String, default: null },
    parent: { type: String, default: null },
    /** False for bodies merged away (e.g. the former Ministry of Information and Communications). */
    current: { type: Boolean, required: true },
    successor: { type: String, default: null },
    predecessors: { type: [String], default: [] },
    sortName: { type: String, required: true },
    searchTokens: { type: [String], default: [] },
  },
  { timestamps: true },
);
organizationSchema.index({ kindRank: 1, sortName: 1, _id: 1 });
organizationSchema.index({ kind: 1, kindRank: 1, sortName: 1, _id: 1 });
organizationSchema.index({ place: 1, kindRank: 1, sortName: 1, _id: 1 });
organizationSchema.index({ current: 1, kindRank: 1, sortName: 1, _id: 1 });
organizationSchema.index({ searchTokens: 1, kindRank: 1, sortName: 1, _id: 1 });
organizationSchema.index({ parent: 1 });

export type OrganizationDoc = InferSchemaType<typeof organizationSchema> & { _id: string };
export const Organization = model('Organization', organizationSchema);
