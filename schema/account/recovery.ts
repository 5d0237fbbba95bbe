import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import type { Context } from '../context.ts';
import { SuspendedError, ValidationError } from '../errors.ts';
import { findExpertById } from '../expert/service.ts';
import { ACCOUNT_LIMITS } from '../field-limits.ts';
import { spend } from '../limits.ts';
import { endAllSessions } from '../session/service.ts';
import { parseInput, password } from '../validation.ts';
import { dropTokens, sendAddressVerification, sendPasswordReset, useToken } from './email-links.ts';
import { Account, type AccountDoc } from './model.ts';
import { emailKey, emailLanguage, isEmailVerified, isSuspended, requireViewer } from './service.ts';

/*
 * Getting back in by email, and confirming the address: a reset link (an hour) sets a new
 * password and ends every session; a verification link (two days) confirms the address. Both
 * are single-use (email-links.ts). Asking for a reset answers the same whether or not the
 * address has an account.
 */

export const requestPasswordResetInput = z.object({
  email: z.string().max(ACCOUNT_LIMITS.email, 'TOO_LONG'),
  language: emailLanguage,
});

export async function requestPasswordReset(ctx: Context, input: unknown): Promise<void> {
  const data = parseInput(requestPasswordResetInput, input);
  const key = emailKey(data.email);
  // Both counted whether or not the address has an account, so a refusal tells nothing either.
  await spend('passwordResetsPerAddress', ctx.clientAddress);
  await spend('accountEmailsPerRecipient', key);
  const account = await Account.findOne({ emailKey: key }).lean<AccountDoc>();
  // A suspended person gets no link (the same answer): they may not sign in or change anything until it ends.
  const expert = account && (await findExpertById(String(account._id)));
  if (account && expert && !isSuspended(expert)) await sendPasswordReset(account, data.language);
}

/** The fault of a link that is unknown, used or past its time: one code, as the page says one thing. */
const expiredLink = () => ValidationError.field('token', 'EXPIRED', 'this link was used already or has expired: ask for a new one');

const token = z.string().max(100, 'INVALID');

export const resetPasswordInput = z.object({ token, newPassword: password });

/** Sets a new password through a reset link; every session of the account ends (sign in again). */
export async function resetPassword(_ctx: Context, input: unknown): Promise<void> {
  const data = parseInput(resetPasswordInput, input);
  // Hashed before the link is spent: a failure here leaves the link usable.
  const passwordHash = await hash(data.newPassword);
  const accountId = await useToken(data.token, 'reset');
  if (!accountId) throw expiredLink();
  const account = await Account.findById(accountId).lean<AccountDoc>();
  if (!account) throw expiredLink();
  // Suspended since the link was sent: no change until the suspension ends (ask again then).
  const expert = await findExpertById(String(account._id));
  if (expert && isSuspended(expert)) throw new SuspendedError(expert.suspensionReason, expert.suspendedUntil!);
  const now = new Date();
  // The link came to the address, which proves it as the verification link would.
  const verified = isEmailVerified(account) ? {} : { emailVerifiedAt: now };
  await Account.updateOne({ _id: account._id }, { $set: { passwordHash, passwordChangedAt: now, ...verified } });
  await dropTokens(account._id, 'reset');
  await endAllSessions([account._id]);
}

export const verifyEmailInput = z.object({ token });

export async function verifyEmail(_ctx: Context, input: unknown): Promise<void> {
  const data = parseInput(verifyEmailInput, input);
  const accountId = await useToken(data.token, 'verify');
  if (!accountId) throw expiredLink();
  await Account.updateOne({ _id: accountId, emailVerifiedAt: null }, { $set: { emailVerifiedAt: new Date() } });
}

/** Sends the signed-in person a new verification link (the older ones stop working); nothing when already verified. */
export async function sendVerificationEmail(ctx: Context): Promise<void> {
  const viewer = requireViewer(ctx);
  const account = await Account.findById(viewer.id).lean<AccountDoc>();
  if (!account || isEmailVerified(account)) return;
  await spend('accountEmailsPerRecipient', account.emailKey);
  await sendAddressVerification(account);
}
