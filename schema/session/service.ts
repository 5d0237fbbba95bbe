import { firstOfEach } from '../loading.ts';
import { createHash, randomBytes } from 'node:crypto';
import type { Types } from 'mongoose';
import { z } from 'zod';
import type { Context } from '../context.ts';
import { NotAuthorizedError } from '../errors.ts';
import { parseInput } from '../validation.ts';
import { anyOf, lessThan } from '../query.ts';
import { Session, type SessionDoc } from './model.ts';

export type { SessionDoc };

const DAY = 24 * 60 * 60 * 1000;
/** A session unused this long ends. */
export const SESSION_IDLE_MS = 30 * DAY;
/** No session lives longer than this, used or not. */
export const SESSION_MAX_MS = 90 * DAY;
/** Activity is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session: a fresh 256-bit token for the cookie, only its hash stored. */
export async function createSession(expert: Types.ObjectId | string, userAgent: string) {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const session = await Session.create({
    _id: hashToken(token),
    expert,
    expiresAt: new Date(now + SESSION_IDLE_MS),
    absoluteExpiresAt: new Date(now + SESSION_MAX_MS),
    lastUsedAt: new Date(now),
    userAgent: userAgent.slice(0, 300),
  });
  return { token, session, expiresAt: session.expiresAt };
}

/**
 * The live session for a cookie's token, or null when it is unknown, expired or revoked.
 * Expiry is checked here on every request; expired sessions are removed as they are seen.
 */
export async function findLiveSession(token: string): Promise<SessionDoc | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const session = await Session.findById(hashToken(token)).lean<SessionDoc>();
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now || session.absoluteExpiresAt.getTime() <= now) {
    await Session.deleteOne({ _id: session._id });
    return null;
  }
  if (now - session.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = new Date(Math.min(now + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime()));
    await Session.updateOne({ _id: session._id }, { $set: { lastUsedAt: new Date(now), expiresAt } });
  }
  return session;
}

/** The browsers of each person, newest first (at most 100 each: sessions expire): one command for a page of people. */
export const sessionsOfExperts = (experts: readonly string[]) =>
  firstOfEach<SessionDoc>(
    Session,
    experts.map((expert) => ({ expert })),
    { createdAt: -1 },
    100,
  );

export const endSession = (sessionId: string) => Session.deleteOne({ _id: sessionId });

/** Which session to end; the GraphQL input is generated from this schema (schema/input.ts). */
export const endSessionInput = z.object({
  sessionId: z
    .string()
    .max(64, 'INVALID')
    .regex(/^[0-9a-f]{64}$/, 'INVALID'),
});

/** Ends one of the viewer's own sessions (someone else's id matches nothing); clears the cookie if it is this one. */
export async function endOwnSession(ctx: Context, input: unknown): Promise<void> {
  const viewer = ctx.viewer;
  if (!viewer) throw new NotAuthorizedError('Sign in to do this.');
  const { sessionId } = parseInput(endSessionInput, input);
  await Session.deleteOne({ _id: sessionId, expert: viewer.id });
  if (sessionId === viewer.sessionId) {
    await ctx.sessionCookie.clear();
    ctx.viewer = null;
  }
}

/** Ends every session of these people (sign out everywhere, password change, role change, suspension). */
export const endAllSessions = (experts: (string | Types.ObjectId)[]) => Session.deleteMany({ expert: anyOf(experts) });

/** Removes sessions past either expiry; run periodically. */
export async function sweepExpiredSessions(now = new Date()): Promise<number> {
  const idle = await Session.deleteMany({ expiresAt: lessThan(now) });
  const old = await Session.deleteMany({ absoluteExpiresAt: lessThan(now) });
  return idle.deletedCount + old.deletedCount;
}
