import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { Account } from '../../schema/account/model.ts';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Collection } from '../../schema/collection/model.ts';
import { EnterpriseProfile } from '../../schema/enterprise/model.ts';
import { Organization } from '../../schema/organization/model.ts';
import { Avatar } from '../../schema/avatar/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { Flag, FlaggedItem } from '../../schema/flag/model.ts';
import { Practice } from '../../schema/practice/model.ts';
import { ProgrammeFramework } from '../../schema/programme/model.ts';
import { Replication } from '../../schema/replication/model.ts';
import { Group, GroupMember } from '../../schema/group/model.ts';
import { Proposal, Task, TaskNote } from '../../schema/task/model.ts';
import { vietnamToday } from '../../schema/task/service.ts';
import { Session } from '../../schema/session/model.ts';
import { createSession, hashToken } from '../../schema/session/service.ts';
import { VerificationRequest } from '../../schema/verification/model.ts';
import {
  type Actor,
  actorFor,
  cellsOf,
  confirmIdentity,
  DAY,
  NEW_PASSWORD,
  globalId,
  nextSerial,
  no,
  ok,
  type Outcome,
  PASSWORD,
  PNG,
  person,
  type Row,
  type Snapshot,
  snapshot,
  useAuthorizationWorld,
} from '../helpers/authorization.ts';
import { cookieFrom, type GraphQLResponse, graphql } from '../helpers/graphql.ts';
import { HELPDESK_GROUP, helpdeskRequest } from '../helpers/helpdesk-world.ts';
import { FaqEntry, HelpdeskRequest, HelpdeskSettings } from '../../schema/helpdesk/model.ts';

/* Who may call which mutation (test/helpers/authorization.ts says who each column is and what a refusal looks like). */

// prettier-ignore
const MUTATION_MATRIX = [
  //                       anonymous member expert           curator moderator admin suspended
  ['signUp', ok, ok, ok, ok, ok, ok, ok],
  ['signIn', ok, ok, ok, ok, ok, ok, 'SuspendedError'],
  ['signOut', ok, ok, ok, ok, ok, ok, ok],
  ['signOutEverywhere', no, ok, ok, ok, ok, ok, no],
  ['changePassword', no, ok, ok, ok, ok, ok, no],
  ['updateProfile', no, ok, ok, ok, ok, ok, no],
  ['setAvatar', no, ok, ok, ok, ok, ok, no],
  ['removeAvatar', no, ok, ok, ok, ok, ok, no],
  ['endSession', no, ok, ok, ok, ok, ok, no],
  ['requestVerification', no, ok, 'ConflictError', ok, ok, ok, no],
  ['decideVerification', no, no, no, ok, no, ok, no],
  ['changeRole', no, no, no, no, no, ok, no],
  ['suspendExpert', no, no, no, no, ok, ok, no],
  ['unsuspendExpert', no, no, no, no, ok, ok, no],
  ['createCollection', no, no, no, ok, no, ok, no],
  ['addCollectionItem', no, no, no, ok, no, ok, no],
  ['publishCollection', no, no, no, ok, no, ok, no],
  ['recordReplication', no, no, ok, ok, no, ok, no],
  ['updateReplication', no, no, no, ok, no, ok, no],
  ['removeReplication', no, no, no, ok, no, ok, no],
  ['flagContent', no, ok, ok, ok, ok, ok, no],
  ['hideContent', no, no, no, no, ok, ok, no],
  ['dismissFlags', no, no, no, no, ok, ok, no],
  ['moveThread', no, no, no, no, ok, ok, no],
  ['updateEnterpriseProfile', no, no, no, ok, no, ok, no],
  ['linkEnterprisePractice', no, no, no, ok, no, ok, no],
  ['unlinkEnterprisePractice', no, no, no, ok, no, ok, no],
  ['createProgrammeFramework', no, no, no, no, no, ok, no],
  ['proposeTask', no, no, ok, no, no, ok, no],
  ['acceptProposal', no, no, no, no, no, ok, no],
  ['declineProposal', no, no, no, no, no, ok, no],
  ['createTask', no, no, no, no, no, ok, no],
  ['updateTask', no, no, no, no, no, ok, no],
  ['setTaskStatus', no, no, no, no, no, ok, no],
  ['addTaskNote', no, no, no, no, no, ok, no],
  ['addTaskLink', no, no, no, no, no, ok, no],
  ['removeTaskLink', no, no, no, no, no, ok, no],
  ['submitHelpdeskRequest', no, no, ok, no, no, no, no],
  ['triageHelpdeskRequest', no, no, no, no, no, ok, no],
  ['closeHelpdeskRequest', no, no, no, no, no, ok, no],
  ['reopenHelpdeskRequest', no, ok, ok, ok, ok, ok, no],
  ['updateHelpdeskSettings', no, no, no, no, no, ok, no],
  ['publishFaqEntry', no, no, no, no, no, ok, no],
  ['updateFaqEntry', no, no, no, no, no, ok, no],
  ['unpublishFaqEntry', no, no, no, no, no, ok, no],
] as const satisfies readonly Row<string>[];

useAuthorizationWorld();

/* Mutations */

interface MutationAttempt {
  query: string;
  variables?: Record<string, unknown>;
  /** What an allowed call must have done (`before` is the database just before the call). */
  effect: (response: GraphQLResponse, before: Snapshot) => Promise<void>;
}

const RESULT = `__typename ... on Error { code message }`;
const mutation = (name: string, inputType: string | null, selection = '') =>
  inputType ? `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} ${selection} } }` : `mutation { ${name} { ${RESULT} ${selection} } }`;

const tokenOf = (actor: Actor) => actor.cookie!.slice('session='.length);
const expertDoc = (id: string) => Expert.findById(id).lean();

/** A draft collection by another curator, holding one published practice (or none). */
async function draftCollection(withItem: boolean) {
  const curator = await person('curator-owner');
  const practice = await Practice.create({ title: `Cách làm ${nextSerial()}`, authors: [curator.id], status: 'published', publishedAt: new Date() });
  const collection = await Collection.create({ title: 'Bộ sưu tập nháp', slug: `nhap-${nextSerial()}`, createdBy: curator.id, items: withItem ? [{ practice: practice._id, note: '' }] : [] });
  return { collection, practice, gid: globalId('Collection', String(collection._id)) };
}

/** A published practice of a ministry, adopted in Đà Nẵng by someone else (the personas' organisation is the Đà Nẵng department). */
async function othersReplication() {
  const recorder = await person('recorder');
  const practice = await Practice.create({ title: `Cách làm ${nextSerial()}`, authors: [recorder.id], organization: 'bo-khcn', status: 'published', publishedAt: new Date() });
  const replication = await Replication.create({
    practice: practice._id,
    organization: 'so-khcn-da-nang',
    place: 'da-nang',
    year: 2025,
    month: 6,
    changes: 'Áp dụng cho cấp xã',
    recordedBy: recorder.id,
  });
  return { replication, gid: globalId('Replication', replication._id) };
}

/** An enterprise with a profile listing one published practice (the profile's practice), for the enterprise rows. */
async function enterpriseWithPractice() {
  const slug = `doanh-nghiep-${nextSerial()}`;
  await Organization.create({ _id: slug, name: `Công ty Công nghệ ${slug}`, kind: 'enterprise', kindRank: 5, current: true, sortName: slug });
  const author = await person('practice-author');
  const practice = await Practice.create({ title: `Cách làm ${nextSerial()}`, authors: [author.id], status: 'published', publishedAt: new Date() });
  await EnterpriseProfile.create({ _id: slug, name: slug, sortName: slug, capabilities: ['cloud'], practices: [{ practice: practice._id, role: 'Cung cấp nền tảng' }] });
  return { slug, practice, gid: globalId('Practice', String(practice._id)) };
}

/** A discussion by someone else, for the moderation rows (with one open flag when `flagged`). */
/**
 * A group none of the personas is in, with a member of its own, their waiting proposal, and a task
 * given to them (with one document linked): only the group's leads, its member and admins act on these.
 */
async function groupWork() {
  const slug = `nhom-viec-${nextSerial()}`;
  await Group.create({ _id: slug, kind: 'expert', name: 'Nhóm thử quyền', nameEn: 'Rights group', discussionAccess: 'public', order: 9 });
  const member = await person('task-member', { verified: true });
  await GroupMember.create({ group: slug, expert: member.id, role: 'member' });
  const proposal = await Proposal.create({ group: slug, proposer: member.id, title: 'Đề xuất thử quyền', description: 'Mô tả' });
  const link = { kind: 'document', url: 'https://tailieu.example.vn/co-san.pdf', title: 'Có sẵn', addedBy: member.id, addedAt: new Date() };
  const task = await Task.create({
    group: slug,
    title: 'Nhiệm vụ thử quyền',
    responsibleExpert: member.id,
    dueOn: '2099-01-01',
    dueAt: new Date('2099-01-01T17:00:00Z'),
    createdBy: member.id,
    links: [link],
  });
  return { slug, member, proposal, proposalGid: globalId('Proposal', String(proposal._id)), task, taskGid: globalId('Task', String(task._id)) };
}
const dueLater = () => vietnamToday(Date.now() + 5 * DAY);

async function othersThread(flagged = false) {
  const author = await person('thread-author');
  const thread = await Thread.create({ kind: 'discussion', title: `Chủ đề cần xem xét ${nextSerial()}`, author: author.id, topics: ['du-lieu-so'], lastActivityAt: new Date() });
  if (flagged) await FlaggedItem.create({ kind: 'thread', target: thread._id, thread: thread._id, state: 'open', flaggerCount: 1, reasonCounts: { spam: 1 }, activityAt: new Date() });
  return { thread, gid: globalId('Thread', String(thread._id)) };
}

const MUTATIONS: Record<(typeof MUTATION_MATRIX)[number][0], { success: string; prepare: (actor: Actor) => Promise<MutationAttempt> }> = {
  proposeTask: {
    success: 'ProposeTaskPayload',
    prepare: async () => {
      const { slug } = await groupWork();
      return {
        query: mutation('proposeTask', 'ProposeTaskInput'),
        variables: { input: { group: slug, title: 'Đề xuất của người gọi', description: 'Mô tả' } },
        effect: async () => expect(await Proposal.countDocuments({ group: slug, title: 'Đề xuất của người gọi' })).toBe(1),
      };
    },
  },
  acceptProposal: {
    success: 'AcceptProposalPayload',
    prepare: async () => {
      const { proposal, proposalGid, member } = await groupWork();
      return {
        query: mutation('acceptProposal', 'AcceptProposalInput'),
        variables: { input: { proposalId: proposalGid, version: 1, responsibleExpertId: member.gid, dueOn: dueLater() } },
        effect: async () => expect((await Proposal.findById(proposal._id).lean())!.status).toBe('accepted'),
      };
    },
  },
  declineProposal: {
    success: 'DeclineProposalPayload',
    prepare: async () => {
      const { proposal, proposalGid } = await groupWork();
      return {
        query: mutation('declineProposal', 'DeclineProposalInput'),
        variables: { input: { proposalId: proposalGid, version: 1, reason: 'Trùng việc' } },
        effect: async () => expect((await Proposal.findById(proposal._id).lean())!.declineReason).toBe('Trùng việc'),
      };
    },
  },
  createTask: {
    success: 'CreateTaskPayload',
    prepare: async () => {
      const { slug, member } = await groupWork();
      return {
        query: mutation('createTask', 'CreateTaskInput'),
        variables: { input: { group: slug, title: 'Nhiệm vụ của người gọi', responsibleExpertId: member.gid, dueOn: dueLater() } },
        effect: async () => expect(await Task.countDocuments({ group: slug, title: 'Nhiệm vụ của người gọi' })).toBe(1),
      };
    },
  },
  updateTask: {
    success: 'UpdateTaskPayload',
    prepare: async () => {
      const { task, taskGid } = await groupWork();
      return {
        query: mutation('updateTask', 'UpdateTaskInput'),
        variables: { input: { taskId: taskGid, version: 1, title: 'Tiêu đề đã sửa' } },
        effect: async () => expect((await Task.findById(task._id).lean())!.title).toBe('Tiêu đề đã sửa'),
      };
    },
  },
  setTaskStatus: {
    success: 'SetTaskStatusPayload',
    prepare: async () => {
      const { task, taskGid } = await groupWork();
      return {
        query: mutation('setTaskStatus', 'SetTaskStatusInput'),
        variables: { input: { taskId: taskGid, version: 1, status: 'DROPPED', reason: 'Không cần nữa' } },
        effect: async () => expect((await Task.findById(task._id).lean())!.status).toBe('dropped'),
      };
    },
  },
  addTaskNote: {
    success: 'AddTaskNotePayload',
    prepare: async () => {
      const { task, taskGid } = await groupWork();
      return {
        query: mutation('addTaskNote', 'AddTaskNoteInput'),
        variables: { input: { taskId: taskGid, body: 'Tiến độ' } },
        effect: async () => expect(await TaskNote.countDocuments({ task: task._id })).toBe(1),
      };
    },
  },
  addTaskLink: {
    success: 'AddTaskLinkPayload',
    prepare: async () => {
      const { task, taskGid } = await groupWork();
      return {
        query: mutation('addTaskLink', 'AddTaskLinkInput'),
        variables: { input: { taskId: taskGid, url: 'https://tailieu.example.vn/moi.pdf', title: 'Tài liệu mới' } },
        effect: async () => expect((await Task.findById(task._id).lean())!.links).toHaveLength(2),
      };
    },
  },
  removeTaskLink: {
    success: 'RemoveTaskLinkPayload',
    prepare: async () => {
      const { task, taskGid } = await groupWork();
      return {
        query: mutation('removeTaskLink', 'RemoveTaskLinkInput'),
        variables: { input: { taskId: taskGid, linkId: String(task.links[0]!._id) } },
        effect: async () => expect((await Task.findById(task._id).lean())!.links).toHaveLength(0),
      };
    },
  },
  signUp: {
    success: 'SignUpPayload',
    prepare: async () => {
      const email = `moi.${nextSerial()}@example.vn`;
      return {
        query: mutation('signUp', 'SignUpInput', '... on SignUpPayload { email }'),
        variables: { input: { name: 'Đặng Thu Trang', email, password: PASSWORD } },
        effect: async (response) => {
          expect(response.data.signUp.email).toEqual(email);
          expect(await Account.countDocuments({ emailKey: email })).toBe(1);
          // Sign-up signs nobody in: the same answer as for an address that has an account.
          expect(cookieFrom(response)).toBeNull();
        },
      };
    },
  },
  signIn: {
    success: 'SignInPayload',
    prepare: async (actor) => {
      // The anonymous visitor signs in to an existing account; everyone else to their own.
      const account = actor.person ?? (await person('visitor'));
      const sessionsBefore = await Session.countDocuments({ expert: account.id });
      return {
        query: mutation('signIn', 'SignInInput', '... on SignInPayload { viewer { handle } }'),
        variables: { input: { email: account.email, password: PASSWORD } },
        effect: async (response) => {
          expect(response.data.signIn.viewer).toEqual({ handle: account.handle });
          expect(await Session.countDocuments({ expert: account.id })).toBe(sessionsBefore + 1);
          const cookie = cookieFrom(response);
          expect(cookie).not.toBeNull();
          expect(await Session.exists({ _id: hashToken(cookie!.slice('session='.length)), expert: account.id })).not.toBeNull();
        },
      };
    },
  },
  signOut: {
    success: 'DonePayload',
    prepare: async (actor) => ({
      query: mutation('signOut', null),
      effect: async (response, before) => {
        expect(response.setCookies.some((c) => /^session=;/.test(c))).toBe(true);
        if (actor.live) expect(await Session.exists({ _id: hashToken(tokenOf(actor)) })).toBeNull();
        // Signed out already: nothing to end, nothing changes.
        else expect(await snapshot()).toEqual(before);
      },
    }),
  },
  signOutEverywhere: {
    success: 'DonePayload',
    prepare: async (actor) => {
      if (actor.person) await createSession(actor.person.id, 'Điện thoại');
      return {
        query: mutation('signOutEverywhere', null),
        effect: async () => expect(await Session.countDocuments({ expert: actor.person!.id })).toBe(0),
      };
    },
  },
  changePassword: {
    success: 'ChangePasswordPayload',
    prepare: async (actor) => ({
      query: mutation('changePassword', 'ChangePasswordInput'),
      variables: { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } },
      effect: async (response) => {
        const account = await Account.findById(actor.person!.id).lean();
        expect(await verify(account!.passwordHash, NEW_PASSWORD)).toBe(true);
        expect(await Session.exists({ _id: hashToken(tokenOf(actor)) })).toBeNull();
        expect(cookieFrom(response)).not.toBeNull();
      },
    }),
  },
  updateProfile: {
    success: 'UpdateProfilePayload',
    prepare: async (actor) => ({
      query: mutation('updateProfile', 'UpdateProfileInput', '... on UpdateProfilePayload { expert { bio } }'),
      variables: { input: { bio: 'Mười năm làm kiến trúc Chính phủ điện tử cấp tỉnh.' } },
      effect: async () => expect((await expertDoc(actor.person!.id))!.bio).toBe('Mười năm làm kiến trúc Chính phủ điện tử cấp tỉnh.'),
    }),
  },
  setAvatar: {
    success: 'SetAvatarPayload',
    prepare: async (actor) => ({
      query: mutation('setAvatar', 'SetAvatarInput'),
      variables: { input: { image: PNG } },
      effect: async () => {
        const avatar = (await expertDoc(actor.person!.id))!.avatar;
        expect(avatar).not.toBeNull();
        expect(await Avatar.findById(avatar).lean()).toMatchObject({ contentType: 'image/png' });
      },
    }),
  },
  removeAvatar: {
    success: 'RemoveAvatarPayload',
    prepare: async (actor) => {
      // Everyone with a profile has a picture to lose, so a wrongly allowed call would show.
      if (actor.person) {
        const avatar = await Avatar.create({ expert: actor.person.id, contentType: 'image/png', data: Buffer.from(PNG, 'base64') });
        await Expert.updateOne({ _id: actor.person.id }, { $set: { avatar: avatar._id } });
      }
      return {
        query: mutation('removeAvatar', null),
        effect: async () => {
          expect((await expertDoc(actor.person!.id))!.avatar).toBeNull();
          expect(await Avatar.countDocuments({ expert: actor.person!.id })).toBe(0);
        },
      };
    },
  },
  endSession: {
    success: 'DonePayload',
    prepare: async (actor) => {
      // One's own other browser; the anonymous visitor aims at a stranger's.
      const owner = actor.person ?? (await person('stranger'));
      const { session } = await createSession(owner.id, 'Máy tính ở cơ quan');
      return {
        query: mutation('endSession', 'EndSessionInput'),
        variables: { input: { sessionId: session._id } },
        effect: async () => {
          expect(await Session.exists({ _id: session._id })).toBeNull();
          if (actor.live) expect(await Session.exists({ _id: hashToken(tokenOf(actor)) })).not.toBeNull();
        },
      };
    },
  },
  requestVerification: {
    success: 'RequestVerificationPayload',
    prepare: async (actor) => ({
      query: mutation('requestVerification', 'RequestVerificationInput', '... on RequestVerificationPayload { request { status } }'),
      variables: { input: { statement: 'Trưởng phòng CNTT, học viên khóa 100 chuyên gia năm 2019.', cohort: 'cpdt-100-2019' } },
      effect: async (response) => {
        expect(response.data.requestVerification.request).toEqual({ status: 'PENDING' });
        expect(await VerificationRequest.countDocuments({ expert: actor.person!.id, status: 'pending' })).toBe(1);
      },
    }),
  },
  decideVerification: {
    success: 'DecideVerificationPayload',
    prepare: async () => {
      const applicant = await person('applicant');
      const request = await VerificationRequest.create({ expert: applicant.id, statement: 'Giám đốc Trung tâm CNTT tỉnh, khóa 2019.', cohort: 'cpdt-100-2019' });
      return {
        query: mutation('decideVerification', 'DecideVerificationInput'),
        variables: { input: { requestId: String(request._id), approve: true } },
        effect: async () => {
          expect((await expertDoc(applicant.id))!.verifiedAt).toBeInstanceOf(Date);
          expect((await VerificationRequest.findById(request._id).lean())!.status).toBe('approved');
          expect(await AuditEntry.countDocuments({ subject: applicant.id, action: 'expert.verified' })).toBe(1);
        },
      };
    },
  },
  createProgrammeFramework: {
    success: 'CreateProgrammeFrameworkPayload',
    prepare: async () => {
      const code = `NQ-THU-${nextSerial()}`;
      return {
        query: mutation('createProgrammeFramework', 'CreateProgrammeFrameworkInput'),
        variables: { input: { code, title: 'Bộ tiêu chí thử nghiệm' } },
        effect: async () => {
          expect((await ProgrammeFramework.findOne({ code }).lean())!.status).toBe('draft');
          expect(await AuditEntry.countDocuments({ action: 'programme.framework-created', framework: code })).toBe(1);
        },
      };
    },
  },
  changeRole: {
    success: 'ChangeRolePayload',
    prepare: async () => {
      const target = await person('target');
      return {
        query: mutation('changeRole', 'ChangeRoleInput'),
        variables: { input: { expertId: target.gid, role: 'CURATOR', reason: 'Phụ trách duyệt hồ sơ' } },
        effect: async () => {
          expect((await expertDoc(target.id))!.role).toBe('curator');
          expect(await AuditEntry.countDocuments({ subject: target.id, action: 'role.changed' })).toBe(1);
        },
      };
    },
  },
  suspendExpert: {
    success: 'SuspendExpertPayload',
    prepare: async () => {
      const target = await person('target');
      const until = new Date(Date.now() + 7 * DAY).toISOString();
      return {
        query: mutation('suspendExpert', 'SuspendExpertInput'),
        variables: { input: { expertId: target.gid, until, reason: 'Đăng quảng cáo' } },
        effect: async () => {
          expect((await expertDoc(target.id))!.suspendedUntil?.toISOString()).toBe(until);
          expect(await AuditEntry.countDocuments({ subject: target.id, action: 'expert.suspended' })).toBe(1);
        },
      };
    },
  },
  unsuspendExpert: {
    success: 'UnsuspendExpertPayload',
    prepare: async () => {
      const target = await person('target', { suspended: true });
      return {
        query: mutation('unsuspendExpert', 'UnsuspendExpertInput'),
        variables: { input: { expertId: target.gid, reason: 'Đã cam kết' } },
        effect: async () => {
          expect((await expertDoc(target.id))!.suspendedUntil).toBeNull();
          expect(await AuditEntry.countDocuments({ subject: target.id, action: 'expert.unsuspended' })).toBe(1);
        },
      };
    },
  },
  createCollection: {
    success: 'CreateCollectionPayload',
    prepare: async () => ({
      query: mutation('createCollection', 'CreateCollectionInput', '... on CreateCollectionPayload { collection { slug status } }'),
      variables: { input: { title: 'Kết nối, chia sẻ dữ liệu' } },
      effect: async (response) => {
        expect(response.data.createCollection.collection).toEqual({ slug: 'ket-noi-chia-se-du-lieu', status: 'DRAFT' });
        expect(await AuditEntry.countDocuments({ action: 'collection.created' })).toBe(1);
      },
    }),
  },
  addCollectionItem: {
    success: 'AddCollectionItemPayload',
    prepare: async () => {
      const { collection, gid } = await draftCollection(false);
      const practice = await Practice.create({ title: 'Cách làm được chọn', authors: [collection.createdBy], status: 'published', publishedAt: new Date() });
      return {
        query: mutation('addCollectionItem', 'AddCollectionItemInput'),
        variables: { input: { collectionId: gid, practiceId: globalId('Practice', String(practice._id)), note: 'Nhân rộng được' } },
        effect: async () => {
          expect((await Collection.findById(collection._id).lean())!.items.map((i) => i.note)).toEqual(['Nhân rộng được']);
          expect(await AuditEntry.countDocuments({ action: 'collection.item-added' })).toBe(1);
        },
      };
    },
  },
  publishCollection: {
    success: 'PublishCollectionPayload',
    prepare: async () => {
      const { collection, gid } = await draftCollection(true);
      return {
        query: mutation('publishCollection', 'PublishCollectionInput'),
        variables: { input: { id: gid } },
        effect: async () => {
          expect((await Collection.findById(collection._id).lean())!.status).toBe('published');
          expect(await AuditEntry.countDocuments({ action: 'collection.published' })).toBe(1);
        },
      };
    },
  },
  recordReplication: {
    success: 'RecordReplicationPayload',
    prepare: async () => {
      const practice = await Practice.create({ title: `Cách làm ${nextSerial()}`, authors: [(await person('author')).id], organization: 'bo-khcn', status: 'published', publishedAt: new Date() });
      return {
        query: mutation('recordReplication', 'RecordReplicationInput'),
        variables: { input: { practiceId: globalId('Practice', String(practice._id)), organization: 'so-khcn-da-nang', place: 'da-nang', year: 2025, month: 6, changes: 'Áp dụng cho cấp xã' } },
        effect: async () => expect(await Replication.countDocuments({ practice: practice._id })).toBe(1),
      };
    },
  },
  updateReplication: {
    success: 'UpdateReplicationPayload',
    prepare: async () => {
      const { replication, gid } = await othersReplication();
      return {
        query: mutation('updateReplication', 'UpdateReplicationInput'),
        variables: { input: { id: gid, version: 1, result: 'Giảm một nửa thời gian xử lý' } },
        effect: async () => expect((await Replication.findById(replication._id).lean())!.result).toBe('Giảm một nửa thời gian xử lý'),
      };
    },
  },
  removeReplication: {
    success: 'RemoveReplicationPayload',
    prepare: async () => {
      const { replication, gid } = await othersReplication();
      return {
        query: mutation('removeReplication', 'RemoveReplicationInput'),
        variables: { input: { id: gid } },
        effect: async () => {
          expect(await Replication.countDocuments({ _id: replication._id })).toBe(0);
          expect(await AuditEntry.countDocuments({ action: 'replication.removed' })).toBe(1);
        },
      };
    },
  },
  flagContent: {
    success: 'FlagContentPayload',
    prepare: async (actor) => {
      const { thread, gid } = await othersThread();
      return {
        query: mutation('flagContent', 'FlagContentInput', '... on FlagContentPayload { counted }'),
        variables: { input: { threadId: gid, reason: 'SPAM' } },
        effect: async (response) => {
          expect(response.data.flagContent.counted).toBe(true);
          const item = `thread:${thread._id}`;
          expect((await Flag.find({ item, round: 0 }).lean()).map((f) => String(f.flagger))).toEqual([actor.person!.id]);
          expect((await FlaggedItem.findById(item).lean())!.flaggerCount).toBe(1);
        },
      };
    },
  },
  hideContent: {
    success: 'HideContentPayload',
    prepare: async () => {
      const { thread, gid } = await othersThread(true);
      return {
        query: mutation('hideContent', 'HideContentInput'),
        variables: { input: { threadId: gid, reason: 'Quảng cáo lặp lại' } },
        effect: async () => {
          expect((await Thread.findById(thread._id).lean())!.hiddenAt).toBeInstanceOf(Date);
          expect(await AuditEntry.countDocuments({ action: 'thread.hidden', thread: thread._id })).toBe(1);
        },
      };
    },
  },
  dismissFlags: {
    success: 'DismissFlagsPayload',
    prepare: async () => {
      const { thread, gid } = await othersThread(true);
      return {
        query: mutation('dismissFlags', 'DismissFlagsInput'),
        variables: { input: { threadId: gid, reason: 'Đúng chủ đề, giữ lại' } },
        effect: async () => {
          expect((await FlaggedItem.findById(`thread:${thread._id}`).lean())!.state).toBe('dismissed');
          expect(await AuditEntry.countDocuments({ action: 'flags.dismissed', thread: thread._id })).toBe(1);
        },
      };
    },
  },
  moveThread: {
    success: 'MoveThreadPayload',
    prepare: async () => {
      const { thread, gid } = await othersThread();
      return {
        query: mutation('moveThread', 'MoveThreadInput'),
        variables: { input: { threadId: gid, topics: ['an-toan-thong-tin'], reason: 'Đúng chủ đề an toàn thông tin hơn' } },
        effect: async () => {
          expect((await Thread.findById(thread._id).lean())!.topics).toEqual(['an-toan-thong-tin']);
          expect(await AuditEntry.countDocuments({ action: 'thread.moved', thread: thread._id })).toBe(1);
        },
      };
    },
  },
  updateEnterpriseProfile: {
    success: 'UpdateEnterpriseProfilePayload',
    prepare: async () => {
      const { slug } = await enterpriseWithPractice();
      return {
        query: mutation('updateEnterpriseProfile', 'UpdateEnterpriseProfileInput'),
        variables: { input: { organization: slug, capabilities: ['CYBERSECURITY'] } },
        effect: async () => {
          expect((await EnterpriseProfile.findById(slug).lean())!.capabilities).toEqual(['cybersecurity']);
          expect(await AuditEntry.countDocuments({ action: 'enterprise.updated', organization: slug })).toBe(1);
        },
      };
    },
  },
  linkEnterprisePractice: {
    success: 'LinkEnterprisePracticePayload',
    prepare: async () => {
      const { slug, gid } = await enterpriseWithPractice();
      return {
        query: mutation('linkEnterprisePractice', 'LinkEnterprisePracticeInput'),
        variables: { input: { enterprise: slug, practiceId: gid, role: 'Vận hành hệ thống' } },
        effect: async () => expect((await EnterpriseProfile.findById(slug).lean())!.practices.map((p) => p.role)).toEqual(['Vận hành hệ thống']),
      };
    },
  },
  unlinkEnterprisePractice: {
    success: 'UnlinkEnterprisePracticePayload',
    prepare: async () => {
      const { slug, gid } = await enterpriseWithPractice();
      return {
        query: mutation('unlinkEnterprisePractice', 'UnlinkEnterprisePracticeInput'),
        variables: { input: { enterprise: slug, practiceId: gid } },
        effect: async () => expect((await EnterpriseProfile.findById(slug).lean())!.practices).toEqual([]),
      };
    },
  },
  // The help desk: the desk is the standing group and admins (only the admin column here); the asker reopens.
  submitHelpdeskRequest: {
    success: 'SubmitHelpdeskRequestPayload',
    prepare: async () => ({
      query: mutation('submitHelpdeskRequest', 'SubmitHelpdeskRequestInput'),
      variables: { input: { title: 'Kết nối LGSP với hệ thống một cửa của tỉnh', organization: 'so-khcn-da-nang' } },
      effect: async () => {
        expect(await HelpdeskRequest.countDocuments({ organization: 'so-khcn-da-nang', status: 'new' })).toBe(1);
      },
    }),
  },
  triageHelpdeskRequest: {
    success: 'TriageHelpdeskRequestPayload',
    prepare: async () => {
      const request = await helpdeskRequest('new');
      return {
        query: mutation('triageHelpdeskRequest', 'TriageHelpdeskRequestInput'),
        variables: { input: { requestId: request.gid, group: HELPDESK_GROUP, assigneeId: request.assigneeGid } },
        effect: async () => {
          expect((await HelpdeskRequest.findById(request.id).lean())!.status).toBe('assigned');
          expect(await AuditEntry.countDocuments({ action: 'helpdesk.triaged', helpdeskRequest: request.id })).toBe(1);
        },
      };
    },
  },
  closeHelpdeskRequest: {
    success: 'CloseHelpdeskRequestPayload',
    prepare: async () => {
      const request = await helpdeskRequest('answered');
      return {
        query: mutation('closeHelpdeskRequest', 'CloseHelpdeskRequestInput'),
        variables: { input: { requestId: request.gid } },
        effect: async () => {
          expect((await HelpdeskRequest.findById(request.id).lean())!.status).toBe('closed');
        },
      };
    },
  },
  reopenHelpdeskRequest: {
    success: 'ReopenHelpdeskRequestPayload',
    prepare: async (actor) => {
      // The actor's own request (the asker is the one who reopens); signed out, someone else's.
      const request = await helpdeskRequest('closed', actor.person ? { askerId: actor.person.id } : {});
      return {
        query: mutation('reopenHelpdeskRequest', 'ReopenHelpdeskRequestInput'),
        variables: { input: { requestId: request.gid, reason: 'Chưa rõ phần chứng thư số' } },
        effect: async () => {
          expect(await HelpdeskRequest.findById(request.id).lean()).toMatchObject({ status: 'assigned', reopenCount: 1 });
        },
      };
    },
  },
  updateHelpdeskSettings: {
    success: 'UpdateHelpdeskSettingsPayload',
    prepare: async () => ({
      query: mutation('updateHelpdeskSettings', 'UpdateHelpdeskSettingsInput'),
      variables: { input: { openings: [{ weekday: 1, opensAt: 480, closesAt: 1020 }], holidays: ['2027-01-01'], firstResponseTargetHours: 4, resolutionTargetHours: 20, version: 0 } },
      effect: async () => {
        expect(await HelpdeskSettings.findById('desk').lean()).toMatchObject({ firstResponseTargetHours: 4, holidays: ['2027-01-01'] });
      },
    }),
  },
  publishFaqEntry: {
    success: 'PublishFaqEntryPayload',
    prepare: async () => {
      const request = await helpdeskRequest('closed');
      return {
        query: mutation('publishFaqEntry', 'PublishFaqEntryInput'),
        variables: { input: { requestId: request.gid } },
        effect: async () => {
          expect(await FaqEntry.countDocuments({ _id: request.id })).toBe(1);
        },
      };
    },
  },
  updateFaqEntry: {
    success: 'UpdateFaqEntryPayload',
    prepare: async () => {
      const request = await helpdeskRequest('closed', { faq: true });
      return {
        query: mutation('updateFaqEntry', 'UpdateFaqEntryInput'),
        variables: { input: { id: request.faqGid, title: 'Hỏi đáp đã sửa', version: 1 } },
        effect: async () => {
          expect((await FaqEntry.findById(request.id).lean())!.title).toBe('Hỏi đáp đã sửa');
        },
      };
    },
  },
  unpublishFaqEntry: {
    success: 'UnpublishFaqEntryPayload',
    prepare: async () => {
      const request = await helpdeskRequest('closed', { faq: true });
      return {
        query: mutation('unpublishFaqEntry', 'UnpublishFaqEntryInput'),
        variables: { input: { id: request.faqGid } },
        effect: async () => {
          expect(await FaqEntry.countDocuments({ _id: request.id })).toBe(0);
        },
      };
    },
  },
};

const TYPED_REFUSALS: Partial<Record<Outcome, { __typename: string; code: string }>> = {
  [no]: { __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' },
  ConflictError: { __typename: 'ConflictError', code: 'CONFLICT' },
  SuspendedError: { __typename: 'SuspendedError', code: 'SUSPENDED' },
};

describe.each(MUTATION_MATRIX)('%s', (name, ...cells) => {
  it.each(cellsOf(cells))('%s: %s', async (column, outcome) => {
    const actor = await actorFor(column);
    const attempt = await MUTATIONS[name].prepare(actor);
    await confirmIdentity(actor);
    const before = await snapshot();
    const response = await graphql(attempt.query, attempt.variables, { cookie: actor.cookie });
    expect(response.errors).toBeUndefined();
    const result = response.data[name];

    if (outcome === ok) {
      expect(result.__typename).toBe(MUTATIONS[name].success);
      await attempt.effect(response, before);
    } else {
      expect(result).toMatchObject(TYPED_REFUSALS[outcome]!);
      expect(await snapshot()).toEqual(before);
      // No session was handed out either.
      expect(cookieFrom(response)).toBeNull();
    }
  });
});
