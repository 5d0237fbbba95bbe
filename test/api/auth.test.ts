import * as argon2 from '@node-rs/argon2';
import mongoose from 'mongoose';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Account } from '../../schema/account/model.ts';
import { AuditEntry } from '../../schema/audit/model.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Session } from '../../schema/session/model.ts';
import { hashToken, sweepExpiredSessions } from '../../schema/session/service.ts';
import { anyOf } from '../../schema/query.ts';
import { createGraphQL } from '../../server/http.ts';
import { createLogger } from '../../server/logger.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createExpert, createReferenceData } from '../helpers/factories.ts';
import { cookieFrom, graphql, sessionCookieFor, type GraphQLResponse } from '../helpers/graphql.ts';

// The password check, wrapped so a test can count how often it runs (it still really hashes).
vi.mock('@node-rs/argon2', async (original) => {
  const actual = await original<typeof import('@node-rs/argon2')>();
  return { ...actual, verify: vi.fn(actual.verify) };
});

useTestDatabase();

beforeAll(() => createReferenceData());
beforeEach(() => resetRateLimits());

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) {
  __typename ... on SignUpPayload { email }
  ... on ValidationError { fieldErrors { path code } } } }`;
const SIGN_IN_AS_NEW = `mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) {
  __typename ... on SignInPayload { viewer { handle name email role verified } } } }`;
const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) {
  __typename ... on SignInPayload { viewer { handle } } ... on SuspendedError { reason until } ... on Error { code } } }`;
const VIEWER = `{ viewer { handle role } }`;

const signUpOnly = (input: Record<string, unknown>) => graphql(SIGN_UP, { input: { name: 'Đặng Thu Trang', password: 'mat-khau-rat-dai', ...input } });
/**
 * Signs up, then signs in with the same email and password, as the web app does (sign-up itself
 * signs nobody in): sign-up's answer with the viewer added, and the sign-in's cookie.
 */
async function signUp(input: Record<string, unknown>): Promise<GraphQLResponse> {
  const response = await signUpOnly(input);
  if (response.data?.signUp?.__typename !== 'SignUpPayload') return response;
  const signedIn = await graphql(SIGN_IN_AS_NEW, { email: input.email, password: input.password ?? 'mat-khau-rat-dai' });
  return { ...signedIn, data: { signUp: { ...response.data.signUp, viewer: signedIn.data.signIn.viewer } } };
}
const signIn = (email: string, password: string, clientAddress?: string) => graphql(SIGN_IN, { email, password }, { clientAddress });
const viewerWith = async (cookie: string | null) => (await graphql(VIEWER, {}, { cookie: cookie ?? undefined })).data?.viewer ?? null;
const tokenOf = (response: GraphQLResponse) => cookieFrom(response)!.slice('session='.length);

describe('Sign-up', () => {
  it('creates a member, who then signs in with an httpOnly SameSite=Lax cookie, and hashes the password with argon2id', async () => {
    const answer = await signUpOnly({ email: 'first.try@example.vn' });
    expect(answer.data.signUp).toEqual({ __typename: 'SignUpPayload', email: 'first.try@example.vn' });
    expect(answer.setCookies).toEqual([]);
    const response = await signUp({ email: 'Trang.DT@So-KHCN.example.vn', organization: 'so-khcn-da-nang', place: 'da-nang', specialties: ['du-lieu-so'] });
    expect(response.data.signUp).toMatchObject({ __typename: 'SignUpPayload', viewer: { name: 'Đặng Thu Trang', email: 'Trang.DT@So-KHCN.example.vn', role: 'MEMBER', verified: false } });
    expect(response.setCookies[0]).toMatch(/^session=[A-Za-z0-9_-]{43}; .*HttpOnly/);
    expect(response.setCookies[0]).toMatch(/SameSite=Lax/);
    expect(response.setCookies[0]).toMatch(/Path=\//);
    expect(await viewerWith(cookieFrom(response))).toMatchObject({ handle: response.data.signUp.viewer.handle });
    const account = await Account.findOne({ emailKey: 'trang.dt@so-khcn.example.vn' }).lean();
    expect(account!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
    const [, m, t] = /m=(\d+),t=(\d+)/.exec(account!.passwordHash)!;
    expect(Number(m)).toBeGreaterThanOrEqual(19456);
    expect(Number(t)).toBeGreaterThanOrEqual(2);
    expect(await Session.countDocuments({ _id: hashToken(tokenOf(response)) })).toBe(1);
  });

  it('answers an email already registered, in another letter case, as a new one, changing nothing', async () => {
    await signUp({ email: 'case@example.vn' });
    const before = await Expert.estimatedDocumentCount();
    const response = await signUpOnly({ email: 'CASE@Example.VN', name: 'Người Khác', password: 'mat-khau-nguoi-khac' });
    expect(response.data.signUp).toEqual({ __typename: 'SignUpPayload', email: 'CASE@Example.VN' });
    expect(response.setCookies).toEqual([]);
    expect(await Expert.estimatedDocumentCount()).toBe(before);
    expect((await signIn('case@example.vn', 'mat-khau-nguoi-khac')).data.signIn.__typename).toBe('InvalidCredentialsError');
  });

  it('lists every field at fault with a code the web app translates', async () => {
    const response = await signUp({ email: 'not-an-email', password: 'short', name: 'A', place: 'quang-nam', specialties: ['nothing'] });
    const codes = Object.fromEntries(response.data.signUp.fieldErrors.map((e: any) => [e.path, e.code]));
    expect(codes).toEqual({ email: 'INVALID', password: 'TOO_SHORT', name: 'TOO_SHORT' });
    const references = await signUp({ email: 'refs@example.vn', place: 'quang-nam', specialties: ['nothing'] });
    expect(references.data.signUp.fieldErrors).toEqual([
      { path: 'place', code: 'UNKNOWN' },
      { path: 'specialties.0', code: 'UNKNOWN' },
    ]);
  });
});

describe('Sign-in', () => {
  let lanHandle = '';
  beforeAll(async () => {
    lanHandle = (await signUp({ email: 'lan@example.vn', name: 'Phạm Thị Lan' })).data.signUp.viewer.handle;
  });

  it('answers a wrong password and an unknown email alike', async () => {
    expect((await signIn('lan@example.vn', 'wrong-password!')).data.signIn).toEqual({ __typename: 'InvalidCredentialsError', code: 'INVALID_CREDENTIALS' });
    expect((await signIn('nobody@example.vn', 'wrong-password!')).data.signIn).toEqual({ __typename: 'InvalidCredentialsError', code: 'INVALID_CREDENTIALS' });
  });

  it('issues a new token at every sign-in, any letter case of the email', async () => {
    const first = await signIn('LAN@example.vn', 'mat-khau-rat-dai');
    const second = await signIn('lan@example.vn', 'mat-khau-rat-dai');
    expect(first.data.signIn.__typename).toBe('SignInPayload');
    expect(tokenOf(first)).not.toBe(tokenOf(second));
    expect(await viewerWith(cookieFrom(first))).toMatchObject({ handle: lanHandle });
    expect(await viewerWith(cookieFrom(second))).toMatchObject({ handle: lanHandle });
  });

  it('runs the password hash once for an unknown email as for a known one, so timing does not tell who has an account', async () => {
    const verify = vi.mocked(argon2.verify);
    verify.mockClear();
    await signIn('lan@example.vn', 'wrong-password!');
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockClear();
    await signIn('nobody-here@example.vn', 'wrong-password!');
    expect(verify).toHaveBeenCalledTimes(1);
    // Against a real argon2id hash, as costly as anyone's.
    expect(String(verify.mock.calls[0]![0])).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=1\$/);
  });
  it('keeps emails private: another member asking for one is refused', async () => {
    const other = await createExpert({ handle: 'curious1', name: 'Vũ Văn Tò Mò' });
    const cookie = await sessionCookieFor(String(other._id));
    const response = await graphql(`query ($h: String!) { expert(handle: $h) { name email } }`, { h: lanHandle }, { cookie });
    expect(response.data.expert).toEqual({ name: 'Phạm Thị Lan', email: null });
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  });
});

describe('Hourly sign-in limit', () => {
  // The limiter's clock (rate-limiter-flexible reads Date.now): minutes pass without waiting.
  let now = Date.now();
  beforeEach(() => {
    now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => vi.restoreAllMocks());
  const SIGN_IN_LIMITED = `mutation ($email: String!) { signIn(input: { email: $email, password: "doan-thu-mat-khau" }) { __typename ... on RateLimitedError { retryAfterSeconds } } }`;
  /** 30 attempts, 6 a minute (the minute limit's most), the clock moving a minute and a second after each 6. */
  async function thirtyAttemptsWithinHalfAnHour(attempt: (i: number) => Promise<string>) {
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      outcomes.push(await attempt(i));
      if (i % 6 === 5) now += 61_000;
    }
    return outcomes;
  }

  it('refuses the 31st attempt from one address within the hour, past every minute block, until the hour block ends', async () => {
    const attempt = async (i: number) => (await graphql(SIGN_IN_LIMITED, { email: `hourly${i}@example.vn` }, { clientAddress: '203.0.113.60' })).data.signIn;
    const outcomes = await thirtyAttemptsWithinHalfAnHour(async (i) => (await attempt(i)).__typename);
    expect(outcomes.every((t) => t === 'InvalidCredentialsError')).toBe(true);
    now += 5 * 60_000;
    const thirtyFirst = await attempt(30);
    expect(thirtyFirst.__typename).toBe('RateLimitedError');
    expect(thirtyFirst.retryAfterSeconds).toBeGreaterThan(50 * 60);
    now += 10 * 60_000;
    expect((await attempt(31)).__typename).toBe('RateLimitedError');
    // Another address is not blocked by this one.
    expect((await graphql(SIGN_IN_LIMITED, { email: 'hourly-other@example.vn' }, { clientAddress: '203.0.113.61' })).data.signIn.__typename).toBe('InvalidCredentialsError');
    now += 61 * 60_000;
    expect((await attempt(32)).__typename).toBe('InvalidCredentialsError');
  });

  it('refuses the 31st attempt against one account within the hour, from any number of addresses', async () => {
    const attempt = async (i: number) => (await graphql(SIGN_IN_LIMITED, { email: 'Lan@Example.vn' }, { clientAddress: `198.51.100.${i + 1}` })).data.signIn;
    const outcomes = await thirtyAttemptsWithinHalfAnHour(async (i) => (await attempt(i)).__typename);
    expect(outcomes.every((t) => t === 'InvalidCredentialsError')).toBe(true);
    now += 5 * 60_000;
    const thirtyFirst = await attempt(30);
    expect(thirtyFirst.__typename).toBe('RateLimitedError');
    expect(thirtyFirst.retryAfterSeconds).toBeGreaterThan(50 * 60);
    // Even the right password, from yet another address.
    expect((await graphql(SIGN_IN, { email: 'lan@example.vn', password: 'mat-khau-rat-dai' }, { clientAddress: '198.51.100.200' })).data.signIn.__typename).toBe('RateLimitedError');
  });
});

describe('Sessions', () => {
  let expertId: string;
  beforeAll(async () => {
    expertId = String((await createExpert({ handle: 'sessions1', name: 'Lê Văn Phiên' }))._id);
  });

  it('does not work once expired, and is removed when seen', async () => {
    const cookie = await sessionCookieFor(expertId);
    const id = hashToken(cookie.slice('session='.length));
    await Session.updateOne({ _id: id }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await viewerWith(cookie)).toBeNull();
    expect(await Session.countDocuments({ _id: id })).toBe(0);
  });

  it('does not work past its absolute lifetime even when in use', async () => {
    const cookie = await sessionCookieFor(expertId);
    await Session.updateOne({ _id: hashToken(cookie.slice('session='.length)) }, { $set: { absoluteExpiresAt: new Date(Date.now() - 1000) } });
    expect(await viewerWith(cookie)).toBeNull();
  });

  it('are swept once past either expiry, and only then', async () => {
    const live = await sessionCookieFor(expertId);
    const idle = await sessionCookieFor(expertId);
    const old = await sessionCookieFor(expertId);
    const id = (cookie: string) => hashToken(cookie.slice('session='.length));
    await Session.updateOne({ _id: id(idle) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
    await Session.updateOne({ _id: id(old) }, { $set: { absoluteExpiresAt: new Date(Date.now() - 1000) } });
    expect(await sweepExpiredSessions()).toBe(2);
    expect(await Session.countDocuments({ _id: anyOf([id(live), id(idle), id(old)]) })).toBe(1);
  });

  it('does not work once revoked from the sessions list', async () => {
    const keep = await sessionCookieFor(expertId);
    const revoke = await sessionCookieFor(expertId);
    const revokeId = hashToken(revoke.slice('session='.length));
    const response = await graphql(`mutation ($id: ID!) { endSession(input: { sessionId: $id }) { __typename } }`, { id: revokeId }, { cookie: keep });
    expect(response.data.endSession.__typename).toBe('DonePayload');
    expect(await viewerWith(revoke)).toBeNull();
    expect(await viewerWith(keep)).toMatchObject({ handle: 'sessions1' });
  });

  it('cannot end someone else’s session', async () => {
    const victim = await sessionCookieFor(expertId);
    const intruder = await sessionCookieFor(String((await createExpert({ handle: 'intruder1' }))._id));
    await graphql(`mutation ($id: ID!) { endSession(input: { sessionId: $id }) { __typename } }`, { id: hashToken(victim.slice('session='.length)) }, { cookie: intruder });
    expect(await viewerWith(victim)).toMatchObject({ handle: 'sessions1' });
  });

  it('ends all of them, this one included, on sign-out everywhere', async () => {
    const cookies = [await sessionCookieFor(expertId), await sessionCookieFor(expertId), await sessionCookieFor(expertId)];
    const response = await graphql(`mutation { signOutEverywhere { __typename } }`, {}, { cookie: cookies[0] });
    expect(response.data.signOutEverywhere.__typename).toBe('DonePayload');
    expect(response.setCookies[0]).toMatch(/^session=;/);
    for (const cookie of cookies) expect(await viewerWith(cookie)).toBeNull();
    expect(await Session.countDocuments({ expert: expertId })).toBe(0);
  });

  it('ends other sessions and issues a new token when the password changes', async () => {
    const signedUp = await signUp({ email: 'pw@example.vn', name: 'Hồ Văn Mật' });
    const other = await signIn('pw@example.vn', 'mat-khau-rat-dai');
    const response = await graphql(
      `mutation { changePassword(input: { currentPassword: "mat-khau-rat-dai", newPassword: "mat-khau-moi-dai-hon" }) { __typename ... on ValidationError { fieldErrors { path code } } } }`,
      {},
      { cookie: cookieFrom(signedUp)! },
    );
    expect(response.data.changePassword.__typename).toBe('ChangePasswordPayload');
    expect(await viewerWith(cookieFrom(signedUp))).toBeNull();
    expect(await viewerWith(cookieFrom(other))).toBeNull();
    expect(await viewerWith(cookieFrom(response))).toMatchObject({ handle: signedUp.data.signUp.viewer.handle });
    expect((await signIn('pw@example.vn', 'mat-khau-rat-dai')).data.signIn.__typename).toBe('InvalidCredentialsError');
    expect((await signIn('pw@example.vn', 'mat-khau-moi-dai-hon')).data.signIn.__typename).toBe('SignInPayload');
  });

  it('refuses a password change with the wrong current password, changing nothing', async () => {
    const signedUp = await signUp({ email: 'pw2@example.vn', name: 'Hồ Văn Giữ' });
    const before = (await Account.findOne({ emailKey: 'pw2@example.vn' }).lean())!.passwordHash;
    const response = await graphql(
      `mutation { changePassword(input: { currentPassword: "khong-dung-dau", newPassword: "mat-khau-moi-dai-hon" }) { __typename ... on ValidationError { fieldErrors { path code } } } }`,
      {},
      { cookie: cookieFrom(signedUp)! },
    );
    expect(response.data.changePassword).toEqual({ __typename: 'ValidationError', fieldErrors: [{ path: 'currentPassword', code: 'WRONG' }] });
    expect((await Account.findOne({ emailKey: 'pw2@example.vn' }).lean())!.passwordHash).toBe(before);
    expect(await viewerWith(cookieFrom(signedUp))).toMatchObject({ handle: signedUp.data.signUp.viewer.handle });
  });
});

describe('Roles', () => {
  it('records a role change and makes the person sign in again for a new token with the new rights', async () => {
    const admin = await createExpert({ handle: 'admin1', name: 'Trần Quản Trị' });
    await Expert.updateOne({ _id: admin._id }, { $set: { role: 'admin' } });
    const signedUp = await signUp({ email: 'future.curator@example.vn', name: 'Ngô Thị Duyệt' });
    const oldCookie = cookieFrom(signedUp)!;
    const subject = await Expert.findOne({ handle: signedUp.data.signUp.viewer.handle }).lean();
    const globalId = Buffer.from(`Expert:${subject!._id}`).toString('base64url');

    const response = await graphql(
      `mutation ($id: ID!) { changeRole(input: { expertId: $id, role: CURATOR, reason: "Phụ trách duyệt cách làm hay" }) { __typename ... on ChangeRolePayload { expert { role } } } }`,
      { id: globalId },
      { cookie: await sessionCookieFor(String(admin._id)) },
    );
    expect(response.data.changeRole).toEqual({ __typename: 'ChangeRolePayload', expert: { role: 'CURATOR' } });
    expect(await viewerWith(oldCookie)).toBeNull();
    const again = await signIn('future.curator@example.vn', 'mat-khau-rat-dai');
    expect(tokenOf(again)).not.toBe(oldCookie.slice('session='.length));
    expect(await viewerWith(cookieFrom(again))).toMatchObject({ role: 'CURATOR' });
    expect(await AuditEntry.findOne({ subject: subject!._id }).lean()).toMatchObject({
      action: 'role.changed',
      from: 'member',
      to: 'curator',
      reason: 'Phụ trách duyệt cách làm hay',
      actor: admin._id,
    });
  });
});

describe('Suspension', () => {
  it('signs the person out, refuses their sign-in with the reason and date, and lifts when unsuspended', async () => {
    const moderator = await createExpert({ handle: 'moderator1' });
    await Expert.updateOne({ _id: moderator._id }, { $set: { role: 'moderator' } });
    const moderatorCookie = await sessionCookieFor(String(moderator._id));
    const signedUp = await signUp({ email: 'spam@example.vn', name: 'Kẻ Gây Rối' });
    const subject = await Expert.findOne({ handle: signedUp.data.signUp.viewer.handle }).lean();
    const globalId = Buffer.from(`Expert:${subject!._id}`).toString('base64url');
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString();

    const suspended = await graphql(
      `mutation ($id: ID!, $until: DateTime!) { suspendExpert(input: { expertId: $id, until: $until, reason: "Đăng quảng cáo" }) { __typename } }`,
      { id: globalId, until },
      { cookie: moderatorCookie },
    );
    expect(suspended.data.suspendExpert.__typename).toBe('SuspendExpertPayload');
    expect(await viewerWith(cookieFrom(signedUp))).toBeNull();
    const refused = await signIn('spam@example.vn', 'mat-khau-rat-dai');
    expect(refused.data.signIn).toEqual({ __typename: 'SuspendedError', code: 'SUSPENDED', reason: 'Đăng quảng cáo', until });
    expect(refused.setCookies).toEqual([]);

    await graphql(`mutation ($id: ID!) { unsuspendExpert(input: { expertId: $id, reason: "Đã cam kết" }) { __typename } }`, { id: globalId }, { cookie: moderatorCookie });
    const again = await signIn('spam@example.vn', 'mat-khau-rat-dai');
    expect(again.data.signIn).toEqual({ __typename: 'SignInPayload', viewer: { handle: signedUp.data.signUp.viewer.handle } });
    expect(await viewerWith(cookieFrom(again))).toMatchObject({ handle: signedUp.data.signUp.viewer.handle });
    expect((await AuditEntry.find({ subject: subject!._id }).sort({ createdAt: 1 }).lean()).map((e) => e.action)).toEqual(['expert.suspended', 'expert.unsuspended']);
  });
});

describe('Expert verification', () => {
  it('lets a member ask, a curator approve, and shows the badge with the cohort', async () => {
    const curator = await createExpert({ handle: 'curator1' });
    await Expert.updateOne({ _id: curator._id }, { $set: { role: 'curator' } });
    const member = await createExpert({ handle: 'asker1', cohorts: [] });
    const memberCookie = await sessionCookieFor(String(member._id));
    const asked = await graphql(
      `mutation { requestVerification(input: { statement: "Trưởng phòng CNTT, học viên khóa 100 chuyên gia năm 2019.", cohort: "cpdt-100-2019" }) { __typename ... on RequestVerificationPayload { request { id status } } } }`,
      {},
      { cookie: memberCookie },
    );
    expect(asked.data.requestVerification.request.status).toBe('PENDING');
    const again = await graphql(`mutation { requestVerification(input: { statement: "Một lần nữa, xin được xác nhận là chuyên gia." }) { __typename } }`, {}, { cookie: memberCookie });
    expect(again.data.requestVerification.__typename).toBe('ConflictError');

    const curatorCookie = await sessionCookieFor(String(curator._id));
    const declineWithoutReason = await graphql(
      `mutation ($id: ID!) { decideVerification(input: { requestId: $id, approve: false }) { __typename ... on ValidationError { fieldErrors { path code } } } }`,
      { id: asked.data.requestVerification.request.id },
      { cookie: curatorCookie },
    );
    expect(declineWithoutReason.data.decideVerification).toEqual({ __typename: 'ValidationError', fieldErrors: [{ path: 'reason', code: 'REQUIRED' }] });

    const approved = await graphql(
      `mutation ($id: ID!) { decideVerification(input: { requestId: $id, approve: true }) { __typename ... on DecideVerificationPayload { request { status expert { verified cohorts { slug } } } } } }`,
      { id: asked.data.requestVerification.request.id },
      { cookie: curatorCookie },
    );
    expect(approved.data.decideVerification.request).toEqual({ status: 'APPROVED', expert: { verified: true, cohorts: [{ slug: 'cpdt-100-2019' }] } });
    const twice = await graphql(
      `mutation ($id: ID!) { decideVerification(input: { requestId: $id, approve: false, reason: "Đổi ý" }) { __typename } }`,
      { id: asked.data.requestVerification.request.id },
      { cookie: curatorCookie },
    );
    expect(twice.data.decideVerification.__typename).toBe('ConflictError');
    expect(await AuditEntry.countDocuments({ subject: member._id, action: 'expert.verified' })).toBe(1);
  });
});

describe('Session cookie in production', () => {
  it('is __Host-session, Secure, HttpOnly, SameSite=Lax, Path=/', async () => {
    const yoga = createGraphQL({ NODE_ENV: 'production' }, createLogger('silent', false));
    await signUp({ email: 'prod@example.vn', name: 'Lý Sản Xuất' });
    const response = await yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { signIn(input: { email: "prod@example.vn", password: "mat-khau-rat-dai" }) { __typename } }` }),
      },
      { clientAddress: '198.51.100.7' },
    );
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^__Host-session=[A-Za-z0-9_-]{43};/);
    for (const attribute of ['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']) expect(cookie).toContain(attribute);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(mongoose.connection.readyState).toBe(1);
  });
});
