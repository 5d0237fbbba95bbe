import { hash, verify } from '@node-rs/argon2';
import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../schema/account/model.ts';
import { AuditEntry } from '../../schema/audit/model.ts';
import { record } from '../../schema/audit/service.ts';
import { Avatar } from '../../schema/avatar/model.ts';
import { Cohort } from '../../schema/cohort/model.ts';
import { Expert, type Role } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Organization } from '../../schema/organization/model.ts';
import { Place } from '../../schema/place/model.ts';
import { anyOf } from '../../schema/query.ts';
import { Session } from '../../schema/session/model.ts';
import { createSession } from '../../schema/session/service.ts';
import { Topic } from '../../schema/topic/model.ts';
import { VerificationRequest } from '../../schema/verification/model.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { cookieFrom, graphql, type GraphQLResponse } from '../helpers/graphql.ts';

/*
 * A corpus of hostile input thrown at every argument that takes text, an id, a number, a date, a
 * boolean or an enum. Every input must end in one of:
 *   - a typed ValidationError whose fieldErrors name the field (and nothing else),
 *   - another typed error the field's contract names (InvalidCredentialsError for sign-in),
 *   - a GraphQL error carrying an extensions.code (BAD_USER_INPUT, GRAPHQL_VALIDATION_FAILED…),
 *   - or being stored inert: exactly as given (text is NFC-normalised and trimmed by design,
 *     and single-line text loses its invisible characters),
 *     as text; the web app renders text, so "<script>" in a bio is harmless there.
 * A refusal leaves the database exactly as it was (compared document by document); an accepted
 * input changes only the documents of the people the case made for it. Refusals run against
 * long-lived personas (the "victim" and friends), which must end the corpus untouched.
 *
 * BUGS lists the server bugs this corpus found (all fixed). A case tagged with one asserts what
 * must hold in any case (refused or contained, nothing else changed); the strict expectation of
 * each bug runs again in its own test at the end, so a regression names the bug it brings back.
 */

useTestDatabase();

/* The corpus */

type Class = 'plain' | 'huge' | 'flood' | 'broken' | 'control' | 'c1' | 'bidi' | 'odd' | 'crlf' | 'linesep';
interface Hostile {
  label: string;
  value: string;
  cls: Class;
}

const MiB = 'x'.repeat(1024 * 1024);

const STRINGS: Hostile[] = [
  { label: 'operator "$gt"', value: '$gt', cls: 'plain' },
  { label: 'operator JSON {"$ne":null}', value: '{"$ne":null}', cls: 'plain' },
  { label: 'operator JSON {"$gt":""}', value: '{"$gt":""}', cls: 'plain' },
  { label: '<script>', value: '<script>alert(1)</script>', cls: 'plain' },
  { label: '<img onerror>', value: '<img src=x onerror=alert(1)>', cls: 'plain' },
  { label: 'javascript: URL', value: 'javascript:alert(1)', cls: 'plain' },
  { label: '1 MiB string', value: MiB, cls: 'huge' },
  { label: 'combining-mark flood (10,000 marks)', value: `Hu${'\u0301'.repeat(10_000)}`, cls: 'flood' },
  { label: 'lone high surrogate', value: 'H\u00f9ng\ud800', cls: 'broken' },
  { label: 'lone low surrogate', value: '\udc00H\u00f9ng', cls: 'broken' },
  { label: 'NUL', value: 'H\u00f9ng\u0000', cls: 'control' },
  { label: 'C0 controls (BEL, ESC)', value: 'H\u00f9ng\u0007\u001b[2J', cls: 'control' },
  { label: 'DEL', value: 'H\u00f9ng\u007f', cls: 'control' },
  { label: 'C1 control (CSI, U+009B)', value: 'H\u00f9ng\u009b31m', cls: 'c1' },
  { label: 'RTL override U+202E', value: 'H\u00f9ng\u202egnp.exe', cls: 'bidi' },
  { label: 'zero-width joiners and spaces', value: 'H\u00f9\u200dng\u200c\u200b', cls: 'odd' },
  { label: 'combining marks (short Zalgo)', value: 'H\u0336\u0337\u00f9\u0338ng', cls: 'odd' },
  { label: 'CR LF (header-injection shape)', value: 'H\u00f9ng\r\nSet-Cookie: x=1', cls: 'crlf' },
  { label: 'line separator U+2028', value: 'D\u00f2ng m\u1ed9t\u2028d\u00f2ng hai', cls: 'linesep' },
];

/** Values of the wrong JSON type for a String or ID variable. */
const WRONG_TYPES: { label: string; value: unknown }[] = [
  { label: 'operator object {"$gt":""}', value: { $gt: '' } },
  { label: 'operator object {"$ne":null}', value: { $ne: null } },
  { label: 'number', value: 12345 },
  { label: 'boolean', value: true },
  { label: 'array', value: ['$gt'] },
];

/* Known server bugs */

type BugId = 'B1' | 'B2' | 'B3' | 'B4' | 'B5' | 'B6' | 'B7' | 'B8';

const BUGS: Record<BugId, { title: string /** The server stores the input; the case runs on throwaway people. */; stores?: boolean }> = {
  B1: { title: 'a variable of the wrong type (operator object, number, array, unknown enum value or input field) is refused with HTTP 400 but no extensions.code' },
  B2: { title: 'links.url accepts control characters (NUL, CR LF, C1) and broken Unicode, storing them (surrogates altered to U+FFFD)', stores: true },
  B3: { title: 'the control-character rule misses C1 controls (U+0080–U+009F): text fields, passwords and search text accept U+009B', stores: true },
  B4: { title: 'a global ID of another type (a Place ID as expertId or auditLog subject, an unknown type for node) fails without extensions.code' },
  B5: { title: 'endSession answers DonePayload for a sessionId that cannot be one (operators, 1 MiB, NUL…) instead of a ValidationError on sessionId' },
  B6: { title: 'auditLog(subject:) with an Expert ID whose key is not an ObjectId fails with a masked INTERNAL_SERVER_ERROR' },
  B7: { title: 'DateTime accepts strings that are not ISO 8601 in UTC (RFC 2822, "01/02/2030", no zone, a trailing NUL) and rolls impossible dates over ("2030-02-30" → 2 March)', stores: true },
  B8: { title: 'single-line text fields accept the line separator U+2028 (only CR and LF are refused)', stores: true },
};

/* Expectations */

type Expectation =
  /** A typed ValidationError naming `path` (and only it), each code one of `codes`. */
  | { kind: 'field'; path: string; codes: string[] }
  /** Another typed error result. */
  | { kind: 'typed'; typename: string; code: string }
  /** A GraphQL error, each with one of `codes` (and naming `argument` when given); no data. */
  | { kind: 'error'; codes: string[]; argument?: string }
  /** A variable of the wrong type: HTTP 400 with a code (see B1). */
  | { kind: 'coercion' }
  /** Accepted, and the field reads back as `value`. */
  | { kind: 'stored'; value: unknown }
  /** A search answered normally that matches nobody: the text was taken as words, not as a filter. */
  | { kind: 'nobody' };

const describeExpectation = (e: Expectation): string => {
  switch (e.kind) {
    case 'field':
      return `ValidationError ${e.path} ${e.codes.join('|')}`;
    case 'typed':
      return e.typename;
    case 'error':
      return `error ${e.codes.join('|')}${e.argument ? ` on ${e.argument}` : ''}`;
    case 'coercion':
      return 'HTTP 400 variable error';
    case 'stored':
      return 'stored inert';
    case 'nobody':
      return 'matches nobody';
  }
};

/** How a field's rules judge the corpus. Values a field wraps (see `wrap`) are judged as sent. */
type Kind =
  | { text: { min: number; max: number; multiline?: boolean } }
  | 'name'
  | 'slug'
  | 'email'
  | 'password'
  | 'credential'
  | 'currentPassword'
  | 'url'
  | 'image'
  | 'sessionId'
  | 'requestId'
  | 'rawGlobalId'
  | 'expertGlobalId'
  | 'search'
  | 'slugArg'
  | 'handleArg'
  | 'cursor';

const VARIABLE_CODES = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST'];
const norm = (s: string) => s.normalize('NFC').trim();
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

function judge(kind: Kind, h: Hostile, sent: string, path: string, argument: string): { expect: Expectation; bug?: BugId } {
  const field = (...codes: string[]): Expectation => ({ kind: 'field', path, codes });
  const error = (...codes: string[]): Expectation => ({ kind: 'error', codes, argument });
  const long = h.cls === 'huge' || h.cls === 'flood';
  if (typeof kind === 'object') {
    const { min, max, multiline } = kind.text;
    if (long) return { expect: field('TOO_LONG') };
    if (h.cls === 'broken' || h.cls === 'control' || h.cls === 'bidi') return { expect: field('INVALID') };
    if (h.cls === 'c1') return { expect: field('INVALID'), bug: 'B3' };
    if (h.cls === 'crlf' && !multiline) return { expect: field('INVALID') };
    if (h.cls === 'linesep' && !multiline) return { expect: field('INVALID'), bug: 'B8' };
    const stored = multiline ? norm(sent) : norm(sent.replace(INVISIBLE, ''));
    if (stored.length < min) return { expect: field(min <= 1 ? 'REQUIRED' : 'TOO_SHORT') };
    if (stored.length > max) return { expect: field('TOO_LONG') };
    return { expect: { kind: 'stored', value: stored } };
  }
  switch (kind) {
    case 'name': {
      // A name refuses what a single-line text refuses or drops, each with its own code.
      if (long) return { expect: field('TOO_LONG') };
      if (h.cls === 'broken') return { expect: field('INVALID') };
      if (['control', 'c1', 'bidi', 'crlf', 'linesep'].includes(h.cls)) return { expect: field('CONTROL_CHARACTER') };
      if (new RegExp(INVISIBLE.source, 'u').test(sent)) return { expect: field('INVISIBLE_CHARACTER') };
      return { expect: { kind: 'stored', value: norm(sent) } };
    }
    case 'slug':
    case 'email':
      return { expect: field('INVALID', 'TOO_LONG') };
    case 'password':
      if (long) return { expect: field('TOO_LONG') };
      if (h.cls === 'broken' || h.cls === 'control' || h.cls === 'bidi') return { expect: field('INVALID') };
      if (h.cls === 'c1') return { expect: field('INVALID'), bug: 'B3' };
      if (sent.length < 10) return { expect: field('TOO_SHORT') };
      return { expect: { kind: 'stored', value: sent } };
    case 'credential':
      return { expect: long ? field('TOO_LONG') : { kind: 'typed', typename: 'InvalidCredentialsError', code: 'INVALID_CREDENTIALS' } };
    case 'currentPassword':
      return { expect: long ? field('TOO_LONG') : field('WRONG') };
    case 'url':
      if (h.cls === 'plain' || long) return { expect: field('INVALID', 'TOO_LONG') };
      if (['broken', 'control', 'c1', 'crlf'].includes(h.cls)) return { expect: field('INVALID'), bug: 'B2' };
      if (h.cls === 'bidi' || h.cls === 'linesep') return { expect: field('INVALID') };
      return { expect: { kind: 'stored', value: sent } };
    case 'image':
      return { expect: h.cls === 'huge' ? field('TOO_LARGE') : field('INVALID') };
    case 'sessionId':
      return { expect: field('INVALID'), bug: 'B5' };
    case 'requestId':
      return { expect: field('INVALID') };
    case 'rawGlobalId':
      return { expect: { kind: 'error', codes: ['BAD_USER_INPUT'] } };
    case 'expertGlobalId':
      return { expect: long ? { kind: 'error', codes: ['BAD_USER_INPUT'] } : field('INVALID') };
    case 'search':
      if (long || h.cls === 'broken' || h.cls === 'control' || h.cls === 'bidi') return { expect: error('BAD_USER_INPUT') };
      if (h.cls === 'c1') return { expect: error('BAD_USER_INPUT'), bug: 'B3' };
      return { expect: { kind: 'nobody' } };
    case 'slugArg':
    case 'handleArg':
    case 'cursor':
      return { expect: error('BAD_USER_INPUT') };
  }
}

/* Personas */

const PASSWORD = 'mat-khau-rat-dai';
const NEW_PASSWORD = 'mat-khau-moi-dai-hon';
const DAY = 86_400_000;
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const STATEMENT = 'Trưởng phòng CNTT tỉnh, học viên khóa 100 chuyên gia năm 2019.';
let passwordHash = '';

interface Person {
  id: string;
  gid: string;
  handle: string;
  email: string;
  cookie: string;
}

const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64url');

let serial = 0;

async function person(name: string, handle: string, traits: { role?: Role; suspended?: boolean } = {}): Promise<Person> {
  const expert = await createExpert({ handle, name });
  const id = String(expert._id);
  await Expert.updateOne(
    { _id: expert._id },
    { $set: { role: traits.role ?? 'member', suspendedUntil: traits.suspended ? new Date(Date.now() + 30 * DAY) : null, suspensionReason: traits.suspended ? 'Đăng quảng cáo nhiều lần' : '' } },
  );
  const email = `${handle}@example.vn`;
  await Account.create({ _id: expert._id, email, emailKey: email, passwordHash, passwordChangedAt: new Date() });
  const cookie = traits.suspended ? '' : `session=${(await createSession(id, 'vitest')).token}`;
  return { id, gid: globalId('Expert', id), handle, email, cookie };
}

/** Someone made for one case, whose documents that case may change. */
const throwaway = (traits: { role?: Role; suspended?: boolean } = {}) => person(`Người Thử ${++serial}`, `fresh.${serial}`, traits);

/*
 * The long-lived personas. Their names share no word prefix with the corpus, so a search for any
 * corpus text must find nobody (a search that found everyone would mean the text became a filter).
 */
let self: Person; // sends hostile input about their own account
let victim: Person; // the target of staff actions; has a second browser and a pending request
let prisoner: Person; // suspended; the target of unsuspendExpert
let admin: Person;
let moderator: Person;
let curator: Person;
let victimRequestId = '';

/* The database */

const WRITABLE = [Expert, Account, Session, VerificationRequest, AuditEntry, Avatar].map((m) => m.collection.collectionName);
const REFERENCE = [Place, Organization, Topic, Cohort].map((m) => m.collection.collectionName);

type Docs = Record<string, Record<string, any>[]>;

async function read(names: string[]): Promise<Docs> {
  const db = mongoose.connection.db!;
  // Sorted by _id: a stable order, and a scan MongoDB serves from the _id index.
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await db.collection(name).find().sort({ _id: 1 }).toArray()] as const)));
}

const owned = (doc: Record<string, any>, owners: Set<string>) => [doc._id, doc.expert, doc.subject].some((v) => v != null && owners.has(String(v)));

/** Canonical Extended JSON of the documents, leaving out those of `owners`: ObjectIds, dates and bytes compare exactly. */
const comparable = (docs: Docs, owners = new Set<string>()) =>
  mongoose.mongo.BSON.EJSON.serialize(Object.fromEntries(Object.entries(docs).map(([name, list]) => [name, list.filter((d) => !owned(d, owners))])), { relaxed: false });

/** Everything retired throwaway people had stored, for the corpus-wide checks at the end. */
const retired: Docs = Object.fromEntries(WRITABLE.map((name) => [name, []]));
/** How many throwaway people were retired into `retired` (one per stored case that ran). */
let retiredPeople = 0;

/** Deletes everything of these people, keeping a copy in `retired` when asked. */
async function retire(ids: string[], { keep }: { keep: boolean }) {
  if (keep) {
    retiredPeople++;
    const owners = new Set(ids);
    for (const [name, list] of Object.entries(await read(WRITABLE))) retired[name]!.push(...list.filter((d) => owned(d, owners)));
  }
  await Expert.deleteMany({ _id: anyOf(ids) });
  await Account.deleteMany({ _id: anyOf(ids) });
  await Session.deleteMany({ expert: anyOf(ids) });
  await VerificationRequest.deleteMany({ expert: anyOf(ids) });
  await Avatar.deleteMany({ expert: anyOf(ids) });
  await AuditEntry.deleteMany({ subject: anyOf(ids) });
}

let initial: Docs;

beforeAll(async () => {
  await createReferenceData();
  passwordHash = await hash(PASSWORD);
  self = await person('Phạm Thị Thử', 'self.thu');
  victim = await person('Lê Văn Bị', 'victim.bi');
  prisoner = await person('Đỗ Văn Giam', 'prisoner.giam', { suspended: true });
  admin = await person('Trần Quản Trị', 'admin.tri', { role: 'admin' });
  moderator = await person('Vũ Điều Hành', 'moderator.hanh', { role: 'moderator' });
  curator = await person('Ngô Thẩm Định', 'curator.dinh', { role: 'curator' });
  await createSession(victim.id, 'Điện thoại');
  victimRequestId = String((await VerificationRequest.create({ expert: victim.id, statement: STATEMENT, cohort: 'cpdt-100-2019' }))._id);
  await record('role.changed', admin.id, victim.id, { from: 'member', to: 'member', reason: 'Ghi chép ban đầu' });
  initial = await read([...WRITABLE, ...REFERENCE]);
});

/* Operations: what a valid call looks like, and how to read back what it stored */

type Mode = 'standing' | 'fresh';
interface Setup {
  cookie?: string;
  variables: Record<string, any>;
  /** The people whose documents an accepted call may change (known after the call for sign-up). */
  owners: () => Promise<string[]>;
  /** What is stored now for the field at `at`, in the form a `stored` expectation gives. */
  stored?: (at: string, sent: unknown) => Promise<unknown>;
}
interface Operation {
  /** The root field. */
  field: string;
  document: string;
  setup: (mode: Mode, at: string) => Promise<Setup>;
}

const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code } }`;
const mutationDocument = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} } }`;
const expertOf = async (id: string) => (await Expert.findById(id).lean())!;
const fieldOf = (at: string) => at.replace(/^input\./, '');
const valueAt = (data: any, path: string) => path.split('.').reduce((v, key) => (v == null ? undefined : v[key]), data);
const latestAuditReason = async (subject: string) => (await AuditEntry.find({ subject }).sort({ createdAt: -1, _id: -1 }).limit(1).lean())[0]?.reason;
const passwordReadBack = async (id: string, sent: unknown) => ((await verify((await Account.findById(id).lean())!.passwordHash, String(sent))) ? sent : '(the stored hash does not verify)');

type OperationName =
  | 'signUp'
  | 'signIn'
  | 'changePassword'
  | 'updateProfile'
  | 'setAvatar'
  | 'requestVerification'
  | 'decideVerification'
  | 'changeRole'
  | 'suspendExpert'
  | 'unsuspendExpert'
  | 'endSession'
  | 'experts'
  | 'organizations'
  | 'place'
  | 'topic'
  | 'organization'
  | 'expert'
  | 'node'
  | 'verificationRequests'
  | 'auditLog';

const OPERATIONS: Record<OperationName, Operation> = {
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
    setup: async () => ({ variables: { input: { email: self.email, password: 'sai-mat-khau-roi' } }, owners: async () => [] }),
  },
  changePassword: {
    field: 'changePassword',
    document: mutationDocument('changePassword', 'ChangePasswordInput'),
    setup: async (mode) => {
      const actor = mode === 'fresh' ? await throwaway() : self;
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
      const actor = mode === 'fresh' ? await throwaway() : self;
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
      const actor = mode === 'fresh' ? await throwaway() : self;
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
      const actor = mode === 'fresh' ? await throwaway() : self;
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
      const applicant = mode === 'fresh' ? await throwaway() : victim;
      const requestId = mode === 'fresh' ? String((await VerificationRequest.create({ expert: applicant.id, statement: STATEMENT }))._id) : victimRequestId;
      return {
        cookie: curator.cookie,
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
      const target = mode === 'fresh' ? await throwaway() : victim;
      return {
        cookie: admin.cookie,
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
      const target = mode === 'fresh' ? await throwaway() : victim;
      return {
        cookie: moderator.cookie,
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
      const target = mode === 'fresh' ? await throwaway({ suspended: true }) : prisoner;
      return {
        cookie: moderator.cookie,
        variables: { input: { expertId: target.gid, reason: 'Đã cam kết' } },
        owners: async () => [target.id],
        stored: () => latestAuditReason(target.id),
      };
    },
  },
  endSession: {
    field: 'endSession',
    document: mutationDocument('endSession', 'EndSessionInput'),
    setup: async () => ({ cookie: self.cookie, variables: { input: { sessionId: '0'.repeat(64) } }, owners: async () => [] }),
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
  node: { field: 'node', document: `query ($id: ID!) { node(id: $id) { id } }`, setup: async () => ({ variables: { id: self.gid }, owners: async () => [] }) },
  verificationRequests: {
    field: 'verificationRequests',
    document: `query ($first: Int, $after: String, $status: VerificationStatus) { verificationRequests(first: $first, after: $after, status: $status) { totalCount } }`,
    setup: async () => ({ cookie: curator.cookie, variables: {}, owners: async () => [] }),
  },
  auditLog: {
    field: 'auditLog',
    document: `query ($first: Int, $subject: ID) { auditLog(first: $first, subject: $subject) { totalCount } }`,
    setup: async () => ({ cookie: admin.cookie, variables: {}, owners: async () => [] }),
  },
};

const QUERIES = new Set<OperationName>(['experts', 'organizations', 'place', 'topic', 'organization', 'expert', 'node', 'verificationRequests', 'auditLog']);

/* Cases */

interface Case {
  op: OperationName;
  /** Where the hostile value goes in the variables, dotted ("input.links.0.url"). */
  at: string;
  label: string;
  value: unknown;
  expect: Expectation;
  bug?: BugId;
  /** A whole document to send instead of the operation's (for inline literals). */
  document?: string;
}

const title = (c: Case) => `${c.at} ← ${c.label}: ${describeExpectation(c.expect)}${c.bug ? ` [${c.bug}: contained only]` : ''}`;

/** The full string corpus and the wrong types, at one String (or ID) argument. */
function corpus(op: OperationName, at: string, kind: Kind, options: { wrap?: (h: Hostile) => string; argument?: string; idTyped?: boolean; labelPrefix?: string } = {}): Case[] {
  const path = fieldOf(at);
  const argument = options.argument ?? at;
  const strings = STRINGS.map((h) => {
    const value = options.wrap?.(h) ?? h.value;
    return { op, at, label: `${options.labelPrefix ?? ''}${h.label}`, value, ...judge(kind, h, value, path, argument) };
  });
  const wrong = WRONG_TYPES.map(({ label, value }): Case => {
    if (options.idTyped && typeof value === 'number') {
      // An ID variable takes a number as its string form, so the field's own rules judge "12345".
      const judged = judge(kind, { label, value: '12345', cls: 'plain' }, '12345', path, argument);
      return { op, at, label, value, ...judged };
    }
    return { op, at, label, value, expect: { kind: 'coercion' }, bug: 'B1' };
  });
  return [...strings, ...wrong];
}

const coercion = (op: OperationName, at: string, label: string, value: unknown): Case => ({ op, at, label, value, expect: { kind: 'coercion' }, bug: 'B1' });
const fieldCase = (op: OperationName, at: string, label: string, value: unknown, codes: string[], path = fieldOf(at)): Case => ({ op, at, label, value, expect: { kind: 'field', path, codes } });
const storedCase = (op: OperationName, at: string, label: string, value: unknown, stored: unknown = value): Case => ({ op, at, label, value, expect: { kind: 'stored', value: stored } });
const errorCase = (op: OperationName, at: string, label: string, value: unknown, codes: string[], argument?: string, bug?: BugId): Case => ({
  op,
  at,
  label,
  value,
  expect: { kind: 'error', codes, argument },
  bug,
});

const text = (min: number, max: number, multiline = false): Kind => ({ text: { min, max, multiline } });
const inUrl = (h: Hostile) => (h.cls === 'plain' || h.cls === 'huge' || h.cls === 'flood' ? h.value : `https://example.vn/${h.value}`);
const inStatement = (h: Hostile) => `Trưởng phòng CNTT tỉnh. ${h.value}`;
/** Long enough for the password rules, so that the characters are what is judged. */
const asPassword = (h: Hostile) => `${h.value} mật khẩu dài`;
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64');
const pngPolyglot = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.from('<script>alert(1)</script>')]).toString('base64');
const inSevenDays = () => new Date(Date.now() + 7 * DAY).toISOString();

const MUTATION_CASES: Record<string, Case[]> = {
  signUp: [
    ...corpus('signUp', 'input.name', 'name'),
    ...corpus('signUp', 'input.email', 'email'),
    ...corpus('signUp', 'input.password', 'password', { wrap: asPassword }),
    ...corpus('signUp', 'input.organization', 'slug'),
    ...corpus('signUp', 'input.place', 'slug'),
    ...corpus('signUp', 'input.specialties.0', 'slug'),
    coercion('signUp', 'input.role', 'an extra "role: ADMIN" field', 'ADMIN'),
    coercion('signUp', 'input.$where', 'an operator as a field name', 'sleep(1000)'),
    coercion('signUp', 'input', 'an array for the input object', [{ name: 'Đặng Thu Trang', email: 'arr@example.vn', password: PASSWORD }]),
    fieldCase('signUp', 'input.specialties', '7 specialties', ['du-lieu-so', 'an-toan-thong-tin', 'a', 'b', 'c', 'd', 'e'], ['TOO_LONG']),
  ],
  signIn: [
    ...corpus('signIn', 'input.email', 'credential'),
    ...corpus('signIn', 'input.password', 'credential'),
    coercion('signIn', 'input', 'operator objects for both fields', { email: { $ne: null }, password: { $ne: null } }),
  ],
  changePassword: [...corpus('changePassword', 'input.currentPassword', 'currentPassword'), ...corpus('changePassword', 'input.newPassword', 'password', { wrap: asPassword })],
  updateProfile: [
    ...corpus('updateProfile', 'input.name', 'name'),
    ...corpus('updateProfile', 'input.position', text(0, 120)),
    ...corpus('updateProfile', 'input.bio', text(0, 1000, true)),
    ...corpus('updateProfile', 'input.organization', 'slug'),
    ...corpus('updateProfile', 'input.place', 'slug'),
    ...corpus('updateProfile', 'input.specialties.0', 'slug'),
    ...corpus('updateProfile', 'input.links.0.label', text(1, 60)),
    ...corpus('updateProfile', 'input.links.0.url', 'url', { wrap: inUrl }),
    fieldCase('updateProfile', 'input.links.0.url', 'JaVaScRiPt: URL', 'JaVaScRiPt:alert(1)', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'javascript: URL behind a space', ' javascript:alert(1)', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'javascript: URL split by a tab', 'java\tscript:alert(1)', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'data: URL with a script', 'data:text/html,<script>alert(1)</script>', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'vbscript: URL', 'vbscript:msgbox(1)', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'file: URL', 'file:///etc/passwd', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'URL with credentials', 'https://admin:secret@example.vn/', ['INVALID']),
    fieldCase('updateProfile', 'input.links.0.url', 'protocol-relative URL', '//evil.example/x', ['INVALID']),
    storedCase('updateProfile', 'input.links.0.url', 'https URL carrying markup', 'https://example.vn/"><script>alert(1)</script>'),
    coercion('updateProfile', 'input', 'an array for the input object', [{ bio: 'x' }]),
    coercion('updateProfile', 'input', 'a string for the input object', '{"bio":"x"}'),
    coercion('updateProfile', 'input.role', 'an extra "role: ADMIN" field', 'ADMIN'),
    coercion('updateProfile', 'input.verifiedAt', 'an extra "verifiedAt" field', '2020-01-01T00:00:00Z'),
    coercion('updateProfile', 'input.__proto__', 'a "__proto__" field', { role: 'admin' }),
    coercion('updateProfile', 'input.$set', 'an operator as a field name', { role: 'admin' }),
    coercion('updateProfile', 'input.links', 'nested arrays for links', [[{ label: 'a', url: 'https://example.vn' }]]),
    coercion('updateProfile', 'input.links', 'a string for links', 'https://example.vn'),
    fieldCase(
      'updateProfile',
      'input.links',
      '6 links',
      Array.from({ length: 6 }, (_, i) => ({ label: `Liên kết ${i}`, url: `https://example.vn/${i}` })),
      ['TOO_LONG'],
    ),
    fieldCase('updateProfile', 'input.specialties', '7 specialties', ['du-lieu-so', 'an-toan-thong-tin', 'a', 'b', 'c', 'd', 'e'], ['TOO_LONG']),
    fieldCase('updateProfile', 'input.specialties', '100,000 specialties', Array(100_000).fill('du-lieu-so'), ['TOO_LONG']),
    fieldCase('updateProfile', 'input.specialties', 'one string for the list (coerced to ["$gt"])', '$gt', ['INVALID'], 'specialties.0'),
    storedCase('updateProfile', 'input.specialties', 'one slug for the list (coerced to a list, as GraphQL specifies)', 'an-toan-thong-tin', ['an-toan-thong-tin']),
  ],
  setAvatar: [
    ...corpus('setAvatar', 'input.image', 'image'),
    fieldCase('setAvatar', 'input.image', 'an SVG with onload, base64', svg, ['INVALID']),
    fieldCase('setAvatar', 'input.image', 'HTML, base64', Buffer.from('<html><script>alert(1)</script></html>').toString('base64'), ['INVALID']),
    fieldCase('setAvatar', 'input.image', 'a data: URL rather than base64', `data:image/png;base64,${PNG}`, ['INVALID']),
    fieldCase('setAvatar', 'input.image', 'base64 with line breaks', PNG.replace(/(.{20})/g, '$1\n'), ['INVALID']),
    fieldCase('setAvatar', 'input.image', 'an empty string', '', ['REQUIRED']),
    // The type is read from the bytes and served with nosniff: markup after a PNG header stays an image.
    storedCase('setAvatar', 'input.image', 'a PNG followed by a script (polyglot)', pngPolyglot, { contentType: 'image/png', image: pngPolyglot }),
  ],
  requestVerification: [...corpus('requestVerification', 'input.statement', text(20, 2000, true), { wrap: inStatement }), ...corpus('requestVerification', 'input.cohort', 'slug')],
  decideVerification: [
    ...corpus('decideVerification', 'input.requestId', 'requestId', { idTyped: true }),
    ...corpus('decideVerification', 'input.reason', text(3, 1000, true)),
    coercion('decideVerification', 'input.approve', 'a string for a boolean', 'true'),
    coercion('decideVerification', 'input.approve', 'a number for a boolean', 1),
    coercion('decideVerification', 'input.approve', 'null for a required boolean', null),
    coercion('decideVerification', 'input.approve', 'an operator object for a boolean', { $ne: null }),
  ],
  changeRole: [
    ...corpus('changeRole', 'input.expertId', 'rawGlobalId', { idTyped: true }),
    ...corpus('changeRole', 'input.expertId', 'expertGlobalId', { wrap: (h) => globalId('Expert', h.value), labelPrefix: 'an Expert ID whose key is ' }).filter((c) => typeof c.value === 'string'),
    ...corpus('changeRole', 'input.reason', text(3, 500)),
    coercion('changeRole', 'input.role', 'a lower-case role', 'admin'),
    coercion('changeRole', 'input.role', 'an unknown role', 'SUPERADMIN'),
    coercion('changeRole', 'input.role', 'an operator object for the role', { $ne: null }),
    coercion('changeRole', 'input.role', 'a number for the role', 0),
    errorCase('changeRole', 'input.expertId', 'a Place ID for an expert', globalId('Place', 'da-nang'), ['BAD_USER_INPUT'], undefined, 'B4'),
  ],
  suspendExpert: [
    ...corpus('suspendExpert', 'input.expertId', 'rawGlobalId', { idTyped: true }),
    ...corpus('suspendExpert', 'input.reason', text(3, 500)),
    errorCase('suspendExpert', 'input.expertId', 'a Place ID for an expert', globalId('Place', 'da-nang'), ['BAD_USER_INPUT'], undefined, 'B4'),
    fieldCase('suspendExpert', 'input.until', 'year 1', '0001-01-01T00:00:00.000Z', ['INVALID']),
    errorCase('suspendExpert', 'input.until', 'the earliest date JavaScript has', '-271821-04-20T00:00:00.000Z', ['BAD_USER_INPUT']),
    fieldCase('suspendExpert', 'input.until', 'the Unix epoch', '1970-01-01T00:00:00.000Z', ['INVALID']),
    fieldCase('suspendExpert', 'input.until', 'a minute ago', new Date(Date.now() - 60_000).toISOString(), ['INVALID']),
    fieldCase('suspendExpert', 'input.until', '3,651 days from now', new Date(Date.now() + 3651 * DAY).toISOString(), ['INVALID']),
    fieldCase('suspendExpert', 'input.until', 'year 9999', '9999-12-31T23:59:59.999Z', ['INVALID']),
    errorCase('suspendExpert', 'input.until', 'the latest date JavaScript has', '+275760-09-13T00:00:00.000Z', ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'past the latest date JavaScript has', '+275761-01-01T00:00:00.000Z', ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'an empty string', '', ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'a word', 'tomorrow', ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'a number (1e12 ms)', 1e12, ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'a negative number', -1, ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'an operator object', { $gt: '' }, ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'a boolean', true, ['BAD_USER_INPUT']),
    errorCase('suspendExpert', 'input.until', 'a date followed by NUL', '2030-01-01T00:00:00Z\u0000', ['BAD_USER_INPUT'], undefined, 'B7'),
    errorCase('suspendExpert', 'input.until', 'an impossible date (30 February)', '2030-02-30T00:00:00Z', ['BAD_USER_INPUT'], undefined, 'B7'),
    errorCase('suspendExpert', 'input.until', 'an RFC 2822 date', 'Tue, 01 Jan 2030 00:00:00 GMT', ['BAD_USER_INPUT'], undefined, 'B7'),
    errorCase('suspendExpert', 'input.until', 'a locale date (01/02/2030)', '01/02/2030', ['BAD_USER_INPUT'], undefined, 'B7'),
    errorCase('suspendExpert', 'input.until', 'a date without a time zone', '2030-01-01T00:00:00', ['BAD_USER_INPUT'], undefined, 'B7'),
    // A control: a valid date is stored as sent, so the dates above are refused for what they are.
    storedCase('suspendExpert', 'input.until', 'a valid date a week ahead (control)', inSevenDays()),
  ],
  unsuspendExpert: [
    ...corpus('unsuspendExpert', 'input.expertId', 'rawGlobalId', { idTyped: true }),
    ...corpus('unsuspendExpert', 'input.reason', text(3, 500)),
    errorCase('unsuspendExpert', 'input.expertId', 'a Place ID for an expert', globalId('Place', 'da-nang'), ['BAD_USER_INPUT'], undefined, 'B4'),
  ],
  endSession: [...corpus('endSession', 'input.sessionId', 'sessionId', { idTyped: true })],
};

const pageCases = (op: OperationName, argument = 'first'): Case[] => [
  errorCase(op, argument, '-1', -1, ['BAD_USER_INPUT'], argument),
  errorCase(op, argument, '51 (above the maximum page)', 51, ['BAD_USER_INPUT'], argument),
  errorCase(op, argument, 'the largest Int', 2147483647, ['BAD_USER_INPUT'], argument),
  errorCase(op, argument, 'the smallest Int', -2147483648, ['BAD_USER_INPUT'], argument),
  coercion(op, argument, '1e12', 1e12),
  coercion(op, argument, '1.5', 1.5),
  coercion(op, argument, 'a numeric string', '10'),
  coercion(op, argument, 'an operator object', { $gt: 0 }),
];

const QUERY_CASES: Record<string, Case[]> = {
  experts: [
    ...corpus('experts', 'filter.query', 'search'),
    ...corpus('experts', 'filter.place', 'slugArg'),
    ...corpus('experts', 'filter.organization', 'slugArg'),
    ...corpus('experts', 'filter.specialty', 'slugArg'),
    ...corpus('experts', 'filter.cohort', 'slugArg'),
    ...corpus('experts', 'after', 'cursor'),
    coercion('experts', 'filter.role', 'a lower-case role', 'admin'),
    coercion('experts', 'filter.role', 'an operator object for the role', { $ne: null }),
    coercion('experts', 'filter', 'an array for the filter', [{ place: 'da-nang' }]),
    coercion('experts', 'filter.$where', 'an operator as a filter field', '1 == 1'),
    ...pageCases('experts'),
    ...pageCases('experts', 'last'),
    {
      op: 'experts',
      at: 'first',
      label: 'an inline 1e12 literal',
      value: undefined,
      document: `{ experts(first: 1000000000000) { totalCount } }`,
      expect: { kind: 'error', codes: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COSTLY'] },
    },
  ],
  organizations: [
    ...corpus('organizations', 'filter.query', 'search'),
    ...corpus('organizations', 'filter.place', 'slugArg'),
    coercion('organizations', 'filter.includeFormer', 'a string for a boolean', 'yes'),
    coercion('organizations', 'filter.includeFormer', 'a number for a boolean', 1),
    coercion('organizations', 'filter.kinds', 'an unknown kind', ['$gt']),
    coercion('organizations', 'filter.kinds', 'an operator object for the kinds', { $in: ['MINISTRY'] }),
    ...pageCases('organizations'),
  ],
  place: [
    ...corpus('place', 'code', 'slugArg'),
    {
      op: 'place',
      at: 'code',
      label: 'a 1 MiB inline literal',
      value: undefined,
      document: `{ place(code: "${MiB}") { name } }`,
      expect: { kind: 'error', codes: ['BAD_USER_INPUT'], argument: 'code' },
    },
    { op: 'place', at: 'code', label: 'an inline number', value: undefined, document: `{ place(code: 123) { name } }`, expect: { kind: 'error', codes: ['GRAPHQL_VALIDATION_FAILED'] } },
  ],
  topic: [...corpus('topic', 'slug', 'slugArg')],
  organization: [...corpus('organization', 'slug', 'slugArg')],
  expert: [...corpus('expert', 'handle', 'handleArg')],
  node: [
    errorCase('node', 'id', 'operator "$gt"', '$gt', ['BAD_USER_INPUT'], 'id'),
    errorCase('node', 'id', 'an Expert ID whose key is an operator', globalId('Expert', '{"$ne":null}'), ['NOT_FOUND'], 'id'),
    errorCase('node', 'id', 'a Place ID whose key is an operator', globalId('Place', '{"$ne":null}'), ['NOT_FOUND'], 'id'),
    errorCase('node', 'id', 'an ID of a type that does not exist', globalId('Nope', '1'), ['BAD_USER_INPUT', 'NOT_FOUND'], undefined, 'B4'),
    coercion('node', 'id', 'an operator object', { $ne: null }),
  ],
  verificationRequests: [
    ...pageCases('verificationRequests'),
    ...corpus('verificationRequests', 'after', 'cursor'),
    coercion('verificationRequests', 'status', 'a lower-case status', 'pending'),
    coercion('verificationRequests', 'status', 'an operator object for the status', { $ne: null }),
  ],
  auditLog: [
    ...pageCases('auditLog'),
    errorCase('auditLog', 'subject', 'operator "$gt"', '$gt', ['BAD_USER_INPUT']),
    errorCase('auditLog', 'subject', 'an Expert ID whose key is an operator', globalId('Expert', '{"$ne":null}'), ['BAD_USER_INPUT', 'NOT_FOUND'], undefined, 'B6'),
    errorCase('auditLog', 'subject', 'an Expert ID whose key is "$gt"', globalId('Expert', '$gt'), ['BAD_USER_INPUT', 'NOT_FOUND'], undefined, 'B6'),
    errorCase('auditLog', 'subject', 'a Place ID', globalId('Place', 'da-nang'), ['BAD_USER_INPUT', 'NOT_FOUND'], undefined, 'B4'),
    coercion('auditLog', 'subject', 'an operator object', { $ne: null }),
  ],
};

/* Running a case */

function putAt(variables: Record<string, any>, at: string, value: unknown) {
  const keys = at.split('.');
  let node = variables;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  // defineProperty, so that "__proto__" becomes an own field of the JSON rather than a prototype.
  Object.defineProperty(node, keys.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
}

/** Refusals run against the long-lived personas; what gets (or, with a bug, may get) stored runs on throwaway people. */
const modeOf = (c: Case): Mode => (c.expect.kind === 'stored' || (c.bug && BUGS[c.bug].stores) ? 'fresh' : 'standing');

interface Run {
  response: GraphQLResponse;
  before: Docs;
  setup: Setup;
}

async function send(c: Case): Promise<Run> {
  resetRateLimits();
  const setup = await OPERATIONS[c.op].setup(modeOf(c), c.at);
  if (c.document === undefined) putAt(setup.variables, c.at, c.value);
  const before = await read(WRITABLE);
  const response = await graphql(c.document ?? OPERATIONS[c.op].document, c.document ? {} : setup.variables, { cookie: setup.cookie || undefined });
  return { response, before, setup };
}

const resultOf = (c: Case, response: GraphQLResponse) => response.data?.[OPERATIONS[c.op].field] ?? null;

async function expectUnchanged(before: Docs) {
  expect(comparable(await read(WRITABLE)), 'the database changed').toEqual(comparable(before));
}

/** The whole expectation, as a correct server meets it. */
async function strictly(c: Case, { response, before, setup }: Run) {
  const result = resultOf(c, response);
  const e = c.expect;
  if (e.kind !== 'stored') expect(cookieFrom(response), 'a session cookie was handed out').toBeNull();
  switch (e.kind) {
    case 'field':
      expect(response.errors).toBeUndefined();
      expect(result?.__typename).toBe('ValidationError');
      expect(result.fieldErrors.length).toBeGreaterThan(0);
      for (const fieldError of result.fieldErrors) {
        expect(fieldError.path).toBe(e.path);
        expect(e.codes).toContain(fieldError.code);
      }
      return expectUnchanged(before);
    case 'typed':
      expect(response.errors).toBeUndefined();
      expect(result).toMatchObject({ __typename: e.typename, code: e.code });
      return expectUnchanged(before);
    case 'error':
      expect(response.errors ?? [], 'no GraphQL error').not.toHaveLength(0);
      for (const error of response.errors!) {
        expect(e.codes).toContain(error.extensions?.code);
        if (e.argument) expect(error.extensions?.argument).toBe(e.argument);
      }
      expect(result).toBeNull();
      return expectUnchanged(before);
    case 'coercion':
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors ?? [], 'no GraphQL error').not.toHaveLength(0);
      for (const error of response.errors ?? []) expect(VARIABLE_CODES).toContain(error.extensions?.code);
      return expectUnchanged(before);
    case 'nobody':
      expect(response.errors).toBeUndefined();
      expect(result.totalCount).toBe(0);
      return expectUnchanged(before);
    case 'stored': {
      expect(response.errors).toBeUndefined();
      expect(result?.__typename).toMatch(/Payload$/);
      expect(await setup.stored!(c.at, c.value)).toEqual(e.value);
      return expectConfined(before, await setup.owners());
    }
  }
}

/** Whatever changed belongs to `owners`, the people the case made to be changed. */
async function expectConfined(before: Docs, owners: string[]) {
  expect(owners.length, 'an accepted call must have someone whose data it changed').toBeGreaterThan(0);
  const set = new Set(owners);
  expect(comparable(await read(WRITABLE), set), 'documents of other people changed').toEqual(comparable(before, set));
}

/** What must hold even with the case's known bug. */
async function contained(c: Case, { response, before, setup }: Run) {
  const result = resultOf(c, response);
  switch (c.bug!) {
    case 'B1':
      // Refused before anything ran, naming the variable, with nothing changed.
      expect(response.status).toBe(400);
      expect(response.data).toBeUndefined();
      expect(response.errors?.[0]?.message).toMatch(new RegExp(`^Variable "\\$${c.at.split('.')[0]}" got invalid value`));
      return expectUnchanged(before);
    case 'B4':
    case 'B6':
      expect(response.errors ?? [], 'no GraphQL error').not.toHaveLength(0);
      expect(result).toBeNull();
      return expectUnchanged(before);
    case 'B5':
      expect(response.errors).toBeUndefined();
      expect(['DonePayload', 'ValidationError']).toContain(result?.__typename);
      return expectUnchanged(before);
    default:
      // Answered without a masked error; refused, nothing changed; accepted, only the case's own throwaway people did.
      for (const error of response.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      if (QUERIES.has(c.op) || response.errors || result?.__typename === 'ValidationError') return expectUnchanged(before);
      expect(result?.__typename).toMatch(/Payload$/);
      return expectConfined(before, await setup.owners());
  }
}

async function runCase(c: Case, strict: boolean) {
  const run = await send(c);
  try {
    if (strict || !c.bug) await strictly(c, run);
    else await contained(c, run);
  } finally {
    // Throwaway people retire once judged, which keeps every snapshot small. What they stored is
    // kept aside for the corpus-wide checks at the end, except what a known bug stored.
    if (modeOf(c) === 'fresh') await retire(await run.setup.owners(), { keep: !(c.bug && BUGS[c.bug].stores) });
  }
}

/* The tests. Queries first: the searches expect to find nobody among the long-lived personas. */

describe('Search text stays text', () => {
  it('finds a long-lived persona by a plain word, so "matches nobody" below means something', async () => {
    const experts = await graphql(OPERATIONS.experts.document, { filter: { query: 'thu' } });
    expect(experts.data.experts.totalCount).toBe(1);
    const organizations = await graphql(OPERATIONS.organizations.document, { filter: { query: 'khoa hoc' } });
    expect(organizations.data.organizations.totalCount).toBeGreaterThan(0);
  });
});

describe.each(Object.entries(QUERY_CASES))('query %s', (_op, cases) => {
  it.each(cases.map((c) => ({ ...c, title: title(c) })))('$title', (c) => runCase(c, false));
});

describe.each(Object.entries(MUTATION_CASES))('mutation %s', (_op, cases) => {
  it.each(cases.map((c) => ({ ...c, title: title(c) })))('$title', (c) => runCase(c, false));
});

const ALL_CASES = [...Object.values(QUERY_CASES), ...Object.values(MUTATION_CASES)].flat();

describe('Server bugs this corpus found, fixed (each stays fixed)', () => {
  it.each(Object.entries(BUGS).map(([id, bug]) => ({ id, title: bug.title })))('$id: $title', async ({ id }) => {
    const cases = ALL_CASES.filter((c) => c.bug === id);
    expect(cases.length).toBeGreaterThan(0);
    const misbehaving: string[] = [];
    for (const c of cases) {
      try {
        await runCase(c, true);
      } catch (error) {
        misbehaving.push(`${c.op} ${c.at} ← ${c.label}: ${String((error as Error).message).split('\n')[0]}`);
      }
    }
    expect(misbehaving, 'cases that still misbehave').toEqual([]);
  });
});

describe('After the corpus', () => {
  const walk = (value: unknown, visit: (key: string | null, value: unknown) => void, key: string | null = null) => {
    visit(key, value);
    if (Array.isArray(value)) for (const v of value) walk(v, visit);
    else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) for (const [k, v] of Object.entries(value)) walk(v, visit, k);
  };

  const standingIds = () => [self, victim, prisoner, admin, moderator, curator].map((p) => p.id);

  it('holds no people but the long-lived personas (every throwaway person retired after its case)', async () => {
    const docs = await read(['experts', 'accounts']);
    expect(docs.experts!.map((d) => String(d._id)).sort()).toEqual(standingIds().sort());
    expect(docs.accounts!.map((d) => String(d._id)).sort()).toEqual(standingIds().sort());
    // Each stored case made exactly one person, kept aside with what they stored when they retired.
    expect(retired.experts).toHaveLength(retiredPeople);
  });

  it('left the long-lived personas and the reference data exactly as they were', async () => {
    const standing = new Set(standingIds());
    const mine = (docs: Docs) => Object.fromEntries(Object.entries(docs).map(([name, list]) => [name, list.filter((d) => owned(d, standing) || REFERENCE.includes(name))]));
    const now = await read([...WRITABLE, ...REFERENCE]);
    expect(comparable(mine(now))).toEqual(comparable(mine(initial)));
    // The victim still has both browsers and their request is still waiting.
    expect(await Session.countDocuments({ expert: victim.id })).toBe(2);
    expect((await VerificationRequest.findById(victimRequestId).lean())!.status).toBe('pending');
  });

  it('holds no key starting with "$" and no string with NUL or another C0 control character, nor did anything a case stored', async () => {
    const docs = { now: await read([...WRITABLE, ...REFERENCE]), retired };
    const dollarKeys: string[] = [];
    const controlled: string[] = [];
    let strings = 0;
    walk(docs, (key, value) => {
      if (key?.startsWith('$')) dollarKeys.push(key);
      if (typeof value === 'string') {
        strings++;
        if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value)) controlled.push(JSON.stringify(value).slice(0, 80));
      }
    });
    expect(strings).toBeGreaterThan(100);
    expect(dollarKeys).toEqual([]);
    expect(controlled).toEqual([]);
  });
});
