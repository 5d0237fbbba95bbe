import { query, revalidate } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mutate, type Outcome } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';

/* The working group's tasks and proposals, mirroring schema/task. */

const TaskCardFields = graphql(`
  fragment TaskCardFields on Task @_unmask {
    id title status dueOn overdue
    responsibleExpert { handle name }
    responsibleGroup { slug name }
  }
`);

const ProposalFields = graphql(`
  fragment ProposalFields on Proposal @_unmask {
    id title status version descriptionHtml rationale declineReason createdAt viewerCanDecide
    proposer { handle name }
    task { id title }
  }
`);

// The board is read in a few small queries: one large one would pass the API's cost limit.
const BoardColumnQuery = graphql(
  `
  query GroupBoardColumn($slug: String!, $status: TaskStatus!, $first: Int!) {
    group(slug: $slug) { slug tasks(status: $status, first: $first) { edges { node { ...TaskCardFields } } } }
  }
`,
  [TaskCardFields],
);
const BoardProposalsQuery = graphql(
  `
  query GroupBoardProposals($slug: String!, $status: ProposalStatus, $first: Int!) {
    group(slug: $slug) { slug proposals(status: $status, first: $first) { edges { node { ...ProposalFields } } } }
  }
`,
  [ProposalFields],
);
const BoardPeopleQuery = graphql(`
  query GroupBoardPeople($slug: String!) {
    group(slug: $slug) { slug name viewerRole members { role expert { id handle name } } }
    groups { slug name }
    viewer { id verified role }
  }
`);

export type TaskCard = ResultOf<typeof BoardColumnQuery>['group']['tasks']['edges'][number]['node'];
export type ProposalItem = ResultOf<typeof BoardProposalsQuery>['group']['proposals']['edges'][number]['node'];
type People = ResultOf<typeof BoardPeopleQuery>;
export interface GroupBoardData {
  group: People['group'] & Record<'open' | 'inProgress' | 'done' | 'dropped', TaskCard[]> & { waiting: ProposalItem[]; decided: ProposalItem[] };
  groups: People['groups'];
  viewer: People['viewer'];
}

export const getGroupBoard = query(async (slug: string): Promise<GroupBoardData> => {
  const column = async (status: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'DROPPED', first: number) => (await request(BoardColumnQuery, { slug, status, first })).group.tasks.edges.map((e) => e.node);
  const proposals = async (status: 'PROPOSED' | null, first: number) => (await request(BoardProposalsQuery, { slug, status, first })).group.proposals.edges.map((e) => e.node);
  const [people, open, inProgress, done, dropped, waiting, decided] = await Promise.all([
    request(BoardPeopleQuery, { slug }),
    column('OPEN', 20),
    column('IN_PROGRESS', 20),
    column('DONE', 10),
    column('DROPPED', 10),
    proposals('PROPOSED', 10),
    proposals(null, 10),
  ]);
  return { group: { ...people.group, open, inProgress, done, dropped, waiting, decided }, groups: people.groups, viewer: people.viewer };
}, 'groupBoard');

const GroupTaskCardFields = graphql(`
  fragment GroupTaskCardFields on Task @_unmask {
    id title status dueOn overdue
    group { slug name }
    responsibleExpert { handle name }
    responsibleGroup { slug name }
  }
`);

const TaskQuery = graphql(
  `
  query TaskPage($id: ID!) {
    task(id: $id) {
      ...GroupTaskCardFields
      description descriptionHtml dropReason version createdAt closedAt
      createdBy { handle name }
      proposal { id title proposer { handle name } }
      viewerCanLead viewerCanWorkOn viewerNextStatuses
      group { slug name members { role expert { id handle name } } }
      links { id kind url title addedAt practice { id title } thread { id title } }
      notes(first: 50) { edges { node { id bodyHtml createdAt author { handle name } } } }
    }
    groups { slug name }
  }
`,
  [GroupTaskCardFields],
);
export type TaskPageData = ResultOf<typeof TaskQuery>;
export type TaskDetail = TaskPageData['task'];
export const getTask = query((id: string): Promise<TaskPageData> => request(TaskQuery, { id }), 'taskPage');

const ExpertTasksQuery = graphql(
  `
  query ExpertTasks($handle: String!) {
    expert(handle: $handle) {
      id
      current: tasks(statuses: [OPEN, IN_PROGRESS], first: 10) { edges { node { ...GroupTaskCardFields } } }
      closed: tasks(statuses: [DONE, DROPPED], first: 5) { edges { node { ...GroupTaskCardFields } } }
    }
  }
`,
  [GroupTaskCardFields],
);
export type ExpertTasksData = ResultOf<typeof ExpertTasksQuery>;
export const getExpertTasks = query((handle: string): Promise<ExpertTasksData> => request(ExpertTasksQuery, { handle }), 'expertTasks');

const OverdueQuery = graphql(
  `
  query OverdueTasks($after: String) {
    viewer { id overdueTasks(first: 15, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ...GroupTaskCardFields } } } }
  }
`,
  [GroupTaskCardFields],
);
export type OverdueData = ResultOf<typeof OverdueQuery>;
export const getOverdueTasks = query((after: string | null): Promise<OverdueData> => request(OverdueQuery, { after }), 'overdueTasks');

const ProposeMutation = graphql(`mutation ProposeTask($input: ProposeTaskInput!) { proposeTask(input: $input) { __typename ...MutationErrorFields ... on ProposeTaskPayload { proposal { id } } } }`, [
  MutationErrorFields,
]);
const AcceptMutation = graphql(
  `mutation AcceptProposal($input: AcceptProposalInput!) { acceptProposal(input: $input) { __typename ...MutationErrorFields ... on AcceptProposalPayload { task { id } } } }`,
  [MutationErrorFields],
);
const DeclineMutation = graphql(
  `mutation DeclineProposal($input: DeclineProposalInput!) { declineProposal(input: $input) { __typename ...MutationErrorFields ... on DeclineProposalPayload { proposal { id } } } }`,
  [MutationErrorFields],
);
const CreateMutation = graphql(`mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { __typename ...MutationErrorFields ... on CreateTaskPayload { task { id } } } }`, [
  MutationErrorFields,
]);
const UpdateMutation = graphql(`mutation UpdateTask($input: UpdateTaskInput!) { updateTask(input: $input) { __typename ...MutationErrorFields ... on UpdateTaskPayload { task { id } } } }`, [
  MutationErrorFields,
]);
const StatusMutation = graphql(
  `mutation SetTaskStatus($input: SetTaskStatusInput!) { setTaskStatus(input: $input) { __typename ...MutationErrorFields ... on SetTaskStatusPayload { task { id } } } }`,
  [MutationErrorFields],
);
const NoteMutation = graphql(`mutation AddTaskNote($input: AddTaskNoteInput!) { addTaskNote(input: $input) { __typename ...MutationErrorFields ... on AddTaskNotePayload { note { id } } } }`, [
  MutationErrorFields,
]);
const LinkMutation = graphql(`mutation AddTaskLink($input: AddTaskLinkInput!) { addTaskLink(input: $input) { __typename ...MutationErrorFields ... on AddTaskLinkPayload { task { id } } } }`, [
  MutationErrorFields,
]);
const UnlinkMutation = graphql(
  `mutation RemoveTaskLink($input: RemoveTaskLinkInput!) { removeTaskLink(input: $input) { __typename ...MutationErrorFields ... on RemoveTaskLinkPayload { task { id } } } }`,
  [MutationErrorFields],
);

/** The responsible a form chose: "expert:<id>" or "group:<slug>". */
export function responsibleOf(choice: string): { responsibleExpertId?: string; responsibleGroup?: string } {
  if (choice.startsWith('expert:')) return { responsibleExpertId: choice.slice('expert:'.length) };
  if (choice.startsWith('group:')) return { responsibleGroup: choice.slice('group:'.length) };
  return {};
}

/** After a write (or a conflict: someone else's change) the pages showing it are read again. */
async function settled<T>(outcome: Promise<Outcome<T>>, ...keys: string[]): Promise<Outcome<T>> {
  const done = await outcome;
  if (done.ok || done.problem.form?.code === 'CONFLICT') await revalidate(keys);
  return done;
}
const boardKey = (group: string) => getGroupBoard.keyFor(group);
const taskKey = (id: string) => getTask.keyFor(id);

export const proposeTask = (group: string, fields: { title: string; description: string; rationale: string }) =>
  settled(mutate(ProposeMutation, { input: { group, ...fields } }, 'proposeTask', 'ProposeTaskPayload'), boardKey(group));
export const acceptProposal = (group: string, proposalId: string, version: number, responsible: string, dueOn: string) =>
  settled(mutate(AcceptMutation, { input: { proposalId, version, dueOn, ...responsibleOf(responsible) } }, 'acceptProposal', 'AcceptProposalPayload'), boardKey(group));
export const declineProposal = (group: string, proposalId: string, version: number, reason: string) =>
  settled(mutate(DeclineMutation, { input: { proposalId, version, reason } }, 'declineProposal', 'DeclineProposalPayload'), boardKey(group));
export const createTask = (group: string, fields: { title: string; description: string; responsible: string; dueOn: string }) =>
  settled(
    mutate(CreateMutation, { input: { group, title: fields.title, description: fields.description, dueOn: fields.dueOn, ...responsibleOf(fields.responsible) } }, 'createTask', 'CreateTaskPayload'),
    boardKey(group),
  );
export const updateTask = (task: { id: string; version: number; group: string }, fields: { title: string; description: string; responsible: string; dueOn: string }) =>
  settled(
    mutate(
      UpdateMutation,
      { input: { taskId: task.id, version: task.version, title: fields.title, description: fields.description, dueOn: fields.dueOn, ...responsibleOf(fields.responsible) } },
      'updateTask',
      'UpdateTaskPayload',
    ),
    taskKey(task.id),
    boardKey(task.group),
  );
export const setTaskStatus = (task: { id: string; version: number; group: string }, status: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'DROPPED', reason = '') =>
  settled(mutate(StatusMutation, { input: { taskId: task.id, version: task.version, status, reason } }, 'setTaskStatus', 'SetTaskStatusPayload'), taskKey(task.id), boardKey(task.group));
export const addTaskNote = (taskId: string, body: string) => settled(mutate(NoteMutation, { input: { taskId, body } }, 'addTaskNote', 'AddTaskNotePayload'), taskKey(taskId));
export const addTaskLink = (taskId: string, link: { practiceId?: string; threadId?: string; url?: string; title?: string }) =>
  settled(mutate(LinkMutation, { input: { taskId, ...link } }, 'addTaskLink', 'AddTaskLinkPayload'), taskKey(taskId));
export const removeTaskLink = (taskId: string, linkId: string) => settled(mutate(UnlinkMutation, { input: { taskId, linkId } }, 'removeTaskLink', 'RemoveTaskLinkPayload'), taskKey(taskId));
