import { z } from 'zod';
import { builder } from '../builder.ts';
import { writeErrors } from '../error/types.ts';
import { ConflictError, found, NotFoundError } from '../errors.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { perRequest } from '../loading.ts';
import { organizationsBySlugs } from '../organization/service.ts';
import { OrganizationRef } from '../organization/types.ts';
import { payload } from '../payload.ts';
import { slugArg } from '../validation.ts';
import {
  currentPeriod,
  entryInput,
  reportVersions,
  reviseProgrammeReport,
  reviseReportInput,
  saveProgrammeReport,
  saveReportInput,
  submitProgrammeReport,
  submitReportInput,
  submittedReportsOf,
  type ReportDoc,
} from './report-service.ts';
import { activeFramework, findFramework, frameworksByIds, listFrameworks, reportingLevelOf, reportingOrganizationsOf, type FrameworkDoc } from './service.ts';
import { EntryStatusEnum, periodArg, ProgrammeFrameworkRef, ProgrammeReportRef } from './types.ts';
import { progressCsv } from './views.ts';

interface Progress {
  organization: string;
  reports: ReportDoc[];
}

const ProgressRef = builder.objectRef<Progress>('ProgrammeProgress').implement({
  description: 'One organisation’s submitted reports, period by period.',
  fields: (t) => ({
    organization: t.field({ type: OrganizationRef, resolve: (p) => p.organization }),
    reports: t.field({ type: [ProgrammeReportRef], description: 'The latest submitted version of each period, oldest period first.', resolve: (p) => p.reports }),
    csv: t.string({
      description: 'Every figure of these reports as CSV (UTF-8 with a byte-order mark).',
      resolve: async (p) => {
        const [organization] = await organizationsBySlugs([p.organization]);
        const frameworks = await frameworksByIds([...new Set(p.reports.map((r) => String(r.framework)))]);
        return progressCsv(organization!, p.reports, new Map(frameworks.map((f) => [String(f._id), f] as [string, FrameworkDoc])));
      },
    }),
  }),
});

/** The organisations the viewer files reports for, read once per request. */
const viewerReportingLoader = perRequest<string, string[]>(async (ids) => Promise.all(ids.map((id) => reportingOrganizationsOf(id))));

/** A framework code argument, e.g. NQ17-2019. */
const frameworkCodeArg = z
  .string()
  .max(40, 'is too long')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'is not a framework code');

builder.queryFields((t) => ({
  programmeFramework: t.field({
    type: ProgrammeFrameworkRef,
    nullable: true,
    description: 'Signed-in members: the framework with this code (drafts for admins only), or the active one when no code is given.',
    authScopes: { signedIn: true },
    args: { code: t.arg.string({ validate: frameworkCodeArg }) },
    resolve: (_, { code }, ctx) => (code ? findFramework(ctx.viewer, code) : activeFramework()),
  }),
  programmeFrameworks: t.field({
    type: [ProgrammeFrameworkRef],
    description: 'Signed-in members: every version of the criteria, newest first (drafts for admins only).',
    authScopes: { signedIn: true },
    resolve: (_, __, ctx) => listFrameworks(ctx.viewer),
  }),
  currentProgrammePeriod: t.string({ description: 'The half-year reports are filed for now, e.g. 2026-H2.', resolve: () => currentPeriod() }),
  programmeReportVersions: t.field({
    type: [ProgrammeReportRef],
    description:
      'Signed-in members: every version of an organisation’s report for a period, latest first (the history: who made and submitted each, when). Drafts only for its reporting members and admins.',
    authScopes: { signedIn: true },
    args: { organization: t.arg.string({ required: true, validate: slugArg }), period: t.arg.string({ required: true, validate: periodArg }) },
    resolve: (_, { organization, period }, ctx) => reportVersions(ctx.viewer, organization, period),
  }),
  programmeProgress: t.field({
    type: ProgressRef,
    description: 'Signed-in members: an organisation’s submitted reports over time.',
    authScopes: { signedIn: true },
    args: { organization: t.arg.string({ required: true, validate: slugArg }) },
    resolve: async (_, { organization }) => {
      const [found_] = await organizationsBySlugs([organization]);
      found(reportingLevelOf(found_) ? found_ : null, 'organization', 'reporting organisation', organization);
      return { organization, reports: await submittedReportsOf(organization) };
    },
  }),
  myProgrammeOrganizations: t.field({
    type: [OrganizationRef],
    description: 'The organisations the viewer files reports for (empty signed out).',
    resolve: async (_, __, ctx) => (ctx.viewer ? viewerReportingLoader(ctx).load(ctx.viewer.id) : []),
  }),
}));

const ReportPayload = (name: string) => payload<'report', ReportDoc>(name, 'report', ProgrammeReportRef);
const reportErrors = [...writeErrors, ConflictError, NotFoundError];
const EntryInput = inputTypeOf('ProgrammeEntryInput', entryInput, { types: { status: EntryStatusEnum } });
const SaveReportInput = inputTypeOf('SaveProgrammeReportInput', saveReportInput, { types: { entries: EntryInput } });
const SubmitReportInput = inputTypeOf('SubmitProgrammeReportInput', submitReportInput);
const ReviseReportInput = inputTypeOf('ReviseProgrammeReportInput', reviseReportInput);

builder.mutationFields((t) => ({
  saveProgrammeReport: t.field({
    type: ReportPayload('SaveProgrammeReportPayload'),
    description: 'The organisation’s reporting members: saves the period’s draft (starts it at revision 0). A submitted report is locked: CONFLICT.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SaveReportInput, required: true }) },
    errors: { types: reportErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ report: await saveProgrammeReport(ctx, plainInput(saveReportInput, input)) }),
  }),
  submitProgrammeReport: t.field({
    type: ReportPayload('SubmitProgrammeReportPayload'),
    description: 'The organisation’s reporting members: submits the draft as read at `revision` (locked from then on; of two racing submits one wins, the other gets CONFLICT).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SubmitReportInput, required: true }) },
    errors: { types: reportErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ report: await submitProgrammeReport(ctx, plainInput(submitReportInput, input)) }),
  }),
  reviseProgrammeReport: t.field({
    type: ReportPayload('ReviseProgrammeReportPayload'),
    description: 'The organisation’s reporting members: starts a correction of the submitted report, a new draft version with its values.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReviseReportInput, required: true }) },
    errors: { types: reportErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ report: await reviseProgrammeReport(ctx, plainInput(reviseReportInput, input)) }),
  }),
}));

// Whether the viewer may write a report: for the form's "Tạo bản sửa" and save buttons.
builder.objectFields(ProgrammeReportRef, (t) => ({
  viewerCanWrite: t.boolean({ resolve: async (r, _, ctx) => Boolean(ctx.viewer && (await viewerReportingLoader(ctx).load(ctx.viewer.id)).includes(r.organization)) }),
}));
