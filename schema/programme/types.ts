import { z } from 'zod';
import { builder, enumValues } from '../builder.ts';
import type { Context } from '../context.ts';
import { writeErrors } from '../error/types.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { perRequest } from '../loading.ts';
import { organizationsBySlugs, type OrganizationDoc } from '../organization/service.ts';
import { OrganizationRef } from '../organization/types.ts';
import { payload } from '../payload.ts';
import { criterionLevels, criterionUnits, entryStatuses, frameworkStatuses, reportStates, type CriterionDoc, type EntryDoc } from './model.ts';
import { reportedPeriods, submittedReportsIn, type ReportDoc } from './report-service.ts';
import {
  activateFramework,
  createFramework,
  createFrameworkInput,
  frameworkIdInput,
  frameworksByIds,
  listReporters,
  removeProgrammeReporter,
  reporterInput,
  setProgrammeReporter,
  updateFramework,
  updateFrameworkInput,
  type FrameworkDoc,
  type ReporterDoc,
} from './service.ts';
import { criterionCsv, criterionResults, type CriterionResults, type CriterionValue } from './views.ts';
import { meetsTarget, PERIOD } from './values.ts';

export const FrameworkStatusEnum = builder.enumType('ProgrammeFrameworkStatus', { values: enumValues(frameworkStatuses) });
export const CriterionUnitEnum = builder.enumType('ProgrammeCriterionUnit', {
  description: 'PERCENT 0–100, COUNT a whole number ≥ 0, YES_NO "yes"/"no", DATE YYYY-MM-DD.',
  values: enumValues(criterionUnits),
});
export const CriterionLevelEnum = builder.enumType('ProgrammeCriterionLevel', { values: enumValues(criterionLevels) });
export const EntryStatusEnum = builder.enumType('ProgrammeEntryStatus', { values: enumValues(entryStatuses) });
export const ReportStateEnum = builder.enumType('ProgrammeReportState', { values: enumValues(reportStates) });

/** Frameworks by id, once per request whoever asks (reports name theirs). */
export const frameworkLoader = perRequest<string, FrameworkDoc | null>(async (ids) => {
  const found = await frameworksByIds(ids);
  return ids.map((id) => found.find((f) => String(f._id) === id) ?? null);
});

/** A period's submitted reports on a framework, read once per request for all its criteria. */
const periodReportsLoader = perRequest<string, ReportDoc[]>(async (keys) => Promise.all(keys.map((key) => submittedReportsIn(key.split('|')[0]!, key.split('|')[1]!))));

export interface CriterionParent {
  framework: FrameworkDoc;
  criterion: CriterionDoc;
}

export const ProgrammeFrameworkRef = builder.objectRef<FrameworkDoc>('ProgrammeFramework');
export const ProgrammeCriterionRef = builder.objectRef<CriterionParent>('ProgrammeCriterion');

/** A half-year period argument, e.g. 2026-H1. */
export const periodArg = z.string().regex(PERIOD, 'is not a period like 2026-H1');

ProgrammeFrameworkRef.implement({
  description: 'One version of the programme’s criteria. Reports point at the version they were filed against.',
  fields: (t) => ({
    id: t.id({ resolve: (f) => String(f._id) }),
    code: t.exposeString('code'),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    source: t.exposeString('source'),
    validFrom: t.string({ nullable: true, resolve: (f) => f.validFrom ?? null }),
    validTo: t.string({ nullable: true, resolve: (f) => f.validTo ?? null }),
    status: t.field({ type: FrameworkStatusEnum, resolve: (f) => f.status }),
    revision: t.exposeInt('revision', { description: 'Moves with every edit of a draft; an edit names the revision it started from.' }),
    activatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (f) => f.activatedAt ?? null }),
    criteria: t.field({
      type: [ProgrammeCriterionRef],
      description: 'In their order.',
      resolve: (f) => [...f.criteria].sort((a, b) => a.order - b.order).map((criterion) => ({ framework: f, criterion })),
    }),
  }),
});

const ProgrammeValueRef = builder.objectRef<CriterionValue & { criterion: CriterionDoc }>('ProgrammeValue').implement({
  description: 'One organisation’s submitted figure on one criterion in a period.',
  fields: (t) => ({
    organization: t.field({ type: OrganizationRef, resolve: (v) => v.organization }),
    placeCode: t.string({ nullable: true, description: 'The province’s code, for a province’s figure.', resolve: (v) => v.place }),
    value: t.string({ resolve: (v) => v.entry.value ?? '' }),
    number: t.float({ nullable: true, description: 'For shading: the percent or count, 1/0 for yes/no, days since 1970 for a date.', resolve: (v) => v.entry.number ?? null }),
    status: t.field({ type: EntryStatusEnum, resolve: (v) => v.entry.status }),
    meetsTarget: t.boolean({ resolve: (v) => v.meets }),
    evidence: t.stringList({ resolve: (v) => v.entry.evidence }),
    comment: t.string({ resolve: (v) => v.entry.comment }),
    version: t.int({ resolve: (v) => v.version }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (v) => v.submittedAt }),
  }),
});

const CriterionResultsRef = builder.objectRef<CriterionResults>('ProgrammeCriterionResults').implement({
  description: 'A criterion’s submitted figures in one period.',
  fields: (t) => ({
    period: t.exposeString('period'),
    reporting: t.exposeInt('reporting', { description: 'Units that gave a figure.' }),
    meeting: t.exposeInt('meeting', { description: 'Of them, those meeting the target.' }),
    values: t.field({ type: [ProgrammeValueRef], description: 'Highest first.', resolve: (r) => r.values.map((v) => ({ ...v, criterion: r.criterion })) }),
    csv: t.string({
      description: 'The figures as CSV (UTF-8 with a byte-order mark, for spreadsheets).',
      resolve: async (r) => criterionCsv(r, new Map((await organizationsBySlugs(r.values.map((v) => v.organization))).map((o) => [o._id, o] as [string, OrganizationDoc]))),
    }),
  }),
});

ProgrammeCriterionRef.implement({
  description: 'A criterion: what is measured, in which unit, the target and when it is due.',
  fields: (t) => ({
    code: t.string({ resolve: (p) => p.criterion.code }),
    title: t.string({ resolve: (p) => p.criterion.title }),
    titleEn: t.string({ resolve: (p) => p.criterion.titleEn }),
    unit: t.field({ type: CriterionUnitEnum, resolve: (p) => p.criterion.unit }),
    target: t.string({ description: 'In the unit’s form: 80, 1200, yes, 2025-12-31.', resolve: (p) => p.criterion.target }),
    deadline: t.string({ nullable: true, resolve: (p) => p.criterion.deadline ?? null }),
    level: t.field({ type: CriterionLevelEnum, resolve: (p) => p.criterion.level }),
    order: t.int({ resolve: (p) => p.criterion.order }),
    results: t.field({
      type: CriterionResultsRef,
      description: 'The submitted figures of a period (one read per framework and period, whichever criteria ask).',
      args: { period: t.arg.string({ required: true, validate: periodArg }) },
      resolve: async (p, { period }, ctx: Context) => criterionResults(p.framework, p.criterion, period, await periodReportsLoader(ctx).load(`${String(p.framework._id)}|${period}`)),
    }),
  }),
});

const ProgrammeEntryRef = builder.objectRef<{ entry: EntryDoc; framework: FrameworkDoc | null }>('ProgrammeEntry').implement({
  description: 'A report’s line for one criterion.',
  fields: (t) => ({
    criterion: t.field({
      type: ProgrammeCriterionRef,
      nullable: true,
      description: 'The criterion as the report’s framework defines it.',
      resolve: ({ entry, framework }) => {
        const criterion = framework?.criteria.find((c) => c.code === entry.criterion);
        return criterion && framework ? { framework, criterion } : null;
      },
    }),
    criterionCode: t.string({ resolve: ({ entry }) => entry.criterion }),
    value: t.string({ nullable: true, resolve: ({ entry }) => entry.value ?? null }),
    status: t.field({ type: EntryStatusEnum, resolve: ({ entry }) => entry.status }),
    evidence: t.stringList({ resolve: ({ entry }) => entry.evidence }),
    comment: t.string({ resolve: ({ entry }) => entry.comment }),
    meetsTarget: t.boolean({
      resolve: ({ entry, framework }) => {
        const criterion = framework?.criteria.find((c) => c.code === entry.criterion);
        return Boolean(criterion && meetsTarget(criterion.unit, criterion.target, entry.number));
      },
    }),
  }),
});

export const ProgrammeReportRef = builder.objectRef<ReportDoc>('ProgrammeReport');
ProgrammeReportRef.implement({
  description: 'One version of an organisation’s report for a half-year period.',
  fields: (t) => ({
    id: t.id({ resolve: (r) => r._id }),
    organization: t.field({ type: OrganizationRef, resolve: (r) => r.organization }),
    period: t.exposeString('period'),
    version: t.exposeInt('version'),
    state: t.field({ type: ReportStateEnum, resolve: (r) => r.state }),
    revision: t.exposeInt('revision', { description: 'A save or submit of a draft names the revision it started from.' }),
    framework: t.field({ type: ProgrammeFrameworkRef, nullable: true, resolve: (r, _, ctx) => frameworkLoader(ctx).load(String(r.framework)) }),
    entries: t.field({
      type: [ProgrammeEntryRef],
      resolve: async (r, _, ctx) => {
        const framework = await frameworkLoader(ctx).load(String(r.framework));
        return r.entries.map((entry) => ({ entry, framework }));
      },
    }),
    comment: t.exposeString('comment'),
    createdBy: t.field({ type: ExpertRef, resolve: (r) => String(r.createdBy) }),
    updatedBy: t.field({ type: ExpertRef, resolve: (r) => String(r.updatedBy) }),
    submittedBy: t.field({ type: ExpertRef, nullable: true, resolve: (r) => (r.submittedBy ? String(r.submittedBy) : null) }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.submittedAt ?? null }),
    supersededAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.supersededAt ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updatedAt }),
  }),
});

export const ProgrammeReporterRef = builder.objectRef<ReporterDoc>('ProgrammeReporter').implement({
  description: 'Someone who files an organisation’s reports.',
  fields: (t) => ({
    organization: t.field({ type: OrganizationRef, resolve: (r) => r.organization }),
    expert: t.field({ type: ExpertRef, resolve: (r) => String(r.expert) }),
    since: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
  }),
});

builder.queryFields((t) => ({
  programmePeriods: t.stringList({
    description: 'Signed-in members: the half-year periods with submitted reports, latest first.',
    authScopes: { signedIn: true },
    resolve: () => reportedPeriods(),
  }),
  programmeReporters: t.field({
    type: [ProgrammeReporterRef],
    description: 'Admins: every reporting member, by organisation.',
    authScopes: { admin: true },
    resolve: () => listReporters(),
  }),
}));

const FrameworkPayload = (name: string) => payload<'framework', FrameworkDoc>(name, 'framework', ProgrammeFrameworkRef);
const frameworkErrors = [...writeErrors, ConflictError, NotFoundError];
const CriterionInput = inputTypeOf('ProgrammeCriterionInput', updateFrameworkInput.shape.criteria.unwrap().element, {
  types: { unit: CriterionUnitEnum, level: CriterionLevelEnum },
});
const CreateFrameworkInput = inputTypeOf('CreateProgrammeFrameworkInput', createFrameworkInput);
const UpdateFrameworkInput = inputTypeOf('UpdateProgrammeFrameworkInput', updateFrameworkInput, {
  description: 'Only the given fields change; `criteria` replaces the whole list.',
  types: { criteria: CriterionInput },
});
const FrameworkIdInput = inputTypeOf('ActivateProgrammeFrameworkInput', frameworkIdInput);
const ReporterInput = inputTypeOf('ProgrammeReporterInput', reporterInput, { types: { expertId: { globalIdOf: ExpertRef } } });

builder.mutationFields((t) => ({
  createProgrammeFramework: t.field({
    type: FrameworkPayload('CreateProgrammeFrameworkPayload'),
    description: 'Admins: a new draft framework, empty or copying another’s criteria (a new version; audited).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateFrameworkInput, required: true }) },
    errors: { types: frameworkErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ framework: await createFramework(ctx, plainInput(createFrameworkInput, input)) }),
  }),
  updateProgrammeFramework: t.field({
    type: FrameworkPayload('UpdateProgrammeFrameworkPayload'),
    description: 'Admins: changes a draft framework (an active one changes only through a new version; audited).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: UpdateFrameworkInput, required: true }) },
    errors: { types: frameworkErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ framework: await updateFramework(ctx, plainInput(updateFrameworkInput, input)) }),
  }),
  activateProgrammeFramework: t.field({
    type: FrameworkPayload('ActivateProgrammeFrameworkPayload'),
    description: 'Admins: makes a draft the active framework and retires the one before (its reports keep their criteria; audited).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: FrameworkIdInput, required: true }) },
    errors: { types: frameworkErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ framework: await activateFramework(ctx, plainInput(frameworkIdInput, input)) }),
  }),
  setProgrammeReporter: t.field({
    type: payload<'reporter', ReporterDoc>('SetProgrammeReporterPayload', 'reporter', ProgrammeReporterRef),
    description: 'Admins: lets a member of the organisation file its reports (audited).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: ReporterInput, required: true }) },
    errors: { types: frameworkErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ reporter: await setProgrammeReporter(ctx, plainInput(reporterInput, input)) }),
  }),
  removeProgrammeReporter: t.field({
    type: payload<'removed', boolean>('RemoveProgrammeReporterPayload', 'removed', 'Boolean'),
    description: 'Admins: takes a reporting member off (audited). `removed` is false when they were not one.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: ReporterInput, required: true }) },
    errors: { types: frameworkErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ removed: await removeProgrammeReporter(ctx, plainInput(reporterInput, input)) }),
  }),
}));
