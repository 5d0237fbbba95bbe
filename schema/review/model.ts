import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { keyedId } from '../mark.ts';

/** What a curator checks before deciding (the review desk's checklist). */
export const reviewChecks = ['problem-stated', 'figures-in-results', 'lessons', 'contact'] as const;
export type ReviewCheck = (typeof reviewChecks)[number];

/** The parts of a practice a review comment can be about. */
export const reviewSections = ['general', 'title', 'summary', 'problem', 'solution', 'results', 'lessons', 'classification', 'links'] as const;

/** What the review history of a practice records. */
export const reviewEventKinds = ['submitted', 'claimed', 'released', 'published', 'returned', 'duplicate', 'unpublished', 'corrected', 'edit-submitted', 'edit-published', 'edit-returned'] as const;
export type ReviewEventKind = (typeof reviewEventKinds)[number];

/** The events that end a round of review: the desk's median time counts up to one of them. */
export const decisionKinds = ['published', 'returned', 'duplicate', 'edit-published', 'edit-returned'] as const satisfies readonly ReviewEventKind[];

/**
 * A curator's claim on a submitted practice: others see who has it and cannot take it. Keyed by
 * the practice, so the primary key alone makes a second claim fail (schema/mark.ts says why not
 * a unique index). A decision removes it; one older than the practice's latest submission is of
 * an earlier round and no longer counts.
 */
const reviewClaimSchema = new Schema(
  {
    _id: keyedId(['practice']),
    practice: { type: Schema.Types.ObjectId, required: true },
    curator: { type: Schema.Types.ObjectId, required: true },
    claimedAt: { type: Date, required: true },
    /** The checks the curator ticked so far. */
    checklist: { type: [String], enum: reviewChecks, default: [] },
  },
  { versionKey: false },
);
reviewClaimSchema.index({ curator: 1 });

export type ReviewClaimDoc = InferSchemaType<typeof reviewClaimSchema> & { _id: string };
export const ReviewClaim = model('ReviewClaim', reviewClaimSchema);

/** A remark on one section of a submitted practice, between its curators and its authors. */
const reviewCommentSchema = new Schema(
  {
    practice: { type: Schema.Types.ObjectId, required: true },
    section: { type: String, enum: reviewSections, required: true },
    body: { type: String, required: true },
    author: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
reviewCommentSchema.index({ practice: 1 });

export type ReviewCommentDoc = InferSchemaType<typeof reviewCommentSchema> & { _id: Types.ObjectId; createdAt: Date };
export const ReviewComment = model('ReviewComment', reviewCommentSchema);

/** One step of a practice's review, as its authors and curators read it. Written once. */
const reviewEventSchema = new Schema(
  {
    practice: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: reviewEventKinds, required: true },
    actor: { type: Schema.Types.ObjectId, required: true },
    reason: { type: String, default: '' },
    /** For decisions: the checks ticked when it was taken. */
    checklist: { type: [String], default: [] },
    /** For decisions: milliseconds from the submission to the decision (the desk's median). */
    waitedMs: { type: Number, default: null },
    /** For duplicates: the published practice it repeats. */
    duplicateOf: { type: Schema.Types.ObjectId, default: null },
    /** For corrections: the classification before and after, as text. */
    from: { type: String, default: null },
    to: { type: String, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
reviewEventSchema.index({ practice: 1 });
reviewEventSchema.index({ kind: 1, createdAt: -1 });

export type ReviewEventDoc = InferSchemaType<typeof reviewEventSchema> & { _id: Types.ObjectId; createdAt: Date };
export const ReviewEvent = model('ReviewEvent', reviewEventSchema);
