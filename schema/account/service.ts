import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import type { Context, Viewer } from '../context.ts';
import { InvalidCredentialsError, NotAuthorizedError, RateLimitedError, SuspendedError, ValidationError } from '../errors.ts';
import { ACCOUNT_LIMITS } from '../field-limits.ts';
import { createMemberProfile, deleteExpert, findExpertById, profileFields, type ExpertDoc } from '../expert/service.ts';
import { spend } from '../limits.ts';
import { flagStaffLookalike } from '../moderation/names.ts';
import { findByIds } from '../loading.ts';
import { createSession, endAllSessions, endSession, findLiveSession } from '../session/service.ts';
import { email, isObjectId, parseInput, password } from '../validation.ts';
import { sendAddressVerification, sendSignUpAttempt } from './email-links.ts';
import { Account, type AccountDoc } from './model.ts';

/*
 * Passwords: argon2id with @node-rs/argon2's defaults, which are OWASP's minimum (m=19456 KiB,
 * t=2, p=1). Sign-in is throttled before any hashing, and an unknown email costs one
 * verification against a dummy hash, so timing does not tell which accounts exist.
 */

let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hash('not a password of anyone here'));

export const emailKey = (address: string) => address.normalize('NFC').trim().toLowerCase();

export const accountsByIds = (ids: readonly string[]) => findByIds<AccountDoc>(Account, ids.filter(isObjectId));

/** Whether the person is suspended now. */
export const isSuspended = (expert: Pick<ExpertDoc, 'suspendedUntil'>, now = Date.now()) => Boolean(expert.suspendedUntil && expert.suspendedUntil.getTime() > now);

/** The viewer for a session cookie's token; null when signed out, expired, revoked or suspended. */
export async function resolveViewer(token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  const session = await findLiveSession(token);
  if (!session) return null;
  const expert = await findExpertById(String(session.expert));
  if (!expert || isSuspended(expert)) {
    await endSession(session._id);
    return null;
  }
  return viewerOf(expert, session._id);
}

const viewerOf = (expert: ExpertDoc, sessionId: string): Viewer => ({
  id: String(expert._id),
  handle: expert.handle,
  role: expert.role,
  verified: Boolean(expert.verifiedAt),
  joinedAt: expert.joinedAt,
  sessionId,
});

/** A new session for the person: the cookie for the browser, and the viewer for the rest of this request. */
async function startSession(ctx: Context, expert: ExpertDoc) {
  const { token, session, expiresAt } = await createSession(expert._id, ctx.userAgent);
  await ctx.sessionCookie.set(token, expiresAt);
  ctx.viewer = viewerOf(expert, session._id);
}

/** The interface language the person uses, for the emails they get (Vietnamese when unknown). */
export const emailLanguage = z
  .string()
  .regex(/^(vi|en)$/, 'INVALID')
  .transform((value) => value as 'vi' | 'en')
  .optional()
  .describe('vi or en: the language of the emails.');

/** A new account; the GraphQL inputs are generated from these schemas (schema/input.ts). */
export const signUpInput = z.object({
  email,
  password: password.describe(`${ACCOUNT_LIMITS.passwordMin} to ${ACCOUNT_LIMITS.password} characters.`),
  name: profileFields.shape.name,
  organization: profileFields.shape.organization.optional(),
  place: profileFields.shape.place.optional(),
  specialties: profileFields.shape.specialties.optional(),
  language: emailLanguage,
});

export async function signUp(ctx: Context, input: unknown): Promise<{ email: string }> {
  const data = parseInput(signUpInput, input);
  // Counted once the input is well formed (a typo costs nothing), before the costly hashing.
  await spend('signUpPerAddress', ctx.clientAddress);
  const key = emailKey(data.email);
  if (data.password.toLowerCase() === key) throw ValidationError.field('password', 'INVALID', 'password must not be the email address');
  // Hashed whether or not the address is taken: both answers take the same slow step.
  const passwordHash = await hash(data.password);
  const sent = { email: data.email };
  const existing = await Account.findOne({ emailKey: key }).lean<AccountDoc>();
  // A taken address answers as a fresh one does; its owner is told instead, with a way back in.
  if (existing) {
    if (await mayEmail(key)) await sendSignUpAttempt(existing, data.language);
    return sent;
  }

  // The profile first, then the account: a crash between the two leaves a profile nobody can
  // sign in to, never an account without a person.
  const expert = await createMemberProfile(data);
  let account: AccountDoc;
  try {
    const fields = { _id: expert._id, email: data.email, emailKey: key, passwordHash, passwordChangedAt: new Date(), emailVerifiedAt: null, language: data.language };
    account = (await Account.create(fields)).toObject() as AccountDoc;
  } catch (error) {
    await deleteExpert(expert._id);
    if ((error as { code?: number }).code !== 11000) throw error;
    // Someone else's sign-up with this address won the race: the same answer as above.
    const winner = await Account.findOne({ emailKey: key }).lean<AccountDoc>();
    if (winner && (await mayEmail(key))) await sendSignUpAttempt(winner, data.language);
    return sent;
  }
  await flagStaffLookalike(expert, null);
  if (await mayEmail(key)) await sendAddressVerification(account);
  return sent;
}

/**
 * Whether another account email may go to this address now (accountEmailsPerRecipient), for
 * the emails whose answer must not change when it may not: the email is then left unsent.
 */
async function mayEmail(key: string): Promise<boolean> {
  try {
    await spend('accountEmailsPerRecipient', key);
    return true;
  } catch (error) {
    if (error instanceof RateLimitedError) return false;
    throw error;
  }
}

/** Accounts made before verification existed have no emailVerifiedAt at all: they count as verified. */
export const isEmailVerified = (account: Pick<AccountDoc, 'emailVerifiedAt'>) => account.emailVerifiedAt !== null;

export const signInInput = z.object({ email: z.string().max(ACCOUNT_LIMITS.email, 'TOO_LONG'), password: z.string().max(ACCOUNT_LIMITS.password, 'TOO_LONG') });

export async function signIn(ctx: Context, input: unknown): Promise<ExpertDoc> {
  const data = parseInput(signInInput, input);
  const key = emailKey(data.email);
  // Every attempt counts, before the password is looked at.
  await spend('signInPerAddress', ctx.clientAddress);
  await spend('signInPerAddressHourly', ctx.clientAddress);
  await spend('signInPerAccount', key);
  await spend('signInPerAccountHourly', key);

  const account = await Account.findOne({ emailKey: key }).lean<AccountDoc>();
  const matches = await verify(account?.passwordHash ?? (await dummy()), data.password);
  if (!account || !matches) throw new InvalidCredentialsError();
  const expert = await findExpertById(String(account._id));
  if (!expert) throw new InvalidCredentialsError();
  if (isSuspended(expert)) throw new SuspendedError(expert.suspensionReason, expert.suspendedUntil!);
  await startSession(ctx, expert);
  return expert;
}

export async function signOut(ctx: Context): Promise<void> {
  if (ctx.viewer) await endSession(ctx.viewer.sessionId);
  await ctx.sessionCookie.clear();
  ctx.viewer = null;
}

export async function signOutEverywhere(ctx: Context): Promise<void> {
  const viewer = requireViewer(ctx);
  await endAllSessions([viewer.id]);
  await ctx.sessionCookie.clear();
  ctx.viewer = null;
}

export const changePasswordInput = z.object({ currentPassword: z.string().max(ACCOUNT_LIMITS.password, 'TOO_LONG'), newPassword: password });

/** Changes the password, ends every other session and gives this browser a new one. */
export async function changePassword(ctx: Context, input: unknown): Promise<ExpertDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(changePasswordInput, input);
  await spend('signInPerAccount', `id:${viewer.id}`);
  const account = await Account.findById(viewer.id).lean<AccountDoc>();
  if (!account || !(await verify(account.passwordHash, data.currentPassword))) {
    throw ValidationError.field('currentPassword', 'WRONG', 'currentPassword is not the current password');
  }
  const passwordHash = await hash(data.newPassword);
  await Account.updateOne({ _id: account._id }, { $set: { passwordHash, passwordChangedAt: new Date() } });
  await endAllSessions([viewer.id]);
  const expert = (await findExpertById(viewer.id))!;
  await startSession(ctx, expert);
  return expert;
}

/** The signed-in viewer; scope-auth guards the fields, this guards the services. */
export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw new NotAuthorizedError('Sign in to do this.');
  return ctx.viewer;
}
