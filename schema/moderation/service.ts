import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError } from '../errors.ts';
import { STAFF_LIMITS } from '../field-limits.ts';
import { roles } from '../roles.ts';
import { findExpertById, setRole, setSuspension, type ExpertDoc } from '../expert/service.ts';
import { endAllSessions } from '../session/service.ts';
import { objectId, parseInput, text } from '../validation.ts';
import { canChangeRole, canSuspend } from './policy.ts';

/** The changed profile; a change that found the person changed meanwhile was not made. */
function changed(expert: ExpertDoc | null): ExpertDoc {
  if (!expert) throw new ConflictError('Someone changed this person’s role or suspension meanwhile; reload to see it.');
  return expert;
}

async function subjectOf(id: string): Promise<ExpertDoc> {
  const subject = await findExpertById(id);
  if (!subject) throw new NotFoundError('expertId', 'expert', id);
  return subject;
}

/** A staff decision's reason, shown to the person and kept in the audit log. */
const reason = text(STAFF_LIMITS.reasonMin, STAFF_LIMITS.reason);

/** The moderation inputs; the GraphQL inputs are generated from these schemas (schema/input.ts). */
export const changeRoleInput = z.object({ expertId: objectId, role: z.enum(roles), reason });

/**
 * Gives someone a staff role (or takes it away). Their sessions end, so the new rights come
 * with a new token at their next sign-in. Recorded in the audit log.
 */
export async function changeRole(ctx: Context, input: unknown): Promise<ExpertDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(changeRoleInput, input);
  const subject = await subjectOf(data.expertId);
  if (!canChangeRole(viewer, subject)) throw new NotAuthorizedError();
  if (subject.role === data.role) return subject;
  const expert = changed(await setRole(subject, data.role));
  await endAllSessions([data.expertId]);
  await record('role.changed', viewer.id, data.expertId, { from: subject.role, to: data.role, reason: data.reason });
  return expert;
}

const MAX_SUSPENSION_DAYS = STAFF_LIMITS.suspensionDays;
export const suspendInput = z.object({ expertId: objectId, until: z.date(), reason: reason.describe('Shown to the person when they try to sign in.') });

/** Suspends someone until a date: they are signed out everywhere and cannot sign in or write. */
export async function suspendExpert(ctx: Context, input: unknown): Promise<ExpertDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(suspendInput, input);
  const now = Date.now();
  if (data.until.getTime() <= now || data.until.getTime() > now + MAX_SUSPENSION_DAYS * 86_400_000) {
    throw ValidationError.field('until', 'INVALID', `until must be in the future and within ${MAX_SUSPENSION_DAYS} days`);
  }
  const subject = await subjectOf(data.expertId);
  if (!canSuspend(viewer, subject)) throw new NotAuthorizedError();
  const expert = changed(await setSuspension(subject, data.until, data.reason));
  await endAllSessions([data.expertId]);
  // `from`: the suspension this one replaced, if any, so the log reads as a chain.
  await record('expert.suspended', viewer.id, data.expertId, { from: subject.suspendedUntil?.toISOString() ?? null, to: data.until.toISOString(), reason: data.reason });
  return expert;
}

export const unsuspendInput = z.object({ expertId: objectId, reason });

export async function unsuspendExpert(ctx: Context, input: unknown): Promise<ExpertDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(unsuspendInput, input);
  const subject = await subjectOf(data.expertId);
  if (!canSuspend(viewer, subject)) throw new NotAuthorizedError();
  if (!subject.suspendedUntil) throw new ConflictError('This person is not suspended.');
  const expert = changed(await setSuspension(subject, null, ''));
  await record('expert.unsuspended', viewer.id, data.expertId, { reason: data.reason });
  return expert;
}
