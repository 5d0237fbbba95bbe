import { randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import type { EmailLanguage } from '../email/mailer.ts';
import { sendEmail, siteLink } from '../email/mailer.ts';
import { passwordResetEmail, signUpAttemptEmail, verifyAddressEmail } from '../email/templates.ts';
import { findExpertById } from '../expert/service.ts';
import { greaterThan } from '../query.ts';
import { hashToken } from '../session/service.ts';
import { AccountToken, type AccountDoc, type AccountTokenPurpose } from './model.ts';

/*
 * The links that account emails carry: a 256-bit random token in the link, only its SHA-256
 * stored. A reset link works for an hour (it opens the account: short), a verification link for
 * two days (it only confirms an address, and people read their mail late). Each works once, and
 * a new one replaces the older ones of the same purpose.
 */
export const RESET_VALID_MINUTES = 60;
export const VERIFY_VALID_HOURS = 48;

const VALID_MS: Record<AccountTokenPurpose, number> = { reset: RESET_VALID_MINUTES * 60_000, verify: VERIFY_VALID_HOURS * 3_600_000 };

/** A token has 43 base64url characters; anything else is refused before the database is asked. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

async function issueToken(account: Types.ObjectId, purpose: AccountTokenPurpose): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await AccountToken.deleteMany({ account, purpose });
  await AccountToken.create({ _id: hashToken(token), account, purpose, expiresAt: new Date(Date.now() + VALID_MS[purpose]) });
  return token;
}

/**
 * Uses a token: the account it opens, or null when it is unknown, of another purpose, used or
 * expired. Deleting it is the use, so two requests with the same link cannot both succeed.
 */
export async function useToken(token: string, purpose: AccountTokenPurpose): Promise<Types.ObjectId | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const used = await AccountToken.findOneAndDelete({ _id: hashToken(token), purpose, expiresAt: greaterThan(new Date()) }).lean();
  return used ? used.account : null;
}

/** Every unused token of the account (a reset ends the other reset links). */
export const dropTokens = (account: Types.ObjectId, purpose: AccountTokenPurpose) => AccountToken.deleteMany({ account, purpose });

const languageOf = (account: Pick<AccountDoc, 'language'>, asked?: EmailLanguage): EmailLanguage => account.language ?? asked ?? 'vi';

async function recipient(account: AccountDoc) {
  const expert = await findExpertById(String(account._id));
  return { name: expert?.name ?? '', address: account.email };
}

export async function sendPasswordReset(account: AccountDoc, asked?: EmailLanguage): Promise<void> {
  const token = await issueToken(account._id, 'reset');
  const to = await recipient(account);
  void sendEmail({ to, ...passwordResetEmail(languageOf(account, asked), to.name, siteLink(`/reset-password#${token}`), RESET_VALID_MINUTES) });
}

export async function sendAddressVerification(account: AccountDoc): Promise<void> {
  const token = await issueToken(account._id, 'verify');
  const to = await recipient(account);
  void sendEmail({ to, ...verifyAddressEmail(languageOf(account), to.name, siteLink(`/verify-email#${token}`), VERIFY_VALID_HOURS) });
}

export async function sendSignUpAttempt(account: AccountDoc, asked?: EmailLanguage): Promise<void> {
  const to = await recipient(account);
  void sendEmail({ to, ...signUpAttemptEmail(languageOf(account, asked), to.name, siteLink(`/forgot-password?email=${encodeURIComponent(account.email)}`)) });
}
