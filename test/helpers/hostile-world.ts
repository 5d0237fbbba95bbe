// Over 400 lines: the people, the database and every operation's valid call belong together (see hostile-corpus.ts).
import { verify } from '@node-rs/argon2';
import mongoose from 'mongoose';
import { beforeAll } from 'vitest';
import { Account } from '../../schema/account/model.ts';
import { AuditEntry } from '../../schema/audit/model.ts';
import { record } from '../../schema/audit/service.ts';
import { Avatar } from '../../schema/avatar/model.ts';
import { Cohort } from '../../schema/cohort/model.ts';
import { Expert, type Role } from '../../schema/expert/model.ts';
import { Organization } from '../../schema/organization/model.ts';
import { Place } from '../../schema/place/model.ts';
import { anyOf } from '../../schema/query.ts';
import { Session } from '../../schema/session/model.ts';
import { createSession } from '../../schema/session/service.ts';
import { Topic } from '../../schema/topic/model.ts';
import { VerificationRequest } from '../../schema/verification/model.ts';
import { Thread } from '../../schema/discussion/model.ts';
import { EnterpriseProfile } from '../../schema/enterprise/model.ts';
import { GroupMember } from '../../schema/group/model.ts';
import { FaqEntry, HelpdeskRequest, HelpdeskSettings } from '../../schema/helpdesk/model.ts';
import { Practice } from '../../schema/practice/model.ts';
import { ProgrammeFramework, ProgrammeReport, ProgrammeReporter } from '../../schema/programme/model.ts';
import { Proposal, Task, TaskNote } from '../../schema/task/model.ts';
import { loadGroups } from '../../seeds/groups.ts';
import { DAY, globalId, NEW_PASSWORD, PASSWORD, PNG, personWithAccount } from './accounts.ts';
import { useTestDatabase } from './database.ts';
import { createReferenceData } from './factories.ts';
import { organizationKindRank } from '../../schema/organization/service.ts';
import { fieldOf, type OperationName } from './hostile-corpus.ts';

export { DAY, globalId, PASSWORD, PNG } from './accounts.ts';

/* Personas */

export const STATEMENT = 'Trưởng phòng CNTT tỉnh, học viên khóa 100 chuyên gia năm 2019.';

export interface Person {
  id: string;
  gid: string;
  handle: string;
  email: string;
  cookie: string;
}

let serial = 0;

async function person(name: string, handle: string, traits: { role?: Role; suspended?: boolean; verified?: boolean } = {}): Promise<Person> {
  const made = await personWithAccount(handle, name, traits);
  const cookie = traits.suspended ? '' : `session=${(await createSession(made.id, 'vitest')).token}`;
  return { ...made, cookie };
}

/** Someone made for one case, whose documents that case may change. */
export const throwaway = (traits: { role?: Role; suspended?: boolean; verified?: boolean } = {}) => person(`Người Thử ${++serial}`, `fresh.${serial}`, traits);

/*
 * The long-lived personas. Their names share no word prefix with the corpus, so a search for any
 * corpus text must find nobody (a search that found everyone would mean the text became a filter).
 */
export const people = {} as {
  /** Sends hostile input about their own account. */
  self: Person;
  /** The target of staff actions; has a second browser and a pending request. */
  victim: Person;
  /** Suspended; the target of unsuspendExpert. */
  prisoner: Person;
  admin: Person;
  moderator: Person;
  curator: Person;
};
export const standingIds = () => Object.values(people).map((p) => p.id);

export const world = {
  victimRequestId: '',
  /** Issue 13's standing work: self's proposal to the cybersecurity group, and the task it carries. */
  proposalId: '',
  taskId: '',
  /** A draft framework of programme criteria. */
  draftId: '',
  /** Self's answered help-desk request, published in the FAQ (the entry shares its id). */
  requestId: '',
  /** A published practice, for the enterprises' links to practices. */
  practiceId: '',
  /** The whole database once the personas were made. */
  initial: {} as Docs,
  /** Everything retired throwaway people had stored, for the corpus-wide checks at the end. */
  retired: {} as Docs,
  /** How many throwaway people were retired into `retired` (one per stored case that ran). */
  retiredPeople: 0,
};

/* The database */

/** Issue 13's collections: an accepted call's new documents there are its own (see `madeBy`). */
const WORK_MODELS = [GroupMember, Proposal, Task, TaskNote, HelpdeskRequest, FaqEntry, HelpdeskSettings, EnterpriseProfile, Thread, ProgrammeFramework, ProgrammeReporter, ProgrammeReport];
/** The ids among `ids` that can be keys of `model` (its _id is an ObjectId or a string). */
const keysOf = (model: mongoose.Model<any>, ids: string[]) => (model.schema.path('_id').instance === 'ObjectId' ? ids.filter((id) => mongoose.isObjectIdOrHexString(id)) : ids);
export const WRITABLE = [Expert, Account, Session, VerificationRequest, AuditEntry, Avatar, ...WORK_MODELS].map((m) => m.collection.collectionName);
export const REFERENCE = [Place, Organization, Topic, Cohort].map((m) => m.collection.collectionName);

export type Docs = Record<string, Record<string, any>[]>;

export async function read(names: string[]): Promise<Docs> {
  const db = mongoose.connection.db!;
  // Sorted by _id: a stable order, and a scan MongoDB serves from the _id index.
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await db.collection(name).find().sort({ _id: 1 }).toArray()] as const)));
}

export const owned = (doc: Record<string, any>, owners: Set<string>) => [doc._id, doc.expert, doc.subject].some((v) => v != null && owners.has(String(v)));

/** Canonical Extended JSON of the documents, leaving out those of `owners`: ObjectIds, dates and bytes compare exactly. */
export const comparable = (docs: Docs, owners = new Set<string>()) =>
  mongoose.mongo.BSON.EJSON.serialize(Object.fromEntries(Object.entries(docs).map(([name, list]) => [name, list.filter((d) => !owned(d, owners))])), { relaxed: false });

/** Deletes everything of these people, keeping a copy in `retired` when asked. */
export async function retire(ids: string[], { keep }: { keep: boolean }) {
  const documents = ids;
  ids = keysOf(Expert, ids);
  if (keep) {
    world.retiredPeople++;
    const owners = new Set(documents);
    for (const [name, list] of Object.entries(await read(WRITABLE))) world.retired[name]!.push(...list.filter((d) => owned(d, owners)));
  }
  await Expert.deleteMany({ _id: anyOf(ids) });
  await Account.deleteMany({ _id: anyOf(ids) });
  await Session.deleteMany({ expert: anyOf(ids) });
  await VerificationRequest.deleteMany({ expert: anyOf(ids) });
  await Avatar.deleteMany({ expert: anyOf(ids) });
  await AuditEntry.deleteMany({ subject: anyOf(ids) });
  // Issue 13's documents a case made or prepared are among `ids` by their own id.
  for (const model of [AuditEntry, ...WORK_MODELS] as mongoose.Model<any>[]) {
    await model.deleteMany({ _id: anyOf(keysOf(model, documents)) });
  }
}

/** This file's database with the reference data and the long-lived personas, for the whole file. */
export function useHostileWorld() {
  useTestDatabase();
  beforeAll(async () => {
    world.retired = Object.fromEntries(WRITABLE.map((name) => [name, []]));
    await createReferenceData();
    people.self = await person('Phạm Thị Thử', 'self.thu');
    people.victim = await person('Lê Văn Bị', 'victim.bi');
    people.prisoner = await person('Đỗ Văn Giam', 'prisoner.giam', { suspended: true });
    people.admin = await person('Trần Quản Trị', 'admin.tri', { role: 'admin' });
    people.moderator = await person('Vũ Điều Hành', 'moderator.hanh', { role: 'moderator' });
    people.curator = await person('Ngô Thẩm Định', 'curator.dinh', { role: 'curator' });
    await createSession(people.victim.id, 'Điện thoại');
    world.victimRequestId = String((await VerificationRequest.create({ expert: people.victim.id, statement: STATEMENT, cohort: 'cpdt-100-2019' }))._id);
    await record('role.changed', people.admin.id, people.victim.id, { from: 'member', to: 'member', reason: 'Ghi chép ban đầu' });
    // Issue 13: the five groups, self in the cybersecurity group, an enterprise, self's proposal and a task self carries.
    await loadGroups();
    await GroupMember.create({ group: CYBER, expert: people.self.id, role: 'member' });
    await Organization.create({
      _id: ENTERPRISE,
      name: 'Công ty Cổ phần Giải pháp Số Thử',
      kind: 'enterprise',
      kindRank: organizationKindRank('enterprise'),
      current: true,
      sortName: 'cong ty',
      searchTokens: [],
    });
    world.proposalId = String((await Proposal.create({ group: CYBER, proposer: people.self.id, title: 'Diễn tập ứng cứu sự cố', description: 'Tổ chức diễn tập.' }))._id);
    world.taskId = String((await newTask(people.admin.id, people.self.id))._id);
    // The programme: a framework in force with one criterion, and self reporting for Đà Nẵng's department.
    await ProgrammeFramework.create({ code: 'NQ17-THU', title: 'Tiêu chí thử', status: 'active', criteria: [CRITERION], createdBy: people.admin.id });
    await ProgrammeReporter.create({ organization: REPORTING_UNIT, expert: people.self.id });
    world.draftId = String((await newDraft('KHUNG-NHAP'))._id);
    // The help desk: self's answered request and its FAQ entry.
    world.requestId = (await newRequest(people.self.id, 'answered'))._id;
    await newFaqEntry(world.requestId, people.admin.id);
    world.practiceId = String(
      (await Practice.create({ title: 'Nền tảng chia sẻ dữ liệu tỉnh', authors: [people.self.id], organization: REPORTING_UNIT, status: 'published', publishedAt: new Date(), version: 1 }))._id,
    );
    world.initial = await read([...WRITABLE, ...REFERENCE]);
  });
}
/* Operations: what a valid call looks like, and how to read back what it stored */

export type Mode = 'standing' | 'fresh';
export interface Setup {
  cookie?: string;
  variables: Record<string, any>;
  /** The people whose documents an accepted call may change (known after the call for sign-up). */
  owners: () => Promise<string[]>;
  /** What is stored now for the field at `at`, in the form a `stored` expectation gives. */
  stored?: (at: string, sent: unknown) => Promise<unknown>;
}
export interface Operation {
  /** The root field. */
  field: string;
  document: string;
  setup: (mode: Mode, at: string) => Promise<Setup>;
}

const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;
const mutationDocument = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} } }`;
const expertOf = async (id: string) => (await Expert.findById(id).lean())!;
const valueAt = (data: any, path: string) => path.split('.').reduce((v, key) => (v == null ? undefined : v[key]), data);
const latestAuditReason = async (subject: string) => (await AuditEntry.find({ subject }).sort({ createdAt: -1, _id: -1 }).limit(1).lean())[0]?.reason;
const passwordReadBack = async (id: string, sent: unknown) => ((await verify((await Account.findById(id).lean())!.passwordHash, String(sent))) ? sent : '(the stored hash does not verify)');

/* Issue 13: the working group's tools */

export const CYBER = 'nhom-an-toan-an-ninh-mang';
export const ENTERPRISE = 'cong-ty-giai-phap-so-thu';
const WORK_NAMES = [AuditEntry, ...WORK_MODELS].map((m) => m.collection.collectionName);
const idsIn = async () => Object.values(await read(WORK_NAMES)).flatMap((list) => list.map((d) => String(d._id)));
const REPORTING_UNIT = 'so-khcn-da-nang';
const CRITERION = { code: 'CT01', title: 'Tỷ lệ hồ sơ trực tuyến', unit: 'percent', target: '80', level: 'both', order: 0 };
const newDraft = (code: string) => ProgrammeFramework.create({ code, title: 'Bản nháp thử', status: 'draft', criteria: [CRITERION] });
const newRequest = (asker: string, status: 'new' | 'answered') =>
  HelpdeskRequest.create({ _id: String(new mongoose.Types.ObjectId()), asker, organization: REPORTING_UNIT, status, openedAt: new Date(), month: '2026-12' });
const newFaqEntry = (_id: string, publishedBy: string) =>
  FaqEntry.create({
    _id,
    title: 'Kết nối cổng dịch vụ công',
    question: 'Xin hướng dẫn kết nối.',
    answer: 'Dùng trục LGSP của tỉnh.',
    organizationLabel: 'Một sở',
    organizationLabelEn: 'A provincial department',
    publishedAt: new Date(),
    publishedBy,
  });
const newTask = (createdBy: string, responsibleExpert: string) =>
  Task.create({ group: CYBER, title: 'Rà soát cổng dịch vụ công', responsibleExpert, dueOn: '2027-06-30', dueAt: new Date('2027-06-30T17:00:00Z'), createdBy });

/**
 * A call in issue 13's collections: refusals by a long-lived persona, accepted calls by a fresh
 * one whose own are what it made there (found by id, not by a field) and what `prepare` made for it.
 */
async function work(mode: Mode, standing: Person, traits: { role?: Role; verified?: boolean }, prepare: (actor: Person) => Promise<string[]> = async () => []) {
  const actor = mode === 'fresh' ? await throwaway(traits) : standing;
  const prepared = mode === 'fresh' ? await prepare(actor) : [];
  const existing = new Set(await idsIn());
  const made = async () => (await idsIn()).filter((id) => !existing.has(id));
  return {
    actor,
    prepared,
    owners: async () => (mode === 'fresh' ? [actor.id, ...prepared, ...(await made())] : []),
    /** The one document of `model` the call made or the case prepared. */
    docOf: async (model: mongoose.Model<any>) => (await model.find({ _id: anyOf(keysOf(model, [...prepared, ...(await made())])) }).lean())[0] as Record<string, any> | undefined,
  };
}
const workDocument = (name: string, inputType: string) => mutationDocument(name, inputType);

export const OPERATIONS: Record<OperationName, Operation> = {
  setGroupMember: {
    field: 'setGroupMember',
    document: workDocument('setGroupMember', 'SetGroupMemberInput'),
    setup: async () => ({ cookie: people.admin.cookie, variables: { input: { expertId: people.victim.gid, group: CYBER, role: 'MEMBER' } }, owners: async () => [] }),
  },
  removeGroupMember: {
    field: 'removeGroupMember',
    document: workDocument('removeGroupMember', 'RemoveGroupMemberInput'),
    setup: async () => ({ cookie: people.admin.cookie, variables: { input: { expertId: people.self.gid, group: CYBER } }, owners: async () => [] }),
  },
  createThread: {
    field: 'createThread',
    document: workDocument('createThread', 'CreateThreadInput'),
    setup: async () => ({
      cookie: people.self.cookie,
      variables: { input: { kind: 'DISCUSSION', title: 'Diễn tập ứng cứu sự cố tháng 12', body: 'Lịch diễn tập.', group: CYBER } },
      owners: async () => [],
    }),
  },
  proposeTask: {
    field: 'proposeTask',
    document: workDocument('proposeTask', 'ProposeTaskInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' });
      const input = { group: CYBER, title: 'Bộ tiêu chí an toàn cho cổng tỉnh', description: 'Soạn bộ tiêu chí.', rationale: 'Các tỉnh cần.' };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async (at) => valueAt(await w.docOf(Proposal), fieldOf(at)) };
    },
  },
  createTask: {
    field: 'createTask',
    document: workDocument('createTask', 'CreateTaskInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' });
      const input = { group: CYBER, title: 'Rà soát cổng dịch vụ công', description: 'Danh sách lỗi.', responsibleGroup: CYBER, dueOn: '2027-06-30' };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async (at) => valueAt(await w.docOf(Task), fieldOf(at)) };
    },
  },
  declineProposal: {
    field: 'declineProposal',
    document: workDocument('declineProposal', 'DeclineProposalInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' }, async (actor) => [
        String((await Proposal.create({ group: CYBER, proposer: actor.id, title: 'Đề xuất thử', description: 'Nội dung.' }))._id),
      ]);
      const proposalId = globalId('Proposal', w.prepared[0] ?? world.proposalId);
      return {
        cookie: w.actor.cookie,
        variables: { input: { proposalId, version: 1, reason: 'Đã có nhóm khác làm' } },
        owners: w.owners,
        stored: async () => (await w.docOf(Proposal))?.declineReason,
      };
    },
  },
  addTaskNote: {
    field: 'addTaskNote',
    document: workDocument('addTaskNote', 'AddTaskNoteInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' }, async (actor) => [String((await newTask(actor.id, actor.id))._id)]);
      return {
        cookie: w.actor.cookie,
        variables: { input: { taskId: globalId('Task', w.prepared[0] ?? world.taskId), body: 'Đã rà soát 10 thủ tục.' } },
        owners: w.owners,
        stored: async () => (await w.docOf(TaskNote))?.body,
      };
    },
  },
  addTaskLink: {
    field: 'addTaskLink',
    document: workDocument('addTaskLink', 'AddTaskLinkInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' }, async (actor) => [String((await newTask(actor.id, actor.id))._id)]);
      return {
        cookie: w.actor.cookie,
        variables: { input: { taskId: globalId('Task', w.prepared[0] ?? world.taskId), url: 'https://example.vn/bao-cao.pdf', title: 'Báo cáo rà soát' } },
        owners: w.owners,
        stored: async (at) => (await w.docOf(Task))?.links[0]?.[fieldOf(at)],
      };
    },
  },
  submitHelpdeskRequest: {
    field: 'submitHelpdeskRequest',
    document: workDocument('submitHelpdeskRequest', 'SubmitHelpdeskRequestInput'),
    setup: async (mode, at) => {
      const w = await work(mode, people.self, { verified: true });
      const input: Record<string, unknown> = { organization: 'so-khcn-da-nang', title: 'Hướng dẫn kết nối cổng dịch vụ công', body: 'Xin hướng dẫn.' };
      if (at.startsWith('input.topics.')) input.topics = ['du-lieu-so'];
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async (at) => valueAt(await w.docOf(Thread), fieldOf(at)) };
    },
  },
  acceptProposal: {
    field: 'acceptProposal',
    document: mutationDocument('acceptProposal', 'AcceptProposalInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' }, async (actor) => [
        String((await Proposal.create({ group: CYBER, proposer: actor.id, title: 'Đề xuất thử', description: 'Nội dung.' }))._id),
      ]);
      const input = { proposalId: globalId('Proposal', w.prepared[0] ?? world.proposalId), version: 1, responsibleGroup: CYBER, dueOn: '2027-06-30' };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async (at) => valueAt(await w.docOf(Task), fieldOf(at)) };
    },
  },
  updateTask: {
    field: 'updateTask',
    document: workDocument('updateTask', 'UpdateTaskInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' }, async (actor) => [String((await newTask(actor.id, actor.id))._id)]);
      const input = { taskId: globalId('Task', w.prepared[0] ?? world.taskId), version: 1, title: 'Rà soát cổng dịch vụ công tỉnh' };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async (at) => valueAt(await w.docOf(Task), fieldOf(at)) };
    },
  },
  setTaskStatus: {
    field: 'setTaskStatus',
    document: workDocument('setTaskStatus', 'SetTaskStatusInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' }, async (actor) => [String((await newTask(actor.id, actor.id))._id)]);
      const input = { taskId: globalId('Task', w.prepared[0] ?? world.taskId), version: 1, status: 'DROPPED', reason: 'Không còn cần thiết' };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async () => (await w.docOf(Task))?.dropReason };
    },
  },
  updateHelpdeskSettings: {
    field: 'updateHelpdeskSettings',
    document: workDocument('updateHelpdeskSettings', 'UpdateHelpdeskSettingsInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' });
      const input = { openings: [{ weekday: 1, opensAt: 480, closesAt: 1020 }], holidays: ['2027-01-01'], firstResponseTargetHours: 8, resolutionTargetHours: 40, version: 0 };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async (at) => valueAt(await w.docOf(HelpdeskSettings), fieldOf(at)) };
    },
  },
  setProgrammeReporter: {
    field: 'setProgrammeReporter',
    document: workDocument('setProgrammeReporter', 'ProgrammeReporterInput'),
    setup: async () => ({ cookie: people.admin.cookie, variables: { input: { organization: REPORTING_UNIT, expertId: people.victim.gid } }, owners: async () => [] }),
  },
  updateProgrammeFramework: {
    field: 'updateProgrammeFramework',
    document: workDocument('updateProgrammeFramework', 'UpdateProgrammeFrameworkInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' }, async () => [String((await newDraft('KHUNG-NHAP-MOI'))._id)]);
      const criterion = { code: 'CT02', title: 'Tỷ lệ thanh toán trực tuyến', unit: 'PERCENT', target: '50', level: 'BOTH' };
      const input = { id: w.prepared[0] ?? world.draftId, revision: 1, criteria: [criterion] };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async (at) => valueAt(await w.docOf(ProgrammeFramework), fieldOf(at)) };
    },
  },
  saveProgrammeReport: {
    field: 'saveProgrammeReport',
    document: workDocument('saveProgrammeReport', 'SaveProgrammeReportInput'),
    setup: async (mode) => {
      const w = await work(mode, people.self, {}, async (actor) => [String((await ProgrammeReporter.create({ organization: REPORTING_UNIT, expert: actor.id }))._id)]);
      const entry = { criterion: 'CT01', value: '85', evidence: ['https://example.vn/bao-cao'], comment: 'Theo số liệu cổng' };
      const input = { organization: REPORTING_UNIT, period: '2026-H2', revision: 0, entries: [entry], comment: 'Báo cáo 6 tháng' };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async (at) => valueAt(await w.docOf(ProgrammeReport), fieldOf(at)) };
    },
  },
  createProgrammeFramework: {
    field: 'createProgrammeFramework',
    document: workDocument('createProgrammeFramework', 'CreateProgrammeFrameworkInput'),
    setup: async (mode) => {
      const w = await work(mode, people.admin, { role: 'admin' });
      const input = { code: 'KHUNG-MOI', title: 'Bộ tiêu chí mới', description: 'Bản nháp.', source: 'Nghị quyết 17/NQ-CP', validFrom: '2027-01-01' };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async (at) => valueAt(await w.docOf(ProgrammeFramework), fieldOf(at)) };
    },
  },
  updateEnterpriseProfile: {
    field: 'updateEnterpriseProfile',
    document: workDocument('updateEnterpriseProfile', 'UpdateEnterpriseProfileInput'),
    setup: async (mode) => {
      const w = await work(mode, people.curator, { role: 'curator' });
      return {
        cookie: w.actor.cookie,
        variables: { input: { organization: ENTERPRISE, description: 'Cung cấp nền tảng.' } },
        // The profile is the enterprise's, keyed by its slug: the fresh curator's case owns it.
        owners: async () => [...(await w.owners()), ...(mode === 'fresh' ? [ENTERPRISE] : [])],
        stored: async (at) => valueAt(await EnterpriseProfile.findById(ENTERPRISE).lean(), fieldOf(at)),
      };
    },
  },

  // The help desk's steps after a request is asked, and its FAQ: the desk is an admin.
  triageHelpdeskRequest: {
    field: 'triageHelpdeskRequest',
    document: workDocument('triageHelpdeskRequest', 'TriageHelpdeskRequestInput'),
    setup: async () => ({
      cookie: people.admin.cookie,
      variables: { input: { requestId: globalId('HelpdeskRequest', world.requestId), group: CYBER, assigneeId: people.self.gid, version: 1 } },
      owners: async () => [],
    }),
  },
  closeHelpdeskRequest: {
    field: 'closeHelpdeskRequest',
    document: workDocument('closeHelpdeskRequest', 'CloseHelpdeskRequestInput'),
    setup: async () => ({ cookie: people.self.cookie, variables: { input: { requestId: globalId('HelpdeskRequest', world.requestId), version: 1 } }, owners: async () => [] }),
  },
  reopenHelpdeskRequest: {
    field: 'reopenHelpdeskRequest',
    document: workDocument('reopenHelpdeskRequest', 'ReopenHelpdeskRequestInput'),
    setup: async (mode) => {
      // Only the asker reopens: a fresh asker reopens their own answered request.
      const w = await work(mode, people.self, {}, async (actor) => [(await newRequest(actor.id, 'answered'))._id]);
      const input = { requestId: globalId('HelpdeskRequest', w.prepared[0] ?? world.requestId), reason: 'Câu trả lời chưa nêu thời hạn', version: 1 };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async () => (await w.docOf(HelpdeskRequest))?.history.at(-1)?.reason };
    },
  },
  publishFaqEntry: {
    field: 'publishFaqEntry',
    document: workDocument('publishFaqEntry', 'PublishFaqEntryInput'),
    setup: async () => ({
      cookie: people.admin.cookie,
      variables: { input: { requestId: globalId('HelpdeskRequest', world.requestId), answerId: String(new mongoose.Types.ObjectId()) } },
      owners: async () => [],
    }),
  },
  updateFaqEntry: {
    field: 'updateFaqEntry',
    document: workDocument('updateFaqEntry', 'UpdateFaqEntryInput'),
    setup: async (mode) => {
      // An entry comes from a request, asked here by the throwaway admin, so that what the edit writes (the entry, its audit) is theirs.
      const w = await work(mode, people.admin, { role: 'admin' }, async (actor) => [(await newFaqEntry((await newRequest(actor.id, 'answered'))._id, actor.id))._id]);
      const input = { id: globalId('HelpdeskFaqEntry', w.prepared[0] ?? world.requestId), version: 1 };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async (at) => valueAt(await w.docOf(FaqEntry), fieldOf(at)) };
    },
  },
  unpublishFaqEntry: {
    field: 'unpublishFaqEntry',
    document: workDocument('unpublishFaqEntry', 'UnpublishFaqEntryInput'),
    setup: async () => ({ cookie: people.admin.cookie, variables: { input: { id: globalId('HelpdeskFaqEntry', world.requestId) } }, owners: async () => [] }),
  },
  removeTaskLink: {
    field: 'removeTaskLink',
    document: workDocument('removeTaskLink', 'RemoveTaskLinkInput'),
    setup: async () => ({
      cookie: people.admin.cookie,
      variables: { input: { taskId: globalId('Task', world.taskId), linkId: String(new mongoose.Types.ObjectId()) } },
      owners: async () => [],
    }),
  },
  activateProgrammeFramework: {
    field: 'activateProgrammeFramework',
    document: workDocument('activateProgrammeFramework', 'ActivateProgrammeFrameworkInput'),
    setup: async () => ({ cookie: people.admin.cookie, variables: { input: { id: world.draftId } }, owners: async () => [] }),
  },
  removeProgrammeReporter: {
    field: 'removeProgrammeReporter',
    document: workDocument('removeProgrammeReporter', 'ProgrammeReporterInput'),
    setup: async () => ({ cookie: people.admin.cookie, variables: { input: { organization: REPORTING_UNIT, expertId: people.self.gid } }, owners: async () => [] }),
  },
  submitProgrammeReport: {
    field: 'submitProgrammeReport',
    document: workDocument('submitProgrammeReport', 'SubmitProgrammeReportInput'),
    setup: async () => ({ cookie: people.self.cookie, variables: { input: { organization: REPORTING_UNIT, period: '2026-H2', revision: 1 } }, owners: async () => [] }),
  },
  reviseProgrammeReport: {
    field: 'reviseProgrammeReport',
    document: workDocument('reviseProgrammeReport', 'ReviseProgrammeReportInput'),
    setup: async () => ({ cookie: people.self.cookie, variables: { input: { organization: REPORTING_UNIT, period: '2026-H2' } }, owners: async () => [] }),
  },
  linkEnterprisePractice: {
    field: 'linkEnterprisePractice',
    document: workDocument('linkEnterprisePractice', 'LinkEnterprisePracticeInput'),
    setup: async (mode) => {
      // The enterprise's profile is made for the fresh curator's case (keyed by its slug), and retired with it.
      const w = await work(mode, people.curator, { role: 'curator' }, async () => [
        (await EnterpriseProfile.create({ _id: ENTERPRISE, name: 'Công ty Cổ phần Giải pháp Số Thử', sortName: 'cong ty' }))._id,
      ]);
      const input = { enterprise: ENTERPRISE, practiceId: globalId('Practice', world.practiceId), role: 'Cung cấp nền tảng' };
      return { cookie: w.actor.cookie, variables: { input }, owners: w.owners, stored: async () => (await w.docOf(EnterpriseProfile))?.practices[0]?.role };
    },
  },
  unlinkEnterprisePractice: {
    field: 'unlinkEnterprisePractice',
    document: workDocument('unlinkEnterprisePractice', 'UnlinkEnterprisePracticeInput'),
    setup: async () => ({ cookie: people.curator.cookie, variables: { input: { enterprise: ENTERPRISE, practiceId: globalId('Practice', world.practiceId) } }, owners: async () => [] }),
  },

  signUp: {
    field: 'signUp',
    document: mutationDocument('signUp', 'SignUpInput'),
    setup: async () => {
      const email = `moi.${++serial}@example.vn`;
      const newcomer = async () => {
        const account = await Account.findOne({ emailKey: email }).lean();
        return account ? [String(account._id)] : [];
      };
      return {
        variables: { input: { name: 'Đặng Thu Trang', email, password: PASSWORD, organization: 'so-khcn-da-nang', place: 'da-nang', specialties: ['du-lieu-so'] } },
        owners: newcomer,
        stored: async (at, sent) => {
          const [id] = await newcomer();
          return at === 'input.password' ? passwordReadBack(id!, sent) : valueAt(await expertOf(id!), fieldOf(at));
        },
      };
    },
  },
  signIn: {
    field: 'signIn',
    document: mutationDocument('signIn', 'SignInInput'),
    setup: async () => ({ variables: { input: { email: people.self.email, password: 'sai-mat-khau-roi' } }, owners: async () => [] }),
  },
  changePassword: {
    field: 'changePassword',
    document: mutationDocument('changePassword', 'ChangePasswordInput'),
    setup: async (mode) => {
      const actor = mode === 'fresh' ? await throwaway() : people.self;
      return {
        cookie: actor.cookie,
        variables: { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } },
        owners: async () => [actor.id],
        stored: (_at, sent) => passwordReadBack(actor.id, sent),
      };
    },
  },
  updateProfile: {
    field: 'updateProfile',
    document: mutationDocument('updateProfile', 'UpdateProfileInput'),
    setup: async (mode, at) => {
      const actor = mode === 'fresh' ? await throwaway() : people.self;
      const input: Record<string, unknown> = {};
      if (at.startsWith('input.links.')) input.links = [{ label: 'Trang cá nhân', url: 'https://example.vn/ho-so' }];
      if (at.startsWith('input.specialties.')) input.specialties = ['du-lieu-so'];
      return { cookie: actor.cookie, variables: { input }, owners: async () => [actor.id], stored: async (field) => valueAt(await expertOf(actor.id), fieldOf(field)) };
    },
  },
  setAvatar: {
    field: 'setAvatar',
    document: mutationDocument('setAvatar', 'SetAvatarInput'),
    setup: async (mode) => {
      const actor = mode === 'fresh' ? await throwaway() : people.self;
      return {
        cookie: actor.cookie,
        variables: { input: { image: PNG } },
        owners: async () => [actor.id],
        stored: async () => {
          const avatar = await Avatar.findById((await expertOf(actor.id)).avatar).lean();
          return avatar && { contentType: avatar.contentType, image: avatar.data.toString('base64') };
        },
      };
    },
  },
  requestVerification: {
    field: 'requestVerification',
    document: mutationDocument('requestVerification', 'RequestVerificationInput'),
    setup: async (mode) => {
      const actor = mode === 'fresh' ? await throwaway() : people.self;
      return {
        cookie: actor.cookie,
        variables: { input: { statement: STATEMENT, cohort: 'cpdt-100-2019' } },
        owners: async () => [actor.id],
        stored: async (at) => valueAt((await VerificationRequest.find({ expert: actor.id }).sort({ createdAt: -1 }).limit(1).lean())[0], fieldOf(at)),
      };
    },
  },
  decideVerification: {
    field: 'decideVerification',
    document: mutationDocument('decideVerification', 'DecideVerificationInput'),
    setup: async (mode) => {
      const applicant = mode === 'fresh' ? await throwaway() : people.victim;
      const requestId = mode === 'fresh' ? String((await VerificationRequest.create({ expert: applicant.id, statement: STATEMENT }))._id) : world.victimRequestId;
      return {
        cookie: people.curator.cookie,
        variables: { input: { requestId, approve: false, reason: 'Chưa đủ minh chứng' } },
        owners: async () => [applicant.id],
        stored: async (at) => valueAt(await VerificationRequest.findById(requestId).lean(), fieldOf(at)),
      };
    },
  },
  changeRole: {
    field: 'changeRole',
    document: mutationDocument('changeRole', 'ChangeRoleInput'),
    setup: async (mode) => {
      const target = mode === 'fresh' ? await throwaway() : people.victim;
      return {
        cookie: people.admin.cookie,
        variables: { input: { expertId: target.gid, role: 'CURATOR', reason: 'Phụ trách duyệt hồ sơ' } },
        owners: async () => [target.id],
        stored: () => latestAuditReason(target.id),
      };
    },
  },
  suspendExpert: {
    field: 'suspendExpert',
    document: mutationDocument('suspendExpert', 'SuspendExpertInput'),
    setup: async (mode) => {
      const target = mode === 'fresh' ? await throwaway() : people.victim;
      return {
        cookie: people.moderator.cookie,
        variables: { input: { expertId: target.gid, until: new Date(Date.now() + 7 * DAY).toISOString(), reason: 'Đăng quảng cáo' } },
        owners: async () => [target.id],
        stored: async (at) => {
          const expert = await expertOf(target.id);
          return at === 'input.until' ? expert.suspendedUntil?.toISOString() : expert.suspensionReason;
        },
      };
    },
  },
  unsuspendExpert: {
    field: 'unsuspendExpert',
    document: mutationDocument('unsuspendExpert', 'UnsuspendExpertInput'),
    setup: async (mode) => {
      const target = mode === 'fresh' ? await throwaway({ suspended: true }) : people.prisoner;
      return {
        cookie: people.moderator.cookie,
        variables: { input: { expertId: target.gid, reason: 'Đã cam kết' } },
        owners: async () => [target.id],
        stored: () => latestAuditReason(target.id),
      };
    },
  },
  endSession: {
    field: 'endSession',
    document: mutationDocument('endSession', 'EndSessionInput'),
    setup: async () => ({ cookie: people.self.cookie, variables: { input: { sessionId: '0'.repeat(64) } }, owners: async () => [] }),
  },
  experts: {
    field: 'experts',
    document: `query ($filter: ExpertFilter, $first: Int, $last: Int, $after: String, $before: String) {
      experts(filter: $filter, first: $first, last: $last, after: $after, before: $before) { totalCount } }`,
    setup: async () => ({ variables: { filter: {} }, owners: async () => [] }),
  },
  organizations: {
    field: 'organizations',
    document: `query ($filter: OrganizationFilter, $first: Int, $after: String) { organizations(filter: $filter, first: $first, after: $after) { totalCount } }`,
    setup: async () => ({ variables: { filter: {} }, owners: async () => [] }),
  },
  place: { field: 'place', document: `query ($code: String!) { place(code: $code) { name } }`, setup: async () => ({ variables: { code: 'da-nang' }, owners: async () => [] }) },
  topic: { field: 'topic', document: `query ($slug: String!) { topic(slug: $slug) { name } }`, setup: async () => ({ variables: { slug: 'du-lieu-so' }, owners: async () => [] }) },
  organization: { field: 'organization', document: `query ($slug: String!) { organization(slug: $slug) { name } }`, setup: async () => ({ variables: { slug: 'bo-khcn' }, owners: async () => [] }) },
  expert: { field: 'expert', document: `query ($handle: String!) { expert(handle: $handle) { name } }`, setup: async () => ({ variables: { handle: 'self.thu' }, owners: async () => [] }) },
  node: { field: 'node', document: `query ($id: ID!) { node(id: $id) { id } }`, setup: async () => ({ variables: { id: people.self.gid }, owners: async () => [] }) },
  verificationRequests: {
    field: 'verificationRequests',
    document: `query ($first: Int, $after: String, $status: VerificationStatus) { verificationRequests(first: $first, after: $after, status: $status) { totalCount } }`,
    setup: async () => ({ cookie: people.curator.cookie, variables: {}, owners: async () => [] }),
  },
  auditLog: {
    field: 'auditLog',
    document: `query ($first: Int, $subject: ID) { auditLog(first: $first, subject: $subject) { totalCount } }`,
    setup: async () => ({ cookie: people.admin.cookie, variables: {}, owners: async () => [] }),
  },
};

export const QUERIES = new Set<OperationName>(['experts', 'organizations', 'place', 'topic', 'organization', 'expert', 'node', 'verificationRequests', 'auditLog']);
