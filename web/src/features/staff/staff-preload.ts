import type { RoutePreloadFuncArgs } from '@solidjs/router';
import { canAdminister, canCurate, canModerate, getViewer } from '../account/account.api.ts';
import { getAuditLog } from '../audit/audit.api.ts';
import { getMember, getStaffMembers } from '../moderation/moderation.api.ts';
import { preloadPracticeReview } from '../practice/practice.api.ts';
import { getVerificationQueue, type VerificationStatus } from '../verification/verification.api.ts';

/*
 * Staff data is refused to those without the role, so each preload asks for the viewer first
 * and starts only what that role may read.
 */
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
const quietly = (promise: Promise<unknown>) => void promise.catch(() => undefined);

export const preloadStaff = () => quietly(getViewer());

export function preloadStaffVerification({ location }: RoutePreloadFuncArgs) {
  const status = (single(location.query.status)?.toUpperCase() ?? 'PENDING') as VerificationStatus;
  quietly(
    getViewer().then((viewer) => {
      if (canCurate(viewer?.role) && ['PENDING', 'APPROVED', 'DECLINED'].includes(status)) quietly(getVerificationQueue(status, null));
    }),
  );
}

export function preloadStaffPeople({ location }: RoutePreloadFuncArgs) {
  const handle = single(location.query.handle);
  quietly(
    getViewer().then((viewer) => {
      if (!canModerate(viewer?.role)) return;
      quietly(getStaffMembers());
      if (handle) quietly(getMember(handle));
    }),
  );
}

export function preloadStaffAudit({ location }: RoutePreloadFuncArgs) {
  const subject = single(location.query.subject) ?? null;
  quietly(
    getViewer().then((viewer) => {
      if (canAdminister(viewer?.role)) quietly(getAuditLog(subject, null));
    }),
  );
}

/** The good practices awaiting review (curators and admins). */
export const preloadStaffPractices = () => preloadPracticeReview();
