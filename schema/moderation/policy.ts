import type { Viewer } from '../context.ts';
import type { ExpertDoc } from '../expert/service.ts';
import { hasRole, roleHolds } from '../roles.ts';

/*
 * Who may act on whom. Pure functions of the viewer and the subject; the services call them.
 * Nobody acts on themselves (an admin cannot lock the last admin out by accident), and only an
 * admin acts on an admin.
 */

export const canChangeRole = (viewer: Viewer, subject: Pick<ExpertDoc, '_id' | 'role'>) => hasRole(viewer, 'admin') && String(subject._id) !== viewer.id;

/** Moderators suspend members and curators; only an admin suspends a moderator or an admin. */
export const canSuspend = (viewer: Viewer, subject: Pick<ExpertDoc, '_id' | 'role'>) =>
  hasRole(viewer, 'moderator') && String(subject._id) !== viewer.id && (!roleHolds(subject.role, 'moderator') || hasRole(viewer, 'admin'));

export const canDecideVerification = (viewer: Viewer, subjectId: string) => hasRole(viewer, 'curator') && subjectId !== viewer.id;
