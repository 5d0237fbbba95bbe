import mongoose from 'mongoose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Practice } from '../../schema/practice/model.ts';
import { Proposal, Task, TaskNote } from '../../schema/task/model.ts';
import { migrateTasks } from '../../schema/task/migrate.ts';
import { vietnamToday } from '../../schema/task/service.ts';
import { loadGroups } from '../../seeds/groups.ts';
import { DAY, globalId, signInPeople } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { graphql } from '../helpers/graphql.ts';

/*
 * Issue 13, tasks and proposals: members propose work to a group, its leads accept (a task with a
 * responsible and a due day) or decline it with a reason, and create tasks themselves; the
 * responsible ones report progress and close it; leads see what is overdue.
 */

useTestDatabase();

const SECURITY = 'nhom-an-toan-an-ninh-mang';
const TECHNOLOGY = 'nhom-giai-phap-cong-nghe';
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
type Who = 'lead' | 'member' | 'member2' | 'otherlead' | 'outsider' | 'unverified' | 'admin' | 'suspended' | null;
const as = (who: Who) => (who ? { cookie: cookies[who] } : {});
const gid = (who: Exclude<Who, null>) => globalId('Expert', ids[who]!);

const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;
const TASK = `id title status version dueOn overdue dropReason descriptionHtml group { slug } responsibleExpert { handle } responsibleGroup { slug } links { id kind url title practice { id } thread { id } }`;
const PROPOSAL = `id title status version declineReason descriptionHtml proposer { handle } task { id title }`;

async function mutate(name: string, input: Record<string, unknown>, who: Who, selection = '') {
  const upper = `${name[0]!.toUpperCase()}${name.slice(1)}`;
  const response = await graphql(`mutation ($input: ${upper}Input!) { ${name}(input: $input) { ${RESULT} ... on ${upper}Payload { ${selection || '__typename'} } } }`, { input }, as(who));
  expect(response.errors).toBeUndefined();
  return response.data[name];
}

/** The database id inside a global id. */
const rawId = (global: string) => Buffer.from(global, 'base64url').toString().split(':')[1]!;
const inDays = (days: number) => vietnamToday(Date.now() + days * DAY);

beforeAll(async () => {
  await createReferenceData();
  await loadGroups();
  await signInPeople(
    {
      lead: { verified: true, joinedDaysAgo: 200 },
      member: { verified: true, joinedDaysAgo: 200 },
      member2: { verified: true, joinedDaysAgo: 200 },
      otherlead: { verified: true, joinedDaysAgo: 200 },
      outsider: { verified: true, joinedDaysAgo: 200 },
      unverified: {},
      admin: { role: 'admin', verified: true, joinedDaysAgo: 200 },
      suspended: { verified: true, joinedDaysAgo: 200 },
    },
    cookies,
    ids,
  );
  const place = async (who: Exclude<Who, null>, group: string, role: 'LEAD' | 'MEMBER') =>
    expect((await mutate('setGroupMember', { group, expertId: gid(who), role }, 'admin')).__typename).toBe('SetGroupMemberPayload');
  await place('lead', SECURITY, 'LEAD');
  await place('member', SECURITY, 'MEMBER');
  await place('member2', SECURITY, 'MEMBER');
  await place('suspended', SECURITY, 'LEAD');
  await place('otherlead', TECHNOLOGY, 'LEAD');
  await place('member2', TECHNOLOGY, 'MEMBER');
});
beforeEach(() => resetRateLimits());

const propose = (who: Who, fields: Record<string, unknown> = {}) =>
  mutate(
    'proposeTask',
    { group: SECURITY, title: 'Diễn tập ứng cứu sự cố với tỉnh thí điểm', description: 'Soạn **kịch bản** diễn tập.', rationale: 'Các tỉnh chưa từng diễn tập.', ...fields },
    who,
    `proposal { ${PROPOSAL} }`,
  );

async function createTask(fields: Record<string, unknown> = {}, who: Who = 'lead') {
  const answer = await mutate('createTask', { group: SECURITY, title: 'Danh mục kiểm tra LGSP dùng chung', responsibleExpertId: gid('member'), dueOn: inDays(14), ...fields }, who, `task { ${TASK} }`);
  expect(answer.__typename).toBe('CreateTaskPayload');
  return answer.task as { id: string; version: number; status: string; links: { id: string }[] };
}

const setStatus = (task: { id: string }, status: string, version: number, who: Who, reason = '') => mutate('setTaskStatus', { taskId: task.id, version, status, reason }, who, `task { ${TASK} }`);

describe('proposals (bottom-up)', () => {
  it('a verified member proposes work to a group; the description is rendered like a reply', async () => {
    const answer = await propose('member');
    expect(answer.__typename).toBe('ProposeTaskPayload');
    expect(answer.proposal).toMatchObject({ status: 'PROPOSED', proposer: { handle: 'member' }, task: null });
    expect(answer.proposal.descriptionHtml).toContain('<strong>kịch bản</strong>');
    const listed = await graphql(`{ group(slug: "${SECURITY}") { proposals(status: PROPOSED) { edges { node { id } } } } }`, {}, as('outsider'));
    expect(listed.data.group.proposals.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(answer.proposal.id);
  });

  it('refuses unverified people, signed-out visitors, unknown groups and hostile text, storing nothing', async () => {
    const before = await Proposal.countDocuments();
    expect((await propose('unverified')).code).toBe('NOT_AUTHORIZED');
    expect((await propose(null)).code).toBe('NOT_AUTHORIZED');
    expect(await propose('member', { group: 'khong-co' })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await propose('member', { title: 'Ngắn' })).fieldErrors).toEqual([{ path: 'title', code: 'TOO_SHORT' }]);
    expect((await propose('member', { title: 'Diễn tập\u0000 ứng cứu sự cố' })).fieldErrors).toEqual([{ path: 'title', code: 'INVALID' }]);
    expect((await propose('member', { description: '' })).fieldErrors).toEqual([{ path: 'description', code: 'REQUIRED' }]);
    expect((await propose('member', { description: 'x'.repeat(20_001) })).fieldErrors).toEqual([{ path: 'description', code: 'TOO_LONG' }]);
    expect(await Proposal.countDocuments()).toBe(before);
  });

  it('a lead accepts a proposal: it becomes a task with its responsible and due day, the proposer sees the outcome, and it is audited', async () => {
    const { proposal } = await propose('member', { title: 'Góp ý dự thảo nghị định định danh điện tử' });
    const accept = (who: Who, fields: Record<string, unknown> = {}) =>
      mutate(
        'acceptProposal',
        { proposalId: proposal.id, version: proposal.version, responsibleExpertId: gid('member'), dueOn: inDays(10), ...fields },
        who,
        `proposal { ${PROPOSAL} } task { ${TASK} }`,
      );
    expect((await accept('member')).code).toBe('NOT_AUTHORIZED');
    expect((await accept('otherlead')).code).toBe('NOT_AUTHORIZED');
    expect((await accept('lead', { responsibleExpertId: gid('outsider') })).fieldErrors).toEqual([{ path: 'responsibleExpertId', code: 'NOT_MEMBER' }]);
    expect((await accept('lead', { dueOn: inDays(-1) })).fieldErrors).toEqual([{ path: 'dueOn', code: 'IN_PAST' }]);
    const accepted = await accept('lead');
    expect(accepted.__typename).toBe('AcceptProposalPayload');
    expect(accepted.task).toMatchObject({ title: 'Góp ý dự thảo nghị định định danh điện tử', status: 'OPEN', dueOn: inDays(10), responsibleExpert: { handle: 'member' }, overdue: false });
    expect(accepted.proposal).toMatchObject({ status: 'ACCEPTED', task: { id: accepted.task.id } });
    // The proposer sees it accepted and the task it became.
    const seen = await graphql(`query ($id: ID!) { node(id: $id) { ... on Proposal { status task { title } } } }`, { id: proposal.id }, as('member'));
    expect(seen.data.node).toEqual({ status: 'ACCEPTED', task: { title: 'Góp ý dự thảo nghị định định danh điện tử' } });
    // Accepting twice (a second lead with the version they read) is a conflict, and makes no second task.
    expect((await accept('admin')).code).toBe('CONFLICT');
    expect(await AuditEntry.countDocuments({ action: 'proposal.accepted', subject: ids.member, group: SECURITY })).toBe(1);
  });

  it('declining needs a reason, which the proposer reads', async () => {
    const { proposal } = await propose('member2', { title: 'Thêm một cổng thông tin riêng cho nhóm' });
    const decline = (who: Who, reason: string) => mutate('declineProposal', { proposalId: proposal.id, version: proposal.version, reason }, who, `proposal { ${PROPOSAL} }`);
    expect((await decline('lead', '   ')).fieldErrors).toEqual([{ path: 'reason', code: 'REQUIRED' }]);
    expect((await decline('member', 'Không cần')).code).toBe('NOT_AUTHORIZED');
    const declined = await decline('lead', 'Trùng với việc của nhóm nguồn lực');
    expect(declined.proposal).toMatchObject({ status: 'DECLINED', declineReason: 'Trùng với việc của nhóm nguồn lực', task: null });
    const seen = await graphql(`query ($id: ID!) { node(id: $id) { ... on Proposal { status declineReason } } }`, { id: proposal.id }, as('member2'));
    expect(seen.data.node).toEqual({ status: 'DECLINED', declineReason: 'Trùng với việc của nhóm nguồn lực' });
    expect((await decline('lead', 'Lần nữa')).code).toBe('CONFLICT');
    expect(await AuditEntry.countDocuments({ action: 'proposal.declined', subject: ids.member2 })).toBe(1);
  });
});

describe('tasks (top-down)', () => {
  it('only the group’s leads and admins create tasks; creation is audited', async () => {
    const before = await Task.countDocuments();
    expect((await mutate('createTask', { group: SECURITY, title: 'Việc của thành viên', responsibleExpertId: gid('member'), dueOn: inDays(3) }, 'member')).code).toBe('NOT_AUTHORIZED');
    expect((await mutate('createTask', { group: SECURITY, title: 'Việc của nhóm khác', responsibleExpertId: gid('member'), dueOn: inDays(3) }, 'otherlead')).code).toBe('NOT_AUTHORIZED');
    expect(await Task.countDocuments()).toBe(before);
    const byLead = await createTask();
    await createTask({ title: 'Việc do quản trị giao' }, 'admin');
    expect(await AuditEntry.countDocuments({ action: 'task.assigned', task: rawId(byLead.id) })).toBe(1);
    expect(await AuditEntry.countDocuments({ action: 'task.assigned', subject: ids.member, group: SECURITY })).toBeGreaterThanOrEqual(2);
  });

  it('one responsible: a member of the group or a group; the due day is a real day, not past', async () => {
    const base = { group: SECURITY, title: 'Hướng dẫn thuê dịch vụ đám mây', dueOn: inDays(5) };
    const create = (fields: Record<string, unknown>) => mutate('createTask', { ...base, ...fields }, 'lead', `task { ${TASK} }`);
    expect((await create({ responsibleExpertId: gid('outsider') })).fieldErrors).toEqual([{ path: 'responsibleExpertId', code: 'NOT_MEMBER' }]);
    expect((await create({ responsibleExpertId: gid('otherlead') })).fieldErrors).toEqual([{ path: 'responsibleExpertId', code: 'NOT_MEMBER' }]);
    expect((await create({ responsibleExpertId: gid('member'), responsibleGroup: TECHNOLOGY })).fieldErrors).toEqual([{ path: 'responsibleGroup', code: 'ONE_RESPONSIBLE' }]);
    expect((await create({})).fieldErrors).toEqual([{ path: 'responsibleExpertId', code: 'REQUIRED' }]);
    expect((await create({ responsibleGroup: 'khong-co' })).fieldErrors).toEqual([{ path: 'responsibleGroup', code: 'UNKNOWN' }]);
    expect((await create({ responsibleExpertId: gid('member'), dueOn: '2026-02-30' })).fieldErrors).toEqual([{ path: 'dueOn', code: 'INVALID' }]);
    expect((await create({ responsibleExpertId: gid('member'), dueOn: '10/12/2026' })).fieldErrors).toEqual([{ path: 'dueOn', code: 'INVALID' }]);
    expect((await create({ responsibleExpertId: gid('member'), dueOn: inDays(-1) })).fieldErrors).toEqual([{ path: 'dueOn', code: 'IN_PAST' }]);
    const today = await create({ responsibleGroup: TECHNOLOGY, dueOn: inDays(0) });
    expect(today.task).toMatchObject({ responsibleGroup: { slug: TECHNOLOGY }, responsibleExpert: null, dueOn: inDays(0), overdue: false });
  });

  it('moves open → in progress → done by its responsible person; dropping needs a lead and a reason; a lead reopens', async () => {
    const task = await createTask();
    expect((await setStatus(task, 'IN_PROGRESS', 1, 'member2')).code).toBe('NOT_AUTHORIZED');
    const started = await setStatus(task, 'IN_PROGRESS', 1, 'member');
    expect(started.task).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    expect((await setStatus(task, 'IN_PROGRESS', 2, 'member')).fieldErrors).toEqual([{ path: 'status', code: 'INVALID_TRANSITION' }]);
    expect((await setStatus(task, 'DROPPED', 2, 'member', 'Không kịp')).code).toBe('NOT_AUTHORIZED');
    expect((await setStatus(task, 'DROPPED', 2, 'lead')).fieldErrors).toEqual([{ path: 'reason', code: 'REQUIRED' }]);
    expect((await setStatus(task, 'DONE', 2, 'member')).task).toMatchObject({ status: 'DONE', version: 3 });
    // Closed: only a lead reopens it.
    expect((await setStatus(task, 'OPEN', 3, 'member')).code).toBe('NOT_AUTHORIZED');
    expect((await setStatus(task, 'OPEN', 3, 'lead')).task).toMatchObject({ status: 'OPEN' });
    const dropped = await setStatus(task, 'DROPPED', 4, 'lead', 'Bộ đã ban hành hướng dẫn tương tự');
    expect(dropped.task).toMatchObject({ status: 'DROPPED', dropReason: 'Bộ đã ban hành hướng dẫn tương tự' });
    expect(await AuditEntry.countDocuments({ action: 'task.dropped', reason: 'Bộ đã ban hành hướng dẫn tương tự' })).toBe(1);
    expect(await AuditEntry.countDocuments({ action: 'task.reopened', group: SECURITY })).toBeGreaterThanOrEqual(1);
  });

  it('members of a responsible group work on it; others do not', async () => {
    const task = await createTask({ responsibleExpertId: null, responsibleGroup: TECHNOLOGY });
    expect((await setStatus(task, 'IN_PROGRESS', 1, 'member')).code).toBe('NOT_AUTHORIZED');
    expect((await setStatus(task, 'IN_PROGRESS', 1, 'member2')).task.status).toBe('IN_PROGRESS');
    // member2 is in the technology group: the task is theirs too.
    const theirs = await graphql(`query ($h: String!) { expert(handle: $h) { tasks(statuses: [IN_PROGRESS]) { edges { node { id } } } } }`, { h: 'member2' }, as('outsider'));
    expect(theirs.data.expert.tasks.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(task.id);
  });

  it('two leads editing at once: the second, naming the version it read, gets CONFLICT and changes nothing', async () => {
    const task = await createTask();
    const first = await mutate('updateTask', { taskId: task.id, version: 1, title: 'Tiêu đề của trưởng nhóm' }, 'lead', `task { ${TASK} }`);
    expect(first.task).toMatchObject({ title: 'Tiêu đề của trưởng nhóm', version: 2 });
    const second = await mutate('updateTask', { taskId: task.id, version: 1, title: 'Tiêu đề của quản trị' }, 'admin', `task { ${TASK} }`);
    expect(second.code).toBe('CONFLICT');
    expect((await setStatus(task, 'IN_PROGRESS', 1, 'member')).code).toBe('CONFLICT');
    expect((await Task.findById(rawId(task.id)).lean())!.title).toBe('Tiêu đề của trưởng nhóm');
    expect((await mutate('updateTask', { taskId: task.id, version: 2, title: 'Của thành viên' }, 'member')).code).toBe('NOT_AUTHORIZED');
    expect((await mutate('updateTask', { taskId: task.id, version: 2, responsibleExpertId: gid('outsider') }, 'lead')).fieldErrors).toEqual([{ path: 'responsibleExpertId', code: 'NOT_MEMBER' }]);
    const reassigned = await mutate('updateTask', { taskId: task.id, version: 2, responsibleExpertId: gid('member2') }, 'lead', `task { ${TASK} }`);
    expect(reassigned.task.responsibleExpert).toEqual({ handle: 'member2' });
  });
});

describe('progress notes and links', () => {
  it('notes by the responsible person or a lead, oldest first; others refused', async () => {
    const task = await createTask();
    const note = (who: Who, body: string) => mutate('addTaskNote', { taskId: task.id, body }, who, 'note { bodyHtml author { handle } }');
    expect((await note('member', 'Đã gửi *bản nháp* cho 3 tỉnh.')).note).toEqual({ bodyHtml: expect.stringContaining('<em>bản nháp</em>'), author: { handle: 'member' } });
    expect((await note('lead', 'Cảm ơn, chờ ý kiến Quảng Ninh.')).note.author.handle).toBe('lead');
    expect((await note('member2', 'Tôi chen vào')).code).toBe('NOT_AUTHORIZED');
    expect((await note('outsider', 'Tôi cũng vậy')).code).toBe('NOT_AUTHORIZED');
    expect((await note('member', '')).fieldErrors).toEqual([{ path: 'body', code: 'REQUIRED' }]);
    const read = await graphql(`query ($id: ID!) { task(id: $id) { notes { edges { node { author { handle } } } } } }`, { id: task.id }, as('outsider'));
    expect(read.data.task.notes.edges.map((e: { node: { author: { handle: string } } }) => e.node.author.handle)).toEqual(['member', 'lead']);
  });

  it('links practices and threads the viewer can read and https documents; checks each; removes them', async () => {
    const task = await createTask();
    const published = await Practice.create({
      title: 'Kho dữ liệu dùng chung',
      authors: [ids.outsider!],
      organization: 'cuc-cds',
      place: 'ha-noi',
      status: 'published',
      publishedAt: new Date(),
      version: 1,
    });
    const draft = await Practice.create({ title: 'Bản nháp của người khác', authors: [ids.outsider!], organization: 'cuc-cds', place: 'ha-noi', status: 'draft', version: 1 });
    const thread = await mutate('createThread', { kind: 'DISCUSSION', title: 'Kịch bản diễn tập ứng cứu sự cố', body: 'Mời góp ý.' }, 'member', 'thread { id }');
    const link = (fields: Record<string, unknown>, who: Who = 'member') => mutate('addTaskLink', { taskId: task.id, ...fields }, who, `task { ${TASK} }`);
    expect((await link({ practiceId: globalId('Practice', String(published._id)) })).task.links).toMatchObject([{ kind: 'PRACTICE', practice: { id: globalId('Practice', String(published._id)) } }]);
    expect((await link({ practiceId: globalId('Practice', String(draft._id)) })).code).toBe('NOT_FOUND');
    expect((await link({ practiceId: globalId('Practice', String(published._id)) })).fieldErrors).toEqual([{ path: 'practiceId', code: 'TAKEN' }]);
    expect((await link({ threadId: thread.thread.id })).task.links[1]).toMatchObject({ kind: 'THREAD', thread: { id: thread.thread.id } });
    expect((await link({ url: 'http://vanban.example.vn/du-thao.pdf', title: 'Dự thảo' })).fieldErrors).toEqual([{ path: 'url', code: 'NOT_HTTPS' }]);
    expect((await link({ url: 'javascript:alert(1)', title: 'X' })).fieldErrors).toEqual([{ path: 'url', code: 'INVALID' }]);
    expect((await link({ url: 'https://vanban.example.vn/du-thao.pdf' })).fieldErrors).toEqual([{ path: 'title', code: 'REQUIRED' }]);
    expect((await link({})).fieldErrors).toEqual([{ path: 'practiceId', code: 'ONE_TARGET' }]);
    expect((await link({ url: 'https://vanban.example.vn/a.pdf', title: 'A' }, 'outsider')).code).toBe('NOT_AUTHORIZED');
    const withDocument = await link({ url: 'https://vanban.example.vn/du-thao.pdf', title: 'Dự thảo góp ý' });
    expect(withDocument.task.links[2]).toMatchObject({ kind: 'DOCUMENT', url: 'https://vanban.example.vn/du-thao.pdf', title: 'Dự thảo góp ý' });
    const removed = await mutate('removeTaskLink', { taskId: task.id, linkId: withDocument.task.links[0].id }, 'member', `task { ${TASK} }`);
    expect(removed.task.links.map((l: { kind: string }) => l.kind)).toEqual(['THREAD', 'DOCUMENT']);
    expect((await mutate('removeTaskLink', { taskId: task.id, linkId: withDocument.task.links[0].id }, 'member')).code).toBe('NOT_FOUND');
  });
});

describe('overdue, reading and suspension', () => {
  it('a task past its due day is overdue: leads of its group and admins see it, members do not', async () => {
    const late = await createTask({ title: 'Việc đã quá hạn' });
    await Task.updateOne({ _id: rawId(late.id) }, { $set: { dueOn: inDays(-3), dueAt: new Date(Date.now() - 2 * DAY) } });
    const overdue = (who: Who) => graphql(`{ viewer { overdueTasks { edges { node { id overdue } } } } }`, {}, as(who));
    expect((await overdue('lead')).data.viewer.overdueTasks.edges).toContainEqual({ node: { id: late.id, overdue: true } });
    expect((await overdue('admin')).data.viewer.overdueTasks.edges).toContainEqual({ node: { id: late.id, overdue: true } });
    expect((await overdue('member')).data.viewer.overdueTasks).toBeNull();
    expect((await overdue('otherlead')).data.viewer.overdueTasks.edges).not.toContainEqual({ node: { id: late.id, overdue: true } });
    // Someone else's overdue list is nobody's business.
    const others = await graphql(`{ expert(handle: "lead") { overdueTasks { edges { node { id } } } } }`, {}, as('admin'));
    expect(others.data.expert.overdueTasks).toBeNull();
    await setStatus(late, 'DONE', 1, 'member');
    expect((await overdue('lead')).data.viewer.overdueTasks.edges).not.toContainEqual({ node: { id: late.id, overdue: true } });
  });

  it('signed-in members read every group’s board; signed-out visitors read none of it', async () => {
    const task = await createTask({ title: 'Việc công khai trong mạng lưới' });
    const board = `{ group(slug: "${SECURITY}") { tasks(status: OPEN) { edges { node { id } } } } }`;
    expect((await graphql(board, {}, as('outsider'))).data.group.tasks.edges).toContainEqual({ node: { id: task.id } });
    expect((await graphql(board)).data.group.tasks.edges).toEqual([]);
    expect((await graphql(`query ($id: ID!) { node(id: $id) { id } }`, { id: task.id })).data.node).toBeNull();
    expect((await graphql(`query ($id: ID!) { task(id: $id) { id } }`, { id: task.id })).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  });

  it('a suspended lead is refused on every write and nothing changes', async () => {
    const task = await createTask();
    const { proposal } = await propose('member', { title: 'Đề xuất chờ người bị đình chỉ' });
    await Expert.updateOne({ _id: ids.suspended }, { $set: { suspendedUntil: new Date(Date.now() + 30 * DAY), suspensionReason: 'Vi phạm' } });
    const before = { tasks: await Task.countDocuments(), notes: await TaskNote.countDocuments(), proposals: await Proposal.countDocuments() };
    expect((await propose('suspended')).code).toBe('NOT_AUTHORIZED');
    expect((await mutate('createTask', { group: SECURITY, title: 'Việc của người bị đình chỉ', responsibleExpertId: gid('member'), dueOn: inDays(3) }, 'suspended')).code).toBe('NOT_AUTHORIZED');
    expect((await mutate('acceptProposal', { proposalId: proposal.id, version: 1, responsibleExpertId: gid('member'), dueOn: inDays(3) }, 'suspended')).code).toBe('NOT_AUTHORIZED');
    expect((await setStatus(task, 'DROPPED', 1, 'suspended', 'Bỏ')).code).toBe('NOT_AUTHORIZED');
    expect((await mutate('addTaskNote', { taskId: task.id, body: 'Ghi chú' }, 'suspended')).code).toBe('NOT_AUTHORIZED');
    expect(await TaskNote.countDocuments()).toBe(before.notes);
    expect(await Proposal.countDocuments()).toBe(before.proposals);
    expect(await Task.countDocuments()).toBe(before.tasks);
  });

  it('tasks, proposals and notes stored without HTML (or by an older renderer) get it at start-up', async () => {
    const task = await Task.create({
      group: SECURITY,
      title: 'Nhiệm vụ nhập từ bản cũ',
      description: 'Có **chữ đậm**',
      responsibleGroup: SECURITY,
      dueOn: inDays(3),
      dueAt: new Date(Date.now() + 3 * DAY),
      createdBy: ids.lead,
    });
    const proposal = await Proposal.create({ group: SECURITY, proposer: ids.member, title: 'Đề xuất nhập từ bản cũ', description: 'Một *ý*' });
    const note = await TaskNote.create({ task: task._id, author: ids.member, body: 'Đã `xong`' });
    await mongoose.connection.collection('migrations').deleteOne({ _id: 'task' } as never);
    await migrateTasks();
    expect((await Task.findById(task._id).lean())!.descriptionHtml).toContain('<strong>chữ đậm</strong>');
    expect((await Proposal.findById(proposal._id).lean())!.descriptionHtml).toContain('<em>ý</em>');
    expect((await TaskNote.findById(note._id).lean())!.bodyHtml).toContain('<code>xong</code>');
  });

  it('hostile ids and cursors get typed errors', async () => {
    expect((await mutate('setTaskStatus', { taskId: globalId('Task', '0123456789abcdef01234567'), version: 1, status: 'DONE' }, 'lead')).code).toBe('NOT_FOUND');
    const notAnId = await graphql(`mutation { setTaskStatus(input: { taskId: "not-an-id", version: 1, status: DONE }) { __typename } }`, {}, as('lead'));
    expect(notAnId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await graphql(`{ group(slug: "${SECURITY}") { tasks(after: "bm90LWEtY3Vyc29y") { edges { node { id } } } } }`, {}, as('member'));
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('notifications', () => {
  type Shown = { kind: string; actor: { handle: string } | null; targetTitle: string | null; url: string; detail: string | null };
  const inbox = async (who: Exclude<Who, null>): Promise<Shown[]> => {
    const response = await graphql(`{ viewer { notifications(first: 50) { edges { node { kind actor { handle } targetTitle url detail } } } } }`, {}, as(who));
    expect(response.errors).toBeUndefined();
    return response.data.viewer.notifications.edges.map((e: { node: Shown }) => e.node);
  };
  const about = async (who: Exclude<Who, null>, title: string) => (await inbox(who)).filter((n) => n.targetTitle === title);

  it('tell the responsible person of a task given to them, and each member of a responsible group, linking to the task', async () => {
    const task = await createTask({ title: 'Rà soát cấu hình tường lửa cổng dịch vụ công' });
    expect(await about('member', 'Rà soát cấu hình tường lửa cổng dịch vụ công')).toEqual([
      { kind: 'TASK_ASSIGNED', actor: { handle: 'lead' }, targetTitle: 'Rà soát cấu hình tường lửa cổng dịch vụ công', url: `/tasks/${task.id}`, detail: null },
    ]);
    expect(await about('member2', 'Rà soát cấu hình tường lửa cổng dịch vụ công')).toEqual([]);
    // Given to the group instead: its members hear of it, its lead (who gave it) does not.
    const edited = await mutate('updateTask', { taskId: task.id, version: task.version, responsibleGroup: SECURITY }, 'lead', `task { ${TASK} }`);
    expect(edited.__typename).toBe('UpdateTaskPayload');
    expect(await about('member2', 'Rà soát cấu hình tường lửa cổng dịch vụ công')).toHaveLength(1);
    expect(await about('member', 'Rà soát cấu hình tường lửa cổng dịch vụ công')).toHaveLength(2);
    expect(await about('lead', 'Rà soát cấu hình tường lửa cổng dịch vụ công')).toEqual([]);
    expect(await about('otherlead', 'Rà soát cấu hình tường lửa cổng dịch vụ công')).toEqual([]);
  });

  it('tell the proposer the decision: accepted links to the task it became, declined to the group’s board', async () => {
    const { proposal: taken } = await propose('member2', { title: 'Bộ câu hỏi tự đánh giá an toàn thông tin' });
    const accepted = await mutate('acceptProposal', { proposalId: taken.id, version: taken.version, responsibleExpertId: gid('member'), dueOn: inDays(20) }, 'lead', `task { id }`);
    expect(await about('member2', 'Bộ câu hỏi tự đánh giá an toàn thông tin')).toEqual([
      { kind: 'PROPOSAL_DECIDED', actor: { handle: 'lead' }, targetTitle: 'Bộ câu hỏi tự đánh giá an toàn thông tin', url: `/tasks/${accepted.task.id}`, detail: 'accepted' },
    ]);
    expect((await about('member', 'Bộ câu hỏi tự đánh giá an toàn thông tin')).map((n) => n.kind)).toEqual(['TASK_ASSIGNED']);
    const { proposal: refused } = await propose('member2', { title: 'Mua thêm phần mềm giám sát riêng' });
    await mutate('declineProposal', { proposalId: refused.id, version: refused.version, reason: 'Đã có trung tâm giám sát dùng chung' }, 'lead');
    expect(await about('member2', 'Mua thêm phần mềm giám sát riêng')).toEqual([
      { kind: 'PROPOSAL_DECIDED', actor: { handle: 'lead' }, targetTitle: 'Mua thêm phần mềm giám sát riêng', url: `/groups/${SECURITY}#proposal-${refused.id}`, detail: 'declined' },
    ]);
  });
});
