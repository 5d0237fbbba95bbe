import type { RoutePreloadFuncArgs } from '@solidjs/router';
import { canAdminister, canCurate, canModerate, getViewer } from '../account/account.api.ts';
import { auditFilterOf, getAuditLog } from '../audit/audit.api.ts';
import { AUDIT_ACTIONS } from '../audit/audit-text.ts';
import { getMember, getStaffMembers } from '../moderation/moderation.api.ts';
import { preloadReviewDesk } from '../review/review.api.ts';
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
  const filter = auditFilterOf(location.query, AUDIT_ACTIONS);
  prefetch(
    getViewer().then((viewer) => {
      if (canAdminister(viewer?.role)) prefetch(getAuditLog(filter, null));
    }),
  );
}

/** The review desk's figures and queue, as its address filters it (curators and admins). */
export const preloadStaffPractices = ({ location }: RoutePreloadFuncArgs) => preloadReviewDesk(location.query);
