import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const practiceStages = ['idea', 'pilot', 'operating', 'scaled'] as const;
/** `hidden`: a published practice a moderator took down (schema/flag/); out of everything public until restored. */
export const practiceStatuses = ['draft', 'submitted', 'published', 'returned', 'hidden'] as const;
/** The level of government that carried the practice out. */
export const practiceLevels = ['ministry', 'province', 'commune'] as const;
/** What the practice cost, in bands of VND (billions are "tỷ"); `undisclosed` when the authors may not say. */
export const practiceCostBands = ['under-500m', 'from-500m-to-2b', 'from-2b-to-10b', 'over-10b', 'undisclosed'] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

const linkSchema = new Schema({ label: { type: String, required: true }, url: { type: String, required: true } }, { _id: false });

/**
 * An edit of a published practice, kept aside until a curator publishes it (the public reads the
 * published fields meanwhile): the author-written fields as proposed, rendered like the practice's.
 */
const pendingEditSchema = new Schema(
  {
    fields: { type: Schema.Types.Mixed, required: true },
    /** null: still being written (or returned); set: waiting for a curator since then. */
    submittedAt: { type: Date, default: null },
    /** Why a curator returned the edit (empty otherwise). */
    returnReason: { type: String, default: '' },
    savedAt: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * A good practice: how a ministry or province solved a problem, as a structured case record.
 * Long fields are markdown. Life cycle: draft (authors only) -> submitted -> published by a
 * curator, or returned with a reason -> revised and resubmitted. Edits of a published practice
 * wait in `pendingEdit` for a curator; publishing one keeps the previous version in PracticeRevision.
 */
const practiceSchema = new Schema(
  {
    title: { type: String, required: true },
    summary: { type: String, default: '' },
    problem: { type: String, default: '' },
    solution: { type: String, default: '' },
    results: { type: String, default: '' },
    lessons: { type: String, default: '' },
    /**
     * The sanitised HTML of the four markdown fields, made when they are written: reads serve it
     * and never render. `htmlVersion` is the RENDERER_VERSION that made it; null (or missing)
     * means not rendered yet, and the start-up migration (./migrate.ts) renders what is older.
     */
    problemHtml: { type: String, default: '' },
    solutionHtml: { type: String, default: '' },
    resultsHtml: { type: String, default: '' },
    lessonsHtml: { type: String, default: '' },
    /** What a reader reusing it needs (the OPSI case library's record): markdown, rendered like the four above. */
    challenges: { type: String, default: '' },
    conditions: { type: String, default: '' },
    challengesHtml: { type: String, default: '' },
    conditionsHtml: { type: String, default: '' },
    htmlVersion: { type: Number, default: null },
    organization: { type: String, default: null },
    place: { type: String, default: null },
    topics: { type: [String], default: [] },
    stage: { type: String, enum: practiceStages, default: null },
    year: { type: Number, default: null },
    links: { type: [linkSchema], default: [] },
    level: { type: String, enum: practiceLevels, default: null },
    /** Partners and enterprises involved, by name as the authors wrote them. */
    partners: { type: [String], default: [] },
    costBand: { type: String, enum: practiceCostBands, default: null },
    /** Who benefits and how many, in a sentence. */
    beneficiaries: { type: String, default: '' },
    /** The member to ask about it (an expert's id). */
    contact: { type: Schema.Types.ObjectId, default: null },
    authors: { type: [Schema.Types.ObjectId], required: true },
    /** People an author listed as co-authors who have not accepted yet (schema/practice/co-authors.ts). */
    invitedAuthors: { type: [Schema.Types.ObjectId], default: [] },
    status: { type: String, enum: practiceStatuses, required: true, default: 'draft' },
    returnReason: { type: String, default: '' },
    /** Set when a curator returned it as a duplicate of this published practice. */
    duplicateOf: { type: Schema.Types.ObjectId, default: null },
    featured: { type: Boolean, default: false },
    submittedAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    /**
     * When the public page last changed: set by a publication (first or again), an edit
     * published, a curator's correction. The sitemap and feeds read it, not updatedAt, which also
     * moves when the authors save an edit the public does not see yet. null before (see publicTextDate).
     */
    revisedAt: { type: Date, default: null },
    /** Counts published revisions: 1 when first published. */
    version: { type: Number, default: 0 },
    /** The number of endorsements: +1 per endorsement made, -1 per one withdrawn (schema/counters.ts). */
    endorsementCount: { type: Number, default: 0 },
    /** Live replies in its discussion (the thread with `practice` set), moved with them (schema/commands/reply-to-thread.ts). */
    discussionCount: { type: Number, default: 0 },
    searchTokens: { type: [String], default: [] },
    pendingEdit: { type: pendingEditSchema, default: null },
  },
  { timestamps: true },
);
practiceSchema.index({ status: 1, publishedAt: -1, _id: -1 });
practiceSchema.index({ status: 1, submittedAt: 1, _id: 1 });
// The desk's queue of edits waiting for a curator, oldest first.
practiceSchema.index({ status: 1, 'pendingEdit.submittedAt': 1, _id: 1 });
practiceSchema.index({ status: 1, topics: 1, publishedAt: -1, _id: -1 });
practiceSchema.index({ status: 1, place: 1, publishedAt: -1, _id: -1 });
practiceSchema.index({ status: 1, organization: 1, publishedAt: -1, _id: -1 });
practiceSchema.index({ status: 1, stage: 1, publishedAt: -1, _id: -1 });
practiceSchema.index({ status: 1, year: 1, publishedAt: -1, _id: -1 });
practiceSchema.index({ status: 1, featured: 1, publishedAt: -1, _id: -1 });
practiceSchema.index({ status: 1, level: 1, publishedAt: -1, _id: -1 });
// The list's other orders: most helpful, most discussed (ties newest first).
practiceSchema.index({ status: 1, endorsementCount: -1, publishedAt: -1, _id: -1 });
practiceSchema.index({ status: 1, discussionCount: -1, publishedAt: -1, _id: -1 });
practiceSchema.index({ status: 1, searchTokens: 1, publishedAt: -1, _id: -1 });
practiceSchema.index({ authors: 1, updatedAt: -1, _id: -1 });
practiceSchema.index({ invitedAuthors: 1, updatedAt: -1, _id: -1 });
practiceSchema.index({ status: 1, authors: 1, publishedAt: -1, _id: -1 });

export type PracticeDoc = InferSchemaType<typeof practiceSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const Practice = model('Practice', practiceSchema);

/** A published version replaced by an edit, kept whole. */
const practiceRevisionSchema = new Schema(
  {
    practice: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, required: true },
    snapshot: { type: Schema.Types.Mixed, required: true },
    editedBy: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
// Each replaced version is kept once, however many saves raced to replace it. Named, so that it
// does not clash with the plain index of a database created before it.
practiceRevisionSchema.index({ practice: 1, version: -1 }, { name: 'one_revision_per_version', unique: true });

export type PracticeRevisionDoc = InferSchemaType<typeof practiceRevisionSchema> & { _id: Types.ObjectId; createdAt: Date };
export const PracticeRevision = model('PracticeRevision', practiceRevisionSchema);
