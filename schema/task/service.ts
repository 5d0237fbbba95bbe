// Over 400 lines: proposals and tasks share their checks (responsible, due day, version, links) and lists, kept together.
import mongoose, { Types } from 'mongoose';
import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import { beyond, decodeCursor, encodeCursor, pageSize, DEFAULT_PAGE_SIZE, paginateEach, type Page, type PageArgs, type SortKey } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import { findVisibleThread } from '../discussion/service.ts';
import { TASK_LIMITS } from '../field-limits.ts';
import { listGroups, membersAmong, membersOf, membershipsOf, requireGroup, roleIn, viewerGroupSlugs } from '../group/service.ts';
import { countPerValue, findByIds, firstOfEach } from '../loading.ts';
import { refuseOversized, renderText } from '../markdown/pool.ts';
import { notify } from '../notification/service.ts';
import { findReadablePractice } from '../practice/service.ts';
import { anyOf, lessThan } from '../query.ts';
import { hasRole } from '../roles.ts';
import { isObjectId, objectId, parseInput, slug, text, webAddress } from '../validation.ts';
import {
  activeTaskStatuses,
  Proposal,
  proposalStatuses,
  Task,
  TaskNote,
  taskStatuses,
  type ProposalDoc,
  type ProposalStatus,
  type TaskDoc,
  type TaskLinkDoc,
  type TaskNoteDoc,
  type TaskStatus,
} from './model.ts';
import { canLead, canPropose, canReadWork, canWorkOn, isClosed, needsLead, nextStatuses } from './policy.ts';

export type { ProposalDoc, ProposalStatus, TaskDoc, TaskLinkDoc, TaskNoteDoc, TaskStatus };
export { proposalStatuses, taskStatuses };

const title = text(TASK_LIMITS.titleMin, TASK_LIMITS.title);
const markdown = text(1, TASK_LIMITS.markdown, { multiline: true });
const version = z.number().int('INVALID').describe('The version the change started from: if it changed since, nothing is saved and CONFLICT comes back.');
/** A due day in Vietnam's calendar. */
const dueOn = z
  .string()
  .max(10, 'INVALID')
  .refine((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const day = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(s);
  }, 'INVALID')
  .describe('The due day, YYYY-MM-DD (Vietnam time): the task is overdue from the end of that day.');
const responsible = {
  responsibleExpertId: objectId.nullish().describe('The responsible person: a member of the task’s group. Give this or responsibleGroup.'),
  responsibleGroup: slug.nullish().describe('The responsible group’s slug. Give this or responsibleExpertId.'),
};

/** Vietnam is UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const vietnamToday = (now = Date.now()) => new Date(now + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
/** The instant the due day ends in Vietnam: overdue from then. */
export const endOfDueDay = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000 - VIETNAM_OFFSET_MS);

export const proposeTaskInput = z.object({
  group: slug.describe('The group the work is proposed to.'),
  title,
  description: markdown.describe('Markdown: what to do.'),
  rationale: text(0, TASK_LIMITS.rationale, { multiline: true }).default('').describe('Why it matters (plain text).'),
});
export const acceptProposalInput = z.object({ proposalId: objectId, version, ...responsible, dueOn });
export const declineProposalInput = z.object({ proposalId: objectId, version, reason: text(1, TASK_LIMITS.reason, { multiline: true }).describe('Why not: the proposer reads it.') });
export const createTaskInput = z.object({ group: slug, title, description: text(0, TASK_LIMITS.markdown, { multiline: true }).default(''), ...responsible, dueOn });
export const updateTaskInput = z.object({
  taskId: objectId,
  version,
  title: title.optional(),
  description: text(0, TASK_LIMITS.markdown, { multiline: true }).optional(),
  ...responsible,
  dueOn: dueOn.optional(),
});
export const setTaskStatusInput = z.object({
  taskId: objectId,
  version,
  status: z.enum(taskStatuses),
  reason: text(0, TASK_LIMITS.reason, { multiline: true }).default('').describe('Why it is dropped (required to drop).'),
});
export const addTaskNoteInput = z.object({ taskId: objectId, body: markdown.describe('Markdown: what was done, what is next.') });
export const addTaskLinkInput = z.object({
  taskId: objectId,
  practiceId: objectId.nullish().describe('A practice of the network the task produced.'),
  threadId: objectId.nullish().describe('A discussion of the network the task produced.'),
  url: webAddress.nullish().describe('A document’s https address (with title).'),
  title: text(0, TASK_LIMITS.linkTitle).default('').describe('The document’s title.'),
});
export const removeTaskLinkInput = z.object({ taskId: objectId, linkId: objectId });

const taskMoved = () => new ConflictError('Someone else changed this task after you opened it; reload it to see their changes.');
const proposalMoved = () => new ConflictError('Someone else decided on this proposal after you opened it; reload it.');

export const tasksByIds = (ids: readonly string[]) => findByIds<TaskDoc>(Task, ids.filter(isObjectId));
export const proposalsByIds = (ids: readonly string[]) => findByIds<ProposalDoc>(Proposal, ids.filter(isObjectId));

async function requireTask(ctx: Context, id: string, argument = 'taskId'): Promise<TaskDoc> {
  const [task] = canReadWork(ctx.viewer) ? await tasksByIds([id]) : [];
  if (!task) throw new NotFoundError(argument, 'task', id);
  return task;
}

/** Leads of the group (or admins) only. */
async function requireLead(viewer: Viewer, group: string, doing: string) {
  if (!canLead(viewer, await roleIn(group, viewer.id))) throw new NotAuthorizedError(`Only a lead of this group (or an admin) may ${doing}.`);
}

/** The responsible the input names, checked: exactly one; a person must be in the task's group. */
async function checkResponsible(group: string, input: { responsibleExpertId?: string | null; responsibleGroup?: string | null }, errors: FieldError[]) {
  const { responsibleExpertId: expert, responsibleGroup: other } = input;
  if (expert && other) errors.push({ path: 'responsibleGroup', code: 'ONE_RESPONSIBLE', message: 'a task has one responsible: a person or a group, not both' });
  else if (!expert && !other) errors.push({ path: 'responsibleExpertId', code: 'REQUIRED', message: 'name the responsible person or group' });
  else if (expert && !(await membersAmong(group, [expert])).has(expert))
    errors.push({ path: 'responsibleExpertId', code: 'NOT_MEMBER', message: 'the responsible person must be a member of the task’s group' });
  else if (other && !(await listGroups()).some((g) => g._id === other))
    errors.push({ path: 'responsibleGroup', code: 'UNKNOWN', message: 'responsibleGroup is not one of the working group’s groups' });
  return expert ? { responsibleExpert: new Types.ObjectId(expert), responsibleGroup: null } : { responsibleExpert: null, responsibleGroup: other ?? null };
}

function checkDueDay(day: string, errors: FieldError[]) {
  if (day < vietnamToday()) errors.push({ path: 'dueOn', code: 'IN_PAST', message: 'the due day cannot be in the past' });
}

/** Audit needs a person acted on: the responsible person, else whoever the action concerns. */
const subjectOf = (task: Pick<TaskDoc, 'responsibleExpert' | 'createdBy'>) => task.responsibleExpert ?? task.createdBy;
const responsibleText = (task: Pick<TaskDoc, 'responsibleExpert' | 'responsibleGroup'>) => (task.responsibleExpert ? `expert:${String(task.responsibleExpert)}` : `group:${task.responsibleGroup}`);

export async function proposeTask(ctx: Context, input: unknown): Promise<ProposalDoc> {
  const viewer = requireViewer(ctx);
  if (!canPropose(viewer)) throw new NotAuthorizedError('Verify your profile to propose work to a group.');
  const data = parseInput(proposeTaskInput, input);
  await requireGroup(data.group, 'group');
  const rendered = refuseOversized('description', await renderText(data.description));
  const created = await Proposal.create({ ...data, proposer: viewer.id, descriptionHtml: rendered.html, descriptionVersion: rendered.version });
  return created.toObject() as ProposalDoc;
}

async function requireWaitingProposal(viewer: Viewer, id: string, expected: number): Promise<ProposalDoc> {
  const [proposal] = await proposalsByIds([id]);
  if (!proposal) throw new NotFoundError('proposalId', 'proposal', id);
  await requireLead(viewer, proposal.group, 'decide on its proposals');
  if (proposal.status !== 'proposed' || proposal.version !== expected) throw proposalMoved();
  return proposal;
}

/** The responsible person, or every member of the responsible group, hears that the task is theirs now. */
async function notifyResponsible(actorId: string, task: TaskDoc): Promise<void> {
  const recipientIds = task.responsibleExpert ? [String(task.responsibleExpert)] : (await membersOf([task.responsibleGroup!], MAX_GROUP_SIZE)).map((m) => String(m.expert));
  await notify({ kind: 'task_assigned', actorId, recipientIds, target: { type: 'task', id: String(task._id) } });
}

/** The proposer hears of the decision on their proposal. */
const notifyProposer = (actorId: string, proposal: ProposalDoc, outcome: 'accepted' | 'declined') =>
  notify({ kind: 'proposal_decided', actorId, recipientIds: [String(proposal.proposer)], target: { type: 'proposal', id: String(proposal._id) }, contextId: outcome });

/** More than the network's people (1,000 is its aim): a group's members are read whole. */
const MAX_GROUP_SIZE = 2_000;

/** A lead turns a proposal into a task of its group, with its responsible and due day (audited). */
export async function acceptProposal(ctx: Context, input: unknown): Promise<{ proposal: ProposalDoc; task: TaskDoc }> {
  const viewer = requireViewer(ctx);
  const data = parseInput(acceptProposalInput, input);
  const proposal = await requireWaitingProposal(viewer, data.proposalId, data.version);
  const errors: FieldError[] = [];
  const chosen = await checkResponsible(proposal.group, data, errors);
  checkDueDay(data.dueOn, errors);
  if (errors.length) throw new ValidationError(errors);
  const taskId = new Types.ObjectId();
  // The status and version read go into the filter: of two leads deciding at once, one wins.
  const decided = await Proposal.findOneAndUpdate(
    { _id: proposal._id, version: data.version, status: 'proposed' },
    { $set: { status: 'accepted', decidedBy: viewer.id, decidedAt: new Date(), task: taskId }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean<ProposalDoc>();
  if (!decided) throw proposalMoved();
  const task = await Task.create({
    _id: taskId,
    group: proposal.group,
    title: proposal.title,
    description: proposal.description,
    descriptionHtml: proposal.descriptionHtml,
    descriptionVersion: proposal.descriptionVersion,
    ...chosen,
    dueOn: data.dueOn,
    dueAt: endOfDueDay(data.dueOn),
    proposal: proposal._id,
    createdBy: viewer.id,
  });
  await record('proposal.accepted', viewer.id, proposal.proposer, { group: proposal.group, task: taskId, to: responsibleText(chosen) });
  const created = task.toObject() as TaskDoc;
  await Promise.all([notifyProposer(viewer.id, decided, 'accepted'), notifyResponsible(viewer.id, created)]);
  return { proposal: decided, task: created };
}

export async function declineProposal(ctx: Context, input: unknown): Promise<ProposalDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(declineProposalInput, input);
  const proposal = await requireWaitingProposal(viewer, data.proposalId, data.version);
  const decided = await Proposal.findOneAndUpdate(
    { _id: proposal._id, version: data.version, status: 'proposed' },
    { $set: { status: 'declined', decidedBy: viewer.id, decidedAt: new Date(), declineReason: data.reason }, $inc: { version: 1 } },
    { returnDocument: 'after' },
  ).lean<ProposalDoc>();
  if (!decided) throw proposalMoved();
  await record('proposal.declined', viewer.id, proposal.proposer, { group: proposal.group, reason: data.reason });
  await notifyProposer(viewer.id, decided, 'declined');
  return decided;
}

/** Top-down: a lead (or an admin) creates a task in the group and assigns it (audited). */
export async function createTask(ctx: Context, input: unknown): Promise<TaskDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(createTaskInput, input);
  await requireGroup(data.group, 'group');
  await requireLead(viewer, data.group, 'create its tasks');
  const errors: FieldError[] = [];
  const chosen = await checkResponsible(data.group, data, errors);
  checkDueDay(data.dueOn, errors);
  if (errors.length) throw new ValidationError(errors);
  const rendered = refuseOversized('description', await renderText(data.description));
  const created = await Task.create({
    group: data.group,
    title: data.title,
    description: data.description,
    descriptionHtml: rendered.html,
    descriptionVersion: rendered.version,
    ...chosen,
    dueOn: data.dueOn,
    dueAt: endOfDueDay(data.dueOn),
    createdBy: viewer.id,
  });
  const task = created.toObject() as TaskDoc;
  await record('task.assigned', viewer.id, subjectOf(task), { group: task.group, task: task._id, to: responsibleText(task) });
  await notifyResponsible(viewer.id, task);
  return task;
}

/** Saves `changes` if the task is still at `expected`; CONFLICT otherwise. */
async function saveAt(task: TaskDoc, expected: number, changes: Record<string, unknown>): Promise<TaskDoc> {
  if (task.version !== expected) throw taskMoved();
  const saved = await Task.findOneAndUpdate({ _id: task._id, version: expected }, { $set: changes, $inc: { version: 1 } }, { returnDocument: 'after' }).lean<TaskDoc>();
  if (!saved) throw taskMoved();
  return saved;
}

/** Leads edit a task's title, description, responsible and due day (a new responsible is audited). */
export async function updateTask(ctx: Context, input: unknown): Promise<TaskDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(updateTaskInput, input);
  const task = await requireTask(ctx, data.taskId);
  await requireLead(viewer, task.group, 'edit its tasks');
  const errors: FieldError[] = [];
  const changes: Record<string, unknown> = {};
  if (data.title !== undefined) changes.title = data.title;
  if (data.responsibleExpertId || data.responsibleGroup) Object.assign(changes, await checkResponsible(task.group, data, errors));
  if (data.dueOn !== undefined && data.dueOn !== task.dueOn) {
    checkDueDay(data.dueOn, errors);
    Object.assign(changes, { dueOn: data.dueOn, dueAt: endOfDueDay(data.dueOn) });
  }
  if (errors.length) throw new ValidationError(errors);
  if (data.description !== undefined) {
    const rendered = refuseOversized('description', await renderText(data.description));
    Object.assign(changes, { description: data.description, descriptionHtml: rendered.html, descriptionVersion: rendered.version });
  }
  const saved = await saveAt(task, data.version, changes);
  if (responsibleText(saved) !== responsibleText(task)) {
    await record('task.assigned', viewer.id, subjectOf(saved), { group: saved.group, task: saved._id, from: responsibleText(task), to: responsibleText(saved) });
    await notifyResponsible(viewer.id, saved);
  }
  return saved;
}

/**
 * open → in progress → done, or dropped (with a reason): the responsible ones and leads move it
 * along; dropping and reopening a closed task are the leads' (dropping is audited).
 */
export async function setTaskStatus(ctx: Context, input: unknown): Promise<TaskDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(setTaskStatusInput, input);
  const task = await requireTask(ctx, data.taskId);
  const role = await roleIn(task.group, viewer.id);
  const from = task.status as TaskStatus;
  if (needsLead(from, data.status) ? !canLead(viewer, role) : !canWorkOn(viewer, task, await viewerGroupSlugs(ctx), role))
    throw new NotAuthorizedError(
      needsLead(from, data.status) ? 'Only a lead of this group may drop a task or reopen a closed one.' : 'Only the people responsible for this task, or its group’s leads, may change its status.',
    );
  if (task.version !== data.version) throw taskMoved();
  if (!nextStatuses[from].includes(data.status)) throw ValidationError.field('status', 'INVALID_TRANSITION', `a task cannot go from ${from} to ${data.status}`);
  if (data.status === 'dropped' && !data.reason) throw ValidationError.field('reason', 'REQUIRED', 'say why the task is dropped');
  const saved = await saveAt(task, data.version, {
    status: data.status,
    dropReason: data.status === 'dropped' ? data.reason : '',
    closedAt: isClosed(data.status) ? new Date() : null,
  });
  if (data.status === 'dropped') await record('task.dropped', viewer.id, subjectOf(task), { group: task.group, task: task._id, from, to: data.status, reason: data.reason });
  else if (isClosed(from)) await record('task.reopened', viewer.id, subjectOf(task), { group: task.group, task: task._id, from, to: data.status });
  return saved;
}

async function requireWorker(ctx: Context, viewer: Viewer, task: TaskDoc, doing: string) {
  if (!canWorkOn(viewer, task, await viewerGroupSlugs(ctx), await roleIn(task.group, viewer.id)))
    throw new NotAuthorizedError(`Only the people responsible for this task, or its group’s leads, may ${doing}.`);
}

/** A progress note, by the responsible ones or a lead. Notes do not move the task's version: they never conflict with an edit. */
export async function addTaskNote(ctx: Context, input: unknown): Promise<{ task: TaskDoc; note: TaskNoteDoc }> {
  const viewer = requireViewer(ctx);
  const data = parseInput(addTaskNoteInput, input);
  const task = await requireTask(ctx, data.taskId);
  await requireWorker(ctx, viewer, task, 'add progress notes');
  const rendered = refuseOversized('body', await renderText(data.body));
  const note = await TaskNote.create({ task: task._id, author: viewer.id, body: data.body, bodyHtml: rendered.html, bodyVersion: rendered.version });
  return { task, note: note.toObject() as TaskNoteDoc };
}

/** A practice or thread the viewer can read, or a document's https address with its title. */
export async function addTaskLink(ctx: Context, input: unknown): Promise<TaskDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(addTaskLinkInput, input);
  const task = await requireTask(ctx, data.taskId);
  await requireWorker(ctx, viewer, task, 'add links');
  const given = [data.practiceId, data.threadId, data.url].filter(Boolean).length;
  if (given !== 1) throw ValidationError.field('practiceId', 'ONE_TARGET', 'link one practice, one thread or one document');
  let link: Omit<TaskLinkDoc, '_id'>;
  const base = { addedBy: new Types.ObjectId(viewer.id), addedAt: new Date() };
  if (data.practiceId) {
    const practice = await findReadablePractice(viewer, data.practiceId, 'practiceId');
    link = { ...base, kind: 'practice', target: practice._id, url: '', title: '' };
  } else if (data.threadId) {
    const thread = await findVisibleThread(viewer, data.threadId, 'threadId');
    link = { ...base, kind: 'thread', target: thread._id, url: '', title: '' };
  } else {
    if (!data.url!.startsWith('https://')) throw ValidationError.field('url', 'NOT_HTTPS', 'a document’s address must start with https://');
    if (!data.title) throw ValidationError.field('title', 'REQUIRED', 'give the document a title');
    link = { ...base, kind: 'document', target: null, url: data.url!, title: data.title };
  }
  const same = (l: TaskLinkDoc) => (link.target ? String(l.target) === String(link.target) : l.url === link.url);
  if (task.links.some(same)) throw ValidationError.field(link.target ? (data.practiceId ? 'practiceId' : 'threadId') : 'url', 'TAKEN', 'this is linked already');
  // The cap is in the filter: two people adding at once cannot pass it.
  const saved = await Task.findOneAndUpdate(
    { _id: task._id, [`links.${TASK_LIMITS.links - 1}`]: mongoose.trusted({ $exists: false }) },
    { $push: { links: link } },
    { returnDocument: 'after' },
  ).lean<TaskDoc>();
  if (!saved) throw ValidationError.field('taskId', 'TOO_MANY', `a task holds at most ${TASK_LIMITS.links} links`);
  return saved;
}

export async function removeTaskLink(ctx: Context, input: unknown): Promise<TaskDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(removeTaskLinkInput, input);
  const task = await requireTask(ctx, data.taskId);
  await requireWorker(ctx, viewer, task, 'remove links');
  if (!task.links.some((l) => String(l._id) === data.linkId)) throw new NotFoundError('linkId', 'link', data.linkId);
  const saved = await Task.findOneAndUpdate({ _id: task._id }, { $pull: { links: { _id: new Types.ObjectId(data.linkId) } } }, { returnDocument: 'after' }).lean<TaskDoc>();
  return saved ?? task;
}

/* Lists: every one keyset-paged, one command for a whole page of parents. */

const soonestFirst: SortKey[] = [
  { field: 'dueAt', kind: 'date', direction: 1 },
  { field: '_id', kind: 'objectId', direction: 1 },
];
const latestFirst: SortKey[] = soonestFirst.map((key) => ({ ...key, direction: -1 }));
/** Work still to do comes soonest due first; closed work latest due first. */
const taskOrder = (statuses: readonly TaskStatus[]) => (statuses.every(isClosed) ? latestFirst : soonestFirst);
const newestFirst: SortKey[] = [
  { field: 'createdAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
];

export const tasksOfGroups = (groups: readonly string[], statuses: readonly TaskStatus[], page: PageArgs) =>
  paginateEach<TaskDoc>(Task, 'group', groups, taskOrder(statuses), page, {}, { status: anyOf([...statuses]) });

export const proposalsOfGroups = (groups: readonly string[], statuses: readonly ProposalStatus[], page: PageArgs) =>
  paginateEach<ProposalDoc>(Proposal, 'group', groups, newestFirst, page, {}, { status: anyOf([...statuses]) });

/** A task's notes, oldest first, for a page of tasks. */
export const notesOfTasks = (taskIds: readonly string[], page: PageArgs) =>
  paginateEach<TaskNoteDoc>(
    TaskNote,
    'task',
    taskIds.map((id) => new Types.ObjectId(id)),
    [
      { field: 'createdAt', kind: 'date', direction: 1 },
      { field: '_id', kind: 'objectId', direction: 1 },
    ],
    page,
  );

/** One page of each filter in the order `keys` (one command), for lists no single field keys. */
async function pageEach(filters: Record<string, unknown>[], keys: SortKey[], args: PageArgs): Promise<Page<TaskDoc>[]> {
  const limit = pageSize(args.first, 'first') ?? DEFAULT_PAGE_SIZE;
  const after = args.after ? decodeCursor(args.after, keys, 'after') : null;
  const sort = Object.fromEntries(keys.map((k) => [k.field, k.direction ?? 1])) as Record<string, 1 | -1>;
  const within = filters.map((filter) => (after ? { $and: [filter, beyond(keys, after, true)] } : filter));
  const lists = await firstOfEach<TaskDoc>(Task, within, sort, limit + 1);
  return lists.map((docs, i) => {
    const edges = docs.slice(0, limit).map((node) => ({ cursor: encodeCursor(node, keys), node }));
    return {
      edges,
      pageInfo: { hasNextPage: docs.length > limit, hasPreviousPage: Boolean(after), startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: () => Task.countDocuments(filters[i]!),
    };
  });
}

/**
 * Each person's tasks: those they are responsible for, and those of the groups they are in that a
 * group is responsible for. Every group's members are read at once (five groups).
 */
export async function tasksOfExperts(expertIds: readonly string[], statuses: readonly TaskStatus[], page: PageArgs): Promise<Page<TaskDoc>[]> {
  const groups = (await listGroups()).map((g) => g._id);
  const memberships = await membersOf(groups);
  const filters = expertIds.map((id) => {
    const theirGroups = memberships.filter((m) => String(m.expert) === id).map((m) => m.group);
    const mine = { responsibleExpert: new Types.ObjectId(id), status: anyOf([...statuses]) };
    return theirGroups.length ? { $or: [mine, { responsibleGroup: anyOf(theirGroups), status: anyOf([...statuses]) }] } : mine;
  });
  return pageEach(filters, taskOrder(statuses), page);
}

/** Overdue tasks the viewer watches: of every group for admins, of the groups they lead for leads; null for anyone else. */
export async function overdueTasksFor(viewer: Viewer, page: PageArgs): Promise<Page<TaskDoc> | null> {
  const late = { status: anyOf([...activeTaskStatuses]), dueAt: lessThan(new Date()) };
  if (hasRole(viewer, 'admin')) return (await pageEach([late], soonestFirst, page))[0]!;
  const led = (await membershipsOf(viewer.id)).filter((m) => m.role === 'lead').map((m) => m.group);
  if (!led.length) return null;
  return (await pageEach([{ group: anyOf(led), ...late }], soonestFirst, page))[0]!;
}

/** How many tasks of each group are overdue (for the board's heading). */
export const overdueCounts = (groups: readonly string[]) => countPerValue(Task, 'group', groups, { status: anyOf([...activeTaskStatuses]), dueAt: lessThan(new Date()) });
