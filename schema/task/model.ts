import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/*
 * The working group's work (issue 13): members propose work to a group (bottom-up), its leads
 * turn proposals into tasks or decline them, and create tasks themselves (top-down). Each task has
 * one responsible (a member of its group, or a group), a due date, a status, progress notes and
 * links to what it produced. `version` moves with every change: a change names the version it
 * read, so two leads editing at once never overwrite each other.
 */

export const proposalStatuses = ['proposed', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

const proposalSchema = new Schema(
  {
    group: { type: String, required: true },
    proposer: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    /** Markdown, rendered once when written (schema/markdown). */
    description: { type: String, required: true },
    descriptionHtml: { type: String, default: '' },
    descriptionVersion: { type: Number, default: null },
    /** Why it matters: plain text. */
    rationale: { type: String, default: '' },
    status: { type: String, enum: proposalStatuses, default: 'proposed' },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
    declineReason: { type: String, default: '' },
    /** The task it became, once accepted. */
    task: { type: Schema.Types.ObjectId, default: null },
    version: { type: Number, default: 1 },
  },
  { timestamps: true },
);
// A group's proposals by status, newest first; a person's own.
proposalSchema.index({ group: 1, status: 1, createdAt: -1, _id: -1 });
proposalSchema.index({ proposer: 1, createdAt: -1, _id: -1 });

export type ProposalDoc = InferSchemaType<typeof proposalSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const Proposal = model('Proposal', proposalSchema);

export const taskStatuses = ['open', 'in_progress', 'done', 'dropped'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
/** A task in one of these is still to be done: it can be overdue. */
export const activeTaskStatuses = ['open', 'in_progress'] as const satisfies readonly TaskStatus[];

export const taskLinkKinds = ['practice', 'thread', 'document'] as const;
export type TaskLinkKind = (typeof taskLinkKinds)[number];

/** Something the task produced: a practice or a thread of the network, or a document elsewhere. */
const taskLinkSchema = new Schema(
  {
    kind: { type: String, enum: taskLinkKinds, required: true },
    /** The practice's or thread's id. */
    target: { type: Schema.Types.ObjectId, default: null },
    /** A document's https address. */
    url: { type: String, default: '' },
    title: { type: String, default: '' },
    addedBy: { type: Schema.Types.ObjectId, required: true },
    addedAt: { type: Date, required: true },
  },
  { _id: true },
);

const taskSchema = new Schema(
  {
    group: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    descriptionHtml: { type: String, default: '' },
    descriptionVersion: { type: Number, default: null },
    /** Exactly one of the two is set: a person (a member of `group`) or a group's slug. */
    responsibleExpert: { type: Schema.Types.ObjectId, default: null },
    responsibleGroup: { type: String, default: null },
    /** The due day (YYYY-MM-DD, Vietnam's calendar) and the instant it ends (overdue from then). */
    dueOn: { type: String, required: true },
    dueAt: { type: Date, required: true },
    status: { type: String, enum: taskStatuses, default: 'open' },
    dropReason: { type: String, default: '' },
    closedAt: { type: Date, default: null },
    /** The proposal it came from (bottom-up), or null (created by a lead). */
    proposal: { type: Schema.Types.ObjectId, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    links: { type: [taskLinkSchema], default: [] },
    version: { type: Number, default: 1 },
  },
  { timestamps: true },
);
// A group's board by status, soonest due first; a person's tasks, a group's assigned tasks; the overdue.
taskSchema.index({ group: 1, status: 1, dueAt: 1, _id: 1 });
taskSchema.index({ responsibleExpert: 1, status: 1, dueAt: 1, _id: 1 });
taskSchema.index({ responsibleGroup: 1, status: 1, dueAt: 1, _id: 1 });
taskSchema.index({ status: 1, dueAt: 1, _id: 1 });

export type TaskLinkDoc = InferSchemaType<typeof taskLinkSchema> & { _id: Types.ObjectId };
export type TaskDoc = Omit<InferSchemaType<typeof taskSchema>, 'links'> & { _id: Types.ObjectId; links: TaskLinkDoc[]; createdAt: Date; updatedAt: Date };
export const Task = model('Task', taskSchema);

/** A progress note on a task: markdown, listed oldest first. */
const taskNoteSchema = new Schema(
  {
    task: { type: Schema.Types.ObjectId, required: true },
    author: { type: Schema.Types.ObjectId, required: true },
    body: { type: String, required: true },
    bodyHtml: { type: String, default: '' },
    bodyVersion: { type: Number, default: null },
  },
  { timestamps: true },
);
taskNoteSchema.index({ task: 1, createdAt: 1, _id: 1 });

export type TaskNoteDoc = InferSchemaType<typeof taskNoteSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const TaskNote = model('TaskNote', taskNoteSchema);
