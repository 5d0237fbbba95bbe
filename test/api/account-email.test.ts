import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Account, AccountToken } from '../../schema/account/model.ts';
import { configureEmail, emailsSettled, sendEmail } from '../../schema/email/mailer.ts';
import { Expert } from '../../schema/expert/model.ts';
import { resetRateLimits } from '../../schema/limits.ts';
import { Session } from '../../schema/session/model.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { PASSWORD, personWithAccount } from '../helpers/accounts.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createReferenceData } from '../helpers/factories.ts';
import { cookieFrom, graphql, sessionCookieFor } from '../helpers/graphql.ts';
import { useMailbox } from '../helpers/mailbox.ts';

useTestDatabase();
const mailbox = useMailbox(() => 'https://chuyengia.test');

beforeAll(() => createReferenceData());
beforeEach(() => resetRateLimits());
afterEach(() => vi.useRealTimers());

const RESULT = `__typename ... on Error { code } ... on ValidationError { fieldErrors { path code } } ... on RateLimitedError { retryAfterSeconds }`;
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { ${RESULT} ... on SignUpPayload { email } } }`;
const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(input: { email: $email, password: $password }) { ${RESULT} ... on SignInPayload { viewer { handle emailVerified } } } }`;
const REQUEST_RESET = `mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { ${RESULT} ... on DonePayload { done } } }`;
const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { ${RESULT} ... on DonePayload { done } } }`;
const VERIFY = `mutation ($input: VerifyEmailInput!) { verifyEmail(input: $input) { ${RESULT} ... on DonePayload { done } } }`;
const RESEND = `mutation { sendVerificationEmail { ${RESULT} ... on DonePayload { done } } }`;
const VIEWER = `{ viewer { handle emailVerified } }`;

const NEW_PASSWORD = 'mot-mat-khau-moi-hoan-toan';
const signUp = (input: Record<string, unknown>) => graphql(SIGN_UP, { input: { name: 'Đặng Thu Trang', password: PASSWORD, ...input } });
const signIn = (email: string, password = PASSWORD) => graphql(SIGN_IN, { email, password });
const requestReset = (email: string, extra: Record<string, unknown> = {}, clientAddress?: string) => graphql(REQUEST_RESET, { input: { email, ...extra } }, { clientAddress });
const tokenOf = (link: string) => new URL(link).hash.slice(1);
const viewerOf = async (cookie: string) => (await graphql(VIEWER, {}, { cookie })).data.viewer;

describe('Sending', () => {
  it('cannot be made to add a header or a recipient through a name or a subject', async () => {
    await sendEmail({
      to: { name: 'Mallory\r\nBcc: victim@evil.test', address: 'mallory@example.vn' },
      subject: 'Chào\r\nBcc: other@evil.test\nX-Injected: yes',
      text: 'Nội dung',
      html: '<p>Nội dung</p>',
    });
    const [mail] = await mailbox.all();
    expect(mail!.envelope.to).toEqual(['mallory@example.vn']);
    expect(mail!.parsed.headers.has('bcc')).toBe(false);
    expect(mail!.parsed.headers.has('x-injected')).toBe(false);
    expect(mail!.raw).not.toMatch(/^(bcc|x-injected):/im);
    expect(mail!.parsed.subject).toBe('Chào Bcc: other@evil.test X-Injected: yes');
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: 'mallory@example.vn', name: 'Mallory Bcc: victim@evil.test' }] });
  });

  it('is checked at start: SMTP_URL must be an smtp URL, MAIL_FROM one line, and production links need PUBLIC_URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.vn' })).toThrow(/SMTP_URL: smtp:\/\//);
    expect(() => loadConfig({ MAIL_FROM: 'Ai đó <a@b.vn>\r\nBcc: x@evil.test' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://u:p@mail.example.vn:587' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://u:p@mail.example.vn:587' })).toThrow(/PUBLIC_URL: required with SMTP_URL/);
    expect(loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtps://u:p@mail.example.vn', PUBLIC_URL: 'https://chuyengia.gov.vn' }).MAIL_FROM).toMatch(/<no-reply@/);
  });

  it('says loudly at start that email is off in production without SMTP_URL, and sends nothing; in development writes each email to the log', async () => {
    const lines: { level: string; text: string }[] = [];
    const recorder = {
      info: (text: string) => lines.push({ level: 'info', text }),
      warn: (text: string) => lines.push({ level: 'warn', text }),
      error: (text: string) => lines.push({ level: 'error', text }),
    };
    const settings = { MAIL_FROM: 'no-reply@chuyengia.test', siteUrl: 'https://chuyengia.test' };
    try {
      configureEmail({ ...settings, NODE_ENV: 'production' }, recorder as never);
      expect(lines).toEqual([{ level: 'error', text: expect.stringMatching(/^Email is OFF: SMTP_URL is not set/) }]);
      const person = await personWithAccount('tat.thu', 'Tắt Thư');
      await requestReset(person.email);
      await emailsSettled();
      expect(lines.at(-1)).toMatchObject({ level: 'warn', text: expect.not.stringMatching(/reset-password/) });

      configureEmail({ ...settings, NODE_ENV: 'development' }, recorder as never);
      await requestReset(person.email);
      await emailsSettled();
      expect(lines.at(-1)?.text).toMatch(/^Email to tat\.thu@example\.vn: Đặt lại mật khẩu\n[\s\S]*https:\/\/chuyengia\.test\/reset-password#/);
      expect(mailbox.messages).toEqual([]);
    } finally {
      // Back to this file's SMTP server.
      configureEmail({ ...settings, NODE_ENV: 'test', SMTP_URL: mailbox.smtpUrl() }, recorder as never);
    }
  });
});

describe('Password reset', () => {
  it('answers the same for an address with an account and one without, and emails only the owner a Vietnamese link (text and HTML) that works once', async () => {
    const person = await personWithAccount('quen.mk', 'Lê Quên Mật Khẩu');
    const known = await requestReset('Quen.MK@example.vn');
    const unknown = await requestReset('nobody@example.vn');
    expect(known.data).toEqual(unknown.data);
    expect(known.data.requestPasswordReset).toEqual({ __typename: 'DonePayload', done: true });

    const mails = await mailbox.all();
    expect(mails.map((m) => m.envelope.to)).toEqual([[person.email]]);
    const [mail] = mails;
    expect(mail!.parsed.subject).toBe('Đặt lại mật khẩu');
    expect(mail!.parsed.text).toContain('Xin chào Lê Quên Mật Khẩu,');
    expect(mail!.parsed.text).toContain('trong 60 phút');
    const link = mailbox.linkIn(mail!, '/reset-password#');
    expect(mail!.parsed.html).toContain(`href="${link}"`);
    // Only a hash of the token is kept.
    expect(await AccountToken.countDocuments({ _id: tokenOf(link) })).toBe(0);

    const otherBrowser = cookieFrom(await signIn(person.email))!;
    const reset = await graphql(RESET, { input: { token: tokenOf(link), newPassword: NEW_PASSWORD } });
    expect(reset.data.resetPassword).toEqual({ __typename: 'DonePayload', done: true });
    expect(await viewerOf(otherBrowser)).toBeNull();
    expect(await Session.countDocuments({ expert: person.id })).toBe(0);
    expect((await signIn(person.email)).data.signIn.__typename).toBe('InvalidCredentialsError');
    expect((await signIn(person.email, NEW_PASSWORD)).data.signIn.__typename).toBe('SignInPayload');

    const again = await graphql(RESET, { input: { token: tokenOf(link), newPassword: 'lan-thu-hai-dat-lai' } });
    expect(again.data.resetPassword).toEqual({ __typename: 'ValidationError', code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'token', code: 'EXPIRED' }] });
    expect((await signIn(person.email, NEW_PASSWORD)).data.signIn.__typename).toBe('SignInPayload');
  });

  it('lets only one of two requests sent at once with the same link through', async () => {
    const person = await personWithAccount('hai.tab', 'Hai Thẻ');
    await requestReset(person.email);
    const token = tokenOf(mailbox.linkIn((await mailbox.to(person.email))[0]!, '/reset-password#'));
    const answers = await Promise.all(['mat-khau-the-thu-nhat', 'mat-khau-the-thu-hai'].map((newPassword) => graphql(RESET, { input: { token, newPassword } })));
    expect(answers.map((a) => a.data.resetPassword.__typename).sort()).toEqual(['DonePayload', 'ValidationError']);
  });

  it('refuses a link used after an hour, or replaced by a newer one, or made up, changing nothing', async () => {
    const person = await personWithAccount('tre.han', 'Trễ Hạn');
    await requestReset(person.email);
    const first = tokenOf(mailbox.linkIn((await mailbox.to(person.email))[0]!, '/reset-password#'));
    await requestReset(person.email);
    const second = tokenOf(mailbox.linkIn((await mailbox.to(person.email))[1]!, '/reset-password#'));
    const before = (await Account.findById(person.id).lean())!.passwordHash;

    const replaced = await graphql(RESET, { input: { token: first, newPassword: NEW_PASSWORD } });
    expect(replaced.data.resetPassword.fieldErrors).toEqual([{ path: 'token', code: 'EXPIRED' }]);
    for (const token of ['', 'x'.repeat(43), 'not a token at all', { $gt: '' }]) {
      const made = await graphql(RESET, { input: { token, newPassword: NEW_PASSWORD } });
      expect(made.data?.resetPassword?.__typename ?? made.errors?.[0]?.extensions?.code, String(token)).toMatch(/ValidationError|BAD_USER_INPUT/);
    }
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61 * 60_000);
    const late = await graphql(RESET, { input: { token: second, newPassword: NEW_PASSWORD } });
    expect(late.data.resetPassword.fieldErrors).toEqual([{ path: 'token', code: 'EXPIRED' }]);
    expect((await Account.findById(person.id).lean())!.passwordHash).toBe(before);
  });

  it('writes in English to a member who signed up in English, or when asked from the English interface', async () => {
    await signUp({ email: 'english@example.vn', name: 'Anna Nguyen', language: 'en' });
    await requestReset('english@example.vn');
    const vietnamese = await personWithAccount('tieng.anh', 'Tiếng Anh');
    await requestReset(vietnamese.email, { language: 'en' });
    const [reset] = (await mailbox.to('english@example.vn')).filter((m) => m.parsed.subject !== 'Confirm your email address');
    expect(reset!.parsed.subject).toBe('Reset your password');
    expect(reset!.parsed.text).toContain('Hello Anna Nguyen,');
    expect((await mailbox.to(vietnamese.email))[0]!.parsed.subject).toBe('Reset your password');
  });

  it('sends a suspended person no link, and refuses a link sent before the suspension, changing nothing', async () => {
    const person = await personWithAccount('bi.khoa', 'Bị Khóa');
    await requestReset(person.email);
    const link = mailbox.linkIn((await mailbox.to(person.email))[0]!, '/reset-password#');
    await Expert.updateOne({ _id: person.id }, { $set: { suspendedUntil: new Date(Date.now() + 86_400_000), suspensionReason: 'Đăng quảng cáo' } });
    expect((await requestReset(person.email)).data.requestPasswordReset.__typename).toBe('DonePayload');
    expect(await mailbox.to(person.email)).toHaveLength(1);
    const before = (await Account.findById(person.id).lean())!.passwordHash;
    const refused = await graphql(RESET, { input: { token: tokenOf(link), newPassword: NEW_PASSWORD } });
    expect(refused.data.resetPassword).toMatchObject({ __typename: 'SuspendedError', code: 'SUSPENDED' });
    expect((await Account.findById(person.id).lean())!.passwordHash).toBe(before);
  });

  it('is limited per address asking and per email address asked about, whether it has an account or not', async () => {
    const person = await personWithAccount('gioi.han', 'Giới Hạn');
    for (let i = 0; i < 5; i++) expect((await requestReset(person.email)).data.requestPasswordReset.__typename).toBe('DonePayload');
    expect((await requestReset(person.email)).data.requestPasswordReset).toMatchObject({ __typename: 'RateLimitedError', code: 'RATE_LIMITED' });
    resetRateLimits();
    for (let i = 0; i < 5; i++) await requestReset('khong.ai@example.vn');
    expect((await requestReset('khong.ai@example.vn')).data.requestPasswordReset.__typename).toBe('RateLimitedError');
    expect(await mailbox.to(person.email)).toHaveLength(5);

    resetRateLimits();
    const results = [];
    for (let i = 0; i < 11; i++) results.push((await requestReset(`nguoi${i}@example.vn`, {}, '203.0.113.9')).data.requestPasswordReset.__typename);
    expect(results.slice(0, 10).every((r) => r === 'DonePayload')).toBe(true);
    expect(results[10]).toBe('RateLimitedError');
  });
});

describe('Sign-up', () => {
  it('answers a taken address exactly as a free one, creates nothing for it, and tells its owner, with a way to reset the password', async () => {
    const owner = await personWithAccount('da.co', 'Nguyễn Đã Có');
    const experts = await Expert.countDocuments();
    const fresh = await signUp({ email: 'moi.toanh@example.vn' });
    const taken = await signUp({ email: 'DA.CO@example.vn', password: 'mat-khau-cua-ke-khac' });
    expect(fresh.data.signUp).toEqual({ __typename: 'SignUpPayload', email: 'moi.toanh@example.vn' });
    expect(taken.data.signUp).toEqual({ __typename: 'SignUpPayload', email: 'DA.CO@example.vn' });
    expect(fresh.setCookies).toEqual([]);
    expect(taken.setCookies).toEqual([]);
    expect(await Expert.countDocuments()).toBe(experts + 1);
    expect((await signIn(owner.email, 'mat-khau-cua-ke-khac')).data.signIn.__typename).toBe('InvalidCredentialsError');

    const [notice] = await mailbox.to(owner.email);
    expect(notice!.parsed.subject).toBe('Có người thử đăng ký bằng địa chỉ của bạn');
    expect(notice!.parsed.text).toContain('Xin chào Nguyễn Đã Có,');
    expect(mailbox.linkIn(notice!, '/forgot-password?email=')).toBe('https://chuyengia.test/forgot-password?email=da.co%40example.vn');
    expect((await mailbox.to('moi.toanh@example.vn'))[0]!.parsed.subject).toBe('Xác nhận địa chỉ email');
  });

  it('sends a verification link: the account says its address is unconfirmed until the link is opened, once', async () => {
    await signUp({ email: 'xac.nhan@example.vn', name: 'Phan Xác Nhận' });
    const signedIn = await signIn('xac.nhan@example.vn');
    expect(signedIn.data.signIn.viewer.emailVerified).toBe(false);
    const cookie = cookieFrom(signedIn)!;
    const [mail] = await mailbox.to('xac.nhan@example.vn');
    expect(mail!.parsed.text).toContain('trong 48 giờ');
    const token = tokenOf(mailbox.linkIn(mail!, '/verify-email#'));

    expect((await graphql(VERIFY, { input: { token } })).data.verifyEmail).toEqual({ __typename: 'DonePayload', done: true });
    expect(await viewerOf(cookie)).toMatchObject({ emailVerified: true });
    expect((await graphql(VERIFY, { input: { token } })).data.verifyEmail.fieldErrors).toEqual([{ path: 'token', code: 'EXPIRED' }]);
    // Confirmed: asking again sends nothing.
    mailbox.messages.length = 0;
    expect((await graphql(RESEND, {}, { cookie })).data.sendVerificationEmail.__typename).toBe('DonePayload');
    expect(await mailbox.all()).toEqual([]);
  });

  it('sends a new verification link on request (the old one stops working), within the per-address email limit', async () => {
    await signUp({ email: 'gui.lai@example.vn', name: 'Gửi Lại' });
    const cookie = cookieFrom(await signIn('gui.lai@example.vn'))!;
    const first = tokenOf(mailbox.linkIn((await mailbox.to('gui.lai@example.vn'))[0]!, '/verify-email#'));
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await graphql(RESEND, {}, { cookie })).data.sendVerificationEmail.__typename);
    // The sign-up's email was the first of five an hour.
    expect(results).toEqual(['DonePayload', 'DonePayload', 'DonePayload', 'DonePayload', 'RateLimitedError']);
    const mails = await mailbox.to('gui.lai@example.vn');
    expect(mails).toHaveLength(5);
    expect((await graphql(VERIFY, { input: { token: first } })).data.verifyEmail.fieldErrors).toEqual([{ path: 'token', code: 'EXPIRED' }]);
    const latest = tokenOf(mailbox.linkIn(mails.at(-1)!, '/verify-email#'));
    expect((await graphql(VERIFY, { input: { token: latest } })).data.verifyEmail.__typename).toBe('DonePayload');
    expect(await viewerOf(cookie)).toMatchObject({ emailVerified: true });
  });

  it('leaves accounts older than verification verified, and a reset link confirms an unconfirmed address', async () => {
    const older = await personWithAccount('lau.nam', 'Lâu Năm');
    expect(await viewerOf(await sessionCookieFor(older.id))).toMatchObject({ handle: 'lau.nam', emailVerified: true });
    expect(await mailbox.all()).toEqual([]);

    await signUp({ email: 'chua.xn@example.vn', name: 'Chưa Xác Nhận' });
    await requestReset('chua.xn@example.vn');
    const reset = (await mailbox.to('chua.xn@example.vn')).find((m) => m.parsed.subject === 'Đặt lại mật khẩu')!;
    await graphql(RESET, { input: { token: tokenOf(mailbox.linkIn(reset, '/reset-password#')), newPassword: NEW_PASSWORD } });
    expect((await signIn('chua.xn@example.vn', NEW_PASSWORD)).data.signIn.viewer.emailVerified).toBe(true);
  });
});
