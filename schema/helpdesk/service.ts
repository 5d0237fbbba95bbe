// Over 400 lines: one lifecycle (submit, triage, answer, close, reopen, settings, FAQ) whose rules read each other.
import { z } from 'zod';
import { isSuspended, requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import { startThread } from '../commands/start-thread.ts';
import { paginate, type PageArgs, type SortKey } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { createThreadInput, repliesByIds, threadsByIds, type ReplyDoc } from '../discussion/service.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, SuspendedError, ValidationError } from '../errors.ts';
import { findExpertById } from '../expert/service.ts';
import { THREAD_LIMITS } from '../field-limits.ts';
import { isGroupMember, requireGroup, STANDING_GROUP, viewerGroupSlugs } from '../group/service.ts';
import { findByIds } from '../loading.ts';
import { createOnce } from '../mark.ts';
import { renderTexts } from '../markdown/pool.ts';
import { organizationAndParents, organizationsBySlugs, type OrganizationDoc } from '../organization/service.ts';
import { placesByCodes } from '../place/service.ts';
import { anyOf, greaterThan, lessThan } from '../query.ts';
import { foldedTokens, searchTokens } from '../search/fold.ts';
import { unknownTopicErrors } from '../topic/service.ts';
import { objectId, parseInput, slug, text } from '../validation.ts';
import { HELPDESK_LIMITS } from './limits.ts';
import { FaqEntry, type FaqEntryDoc, HelpdeskRequest, type HelpdeskRequestDoc, HelpdeskSettings, type HelpdeskSettingsDoc, type HelpdeskStatus, helpdeskStatuses, OPEN_STATUSES } from './model.ts';
import { ASKING_KINDS, canChangeSettings, canClose, canReopen, isDesk, mayClose, mayPublish, mayReopen, mayTriage } from './policy.ts';
import { DEFAULT_CALENDAR, localDateOf, type ServiceCalendar, serviceHoursBetween, subtractServiceHours } from './service-hours.ts';

export type { FaqEntryDoc, HelpdeskRequestDoc, HelpdeskSettingsDoc, HelpdeskStatus };
export { helpdeskStatuses };

const SETTINGS_ID = 'desk';
/** Targets the working group set at first: a first answer within a working day, a resolution within a working week. */
export const DEFAULT_TARGETS = { firstResponseTargetHours: 8, resolutionTargetHours: 40 };

/** The settings in force: the stored record, or the defaults before an admin changed anything. */
export async function helpdeskSettings(): Promise<HelpdeskSettingsDoc> {
  const stored = await HelpdeskSettings.findById(SETTINGS_ID).lean<HelpdeskSettingsDoc>();
  return (
    stored ??
    ({
      _id: SETTINGS_ID,
      ...DEFAULT_CALENDAR,
      openings: [...DEFAULT_CALENDAR.openings],
      holidays: [...DEFAULT_CALENDAR.holidays],
      ...DEFAULT_TARGETS,
      version: 0,
      updatedBy: null,
      updatedAt: new Date(0),
    } as unknown as HelpdeskSettingsDoc)
  );
}

export const calendarOf = (settings: HelpdeskSettingsDoc): ServiceCalendar => ({ timeZone: settings.timeZone, openings: settings.openings, holidays: settings.holidays });

/** Whether the viewer is the desk (the standing group, admins): read once per request. */
export async function viewerIsDesk(ctx: Context): Promise<boolean> {
  if (!ctx.viewer) return false;
  return isDesk(ctx.viewer, await viewerGroupSlugs(ctx), STANDING_GROUP);
}

async function requireDesk(ctx: Context): Promise<Viewer> {
  const viewer = requireViewer(ctx);
  if (!(await viewerIsDesk(ctx))) throw new NotAuthorizedError('Only the help desk (the standing group) or an admin may do this.');
  return viewer;
}

export const requestsByIds = (ids: readonly string[]) => findByIds<HelpdeskRequestDoc>(HelpdeskRequest, ids);

async function requireRequest(id: string, argument = 'requestId'): Promise<HelpdeskRequestDoc> {
  const found = await HelpdeskRequest.findById(id).lean<HelpdeskRequestDoc>();
  if (!found) throw new NotFoundError(argument, 'help-desk request', id);
  return found;
}

const conflict = (request: Pick<HelpdeskRequestDoc, 'status'> | null, doing: string): never => {
  throw new ConflictError(`This request is ${request?.status ?? 'gone'} now: it cannot be ${doing}. Reload it to see what changed.`);
};

/**
 * Writes a change if the request is still in the state it was read in (`version`): of two desk
 * members acting at once one wins, the other gets CONFLICT naming the state it is in now.
 */
async function changeIfUnchanged(read: HelpdeskRequestDoc, update: Record<string, unknown>, event: Record<string, unknown>, doing: string): Promise<HelpdeskRequestDoc> {
  const changed = await HelpdeskRequest.findOneAndUpdate(
    { _id: read._id, version: read.version },
    { ...update, $inc: { ...((update.$inc as object) ?? {}), version: 1 }, $push: { history: event } },
    { returnDocument: 'after' },
  ).lean<HelpdeskRequestDoc>();
  return changed ?? conflict(await HelpdeskRequest.findById(read._id, { status: 1 }).lean<HelpdeskRequestDoc>(), doing);
}

const versionField = z.number().int('INVALID').nullish().describe('The version the caller read: if the request changed since, nothing is done and CONFLICT comes back.');
const requestId = objectId.describe('The request (its question thread’s id).');

export const submitHelpdeskRequestInput = createThreadInput.pick({ title: true, body: true, topics: true, place: true }).extend({
  organization: slug.describe('The ministry’s or province’s body the question is asked for: the asker’s own, or one above or under it.'),
  anonymousInFaq: z.boolean().default(false).describe('If it is published in the FAQ, show the organisation as its kind only.'),
});

/** A ministry's or province's member asks the desk: a question thread and the request that tracks it. */
export async function submitHelpdeskRequest(ctx: Context, input: unknown): Promise<HelpdeskRequestDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(submitHelpdeskRequestInput, input);
  const profile = await findExpertById(viewer.id);
  if (!profile) throw new NotAuthorizedError('Sign in to do this.');
  if (isSuspended(profile)) throw new SuspendedError(profile.suspensionReason ?? '', profile.suspendedUntil!);
  const [organization] = await organizationsBySlugs([data.organization]);
  if (!organization) throw ValidationError.field('organization', 'UNKNOWN', 'organization is not a known organisation');
  if (!organization.current) throw ValidationError.field('organization', 'FORMER', 'this organisation was merged into another: ask for its successor');
  if (!(ASKING_KINDS as readonly string[]).includes(organization.kind))
    throw ValidationError.field('organization', 'NOT_PUBLIC_BODY', 'the desk answers ministries and provinces: choose a ministry’s or a province’s body');
  // Their profile's organisation, a body above it, or a unit under it: a curator checked it when verifying them.
  const own = profile.organization ?? null;
  const belongs = own !== null && ((await organizationAndParents(own)).includes(organization._id) || (await organizationAndParents(organization._id)).includes(own));
  if (!viewer.verified || !belongs) throw new NotAuthorizedError('Only a verified member of this organisation may ask the desk on its behalf.');
  const { organization: _, anonymousInFaq, ...question } = data;
  const thread = await startThread(ctx, { ...question, kind: 'question' });
  const calendar = calendarOf(await helpdeskSettings());
  const openedAt = thread.createdAt ?? new Date();
  const created = await HelpdeskRequest.create({
    _id: String(thread._id),
    asker: viewer.id,
    organization: organization._id,
    anonymousInFaq,
    status: 'new',
    openedAt,
    month: localDateOf(calendar, openedAt.getTime()).slice(0, 7),
    history: [{ kind: 'opened', actor: viewer.id, at: openedAt }],
  });
  return created.toObject() as HelpdeskRequestDoc;
}

export const triageHelpdeskRequestInput = z.object({
  requestId,
  group: slug.describe('The group that answers: one of the expert groups, usually.'),
  assigneeId: objectId.describe('The responder: a member of that group.'),
  version: versionField,
});

/** The desk sends a request to a group and names its responder (again, to reassign it before it is answered). */
export async function triageHelpdeskRequest(ctx: Context, input: unknown): Promise<HelpdeskRequestDoc> {
  const viewer = await requireDesk(ctx);
  const data = parseInput(triageHelpdeskRequestInput, input);
  const request = await requireRequest(data.requestId);
  await requireGroup(data.group, 'group');
  if (!(await isGroupMember(data.group, data.assigneeId))) throw ValidationError.field('assigneeId', 'NOT_IN_GROUP', 'the responder must be a member of the group');
  if ((data.version != null && data.version !== request.version) || !mayTriage(request.status)) conflict(request, 'triaged');
  const now = new Date();
  const changed = await changeIfUnchanged(
    request,
    { $set: { status: 'assigned', group: data.group, assignee: data.assigneeId, triagedAt: request.triagedAt ?? now } },
    { kind: 'triaged', actor: viewer.id, at: now, group: data.group, assignee: data.assigneeId },
    'triaged',
  );
  await record('helpdesk.triaged', viewer.id, request.asker, {
    helpdeskRequest: request._id,
    thread: request._id,
    group: data.group,
    to: data.assigneeId,
    from: request.assignee ? String(request.assignee) : null,
  });
  return changed;
}

/**
 * A new answer in a request's thread: the first top-level reply by the responder or a member of
 * the assigned group answers it (and is its first response), measured to the moment the asker can
 * read it (for a new member's answer that waited, its approval). Called for every reply that
 * shows; others (comments under an answer, anyone else's answers) change nothing.
 */
export async function noteHelpdeskAnswer(reply: Pick<ReplyDoc, 'thread' | 'parent' | 'author' | 'pendingAuthor'>): Promise<void> {
  if (reply.parent || reply.pendingAuthor) return;
  const request = await HelpdeskRequest.findById(String(reply.thread)).lean<HelpdeskRequestDoc>();
  if (request?.status !== 'assigned') return;
  const author = String(reply.author);
  if (author !== String(request.assignee) && !(request.group && (await isGroupMember(request.group, author)))) return;
  const at = new Date();
  const calendar = calendarOf(await helpdeskSettings());
  const first = request.firstResponseAt ? {} : { firstResponseAt: at, firstResponseHours: serviceHoursBetween(calendar, request.openedAt.getTime(), at.getTime()) };
  // Only from `assigned`: of two answers at once, one moves it.
  await HelpdeskRequest.updateOne(
    { _id: request._id, status: 'assigned' },
    { $set: { status: 'answered', answeredAt: at, ...first }, $inc: { version: 1 }, $push: { history: { kind: 'answered', actor: author, at } } },
  );
}

export const closeHelpdeskRequestInput = z.object({ requestId, version: versionField });

/** The asker (satisfied) or the desk closes it: its resolution time is measured from its first opening. */
export async function closeHelpdeskRequest(ctx: Context, input: unknown): Promise<HelpdeskRequestDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(closeHelpdeskRequestInput, input);
  const request = await requireRequest(data.requestId);
  const desk = await viewerIsDesk(ctx);
  if (!canClose(viewer, request, desk)) throw new NotAuthorizedError('Only the asker or the help desk may close this request.');
  if ((data.version != null && data.version !== request.version) || !mayClose(request.status)) conflict(request, 'closed');
  const now = new Date();
  const calendar = calendarOf(await helpdeskSettings());
  const changed = await changeIfUnchanged(
    request,
    { $set: { status: 'closed', closedAt: now, resolutionHours: serviceHoursBetween(calendar, request.openedAt.getTime(), now.getTime()) } },
    { kind: 'closed', actor: viewer.id, at: now },
    'closed',
  );
  if (String(request.asker) !== viewer.id) await record('helpdesk.closed', viewer.id, request.asker, { helpdeskRequest: request._id, thread: request._id, from: request.status });
  return changed;
}

export const reopenHelpdeskRequestInput = z.object({
  requestId,
  reason: text(HELPDESK_LIMITS.reopenReasonMin, HELPDESK_LIMITS.reopenReason, { multiline: true }).describe('What the answer left open.'),
  version: versionField,
});

/** The asker reopens an answered or closed request: back to its group (or to the desk when it had none), the reopening counted. */
export async function reopenHelpdeskRequest(ctx: Context, input: unknown): Promise<HelpdeskRequestDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(reopenHelpdeskRequestInput, input);
  const request = await requireRequest(data.requestId);
  if (!canReopen(viewer, request)) throw new NotAuthorizedError('Only the asker may reopen this request.');
  if ((data.version != null && data.version !== request.version) || !mayReopen(request.status)) conflict(request, 'reopened');
  const now = new Date();
  const changed = await changeIfUnchanged(
    request,
    { $set: { status: request.group ? 'assigned' : 'new', closedAt: null, answeredAt: null, resolutionHours: null }, $inc: { reopenCount: 1 } },
    { kind: 'reopened', actor: viewer.id, at: now, reason: data.reason },
    'reopened',
  );
  return changed;
}

/** The bodies the viewer may ask the desk for: their organisation and those above it that the desk answers (none until verified). */
export async function askableOrganizations(ctx: Context): Promise<OrganizationDoc[]> {
  const viewer = requireViewer(ctx);
  if (!viewer.verified) return [];
  const profile = await findExpertById(viewer.id);
  const chain = await organizationsBySlugs(await organizationAndParents(profile?.organization));
  return chain.filter((o) => o.current && (ASKING_KINDS as readonly string[]).includes(o.kind));
}

/* Lists */

const queueOrder: SortKey[] = [
  { field: 'openedAt', kind: 'date', direction: 1 },
  { field: '_id', kind: 'string', direction: 1 },
];
const newestFirst: SortKey[] = [
  { field: 'openedAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'string', direction: -1 },
];

/** The desk's queue: requests in one status (new by default), oldest first; narrowed to a group. */
export async function helpdeskQueue(ctx: Context, filter: { status?: HelpdeskStatus | null; group?: string | null }, page: PageArgs) {
  await requireDesk(ctx);
  const status = filter.status ?? 'new';
  return paginate<HelpdeskRequestDoc>(HelpdeskRequest, filter.group ? { group: filter.group, status } : { status }, queueOrder, page);
}

/** Requests asked for the viewer's organisation (or a body above it), newest first. */
export async function viewerOrganizationRequests(ctx: Context, page: PageArgs) {
  const viewer = requireViewer(ctx);
  const profile = await findExpertById(viewer.id);
  const chain = await organizationAndParents(profile?.organization);
  if (!chain.length) return paginate<HelpdeskRequestDoc>(HelpdeskRequest, { organization: anyOf([]) }, newestFirst, { first: 0 });
  return paginate<HelpdeskRequestDoc>(HelpdeskRequest, { organization: anyOf(chain) }, newestFirst, page);
}

/* Dashboard */

export const monthArg = z.string().regex(/^(19|20)\d\d-(0[1-9]|1[0-2])$/, 'INVALID');

export interface Figures {
  count: number;
  median: number | null;
  p90: number | null;
}
export interface OverdueItem {
  request: HelpdeskRequestDoc;
  kind: 'first-response' | 'resolution';
  serviceHours: number;
}
export interface Dashboard {
  month: string;
  group: string | null;
  counts: Record<HelpdeskStatus, number>;
  firstResponse: Figures;
  resolution: Figures;
  firstResponseTargetHours: number;
  resolutionTargetHours: number;
  overdue: OverdueItem[];
}

/**
 * The value at a percentile of a month's measures (nearest rank: the smallest value with at
 * least that share of the measures at or below it), read from the ordered index one document at
 * a time rather than by loading them all.
 */
async function percentiles(filter: Record<string, unknown>, field: 'firstResponseHours' | 'resolutionHours'): Promise<Figures> {
  const measured = { ...filter, [field]: greaterThan(-1) };
  const count = await HelpdeskRequest.countDocuments(measured);
  const at = async (share: number) => {
    if (!count) return null;
    const [row] = await HelpdeskRequest.find(measured, { [field]: 1 })
      .sort({ [field]: 1 })
      .skip(Math.ceil(share * count) - 1)
      .limit(1)
      .lean<Record<string, number>[]>();
    return row ? Math.round(row[field]! * 100) / 100 : null;
  };
  return { count, median: await at(0.5), p90: await at(0.9) };
}

const OVERDUE_LISTED = 50;

/** Open requests past a target now, in service hours, oldest first. */
async function overdue(calendar: ServiceCalendar, targets: { firstResponse: number; resolution: number }, group: string | null, now: number): Promise<OverdueItem[]> {
  const since = (hours: number) => new Date(subtractServiceHours(calendar, now, hours) ?? 0);
  const scope = group ? { group } : {};
  const [unanswered, unresolved] = await Promise.all([
    HelpdeskRequest.find({ ...scope, status: anyOf(['new', 'assigned']), openedAt: lessThan(since(targets.firstResponse)), firstResponseAt: null })
      .sort({ openedAt: 1 })
      .limit(OVERDUE_LISTED)
      .lean<HelpdeskRequestDoc[]>(),
    HelpdeskRequest.find({ ...scope, status: anyOf([...OPEN_STATUSES]), openedAt: lessThan(since(targets.resolution)) })
      .sort({ openedAt: 1 })
      .limit(OVERDUE_LISTED)
      .lean<HelpdeskRequestDoc[]>(),
  ]);
  const items: OverdueItem[] = [];
  const late = (request: HelpdeskRequestDoc, kind: OverdueItem['kind'], target: number) => {
    const serviceHours = serviceHoursBetween(calendar, request.openedAt.getTime(), now);
    if (serviceHours > target) items.push({ request, kind, serviceHours: Math.round(serviceHours * 100) / 100 });
  };
  for (const request of unanswered) late(request, 'first-response', targets.firstResponse);
  const listed = new Set(items.map((item) => item.request._id));
  for (const request of unresolved) if (!listed.has(request._id)) late(request, 'resolution', targets.resolution);
  return items.sort((a, b) => b.serviceHours - a.serviceHours).slice(0, OVERDUE_LISTED);
}

/**
 * A month's figures (requests opened that month, Vietnam time), for one group or all: counts by
 * status, median and 90th percentile of first-response and resolution times in service hours,
 * and, for the desk only, the open requests past a target now (named people are the desk's).
 */
export async function helpdeskDashboard(ctx: Context, args: { month: string; group?: string | null }): Promise<Dashboard> {
  requireViewer(ctx);
  const month = parseInput(z.object({ month: monthArg }), { month: args.month }).month;
  const group = args.group ?? null;
  if (group) await requireGroup(group, 'group');
  const settings = await helpdeskSettings();
  const filter: Record<string, unknown> = group ? { month, group } : { month };
  const rows = await HelpdeskRequest.aggregate<{ _id: HelpdeskStatus; count: number }>([
    { $match: HelpdeskRequest.find(filter).cast(HelpdeskRequest) },
    { $group: { _id: '$status', count: { $sum: 1 } } },
  ]);
  const counts = Object.fromEntries(helpdeskStatuses.map((status) => [status, rows.find((row) => row._id === status)?.count ?? 0])) as Record<HelpdeskStatus, number>;
  const targets = { firstResponse: settings.firstResponseTargetHours, resolution: settings.resolutionTargetHours };
  return {
    month,
    group,
    counts,
    firstResponse: await percentiles(filter, 'firstResponseHours'),
    resolution: await percentiles(filter, 'resolutionHours'),
    firstResponseTargetHours: targets.firstResponse,
    resolutionTargetHours: targets.resolution,
    overdue: (await viewerIsDesk(ctx)) ? await overdue(calendarOf(settings), targets, group, Date.now()) : [],
  };
}

/* Settings */

const minutes = z
  .number()
  .int('INVALID')
  .min(0, 'INVALID')
  .max(24 * 60, 'INVALID');
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'INVALID')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'INVALID');
const hoursTarget = z.number().min(0.5, 'TOO_SMALL').max(2000, 'TOO_LARGE');

export const updateHelpdeskSettingsInput = z.object({
  openings: z
    .array(z.object({ weekday: z.number().int('INVALID').min(1, 'INVALID').max(7, 'INVALID'), opensAt: minutes, closesAt: minutes }))
    .max(28, 'TOO_LONG')
    .describe('Weekly opening hours: ISO weekday (1 Monday … 7 Sunday), minutes after local midnight.'),
  holidays: z.array(localDate).max(200, 'TOO_LONG').describe('Local dates the desk is closed, YYYY-MM-DD.'),
  firstResponseTargetHours: hoursTarget,
  resolutionTargetHours: hoursTarget,
  version: z.number().int('INVALID').describe('The version read: if the settings changed since, nothing is saved and CONFLICT comes back.'),
});

/** Admins change the desk's hours, holidays and targets; measures already taken keep the calendar they were taken with. */
export async function updateHelpdeskSettings(ctx: Context, input: unknown): Promise<HelpdeskSettingsDoc> {
  const viewer = requireViewer(ctx);
  if (!canChangeSettings(viewer)) throw new NotAuthorizedError('Only admins change the help desk’s hours and targets.');
  const data = parseInput(updateHelpdeskSettingsInput, input);
  const errors = data.openings.flatMap((o, index) => (o.closesAt > o.opensAt ? [] : [{ path: `openings.${index}.closesAt`, code: 'INVALID', message: 'an opening closes after it opens' }]));
  if (errors.length) throw new ValidationError(errors);
  const current = await helpdeskSettings();
  if (current.version !== data.version) throw new ConflictError('Someone else changed the desk’s settings after you opened them; reload them.');
  const fields = {
    openings: data.openings,
    holidays: [...new Set(data.holidays)].sort(),
    firstResponseTargetHours: data.firstResponseTargetHours,
    resolutionTargetHours: data.resolutionTargetHours,
    updatedBy: viewer.id,
  };
  let saved: HelpdeskSettingsDoc | null;
  if (current.version === 0) saved = await createOnce<HelpdeskSettingsDoc>(HelpdeskSettings, { _id: SETTINGS_ID, timeZone: current.timeZone, ...fields, version: 1 });
  else saved = await HelpdeskSettings.findOneAndUpdate({ _id: SETTINGS_ID, version: data.version }, { $set: fields, $inc: { version: 1 } }, { returnDocument: 'after' }).lean<HelpdeskSettingsDoc>();
  if (!saved) throw new ConflictError('Someone else changed the desk’s settings after you opened them; reload them.');
  await record('helpdesk.settings-changed', viewer.id, viewer.id, { to: `v${saved.version}` });
  return saved;
}

/* FAQ */

/**
 * What the FAQ shows for an organisation: its name, or only its kind when the asker asked for
 * that ("Sở Khoa học và Công nghệ tỉnh Quảng Ninh" → "Một sở khoa học và công nghệ": the kind of
 * department, not the province; `placeNames` are the province's names, cut off the end too).
 */
export function organizationLabel(organization: Pick<OrganizationDoc, 'name' | 'kind'>, anonymous: boolean, placeNames: readonly string[] = []): { vi: string; en: string } {
  if (!anonymous) return { vi: organization.name, en: organization.name };
  switch (organization.kind) {
    case 'ministry':
      return { vi: 'Một bộ', en: 'A ministry' };
    case 'ministry-agency':
      return { vi: 'Một cơ quan ngang bộ', en: 'A ministry-level agency' };
    case 'agency':
      return { vi: 'Một đơn vị thuộc bộ', en: 'A ministry’s agency' };
    case 'department': {
      let kind = organization.name.split(/\s+(?:tỉnh|thành phố|Thành phố|TP\.)\s+/u)[0]!;
      for (const place of placeNames) if (place && kind.endsWith(` ${place}`)) kind = kind.slice(0, -place.length - 1);
      return { vi: `Một ${kind.toLocaleLowerCase('vi')}`, en: 'A provincial department' };
    }
    default:
      return { vi: 'Một đơn vị cấp tỉnh', en: 'A provincial body' };
  }
}

/** How an entry names the asking organisation; anonymous when the asker asked it, whatever the desk says. */
async function faqLabel(request: HelpdeskRequestDoc, anonymous: boolean) {
  const [organization] = await organizationsBySlugs([request.organization]);
  const [place] = organization?.place ? await placesByCodes([organization.place]) : [];
  const hidden = anonymous || request.anonymousInFaq;
  const label = organizationLabel(organization ?? { name: request.organization, kind: 'agency' }, hidden, place ? [place.name, place.fullName ?? ''] : []);
  return { organizationLabel: label.vi, organizationLabelEn: label.en, anonymous: hidden };
}

export const publishFaqEntryInput = z.object({
  requestId,
  answerId: objectId.nullish().describe('The answer to publish; the accepted answer when not given.'),
});

/** The desk publishes an answered request: a snapshot of its question and one answer, readable signed out. */
export async function publishFaqEntry(ctx: Context, input: unknown): Promise<FaqEntryDoc> {
  const viewer = await requireDesk(ctx);
  const data = parseInput(publishFaqEntryInput, input);
  const request = await requireRequest(data.requestId);
  if (!mayPublish(request.status)) conflict(request, 'published before it is answered');
  const [thread] = await threadsByIds([request._id]);
  if (!thread || thread.hiddenAt) throw new NotFoundError('requestId', 'question', request._id);
  const answerId = data.answerId ?? (thread.acceptedReply ? String(thread.acceptedReply) : null);
  if (!answerId) throw ValidationError.field('answerId', 'REQUIRED', 'the question has no accepted answer: choose the answer to publish');
  const [reply] = await repliesByIds([answerId]);
  if (!reply || String(reply.thread) !== request._id || reply.parent || reply.deleted || reply.hiddenAt || reply.pendingAuthor)
    throw ValidationError.field('answerId', 'INVALID', 'the answer must be one of this question’s shown answers');
  const label = await faqLabel(request, request.anonymousInFaq);
  const [question, answer] = await renderTexts([thread.body ?? '', reply.body]);
  const created = await createOnce<FaqEntryDoc>(FaqEntry, {
    _id: request._id,
    title: thread.title,
    question: thread.body ?? '',
    questionHtml: question!.html,
    answer: reply.body,
    answerHtml: answer!.html,
    answerReply: reply._id,
    topics: thread.topics,
    ...label,
    searchTokens: searchTokens(`${thread.title} ${thread.body ?? ''} ${reply.body}`),
    publishedAt: new Date(),
    publishedBy: viewer.id,
  });
  if (!created) throw new ConflictError('This request is already in the FAQ: edit its entry.');
  await record('helpdesk.faq-published', viewer.id, request.asker, { helpdeskRequest: request._id, thread: request._id });
  return created;
}

const faqId = objectId.describe('The entry (its request’s id).');
export const updateFaqEntryInput = z.object({
  id: faqId,
  title: text(HELPDESK_LIMITS.faqTitleMin, HELPDESK_LIMITS.faqTitle).optional(),
  question: text(0, HELPDESK_LIMITS.faqText, { multiline: true }).optional().describe('Markdown.'),
  answer: text(1, HELPDESK_LIMITS.faqText, { multiline: true }).optional().describe('Markdown.'),
  topics: z.array(slug).max(THREAD_LIMITS.topics, 'TOO_LONG').optional(),
  anonymous: z.boolean().optional().describe('Show the organisation as its kind only. An asker who asked for anonymity keeps it.'),
  version: z.number().int('INVALID').describe('The version read: if the entry changed since, nothing is saved and CONFLICT comes back.'),
});

/** The desk edits an entry's snapshot (a typo, a name that should not be public, its topics). */
export async function updateFaqEntry(ctx: Context, input: unknown): Promise<FaqEntryDoc> {
  await requireDesk(ctx);
  const { id, version, topics, anonymous, ...fields } = parseInput(updateFaqEntryInput, input);
  const entry = await FaqEntry.findById(id).lean<FaqEntryDoc>();
  if (!entry) throw new NotFoundError('id', 'FAQ entry', id);
  if (topics) {
    const unknown = await unknownTopicErrors(topics);
    if (unknown.length) throw new ValidationError(unknown);
  }
  const request = await requireRequest(id, 'id');
  const label = anonymous === undefined ? {} : await faqLabel(request, anonymous);
  const next = { title: fields.title ?? entry.title, question: fields.question ?? entry.question, answer: fields.answer ?? entry.answer };
  const [question, answer] = await renderTexts([next.question, next.answer]);
  const changed = await FaqEntry.findOneAndUpdate(
    { _id: id, version },
    {
      $set: {
        ...next,
        ...label,
        ...(topics ? { topics: [...new Set(topics)] } : {}),
        questionHtml: question!.html,
        answerHtml: answer!.html,
        searchTokens: searchTokens(`${next.title} ${next.question} ${next.answer}`),
      },
      $inc: { version: 1 },
    },
    { returnDocument: 'after' },
  ).lean<FaqEntryDoc>();
  if (!changed) throw new ConflictError('Someone else changed this entry after you opened it; reload it.');
  await record('helpdesk.faq-edited', requireViewer(ctx).id, request.asker, { helpdeskRequest: request._id, thread: request._id, to: `v${changed.version}` });
  return changed;
}

export const unpublishFaqEntryInput = z.object({ id: faqId });

/** The desk takes an entry out of the FAQ (the request and its thread stay). */
export async function unpublishFaqEntry(ctx: Context, input: unknown): Promise<HelpdeskRequestDoc> {
  const viewer = await requireDesk(ctx);
  const { id } = parseInput(unpublishFaqEntryInput, input);
  const request = await requireRequest(id, 'id');
  if ((await FaqEntry.deleteOne({ _id: id })).deletedCount !== 1) throw new NotFoundError('id', 'FAQ entry', id);
  await record('helpdesk.faq-unpublished', viewer.id, request.asker, { helpdeskRequest: request._id, thread: request._id });
  return request;
}

export const faqEntriesByIds = (ids: readonly string[]) => findByIds<FaqEntryDoc>(FaqEntry, ids);

const faqOrder: SortKey[] = [
  { field: 'publishedAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'string', direction: -1 },
];

/** The public FAQ, newest first: by topic, and by words folded as search folds them ("bao mat" finds "bảo mật"). */
export function listFaqEntries(filter: { topic?: string | null; query?: string | null }, page: PageArgs) {
  const conditions: Record<string, unknown>[] = [];
  if (filter.topic) conditions.push({ topics: filter.topic });
  for (const token of foldedTokens(filter.query ?? '').slice(0, 8)) conditions.push({ searchTokens: token });
  return paginate<FaqEntryDoc>(FaqEntry, conditions.length ? { $and: conditions } : {}, faqOrder, page, { searchTokens: 0 });
}
