// Over 300 lines: the task, proposal, note and link types, their lists on groups and people, and ten mutations.
import type { GraphQLResolveInfo } from 'graphql';
import { builder, enumValues } from '../builder.ts';
import { pageKey, type Page, type PageArgs } from '../connection.ts';
import type { Context } from '../context.ts';
import { ThreadRef } from '../discussion/types.ts';
import { writeErrors } from '../error/types.ts';
import { ConflictError, found, NotFoundError } from '../errors.ts';
import type { ExpertDoc } from '../expert/service.ts';
import { ExpertRef } from '../expert/types.ts';
import { membershipsOf, type GroupDoc, type GroupRole } from '../group/service.ts';
import { GroupRef } from '../group/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { perRequest } from '../loading.ts';
import { payload } from '../payload.ts';
import { PracticeRef } from '../practice/types.ts';
import { proposalStatuses, taskLinkKinds } from './model.ts';
import { canLead, canReadWork, canWorkOn, isOverdue, needsLead, nextStatuses } from './policy.ts';
import {
  acceptProposal,
  acceptProposalInput,
  addTaskLink,
  addTaskLinkInput,
  addTaskNote,
  addTaskNoteInput,
  createTask,
  createTaskInput,
  declineProposal,
  declineProposalInput,
  notesOfTasks,
  overdueTasksFor,
  proposalsByIds,
  proposalsOfGroups,
  proposeTask,
  proposeTaskInput,
  removeTaskLink,
  removeTaskLinkInput,
  setTaskStatus,
  setTaskStatusInput,
  tasksByIds,
  tasksOfExperts,
  tasksOfGroups,
  taskStatuses,
  updateTask,
  updateTaskInput,
  type ProposalDoc,
  type ProposalStatus,
  type TaskDoc,
  type TaskLinkDoc,
  type TaskNoteDoc,
  type TaskStatus,
} from './service.ts';

export const TaskStatusEnum = builder.enumType('TaskStatus', { values: enumValues(taskStatuses) });
export const ProposalStatusEnum = builder.enumType('ProposalStatus', { values: enumValues(proposalStatuses) });
const TaskLinkKindEnum = builder.enumType('TaskLinkKind', { values: enumValues(taskLinkKinds) });

/** The viewer's role in each group, read once per request: what every "may I" field asks. */
const viewerRolesLoader = perRequest<string, Map<string, GroupRole>>(async (ids) => Promise.all(ids.map(async (id) => new Map((await membershipsOf(id)).map((m) => [m.group, m.role])))));
async function viewerRoles(ctx: Context): Promise<Map<string, GroupRole>> {
  return ctx.viewer ? viewerRolesLoader(ctx).load(ctx.viewer.id) : new Map();
}
const roleOf = async (ctx: Context, group: string) => (await viewerRoles(ctx)).get(group) ?? null;

// The working group's work is for signed-in members (policy.ts): every door, node(id) included.
export const TaskRef = builder.loadableNodeRef('Task', {
  id: { resolve: (task: TaskDoc) => String(task._id) },
  load: async (ids: string[], ctx: Context) => (canReadWork(ctx.viewer) ? tasksByIds(ids) : []),
  sort: (task) => String(task._id),
});
export const ProposalRef = builder.loadableNodeRef('Proposal', {
  id: { resolve: (p: ProposalDoc) => String(p._id) },
  load: async (ids: string[], ctx: Context) => (canReadWork(ctx.viewer) ? proposalsByIds(ids) : []),
  sort: (p) => String(p._id),
});

const TaskNoteRef = builder.objectRef<TaskNoteDoc>('TaskNote').implement({
  description: 'A progress note on a task.',
  fields: (t) => ({
    id: t.id({ resolve: (n) => String(n._id) }),
    author: t.field({ type: ExpertRef, resolve: (n) => String(n.author) }),
    body: t.exposeString('body', { description: 'Markdown, as written.' }),
    bodyHtml: t.exposeString('bodyHtml', { description: 'Sanitised HTML.' }),
    createdAt: t.field({ type: 'DateTime', resolve: (n) => n.createdAt }),
  }),
});

const TaskLinkRef = builder.objectRef<TaskLinkDoc>('TaskLink').implement({
  description: 'Something a task produced: a practice or a thread of the network, or a document elsewhere.',
  fields: (t) => ({
    id: t.id({ resolve: (l) => String(l._id) }),
    kind: t.field({ type: TaskLinkKindEnum, resolve: (l) => l.kind }),
    practice: t.field({ type: PracticeRef, nullable: true, description: 'As the viewer may read it (null once gone).', resolve: (l) => (l.kind === 'practice' && l.target ? String(l.target) : null) }),
    thread: t.field({ type: ThreadRef, nullable: true, description: 'As the viewer may read it (null once gone).', resolve: (l) => (l.kind === 'thread' && l.target ? String(l.target) : null) }),
    url: t.exposeString('url', { description: 'A document’s https address; empty for practices and threads.' }),
    title: t.exposeString('title', { description: 'A document’s title; empty for practices and threads.' }),
    addedBy: t.field({ type: ExpertRef, resolve: (l) => String(l.addedBy) }),
    addedAt: t.field({ type: 'DateTime', resolve: (l) => l.addedAt }),
  }),
});

const notesLoader = perRequest(async (ids: readonly string[], key: string) => notesOfTasks(ids, (JSON.parse(key) as { args: PageArgs }).args));

TaskRef.implement({
  description: 'A piece of the working group’s work: in a group, with one responsible person or group, a due day and a status.',
  fields: (t) => ({
    group: t.field({ type: GroupRef, resolve: (task) => task.group }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { description: 'Markdown, as written.' }),
    descriptionHtml: t.exposeString('descriptionHtml', { description: 'Sanitised HTML.' }),
    responsibleExpert: t.field({
      type: ExpertRef,
      nullable: true,
      description: 'The responsible person (a member of the group), or null when a group is responsible.',
      resolve: (task) => (task.responsibleExpert ? String(task.responsibleExpert) : null),
    }),
    responsibleGroup: t.field({ type: GroupRef, nullable: true, description: 'The responsible group, or null when a person is.', resolve: (task) => task.responsibleGroup ?? null }),
    dueOn: t.exposeString('dueOn', { description: 'The due day, YYYY-MM-DD (Vietnam time).' }),
    dueAt: t.field({ type: 'DateTime', description: 'When the due day ends: overdue from then.', resolve: (task) => task.dueAt }),
    overdue: t.boolean({ description: 'Not done or dropped, and past its due day.', resolve: (task) => isOverdue({ status: task.status as TaskStatus, dueAt: task.dueAt }) }),
    status: t.field({ type: TaskStatusEnum, resolve: (task) => task.status as TaskStatus }),
    dropReason: t.exposeString('dropReason', { description: 'Why it was dropped; empty otherwise.' }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (task) => task.closedAt ?? null }),
    proposal: t.field({ type: ProposalRef, nullable: true, description: 'The proposal it came from; null when a lead created it.', resolve: (task) => (task.proposal ? String(task.proposal) : null) }),
    createdBy: t.field({ type: ExpertRef, resolve: (task) => String(task.createdBy) }),
    createdAt: t.field({ type: 'DateTime', resolve: (task) => task.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (task) => task.updatedAt }),
    version: t.exposeInt('version', { description: 'Moves with every change of its fields or status; a change names the version it started from.' }),
    links: t.field({ type: [TaskLinkRef], description: 'What it produced, in the order added.', resolve: (task) => task.links }),
    notes: t.connection(
      {
        type: TaskNoteRef,
        description: 'Progress notes, oldest first.',
        resolve: (task, args, ctx, info: GraphQLResolveInfo) => notesLoader(ctx, pageKey(args, info)).load(String(task._id)) as Promise<Page<TaskNoteDoc>>,
      },
      { name: 'TaskNoteConnection' },
      { name: 'TaskNoteEdge' },
    ),
    viewerCanLead: t.boolean({
      description: 'Whether the viewer may edit, assign, drop or reopen it (a lead of its group, or an admin).',
      resolve: async (task, _, ctx) => canLead(ctx.viewer, await roleOf(ctx, task.group)),
    }),
    viewerCanWorkOn: t.boolean({
      description: 'Whether the viewer may add notes and links and move it along (its responsible ones and the leads).',
      resolve: async (task, _, ctx) => canWorkOn(ctx.viewer, task, [...(await viewerRoles(ctx)).keys()], await roleOf(ctx, task.group)),
    }),
    viewerNextStatuses: t.field({
      type: [TaskStatusEnum],
      description: 'The statuses the viewer may move it to now.',
      resolve: async (task, _, ctx) => {
        const role = await roleOf(ctx, task.group);
        const lead = canLead(ctx.viewer, role);
        const works = canWorkOn(ctx.viewer, task, [...(await viewerRoles(ctx)).keys()], role);
        const from = task.status as TaskStatus;
        return nextStatuses[from].filter((to) => (needsLead(from, to) ? lead : works));
      },
    }),
  }),
});

ProposalRef.implement({
  description: 'Work a member proposed to a group; its leads accept it (it becomes a task) or decline it with a reason.',
  fields: (t) => ({
    group: t.field({ type: GroupRef, resolve: (p) => p.group }),
    proposer: t.field({ type: ExpertRef, resolve: (p) => String(p.proposer) }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { description: 'Markdown, as written.' }),
    descriptionHtml: t.exposeString('descriptionHtml', { description: 'Sanitised HTML.' }),
    rationale: t.exposeString('rationale', { description: 'Plain text: why it matters.' }),
    status: t.field({ type: ProposalStatusEnum, resolve: (p) => p.status as ProposalStatus }),
    decidedBy: t.field({ type: ExpertRef, nullable: true, resolve: (p) => (p.decidedBy ? String(p.decidedBy) : null) }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.decidedAt ?? null }),
    declineReason: t.exposeString('declineReason', { description: 'Why it was declined; empty otherwise.' }),
    task: t.field({ type: TaskRef, nullable: true, description: 'The task it became, once accepted.', resolve: (p) => (p.task ? String(p.task) : null) }),
    createdAt: t.field({ type: 'DateTime', resolve: (p) => p.createdAt }),
    version: t.exposeInt('version'),
    viewerCanDecide: t.boolean({
      description: 'Whether the viewer may accept or decline it now.',
      resolve: async (p, _, ctx) => p.status === 'proposed' && canLead(ctx.viewer, await roleOf(ctx, p.group)),
    }),
  }),
});

const groupTasksLoader = perRequest(async (groups: readonly string[], key: string) => {
  const { args, statuses } = JSON.parse(key) as { args: PageArgs; statuses: TaskStatus[] };
  return tasksOfGroups(groups, statuses, args);
});
const groupProposalsLoader = perRequest(async (groups: readonly string[], key: string) => {
  const { args, statuses } = JSON.parse(key) as { args: PageArgs; statuses: ProposalStatus[] };
  return proposalsOfGroups(groups, statuses, args);
});
const expertTasksLoader = perRequest(async (ids: readonly string[], key: string) => {
  const { args, statuses } = JSON.parse(key) as { args: PageArgs; statuses: TaskStatus[] };
  return tasksOfExperts(ids, statuses, args);
});
const keyWith = (args: PageArgs, info: GraphQLResolveInfo, statuses: readonly string[]) => JSON.stringify({ ...JSON.parse(pageKey(args, info)), statuses });
const empty = <T>(): Page<T> => ({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: async () => 0 });

builder.objectFields(GroupRef, (t) => ({
  tasks: t.connection(
    {
      type: TaskRef,
      description: 'Its tasks, of one status or all: work to do soonest due first, closed work latest due first. Signed-in members only (empty signed out).',
      args: { status: t.arg({ type: TaskStatusEnum }) },
      resolve: (g: GroupDoc, args, ctx: Context, info: GraphQLResolveInfo) =>
        canReadWork(ctx.viewer) ? (groupTasksLoader(ctx, keyWith(args, info, args.status ? [args.status] : taskStatuses)).load(g._id) as Promise<Page<TaskDoc>>) : empty<TaskDoc>(),
    },
    { name: 'TaskConnection' },
    { name: 'TaskEdge' },
  ),
  proposals: t.connection(
    {
      type: ProposalRef,
      description: 'Work proposed to it, of one status or all, newest first. Signed-in members only (empty signed out).',
      args: { status: t.arg({ type: ProposalStatusEnum }) },
      resolve: (g: GroupDoc, args, ctx: Context, info: GraphQLResolveInfo) =>
        canReadWork(ctx.viewer) ? (groupProposalsLoader(ctx, keyWith(args, info, args.status ? [args.status] : proposalStatuses)).load(g._id) as Promise<Page<ProposalDoc>>) : empty<ProposalDoc>(),
    },
    { name: 'ProposalConnection' },
    { name: 'ProposalEdge' },
  ),
}));

builder.objectFields(ExpertRef, (t) => ({
  tasks: t.connection(
    {
      type: TaskRef,
      description: 'Their tasks: those they are responsible for, and those given to a group they are in; of the statuses asked (all by default). Signed-in members only.',
      args: { statuses: t.arg({ type: [TaskStatusEnum] }) },
      resolve: (e: ExpertDoc, args, ctx: Context, info: GraphQLResolveInfo) => {
        const statuses = [...new Set(args.statuses?.length ? args.statuses : taskStatuses)].sort();
        return canReadWork(ctx.viewer) ? (expertTasksLoader(ctx, keyWith(args, info, statuses)).load(String(e._id)) as Promise<Page<TaskDoc>>) : empty<TaskDoc>();
      },
    },
    { name: 'ExpertTaskConnection' },
    { name: 'ExpertTaskEdge' },
  ),
  overdueTasks: t.connection(
    {
      type: TaskRef,
      nullable: true,
      description: 'Private, for leads and admins: the overdue tasks of the groups they lead (admins: of every group), soonest due first; null for anyone else and for anyone but the person.',
      resolve: async (e: ExpertDoc, args, ctx: Context) => (ctx.viewer?.id === String(e._id) ? overdueTasksFor(ctx.viewer, args) : null),
    },
    { name: 'OverdueTaskConnection' },
    { name: 'OverdueTaskEdge' },
  ),
}));

builder.queryFields((t) => ({
  task: t.field({
    type: TaskRef,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: TaskRef }) },
    resolve: async (_, { id }) => found((await tasksByIds([id.id]))[0], 'id', 'task', id.id),
  }),
}));

const taskTypes = {
  taskId: { globalIdOf: TaskRef },
  proposalId: { globalIdOf: ProposalRef },
  responsibleExpertId: { globalIdOf: ExpertRef },
  practiceId: { globalIdOf: PracticeRef },
  threadId: { globalIdOf: ThreadRef },
  status: TaskStatusEnum,
};
const ProposeTaskInput = inputTypeOf('ProposeTaskInput', proposeTaskInput, { types: taskTypes });
const AcceptProposalInput = inputTypeOf('AcceptProposalInput', acceptProposalInput, { types: taskTypes });
const DeclineProposalInput = inputTypeOf('DeclineProposalInput', declineProposalInput, { types: taskTypes });
const CreateTaskInput = inputTypeOf('CreateTaskInput', createTaskInput, { types: taskTypes });
const UpdateTaskInput = inputTypeOf('UpdateTaskInput', updateTaskInput, { description: 'Only the given fields change.', types: taskTypes });
const SetTaskStatusInput = inputTypeOf('SetTaskStatusInput', setTaskStatusInput, { types: taskTypes });
const AddTaskNoteInput = inputTypeOf('AddTaskNoteInput', addTaskNoteInput, { types: taskTypes });
const AddTaskLinkInput = inputTypeOf('AddTaskLinkInput', addTaskLinkInput, { description: 'One of practiceId, threadId or url (with title).', types: taskTypes });
const RemoveTaskLinkInput = inputTypeOf('RemoveTaskLinkInput', removeTaskLinkInput, { types: taskTypes });

const AcceptProposalPayload = builder.objectRef<{ proposal: ProposalDoc; task: TaskDoc }>('AcceptProposalPayload').implement({
  fields: (t) => ({
    proposal: t.field({ type: ProposalRef, resolve: (p) => p.proposal }),
    task: t.field({ type: TaskRef, resolve: (p) => p.task }),
  }),
});
const AddTaskNotePayload = builder.objectRef<{ task: TaskDoc; note: TaskNoteDoc }>('AddTaskNotePayload').implement({
  fields: (t) => ({
    task: t.field({ type: TaskRef, resolve: (p) => p.task }),
    note: t.field({ type: TaskNoteRef, resolve: (p) => p.note }),
  }),
});
const TaskPayload = (name: string) => payload<'task', TaskDoc>(name, 'task', TaskRef);
const taskErrors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) => ({
  proposeTask: t.field({
    type: payload<'proposal', ProposalDoc>('ProposeTaskPayload', 'proposal', ProposalRef),
    description: 'A verified member proposes work to a group; its leads accept or decline it.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ProposeTaskInput, required: true }) },
    errors: { types: taskErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ proposal: await proposeTask(ctx, plainInput(proposeTaskInput, input)) }),
  }),
  acceptProposal: t.field({
    type: AcceptProposalPayload,
    description: 'A lead of the group turns a waiting proposal into a task, with its responsible and due day (audited).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: AcceptProposalInput, required: true }) },
    errors: { types: taskErrors, directResult: true },
    resolve: (_, { input }, ctx) => acceptProposal(ctx, plainInput(acceptProposalInput, input)),
  }),
  declineProposal: t.field({
    type: payload<'proposal', ProposalDoc>('DeclineProposalPayload', 'proposal', ProposalRef),
    description: 'A lead of the group declines a waiting proposal, saying why (audited).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: DeclineProposalInput, required: true }) },
    errors: { types: taskErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ proposal: await declineProposal(ctx, plainInput(declineProposalInput, input)) }),
  }),
  createTask: t.field({
    type: TaskPayload('CreateTaskPayload'),
    description: 'A lead of the group (or an admin) creates and assigns a task (audited).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CreateTaskInput, required: true }) },
    errors: { types: taskErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ task: await createTask(ctx, plainInput(createTaskInput, input)) }),
  }),
  updateTask: t.field({
    type: TaskPayload('UpdateTaskPayload'),
    description: 'A lead edits the title, description, responsible or due day (a new responsible is audited).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: UpdateTaskInput, required: true }) },
    errors: { types: taskErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ task: await updateTask(ctx, plainInput(updateTaskInput, input)) }),
  }),
  setTaskStatus: t.field({
    type: TaskPayload('SetTaskStatusPayload'),
    description: 'Moves a task along (its responsible ones or a lead); dropping (with a reason) and reopening are the leads’ (audited).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SetTaskStatusInput, required: true }) },
    errors: { types: taskErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ task: await setTaskStatus(ctx, plainInput(setTaskStatusInput, input)) }),
  }),
  addTaskNote: t.field({
    type: AddTaskNotePayload,
    description: 'A progress note, by the task’s responsible ones or a lead.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: AddTaskNoteInput, required: true }) },
    errors: { types: taskErrors, directResult: true },
    resolve: (_, { input }, ctx) => addTaskNote(ctx, plainInput(addTaskNoteInput, input)),
  }),
  addTaskLink: t.field({
    type: TaskPayload('AddTaskLinkPayload'),
    description: 'Links what the task produced: a practice or thread the viewer can read, or a document’s https address.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: AddTaskLinkInput, required: true }) },
    errors: { types: taskErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ task: await addTaskLink(ctx, plainInput(addTaskLinkInput, input)) }),
  }),
  removeTaskLink: t.field({
    type: TaskPayload('RemoveTaskLinkPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RemoveTaskLinkInput, required: true }) },
    errors: { types: taskErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ task: await removeTaskLink(ctx, plainInput(removeTaskLinkInput, input)) }),
  }),
}));
