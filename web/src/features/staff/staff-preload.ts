import type { RoutePreloadFuncArgs } from '@solidjs/router';
import { canAdminister, canCurate, canModerate, getViewer } from '../account/account.api.ts';
import { getAuditLog } from '../audit/audit.api.ts';
import { getMember, getStaffMembers } from '../moderation/moderation.api.ts';
import { preloadPracticeReview } from '../practice/practice.api.ts';
import { getVerificationQueue, type VerificationStatus } from '../verification/verification.api.ts';
import { prefetch } from '../../lib/prefetch.ts';

/*
 * Staff data is refused to those without the role, so each preload asks for the viewer first
 * and starts only what that role may read.
 */
const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

export const preloadStaff = () => prefetch(getViewer());

export function preloadStaffVerification({ location }: RoutePreloadFuncArgs) {
  const status = (single(location.query.status)?.toUpperCase() ?? 'PENDING') as VerificationStatus;
  prefetch(
    getViewer().then((viewer) => {
      if (canCurate(viewer?.role) && ['PENDING', 'APPROVED', 'DECLINED'].includes(status)) prefetch(getVerificationQueue(status, null));
    }),
  );
}

export function preloadStaffPeople({ location }: RoutePreloadFuncArgs) {
  const handle = single(location.query.handle);
  prefetch(
    getViewer().then((viewer) => {
      if (!canModerate(viewer?.role)) return;
      prefetch(getStaffMembers());
      if (handle) prefetch(getMember(handle));
    }),
  );
}

export function preloadStaffAudit({ location }: RoutePreloadFuncArgs) {
  const subject = single(location.query.subject) ?? null;
  prefetch(
    getViewer().then((viewer) => {
      if (canAdminister(viewer?.role)) prefetch(getAuditLog(subject, null));
    }),
  );
}

/** The good practices awaiting review (curators and admins). */
export const preloadStaffPractices = () => preloadPracticeReview();
