import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, NotAuthorizedError, ValidationError, type FieldError } from '../errors.ts';
import { createOnce } from '../mark.ts';
import { anyOf } from '../query.ts';
import { parseInput, slug, text, webAddress } from '../validation.ts';
import { entryStatuses, ProgrammeReport, type EntryDoc, type FrameworkDoc, type ReportDoc } from './model.ts';
import { activeFramework, appliesTo, frameworksByIds, isProgrammeAdmin, isReporter, requireReportingUnit } from './service.ts';
import { PERIOD, parseValue, periodHasBegun, periodOf, previousPeriod } from './values.ts';

export type { EntryDoc, ReportDoc };

/*
 * Reports: one per organisation and half-year period, in versions. Version 1 starts as a draft;
 * submitting locks it; a correction is a new draft version (a copy) whose submission marks the
 * one before superseded. Every version stays, with who made and submitted it and when.
 */

export const currentPeriod = () => periodOf(new Date());

const period = z
  .string()
  .max(10, 'INVALID')
  .regex(PERIOD, 'INVALID')
  // Only a well-formed half-year can be in the future: garbage is INVALID alone.
  .refine((p) => !PERIOD.test(p) || periodHasBegun(p), 'IN_FUTURE')
  .describe('A half-year: 2026-H1 (January–June) or 2026-H2 (July–December).');

export const entryInput = z.object({
  criterion: z.string().max(20, 'TOO_LONG'),
  value: z.string().max(40, 'TOO_LONG').nullable().default(null).describe('In the criterion’s unit: 85.5 (percent), 12 (count), yes/no, 2026-03-31 (date); null when not reported.'),
  status: z.enum(entryStatuses).default('not-started'),
  evidence: z
    .array(webAddress.refine((url) => url.startsWith('https://'), 'NOT_HTTPS'))
    .max(5, 'TOO_LONG')
    .default([])
    .describe('https links to documents or pages showing the figure.'),
  comment: text(0, 1000, { multiline: true }).default(''),
});

export const saveReportInput = z.object({
  organization: slug,
  period,
  revision: z.number().int('INVALID').min(0, 'INVALID').describe('The draft’s revision the form started from; 0 for a report not started yet.'),
  entries: z.array(entryInput).max(60, 'TOO_LONG'),
  comment: text(0, 2000, { multiline: true }).default(''),
});
export const submitReportInput = z.object({ organization: slug, period, revision: z.number().int('INVALID').min(1, 'INVALID') });
export const reviseReportInput = z.object({ organization: slug, period });

/** The latest version of an organisation's report for a period, whatever its state. */
export const latestVersion = (organization: string, periodValue: string) =>
  ProgrammeReport.findOne({ organization, period: periodValue }).sort({ organization: 1, period: 1, version: -1 }).lean<ReportDoc>();

/** May the viewer write this organisation's reports: its reporting members only (admins read drafts, they do not file). */
async function requireReporter(viewer: Viewer, organization: string) {
  const unit = await requireReportingUnit(organization, 'organization');
  if (!(await isReporter(organization, viewer.id))) throw new NotAuthorizedError('only the organisation’s reporting members file its reports');
  return unit;
}

/** Entries as stored: each value checked against its criterion's unit. */
function checkEntries(framework: FrameworkDoc, level: 'ministry' | 'province', entries: z.output<typeof entryInput>[]): EntryDoc[] {
  const errors: FieldError[] = [];
  const byCode = new Map(framework.criteria.map((c) => [c.code, c]));
  const seen = new Set<string>();
  const stored = entries.map((entry, i) => {
    const criterion = byCode.get(entry.criterion);
    if (!criterion || !appliesTo(criterion, level)) {
      errors.push({ path: `entries.${i}.criterion`, code: 'UNKNOWN', message: `no criterion ${entry.criterion.slice(0, 20)} applies to this organisation in this framework` });
      return null;
    }
    if (seen.has(entry.criterion)) errors.push({ path: `entries.${i}.criterion`, code: 'TAKEN', message: `criterion ${entry.criterion} is given twice` });
    seen.add(entry.criterion);
    let value: string | null = null;
    let number: number | null = null;
    if (entry.value !== null && entry.value.trim() !== '') {
      const parsed = parseValue(criterion.unit, entry.value);
      if ('problem' in parsed) errors.push({ path: `entries.${i}.value`, code: parsed.problem, message: `${criterion.code}: not a valid ${criterion.unit} value` });
      else ({ value, number } = parsed);
    }
    return { criterion: criterion.code, value, number, status: entry.status, evidence: entry.evidence, comment: entry.comment };
  });
  if (errors.length) throw new ValidationError(errors);
  return stored as EntryDoc[];
}

const conflict = (message: string): never => {
  throw new ConflictError(message);
};

/** Saves the organisation's draft for the period: starts version 1, or changes the draft being written. */
export async function saveProgrammeReport(ctx: Context, input: unknown): Promise<ReportDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(saveReportInput, input);
  const { organization, level } = await requireReporter(viewer, data.organization);
  const latest = await latestVersion(data.organization, data.period);
  if (!latest) {
    if (data.revision !== 0) conflict('this report is not started yet; reload it');
    const framework = (await activeFramework()) ?? conflict('no framework of criteria is active yet');
    const entries = checkEntries(framework, level, data.entries);
    // The key is organisation, period and version: of two members starting it at once, one insert wins.
    const created = await createOnce<ReportDoc>(ProgrammeReport, {
      organization: data.organization,
      place: level === 'province' ? organization.place : null,
      level,
      period: data.period,
      version: 1,
      framework: framework._id,
      state: 'draft',
      entries,
      comment: data.comment,
      createdBy: viewer.id,
      updatedBy: viewer.id,
    });
    return created ?? conflict('another reporting member started this report at the same time; reload it');
  }
  if (latest.state !== 'draft') conflict('this report was submitted and is locked: start a new version to correct it');
  const [framework] = await frameworksByIds([String(latest.framework)]);
  const entries = checkEntries(framework!, level, data.entries);
  const saved = await ProgrammeReport.findOneAndUpdate(
    { _id: latest._id, state: 'draft', revision: data.revision },
    { $set: { entries, comment: data.comment, updatedBy: viewer.id }, $inc: { revision: 1 } },
    { returnDocument: 'after' },
  ).lean<ReportDoc>();
  return saved ?? conflict('someone changed or submitted this draft after you opened it; reload it');
}

/** Submits the draft as read at `revision`: locked from now on; the version it corrects becomes superseded. */
export async function submitProgrammeReport(ctx: Context, input: unknown): Promise<ReportDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(submitReportInput, input);
  await requireReporter(viewer, data.organization);
  const latest = await latestVersion(data.organization, data.period);
  if (!latest) return conflict('there is no draft of this report to submit');
  const now = new Date();
  // Only the draft exactly as the submitter saw it becomes submitted: of two racing submits, one wins.
  const submitted = await ProgrammeReport.findOneAndUpdate(
    { _id: latest._id, state: 'draft', revision: data.revision },
    { $set: { state: 'submitted', submittedBy: viewer.id, submittedAt: now, updatedBy: viewer.id }, $inc: { revision: 1 } },
    { returnDocument: 'after' },
  ).lean<ReportDoc>();
  if (!submitted) return conflict('this report was submitted or changed by someone else meanwhile; reload it');
  if (submitted.version > 1)
    await ProgrammeReport.updateOne({ organization: data.organization, period: data.period, version: submitted.version - 1, state: 'submitted' }, { $set: { state: 'superseded', supersededAt: now } });
  return submitted;
}

/** Starts a correction: a new draft version holding the submitted one's values (same framework). */
export async function reviseProgrammeReport(ctx: Context, input: unknown): Promise<ReportDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(reviseReportInput, input);
  await requireReporter(viewer, data.organization);
  const latest = await latestVersion(data.organization, data.period);
  if (!latest) return conflict('there is no submitted report to correct');
  if (latest.state === 'draft') return latest; // a correction is under way already: continue it
  const created = await createOnce<ReportDoc>(ProgrammeReport, {
    organization: latest.organization,
    place: latest.place,
    level: latest.level,
    period: latest.period,
    version: latest.version + 1,
    framework: latest.framework,
    state: 'draft',
    entries: latest.entries,
    comment: latest.comment,
    createdBy: viewer.id,
    updatedBy: viewer.id,
  });
  return created ?? (await latestVersion(data.organization, data.period))!;
}

// ---- Reading -------------------------------------------------------------------------------------

/** Whether the viewer may see the organisation's drafts: its reporting members and admins. */
export const maySeeDrafts = async (viewer: Viewer | null, organization: string) => Boolean(viewer && (isProgrammeAdmin(viewer) || (await isReporter(organization, viewer.id))));

/** Every version of the report, latest first; drafts only for those who may see them. */
export async function reportVersions(viewer: Viewer | null, organization: string, periodValue: string): Promise<ReportDoc[]> {
  const versions = await ProgrammeReport.find({ organization, period: periodValue }).sort({ organization: 1, period: 1, version: -1 }).limit(100).lean<ReportDoc[]>();
  if (versions.every((v) => v.state !== 'draft') || (await maySeeDrafts(viewer, organization))) return versions;
  return versions.filter((v) => v.state !== 'draft');
}

/** The organisation's submitted reports, period by period (its progress over time). */
export const submittedReportsOf = (organization: string) => ProgrammeReport.find({ organization, state: 'submitted' }).sort({ organization: 1, state: 1, period: 1 }).limit(100).lean<ReportDoc[]>();

/** The submitted reports of one period on one framework: what its criteria's tables and maps show. */
export const submittedReportsIn = (framework: string, periodValue: string) =>
  ProgrammeReport.find({ framework, period: periodValue, state: 'submitted' }).sort({ framework: 1, period: 1, state: 1 }).limit(500).lean<ReportDoc[]>();

/** The periods with submitted reports, latest first (the last ten years). */
export async function reportedPeriods(): Promise<string[]> {
  const candidates = [currentPeriod()];
  while (candidates.length < 20) candidates.push(previousPeriod(candidates.at(-1)!));
  // One indexed existence check per half-year, all at once.
  const exists = await Promise.all(candidates.map((p) => ProgrammeReport.exists({ state: 'submitted', period: p })));
  return candidates.filter((_, i) => exists[i]);
}

/** The reports of several organisations' latest state in a period, for the reporting form's list. */
export const latestReportsOf = (organizations: readonly string[], periodValue: string) =>
  ProgrammeReport.find({ organization: anyOf([...organizations]), period: periodValue })
    .sort({ organization: 1, period: 1, version: -1 })
    .lean<ReportDoc[]>();
