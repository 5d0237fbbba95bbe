import { describe, expect, it } from 'vitest';
import { record } from '../../schema/audit/service.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { FlaggedItem } from '../../schema/flag/model.ts';
import { ProgrammeReporter } from '../../schema/programme/model.ts';
import { Group } from '../../schema/group/model.ts';
import { createSession } from '../../schema/session/service.ts';
import { VerificationRequest } from '../../schema/verification/model.ts';
import { type Actor, actorFor, cellsOf, confirmIdentity, globalId, na, nextSerial, no, ok, person, type Row, snapshot, useAuthorizationWorld } from '../helpers/authorization.ts';
import { graphql } from '../helpers/graphql.ts';
import { helpdeskRequest } from '../helpers/helpdesk-world.ts';
import { Task } from '../../schema/task/model.ts';

/* Who may read which private field (test/helpers/authorization.ts says who each column is and what a refusal looks like). */

// prettier-ignore
const FIELD_MATRIX = [
  //                                               anonymous member expert curator moderator admin suspended
  ['Expert.email (own)', na, ok, ok, ok, ok, ok, no],
  ['Expert.email (someone else’s)', no, no, no, no, no, ok, no],
  ['Expert.sessions (own)', na, ok, ok, ok, ok, ok, no],
  ['Expert.sessions (someone else’s)', no, no, no, no, no, ok, no],
  ['Expert.verificationRequests (own)', na, ok, ok, ok, ok, ok, no],
  ['Expert.verificationRequests (someone else’s)', no, no, no, no, no, ok, no],
  ['Expert.suspendedUntil (own)', na, ok, ok, ok, ok, ok, no],
  ['Expert.suspendedUntil (someone else’s)', no, no, no, no, ok, ok, no],
  ['Expert.suspensionReason (own)', na, ok, ok, ok, ok, ok, no],
  ['Expert.suspensionReason (someone else’s)', no, no, no, no, ok, ok, no],
  ['Query.verificationRequests', no, no, no, ok, no, ok, no],
  ['Query.auditLog', no, no, no, no, no, ok, no],
  ['Query.flagQueue', no, no, no, no, ok, ok, no],
  ['Query.programmeReporters', no, no, no, no, no, ok, no],
  ['Group.threads (members-only, viewer outside the group)', no, no, no, no, ok, ok, no],
  ['Query.task (the working group’s work, for signed-in members)', no, ok, ok, ok, ok, ok, no],
  ['Query.helpdeskQueue (the help desk: standing group and admins)', no, no, no, no, no, ok, no],
] as const satisfies readonly Row<string>[];

useAuthorizationWorld();

/* Private fields */

interface FieldAttempt {
  query: string;
  variables: Record<string, unknown>;
  /** Where the field's value sits in `data`, as a path of keys. */
  path: string[];
  /** What an allowed read must show. */
  expectAllowed: (value: any) => void;
}

const expertField = (handle: string, field: string, selection = field) => ({
  query: `query ($handle: String!) { expert(handle: $handle) { handle ${selection} } }`,
  variables: { handle },
  path: ['expert', field],
});

/** Someone other than the viewer, with a live session and a pending verification request. */
async function otherPerson() {
  const other = await person('other');
  await createSession(other.id, 'Firefox trên máy bàn');
  const request = await VerificationRequest.create({ expert: other.id, statement: 'Phó giám đốc Sở, học viên khóa 2023.' });
  return { other, requestId: String(request._id) };
}

const FIELDS: Record<(typeof FIELD_MATRIX)[number][0], (actor: Actor) => Promise<FieldAttempt>> = {
  'Expert.email (own)': async (actor) => ({
    ...expertField(actor.person!.handle, 'email'),
    expectAllowed: (value) => expect(value).toBe(actor.person!.email),
  }),
  'Expert.email (someone else’s)': async () => {
    const { other } = await otherPerson();
    return { ...expertField(other.handle, 'email'), expectAllowed: (value) => expect(value).toBe(other.email) };
  },
  'Expert.sessions (own)': async (actor) => ({
    ...expertField(actor.person!.handle, 'sessions', 'sessions { id current userAgent }'),
    // The viewer's own browser is among them, marked current.
    expectAllowed: (value) => expect(value).toEqual([expect.objectContaining({ current: true, userAgent: 'vitest' })]),
  }),
  'Expert.sessions (someone else’s)': async () => {
    const { other } = await otherPerson();
    return {
      ...expertField(other.handle, 'sessions', 'sessions { id current userAgent }'),
      expectAllowed: (value) => expect(value).toEqual([expect.objectContaining({ current: false, userAgent: 'Firefox trên máy bàn' })]),
    };
  },
  'Expert.verificationRequests (own)': async (actor) => {
    const request = await VerificationRequest.create({ expert: actor.person!.id, statement: 'Trưởng phòng CNTT, học viên khóa 2019.' });
    return {
      ...expertField(actor.person!.handle, 'verificationRequests', 'verificationRequests { id status statement }'),
      expectAllowed: (value) => expect(value).toEqual([{ id: String(request._id), status: 'PENDING', statement: 'Trưởng phòng CNTT, học viên khóa 2019.' }]),
    };
  },
  'Expert.verificationRequests (someone else’s)': async () => {
    const { other, requestId } = await otherPerson();
    return {
      ...expertField(other.handle, 'verificationRequests', 'verificationRequests { id status statement }'),
      expectAllowed: (value) => expect(value).toEqual([{ id: requestId, status: 'PENDING', statement: 'Phó giám đốc Sở, học viên khóa 2023.' }]),
    };
  },
  // A signed-in person is never suspended now (their cookie would not work), so their own value is null.
  'Expert.suspendedUntil (own)': async (actor) => ({ ...expertField(actor.person!.handle, 'suspendedUntil'), expectAllowed: (value) => expect(value).toBeNull() }),
  'Expert.suspendedUntil (someone else’s)': async () => {
    const other = await person('suspect', { suspended: true });
    const until = (await Expert.findById(other.id).lean())!.suspendedUntil!.toISOString();
    return { ...expertField(other.handle, 'suspendedUntil'), expectAllowed: (value) => expect(value).toBe(until) };
  },
  'Expert.suspensionReason (own)': async (actor) => ({ ...expertField(actor.person!.handle, 'suspensionReason'), expectAllowed: (value) => expect(value).toBeNull() }),
  'Expert.suspensionReason (someone else’s)': async () => {
    const other = await person('suspect', { suspended: true });
    return { ...expertField(other.handle, 'suspensionReason'), expectAllowed: (value) => expect(value).toBe('Đăng quảng cáo nhiều lần') };
  },
  'Query.verificationRequests': async () => {
    const { requestId } = await otherPerson();
    return {
      query: `{ verificationRequests(first: 50) { edges { node { id status } } } }`,
      variables: {},
      path: ['verificationRequests'],
      expectAllowed: (value) => expect(value.edges.map((e: any) => e.node)).toContainEqual({ id: requestId, status: 'PENDING' }),
    };
  },
  'Query.auditLog': async () => {
    const [staff, subject] = [await person('staff', { role: 'admin' }), await person('subject')];
    const entry = await record('role.changed', staff.id, subject.id, { from: 'member', to: 'curator', reason: 'Phụ trách duyệt hồ sơ' });
    return {
      query: `{ auditLog(first: 50) { edges { node { id action reason subject { handle } } } } }`,
      variables: {},
      path: ['auditLog'],
      expectAllowed: (value) =>
        expect(value.edges.map((e: any) => e.node)).toContainEqual({ id: String(entry._id), action: 'ROLE_CHANGED', reason: 'Phụ trách duyệt hồ sơ', subject: { handle: subject.handle } }),
    };
  },
  'Query.programmeReporters': async () => {
    const reporter = await person('reporter');
    await ProgrammeReporter.create({ organization: 'so-khcn-da-nang', expert: reporter.id });
    return {
      query: `{ programmeReporters { organization { slug } expert { handle } } }`,
      variables: {},
      path: ['programmeReporters'],
      expectAllowed: (value) => expect(value).toContainEqual({ organization: { slug: 'so-khcn-da-nang' }, expert: { handle: reporter.handle } }),
    };
  },
  'Query.flagQueue': async () => {
    const author = await person('flagged-author');
    const thread = await Thread.create({ kind: 'discussion', title: `Chủ đề bị báo cáo ${nextSerial()}`, author: author.id, lastActivityAt: new Date() });
    await FlaggedItem.create({ kind: 'thread', target: thread._id, thread: thread._id, state: 'open', flaggerCount: 2, reasonCounts: { spam: 2 }, activityAt: new Date() });
    return {
      query: `{ flagQueue(first: 50) { edges { node { kind flaggerCount thread { title } } } } }`,
      variables: {},
      path: ['flagQueue'],
      expectAllowed: (value) => expect(value.edges.map((e: any) => e.node)).toContainEqual({ kind: 'THREAD', flaggerCount: 2, thread: { title: thread.title } }),
    };
  },
  'Query.task (the working group’s work, for signed-in members)': async () => {
    const slug = `nhom-viec-${nextSerial()}`;
    await Group.create({ _id: slug, kind: 'expert', name: 'Nhóm có việc', nameEn: 'Group with work', discussionAccess: 'members', order: 1 });
    const creator = await person('task-creator');
    const task = await Task.create({
      group: slug,
      title: 'Nhiệm vụ công khai trong mạng lưới',
      responsibleGroup: slug,
      dueOn: '2099-01-01',
      dueAt: new Date('2099-01-01T17:00:00Z'),
      createdBy: creator.id,
    });
    return {
      query: `query ($id: ID!) { task(id: $id) { title } }`,
      variables: { id: globalId('Task', String(task._id)) },
      path: ['task'],
      expectAllowed: (value) => expect(value).toEqual({ title: 'Nhiệm vụ công khai trong mạng lưới' }),
    };
  },
  'Group.threads (members-only, viewer outside the group)': async () => {
    const slug = `nhom-rieng-${nextSerial()}`;
    await Group.create({ _id: slug, kind: 'expert', name: 'Nhóm riêng', nameEn: 'Private group', discussionAccess: 'members', order: 1 });
    const author = await person('group-author');
    const thread = await Thread.create({ kind: 'discussion', title: `Thảo luận trong nhóm ${nextSerial()}`, author: author.id, group: slug, restrictedTo: slug, lastActivityAt: new Date() });
    return {
      query: `query ($slug: String!) { group(slug: $slug) { threads(first: 10) { edges { node { title } } } } }`,
      variables: { slug },
      path: ['group', 'threads'],
      expectAllowed: (value) => expect(value.edges.map((e: any) => e.node)).toEqual([{ title: thread.title }]),
    };
  },
  'Query.helpdeskQueue (the help desk: standing group and admins)': async () => {
    const request = await helpdeskRequest('new');
    return {
      query: `{ helpdeskQueue(first: 50) { edges { node { id status } } } }`,
      variables: {},
      path: ['helpdeskQueue'],
      expectAllowed: (value) => expect(value.edges.map((e: any) => e.node)).toContainEqual({ id: request.gid, status: 'NEW' }),
    };
  },
};

const valueAt = (data: any, path: string[]) => path.reduce((value, key) => (value == null ? null : value[key]), data);

describe.each(FIELD_MATRIX)('%s', (field, ...cells) => {
  it.each(cellsOf(cells))('%s: %s', async (column, outcome) => {
    const actor = await actorFor(column);
    const attempt = await FIELDS[field](actor);
    await confirmIdentity(actor);
    const before = await snapshot();
    const response = await graphql(attempt.query, attempt.variables, { cookie: actor.cookie });

    if (outcome === ok) {
      expect(response.errors).toBeUndefined();
      attempt.expectAllowed(valueAt(response.data, attempt.path));
    } else {
      expect(response.errors?.map((e) => ({ code: e.extensions?.code, path: e.path }))).toEqual([{ code: 'NOT_AUTHORIZED', path: attempt.path }]);
      expect(valueAt(response.data, attempt.path)).toBeNull();
      // The rest of the profile is still answered: only the private field is withheld.
      if (attempt.path[0] === 'expert') expect(response.data.expert.handle).toBe(attempt.variables.handle);
    }
    expect(await snapshot()).toEqual(before);
  });
});
