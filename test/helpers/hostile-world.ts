// The people and the database the hostile-input tests run on, and each operation's valid call (see hostile-corpus.ts).
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
import { DAY, NEW_PASSWORD, PASSWORD, PNG, personWithAccount } from './accounts.ts';
import { useTestDatabase } from './database.ts';
import { createReferenceData } from './factories.ts';
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

async function person(name: string, handle: string, traits: { role?: Role; suspended?: boolean } = {}): Promise<Person> {
  const made = await personWithAccount(handle, name, traits);
  const cookie = traits.suspended ? '' : `session=${(await createSession(made.id, 'vitest')).token}`;
  return { ...made, cookie };
}

/** Someone made for one case, whose documents that case may change. */
export const throwaway = (traits: { role?: Role; suspended?: boolean } = {}) => person(`Người Thử ${++serial}`, `fresh.${serial}`, traits);

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
  /** The whole database once the personas were made. */
  initial: {} as Docs,
  /** Everything retired throwaway people had stored, for the corpus-wide checks at the end. */
  retired: {} as Docs,
  /** How many throwaway people were retired into `retired` (one per stored case that ran). */
  retiredPeople: 0,
};

/* The database */

export const WRITABLE = [Expert, Account, Session, VerificationRequest, AuditEntry, Avatar].map((m) => m.collection.collectionName);
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
  if (keep) {
    world.retiredPeople++;
    const owners = new Set(ids);
    for (const [name, list] of Object.entries(await read(WRITABLE))) world.retired[name]!.push(...list.filter((d) => owned(d, owners)));
  }
  await Expert.deleteMany({ _id: anyOf(ids) });
  await Account.deleteMany({ _id: anyOf(ids) });
  await Session.deleteMany({ expert: anyOf(ids) });
  await VerificationRequest.deleteMany({ expert: anyOf(ids) });
  await Avatar.deleteMany({ expert: anyOf(ids) });
  await AuditEntry.deleteMany({ subject: anyOf(ids) });
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

export const OPERATIONS: Record<OperationName, Operation> = {
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
