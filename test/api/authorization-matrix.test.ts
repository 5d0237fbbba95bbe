import { hash, verify } from '@node-rs/argon2';
import mongoose from 'mongoose';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Account } from '../../schema/account/model.ts';
import { AuditEntry } from '../../schema/audit/model.ts';
import { record } from '../../schema/audit/service.ts';
import { Avatar } from '../../schema/avatar/model.ts';
import { Expert, type Role } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Session } from '../../schema/session/model.ts';
import { createSession, hashToken } from '../../schema/session/service.ts';
import { VerificationRequest } from '../../schema/verification/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { cookieFrom, graphql, type GraphQLResponse } from '../helpers/graphql.ts';

/*
 * Who may read which private field and call which mutation. Columns are personas, each made
 * fresh for every cell:
 *   anonymous  no cookie
 *   member     signed up, not verified, role MEMBER
 *   expert     a member with verifiedAt set (the badge); role MEMBER
 *   curator    role CURATOR, not verified (staff roles and the badge are independent)
 *   moderator  role MODERATOR, not verified
 *   admin      role ADMIN, not verified
 *   suspended  an ADMIN, verified, suspended until next month: the strongest rights, all void.
 *              Their cookie makes them anonymous (the first request also ends that session).
 *
 * A refused mutation answers its typed NotAuthorizedError (code NOT_AUTHORIZED); a refused field
 * is null with a NOT_AUTHORIZED error at its path. Either way the database is left exactly as it
 * was. An allowed cell answers the success type and must have had its effect.
 * Other typed answers named in a cell: ConflictError (an expert cannot ask to be verified again),
 * SuspendedError (a suspended person signing in).
 */

const ok = 'allowed';
const no = 'refused';
const na = '—';
type Outcome = typeof ok | typeof no | typeof na | 'ConflictError' | 'SuspendedError';

const COLUMNS = ['anonymous', 'member', 'expert', 'curator', 'moderator', 'admin', 'suspended'] as const;
type Column = (typeof COLUMNS)[number];

type Row<Name extends string> = readonly [Name, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

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
] as const satisfies readonly Row<string>[];

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
] as const satisfies readonly Row<string>[];

useTestDatabase();

const PASSWORD = 'mat-khau-rat-dai';
const NEW_PASSWORD = 'mat-khau-moi-dai-hon';
const DAY = 86_400_000;
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
let passwordHash = '';

beforeAll(async () => {
  await createReferenceData();
  passwordHash = await hash(PASSWORD);
});
beforeEach(() => resetRateLimits());

/* Personas */

interface Person {
  id: string;
  /** The Relay global ID of the Expert. */
  gid: string;
  handle: string;
  email: string;
}

interface Actor {
  column: Column;
  /** Null for the anonymous column. */
  person: Person | null;
  cookie?: string;
  /** Whether the cookie should make the request signed in (false for suspended people). */
  live: boolean;
}

const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64url');

let serial = 0;

/** A person with an account (password PASSWORD) and the given traits; no session. */
async function person(label: string, traits: { role?: Role; verified?: boolean; suspended?: boolean } = {}): Promise<Person> {
  serial++;
  const handle = `${label}.${serial}`;
  const expert = await createExpert({ handle, name: `Người Thử ${serial}` });
  await Expert.updateOne(
    { _id: expert._id },
    {
      $set: {
        role: traits.role ?? 'member',
        verifiedAt: traits.verified ? new Date('2024-01-01T00:00:00Z') : null,
        suspendedUntil: traits.suspended ? new Date(Date.now() + 30 * DAY) : null,
        suspensionReason: traits.suspended ? 'Đăng quảng cáo nhiều lần' : '',
      },
    },
  );
  const email = `${handle}@example.vn`;
  await Account.create({ _id: expert._id, email, emailKey: email, passwordHash, passwordChangedAt: new Date() });
  return { id: String(expert._id), gid: globalId('Expert', String(expert._id)), handle, email };
}

const TRAITS: Record<Exclude<Column, 'anonymous'>, Parameters<typeof person>[1]> = {
  member: {},
  expert: { verified: true },
  curator: { role: 'curator' },
  moderator: { role: 'moderator' },
  admin: { role: 'admin' },
  suspended: { role: 'admin', verified: true, suspended: true },
};

async function actorFor(column: Column): Promise<Actor> {
  if (column === 'anonymous') return { column, person: null, live: false };
  const who = await person(column, TRAITS[column]);
  const { token } = await createSession(who.id, 'vitest');
  return { column, person: who, cookie: `session=${token}`, live: column !== 'suspended' };
}

/**
 * Checks the persona's cookie does what the column says, so that no refusal below passes merely
 * because a cookie was broken. For a suspended person this first request also ends the session,
 * which is why it runs before the database snapshot.
 */
async function confirmIdentity(actor: Actor) {
  const response = await graphql(`{ viewer { handle } }`, {}, { cookie: actor.cookie });
  expect(response.errors).toBeUndefined();
  expect(response.data.viewer).toEqual(actor.live ? { handle: actor.person!.handle } : null);
}

/* The database, whole: every collection a request could write. */

const WRITABLE = [Expert, Account, Session, VerificationRequest, AuditEntry, Avatar].map((model) => model.collection.collectionName);

// Every cell starts from reference data alone, so no cell sees another's people.
afterEach(async () => {
  await Promise.all(WRITABLE.map((name) => mongoose.connection.db!.collection(name).deleteMany({})));
});

/** Every document of every writable collection, as canonical Extended JSON (ObjectIds, dates and bytes compare exactly). */
async function snapshot() {
  const db = mongoose.connection.db!;
  const entries = await Promise.all(
    // Sorted by _id: a stable order, and a scan MongoDB serves from the _id index.
    WRITABLE.map(async (name) => [name, await db.collection(name).find().sort({ _id: 1 }).toArray()] as const),
  );
  return mongoose.mongo.BSON.EJSON.serialize(Object.fromEntries(entries), { relaxed: false });
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

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
};

const valueAt = (data: any, path: string[]) => path.reduce((value, key) => (value == null ? null : value[key]), data);

describe.each(FIELD_MATRIX)('%s', (field, ...cells) => {
  const columns = COLUMNS.map((column, i) => [column, cells[i]!] as const).filter(([, outcome]) => (outcome as Outcome) !== na);

  it.each(columns)('%s: %s', async (column, outcome) => {
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

const MUTATIONS: Record<(typeof MUTATION_MATRIX)[number][0], { success: string; prepare: (actor: Actor) => Promise<MutationAttempt> }> = {
  signUp: {
    success: 'SignUpPayload',
    prepare: async () => {
      const email = `moi.${++serial}@example.vn`;
      return {
        query: mutation('signUp', 'SignUpInput', '... on SignUpPayload { viewer { email role verified } }'),
        variables: { input: { name: 'Đặng Thu Trang', email, password: PASSWORD } },
        effect: async (response) => {
          expect(response.data.signUp.viewer).toEqual({ email, role: 'MEMBER', verified: false });
          expect(await Account.countDocuments({ emailKey: email })).toBe(1);
          expect(cookieFrom(response)).not.toBeNull();
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
};

const TYPED_REFUSALS: Partial<Record<Outcome, { __typename: string; code: string }>> = {
  [no]: { __typename: 'NotAuthorizedError', code: 'NOT_AUTHORIZED' },
  ConflictError: { __typename: 'ConflictError', code: 'CONFLICT' },
  SuspendedError: { __typename: 'SuspendedError', code: 'SUSPENDED' },
};

describe.each(MUTATION_MATRIX)('%s', (name, ...cells) => {
  const columns = COLUMNS.map((column, i) => [column, cells[i]!] as const).filter(([, outcome]) => (outcome as Outcome) !== na);

  it.each(columns)('%s: %s', async (column, outcome) => {
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
