import { Schema, type Types, model, type InferSchemaType } from 'mongoose';
import { keyedId } from '../mark.ts';

/**
 * The working group's own structure (agreed at its first meeting): a standing group that runs it,
 * a resources group, and three expert groups (technology solutions; cybersecurity; policy and
 * institutions). The groups are reference data (seeds/data/groups.json), the same in every install.
 */
export const groupKinds = ['standing', 'resources', 'expert'] as const;
export type GroupKind = (typeof groupKinds)[number];

/** Who reads a group's discussions: its members only, or every signed-in member. */
export const groupDiscussionAccess = ['members', 'public'] as const;
export type GroupDiscussionAccess = (typeof groupDiscussionAccess)[number];

const groupSchema = new Schema(
  {
    _id: { type: String, required: true }, // the slug
    kind: { type: String, enum: groupKinds, required: true },
    name: { type: String, required: true },
    nameEn: { type: String, required: true },
    /** What the group is for, in a sentence or two. */
    purpose: { type: String, default: '' },
    purposeEn: { type: String, default: '' },
    discussionAccess: { type: String, enum: groupDiscussionAccess, required: true },
    order: { type: Number, required: true },
  },
  { timestamps: true },
);
groupSchema.index({ order: 1 });

export type GroupDoc = InferSchemaType<typeof groupSchema> & { _id: string };
export const Group = model('Group', groupSchema);

export const groupRoles = ['lead', 'member'] as const;
export type GroupRole = (typeof groupRoles)[number];

/**
 * A person's place in a group: one per (group, person), keyed by both (schema/mark.ts says why not
 * a unique index). Leads run the group: they turn proposals into tasks and assign them.
 */
const groupMemberSchema = new Schema(
  {
    _id: keyedId(['group', 'expert']),
    group: { type: String, required: true },
    expert: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, enum: groupRoles, required: true },
    addedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);
// A group's people, leads first; a person's groups.
groupMemberSchema.index({ group: 1, role: 1, createdAt: 1, _id: 1 });
groupMemberSchema.index({ expert: 1, group: 1 });

export type GroupMemberDoc = InferSchemaType<typeof groupMemberSchema> & { _id: string; expert: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const GroupMember = model('GroupMember', groupMemberSchema);
