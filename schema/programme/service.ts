import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import { findExpertById } from '../expert/service.ts';
import { findByIds } from '../loading.ts';
import { isDuplicateKey, retryingDeadlocks, updateCreating } from '../mark.ts';
import { organizationsBySlugs, type OrganizationDoc } from '../organization/service.ts';
import { anyOf } from '../query.ts';
import { hasRole } from '../roles.ts';
import { isObjectId, objectId, parseInput, slug, text } from '../validation.ts';
import { criterionLevels, criterionUnits, ProgrammeFramework, ProgrammeReporter, type CriterionDoc, type CriterionLevel, type FrameworkDoc, type ReporterDoc } from './model.ts';
import { dayNumber, parseValue } from './values.ts';

export type { CriterionDoc, FrameworkDoc, ReporterDoc };

/** Admins edit the criteria and say who reports for whom. */
export const isProgrammeAdmin = (viewer: Viewer | null) => hasRole(viewer, 'admin');

function requireAdmin(ctx: Context, what: string): Viewer {
  const viewer = requireViewer(ctx);
  if (!isProgrammeAdmin(viewer)) throw new NotAuthorizedError(`only admins ${what}`);
  return viewer;
}

// ---- Frameworks -------------------------------------------------------------------------------

export const frameworksByIds = (ids: readonly string[]) => findByIds<FrameworkDoc>(ProgrammeFramework, ids.filter(isObjectId));
export const activeFramework = () => ProgrammeFramework.findOne({ status: 'active' }).sort({ createdAt: -1 }).lean<FrameworkDoc>();

/** Every version, newest first; drafts only for admins. */
export function listFrameworks(viewer: Viewer | null) {
  const where = isProgrammeAdmin(viewer) ? {} : { status: anyOf(['active', 'retired']) };
  return ProgrammeFramework.find(where).sort({ createdAt: -1 }).limit(50).lean<FrameworkDoc[]>();
}

/** The framework by its code; a draft only for admins. */
export async function findFramework(viewer: Viewer | null, code: string): Promise<FrameworkDoc | null> {
  const found = await ProgrammeFramework.findOne({ code }).lean<FrameworkDoc>();
  return found && (found.status !== 'draft' || isProgrammeAdmin(viewer)) ? found : null;
}

const dateText = z
  .string()
  .max(10, 'INVALID')
  .refine((s) => dayNumber(s) !== null, 'INVALID');
const frameworkCode = z
  .string()
  .max(40, 'TOO_LONG')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'INVALID');

export const criterionInput = z.object({
  code: z
    .string()
    .max(20, 'TOO_LONG')
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'INVALID')
    .describe('Short and unique within the framework, e.g. CT01.'),
  title: text(3, 300),
  titleEn: text(0, 300).default(''),
  unit: z.enum(criterionUnits),
  target: z.string().max(20, 'TOO_LONG').describe('In the unit’s form: 80 (percent), 1200 (count), yes, 2025-12-31 (date).'),
  deadline: dateText.nullable().default(null).describe('When the target is due (YYYY-MM-DD).'),
  level: z.enum(criterionLevels),
});

const frameworkFields = z.object({
  title: text(3, 300),
  description: text(0, 2000, { multiline: true }).default(''),
  source: text(0, 300).default('').describe('The decision or resolution the criteria come from.'),
  validFrom: dateText.nullable().default(null),
  validTo: dateText.nullable().default(null),
});

export const createFrameworkInput = frameworkFields.extend({
  code: frameworkCode.describe('Unique, e.g. NQ17-2019.'),
  copyFrom: objectId.nullable().default(null).describe('A framework whose criteria the new draft starts with (a new version).'),
});

export const updateFrameworkInput = frameworkFields.partial().extend({
  id: objectId,
  revision: z.number().int('INVALID').describe('The revision the editor started from: if the draft changed since, nothing is saved and CONFLICT comes back.'),
  criteria: z.array(criterionInput).max(60, 'TOO_LONG').optional().describe('The whole list, in order (replaces the draft’s).'),
});

export const frameworkIdInput = z.object({ id: objectId });

/** Criteria as stored, or every problem with them (a code twice, a target not in its unit). */
function checkCriteria(criteria: z.output<typeof criterionInput>[]): CriterionDoc[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const checked = criteria.map((criterion, order) => {
    if (seen.has(criterion.code)) errors.push({ path: `criteria.${order}.code`, code: 'TAKEN', message: `code ${criterion.code} is used twice` });
    seen.add(criterion.code);
    const target = parseValue(criterion.unit, criterion.target);
    if ('problem' in target) errors.push({ path: `criteria.${order}.target`, code: target.problem, message: `the target is not a ${criterion.unit} value` });
    return { ...criterion, target: 'problem' in target ? criterion.target : target.value, order };
  });
  if (errors.length) throw new ValidationError(errors);
  return checked;
}

function checkDates(data: { validFrom?: string | null; validTo?: string | null }) {
  if (data.validFrom && data.validTo && data.validTo < data.validFrom) throw ValidationError.field('validTo', 'BEFORE_START', 'the framework cannot end before it starts');
}

/** A new draft framework, empty or a copy of another's criteria (admins; audited). */
export async function createFramework(ctx: Context, input: unknown): Promise<FrameworkDoc> {
  const viewer = requireAdmin(ctx, 'edit the programme’s criteria');
  const { copyFrom, ...data } = parseInput(createFrameworkInput, input);
  checkDates(data);
  let criteria: CriterionDoc[] = [];
  if (copyFrom) {
    const [source] = await frameworksByIds([copyFrom]);
    if (!source) throw new NotFoundError('copyFrom', 'framework', copyFrom);
    criteria = source.criteria;
  }
  try {
    const created = await ProgrammeFramework.create({ ...data, criteria, status: 'draft', basedOn: copyFrom, createdBy: viewer.id });
    await record('programme.framework-created', viewer.id, viewer.id, { framework: data.code, from: null, to: 'draft' });
    return created.toObject() as FrameworkDoc;
  } catch (error) {
    if (isDuplicateKey(error)) throw ValidationError.field('code', 'TAKEN', 'another framework has this code');
    throw error;
  }
}

/** Changes a draft: its details and its whole list of criteria. Active and retired frameworks never change. */
export async function updateFramework(ctx: Context, input: unknown): Promise<FrameworkDoc> {
  const viewer = requireAdmin(ctx, 'edit the programme’s criteria');
  const { id, revision, criteria, ...fields } = parseInput(updateFrameworkInput, input);
  const [framework] = await frameworksByIds([id]);
  if (!framework) throw new NotFoundError('id', 'framework', id);
  if (framework.status !== 'draft') throw new ConflictError('an active or retired framework’s criteria do not change: make a new version (copy it as a draft), edit that, then activate it');
  checkDates({ validFrom: fields.validFrom ?? framework.validFrom, validTo: fields.validTo ?? framework.validTo });
  const set: Record<string, unknown> = { ...fields };
  if (criteria) set.criteria = checkCriteria(criteria);
  // The state and the revision read go into the filter: an activation or another edit in between wins.
  const changed = await ProgrammeFramework.findOneAndUpdate({ _id: id, status: 'draft', revision }, { $set: set, $inc: { revision: 1 } }, { returnDocument: 'after' }).lean<FrameworkDoc>();
  if (!changed) throw new ConflictError('someone changed or activated this framework after you opened it; reload it');
  await record('programme.framework-edited', viewer.id, viewer.id, { framework: framework.code, to: `revision ${changed.revision}` });
  return changed;
}

/** Makes a draft the one active framework; the one active before is retired (its reports keep their criteria). */
export async function activateFramework(ctx: Context, input: unknown): Promise<FrameworkDoc> {
  const viewer = requireAdmin(ctx, 'activate a framework');
  const { id } = parseInput(frameworkIdInput, input);
  const [framework] = await frameworksByIds([id]);
  if (!framework) throw new NotFoundError('id', 'framework', id);
  if (framework.status !== 'draft') throw new ConflictError('only a draft framework can be activated');
  if (!framework.criteria.length) throw ValidationError.field('criteria', 'REQUIRED', 'a framework needs at least one criterion to be activated');
  const now = new Date();
  // The one in force is retired on the condition that it still is, and the unique index on the
  // active one refuses a second: of admins activating at once, one wins and the others get
  // CONFLICT, so two frameworks are never left in force (even when none was in force before).
  const current = await ProgrammeFramework.findOne({ status: 'active' }, { _id: 1, code: 1 }).lean<Pick<FrameworkDoc, '_id' | 'code'>>();
  if (current && (await retryingDeadlocks(() => ProgrammeFramework.updateOne({ _id: current._id, status: 'active' }, { $set: { status: 'retired', retiredAt: now } }))).modifiedCount !== 1)
    throw new ConflictError('another framework was activated meanwhile; reload the list');
  let activated: FrameworkDoc | null;
  try {
    activated = await retryingDeadlocks(() =>
      ProgrammeFramework.findOneAndUpdate({ _id: id, status: 'draft' }, { $set: { status: 'active', activatedAt: now } }, { returnDocument: 'after' }).lean<FrameworkDoc>(),
    );
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('another framework was activated meanwhile; reload the list');
    throw error;
  }
  if (!activated) throw new ConflictError('this framework was activated or changed meanwhile; reload it');
  await record('programme.framework-activated', viewer.id, viewer.id, { framework: framework.code, from: current?.code ?? null, to: 'active' });
  return activated;
}

/** The criteria of `framework` that apply to an organisation of this level, in order. */
export const criteriaFor = (framework: Pick<FrameworkDoc, 'criteria'>, level: 'ministry' | 'province') =>
  [...framework.criteria].filter((c) => c.level === 'both' || c.level === level).sort((a, b) => a.order - b.order);

export const appliesTo = (criterion: Pick<CriterionDoc, 'level'>, level: CriterionLevel) => criterion.level === 'both' || criterion.level === level;

// ---- Reporting units and members ----------------------------------------------------------------

/**
 * Which reports an organisation files: ministries and ministry-level agencies report as a
 * ministry; a province's top department (its Sở, no parent) reports for the province.
 */
export function reportingLevelOf(organization: Pick<OrganizationDoc, 'kind' | 'parent' | 'place' | 'current'> | null | undefined): 'ministry' | 'province' | null {
  if (!organization?.current) return null;
  if (organization.kind === 'ministry' || organization.kind === 'ministry-agency') return 'ministry';
  if (organization.kind === 'department' && !organization.parent && organization.place) return 'province';
  return null;
}

/** The reporting unit, or VALIDATION_FAILED on `argument` when the organisation files no reports. */
export async function requireReportingUnit(slugValue: string, argument: string) {
  const [organization] = await organizationsBySlugs([slugValue]);
  if (!organization) throw new NotFoundError(argument, 'organization', slugValue);
  const level = reportingLevelOf(organization);
  if (!level) throw ValidationError.field(argument, 'NOT_REPORTING', 'only a current ministry (or ministry-level agency) or a province’s department reports on the criteria');
  return { organization, level };
}

/** The organisation and the ones above it (a centre's department, a department's ministry): the bodies its members speak for. */
async function organizationAndParents(slugValue: string | null | undefined): Promise<string[]> {
  const chain: string[] = [];
  for (let next = slugValue ?? null; next && chain.length < 6 && !chain.includes(next); ) {
    chain.push(next);
    next = (await organizationsBySlugs([next]))[0]?.parent ?? null;
  }
  return chain;
}

const reporterId = (organization: string, expert: string) => String(new ProgrammeReporter({ organization, expert })._id);

export async function isReporter(organization: string, expertId: string | null | undefined): Promise<boolean> {
  if (!expertId) return false;
  return (await ProgrammeReporter.countDocuments({ _id: reporterId(organization, expertId) })) > 0;
}

/** The organisations the person reports for. */
export const reportingOrganizationsOf = async (expertId: string) =>
  (await ProgrammeReporter.find({ expert: expertId }).sort({ expert: 1, organization: 1 }).lean<ReporterDoc[]>()).map((r) => r.organization);

/** Every reporting member, by organisation (admins' list: a few hundred at most). */
export const listReporters = () => ProgrammeReporter.find({}).sort({ organization: 1, createdAt: 1 }).limit(1000).lean<ReporterDoc[]>();

export const reporterInput = z.object({ organization: slug, expertId: objectId });

/** Makes the person a reporting member of the organisation they belong to (admins; audited). */
export async function setProgrammeReporter(ctx: Context, input: unknown): Promise<ReporterDoc> {
  const viewer = requireAdmin(ctx, 'choose reporting members');
  const data = parseInput(reporterInput, input);
  await requireReportingUnit(data.organization, 'organization');
  const expert = await findExpertById(data.expertId);
  if (!expert) throw new NotFoundError('expertId', 'expert', data.expertId);
  if (!(await organizationAndParents(expert.organization)).includes(data.organization))
    throw ValidationError.field('expertId', 'NOT_A_MEMBER', 'a reporting member must belong to the organisation (or one of its units)');
  const _id = reporterId(data.organization, data.expertId);
  const existed = await ProgrammeReporter.exists({ _id });
  const saved = await updateCreating<ReporterDoc>(ProgrammeReporter, _id, { organization: data.organization, expert: expert._id, addedBy: viewer.id }, { $set: { addedBy: viewer.id } });
  if (!existed) await record('programme.reporter-set', viewer.id, expert._id, { to: data.organization });
  return saved;
}

/** Takes the person off the organisation's reporting members (admins; audited). */
export async function removeProgrammeReporter(ctx: Context, input: unknown): Promise<boolean> {
  const viewer = requireAdmin(ctx, 'choose reporting members');
  const data = parseInput(reporterInput, input);
  const removed = await ProgrammeReporter.findByIdAndDelete(reporterId(data.organization, data.expertId)).lean<ReporterDoc>();
  if (removed) await record('programme.reporter-removed', viewer.id, removed.expert, { from: data.organization });
  return Boolean(removed);
}
