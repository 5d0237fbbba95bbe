import { Schema, type Types, model, type InferSchemaType } from 'mongoose';

/*
 * The help desk ("Trung tâm giải đáp về chính phủ điện tử"): a ministry's or a province's
 * question, tracked. The question itself is an ordinary question thread (answers, votes, the
 * accepted answer, notifications and search all work as for any question); this record follows
 * it through the desk: triage to a group and a responder, the first answer, closing, reopening.
 */

export const helpdeskStatuses = ['new', 'assigned', 'answered', 'closed'] as const;
export type HelpdeskStatus = (typeof helpdeskStatuses)[number];
/** Not closed: still the desk's work. */
export const OPEN_STATUSES: readonly HelpdeskStatus[] = ['new', 'assigned', 'answered'];

export const helpdeskEvents = ['opened', 'triaged', 'answered', 'closed', 'reopened'] as const;
export type HelpdeskEventKind = (typeof helpdeskEvents)[number];

const eventSchema = new Schema(
  {
    kind: { type: String, enum: helpdeskEvents, required: true },
    actor: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    group: { type: String, default: null },
    assignee: { type: Schema.Types.ObjectId, default: null },
    reason: { type: String, default: '' },
  },
  { _id: false },
);

const helpdeskRequestSchema = new Schema(
  {
    /** The question thread's id: one request per thread, found by it without another index. */
    _id: { type: String, required: true },
    asker: { type: Schema.Types.ObjectId, required: true },
    /** The ministry's or province's body asked for (its slug). */
    organization: { type: String, required: true },
    /** Published in the FAQ, the organisation shows as its kind only ("Một bộ"). */
    anonymousInFaq: { type: Boolean, default: false },
    status: { type: String, enum: helpdeskStatuses, required: true },
    group: { type: String, default: null },
    assignee: { type: Schema.Types.ObjectId, default: null },
    openedAt: { type: Date, required: true },
    /** The local month (`YYYY-MM`, Vietnam time) it was opened in: the dashboard's window. */
    month: { type: String, required: true },
    triagedAt: { type: Date, default: null },
    firstResponseAt: { type: Date, default: null },
    answeredAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    /**
     * Service hours from opening to the first answer and to closing, measured when they happen
     * with the calendar then in force: the dashboard's percentiles read them from an index.
     */
    firstResponseHours: { type: Number, default: null },
    resolutionHours: { type: Number, default: null },
    reopenCount: { type: Number, default: 0 },
    /** Moves with every change: a change names the state it read, and loses to one made meanwhile. */
    version: { type: Number, default: 1 },
    history: { type: [eventSchema], default: [] },
  },
  { timestamps: true },
);
// The desk's queue (oldest first) and the overdue lists: status, then when it was opened.
helpdeskRequestSchema.index({ status: 1, openedAt: 1, _id: 1 });
helpdeskRequestSchema.index({ group: 1, status: 1, openedAt: 1, _id: 1 });
// An organisation's requests, newest first.
helpdeskRequestSchema.index({ organization: 1, openedAt: -1, _id: -1 });
// The dashboard: a month (and a group), its counts and the ordered measures for percentiles.
helpdeskRequestSchema.index({ month: 1, firstResponseHours: 1 });
helpdeskRequestSchema.index({ month: 1, resolutionHours: 1 });
helpdeskRequestSchema.index({ month: 1, group: 1, firstResponseHours: 1 });
helpdeskRequestSchema.index({ month: 1, group: 1, resolutionHours: 1 });

export type HelpdeskRequestDoc = InferSchemaType<typeof helpdeskRequestSchema> & {
  _id: string;
  asker: Types.ObjectId;
  assignee: Types.ObjectId | null;
  status: HelpdeskStatus;
  createdAt: Date;
  updatedAt: Date;
};
export const HelpdeskRequest = model('HelpdeskRequest', helpdeskRequestSchema);

/** A public FAQ entry: a snapshot of an answered request's question and chosen answer, which the desk may edit. */
const faqEntrySchema = new Schema(
  {
    /** The request's id (its thread's): one entry per request. */
    _id: { type: String, required: true },
    title: { type: String, required: true },
    question: { type: String, default: '' },
    questionHtml: { type: String, default: '' },
    answer: { type: String, required: true },
    answerHtml: { type: String, default: '' },
    /** The reply the answer was taken from. */
    answerReply: { type: Schema.Types.ObjectId, default: null },
    topics: { type: [String], default: [] },
    /** The organisation's name, or its kind ("Một bộ") when the asker asked for anonymity. */
    organizationLabel: { type: String, required: true },
    organizationLabelEn: { type: String, required: true },
    /** Whether the label names only the organisation's kind. */
    anonymous: { type: Boolean, default: false },
    searchTokens: { type: [String], default: [] },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: Schema.Types.ObjectId, required: true },
    version: { type: Number, default: 1 },
  },
  { timestamps: true },
);
faqEntrySchema.index({ publishedAt: -1, _id: -1 });
faqEntrySchema.index({ topics: 1, publishedAt: -1, _id: -1 });
faqEntrySchema.index({ searchTokens: 1, publishedAt: -1, _id: -1 });

export type FaqEntryDoc = InferSchemaType<typeof faqEntrySchema> & { _id: string; createdAt: Date; updatedAt: Date };
export const FaqEntry = model('HelpdeskFaqEntry', faqEntrySchema);

/** The desk's one settings record: its calendar and targets, changed by admins. */
const openingSchema = new Schema({ weekday: { type: Number, required: true }, opensAt: { type: Number, required: true }, closesAt: { type: Number, required: true } }, { _id: false });
const settingsSchema = new Schema(
  {
    _id: { type: String, required: true },
    timeZone: { type: String, required: true },
    openings: { type: [openingSchema], default: [] },
    holidays: { type: [String], default: [] },
    firstResponseTargetHours: { type: Number, required: true },
    resolutionTargetHours: { type: Number, required: true },
    version: { type: Number, default: 1 },
    updatedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);

export type HelpdeskSettingsDoc = InferSchemaType<typeof settingsSchema> & { _id: string; updatedAt: Date };
export const HelpdeskSettings = model('HelpdeskSettings', settingsSchema);
