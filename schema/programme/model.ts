import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { keyedId } from '../mark.ts';

/*
 * The programme's criteria (e.g. Resolution 17/NQ-CP's e-government targets) and the periodic
 * reports ministries and provinces file against them. A framework is one version of the set of
 * criteria; reports point at the framework they were filed against, so a new programme replaces
 * the set without rewriting history.
 */

export const frameworkStatuses = ['draft', 'active', 'retired'] as const;
export type FrameworkStatus = (typeof frameworkStatuses)[number];

/** How a criterion's value is written and compared with its target. */
export const criterionUnits = ['percent', 'count', 'yes-no', 'date'] as const;
export type CriterionUnit = (typeof criterionUnits)[number];

/** Which reporting units a criterion applies to. */
export const criterionLevels = ['ministry', 'province', 'both'] as const;
export type CriterionLevel = (typeof criterionLevels)[number];

const criterionSchema = new Schema(
  {
    code: { type: String, required: true },
    title: { type: String, required: true },
    titleEn: { type: String, default: '' },
    unit: { type: String, enum: criterionUnits, required: true },
    /** The target in the unit's canonical text (see values.ts): "80", "1200", "yes", "2025-12-31". */
    target: { type: String, required: true },
    deadline: { type: String, default: null }, // YYYY-MM-DD
    level: { type: String, enum: criterionLevels, required: true },
    order: { type: Number, required: true },
  },
  { _id: false },
);

/**
 * One version of the criteria. Its criteria are embedded: a draft's are edited freely (each edit
 * names the `revision` it started from), an active or retired framework's never change.
 */
const frameworkSchema = new Schema(
  {
    code: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    source: { type: String, default: '' },
    validFrom: { type: String, default: null }, // YYYY-MM-DD
    validTo: { type: String, default: null },
    status: { type: String, enum: frameworkStatuses, required: true },
    criteria: { type: [criterionSchema], default: [] },
    /** The framework this draft was copied from. */
    basedOn: { type: Schema.Types.ObjectId, default: null },
    revision: { type: Number, default: 1 },
    activatedAt: { type: Date, default: null },
    retiredAt: { type: Date, default: null },
    createdBy: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);
// The active one; the list of versions (newest first); one framework per code.
frameworkSchema.index({ status: 1, createdAt: -1 });
frameworkSchema.index({ createdAt: -1 });
frameworkSchema.index({ code: 1 }, { unique: true });
// At most one in force, whatever activations race (service.ts activateFramework relies on it).
frameworkSchema.index({ status: 1 }, { name: 'one_framework_in_force', unique: true, partialFilterExpression: { status: 'active' } });

export type CriterionDoc = InferSchemaType<typeof criterionSchema>;
export type FrameworkDoc = InferSchemaType<typeof frameworkSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date; criteria: CriterionDoc[] };
export const ProgrammeFramework = model('ProgrammeFramework', frameworkSchema);

/** Someone who files an organisation's reports: keyed by both (schema/mark.ts says why not a unique index). */
const reporterSchema = new Schema(
  {
    _id: keyedId(['organization', 'expert']),
    organization: { type: String, required: true },
    expert: { type: Schema.Types.ObjectId, required: true },
    addedBy: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);
reporterSchema.index({ organization: 1, createdAt: 1 });
reporterSchema.index({ expert: 1, organization: 1 });

export type ReporterDoc = InferSchemaType<typeof reporterSchema> & { _id: string; expert: Types.ObjectId; createdAt: Date };
export const ProgrammeReporter = model('ProgrammeReporter', reporterSchema);

export const reportStates = ['draft', 'submitted', 'superseded'] as const;
export type ReportState = (typeof reportStates)[number];

export const entryStatuses = ['achieved', 'on-track', 'at-risk', 'not-started'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

const entrySchema = new Schema(
  {
    criterion: { type: String, required: true },
    /** The value in its unit's canonical text, or null when not reported. */
    value: { type: String, default: null },
    /** The value as a number for comparing and shading: percent, count, 1/0, or days since 1970. */
    number: { type: Number, default: null },
    status: { type: String, enum: entryStatuses, default: 'not-started' },
    evidence: { type: [String], default: [] },
    comment: { type: String, default: '' },
  },
  { _id: false },
);

/**
 * One version of an organisation's report for a period. The `_id` is organisation, period and
 * version: of two reporting members starting the same version at once, one insert wins. A
 * submitted version is never changed again but to be marked superseded by the next one.
 */
const reportSchema = new Schema(
  {
    _id: keyedId(['organization', 'period', 'version']),
    organization: { type: String, required: true },
    /** The reporting unit's place (a province's code), for the map. */
    place: { type: String, default: null },
    level: { type: String, enum: ['ministry', 'province'], required: true },
    period: { type: String, required: true },
    version: { type: Number, required: true },
    framework: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, enum: reportStates, required: true },
    entries: { type: [entrySchema], default: [] },
    comment: { type: String, default: '' },
    /** Moves with every saved edit of a draft; a save or a submit names the one it started from. */
    revision: { type: Number, default: 1 },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    updatedBy: { type: Schema.Types.ObjectId, required: true },
    submittedBy: { type: Schema.Types.ObjectId, default: null },
    submittedAt: { type: Date, default: null },
    supersededAt: { type: Date, default: null },
  },
  { timestamps: true },
);
// An organisation's versions of a period (latest first) and its periods; a period's reports on a framework.
reportSchema.index({ organization: 1, period: 1, version: -1 });
reportSchema.index({ organization: 1, state: 1, period: 1 });
reportSchema.index({ framework: 1, period: 1, state: 1 });
reportSchema.index({ state: 1, period: 1 });

export type EntryDoc = InferSchemaType<typeof entrySchema>;
export type ReportDoc = InferSchemaType<typeof reportSchema> & { _id: string; framework: Types.ObjectId; createdAt: Date; updatedAt: Date; entries: EntryDoc[] };
export const ProgrammeReport = model('ProgrammeReport', reportSchema);
