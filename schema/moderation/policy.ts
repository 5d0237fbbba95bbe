import type { Viewer } from '../context.ts';
import type { ExpertDoc } from '../expert/service.ts';

/*
 * Who may act on whom. Pure functions of the viewer and the subject; the services call them.
 * Nobody acts on themselves (an admin cannot lock the last admin out by accident), and only an
 * admin acts on an admin.
 */

export const canChangeRole = (viewer: Viewer, subject: Pick<ExpertDoc, '_id' | 'role'>) =>
  viewer.role === 'admin' && String(subject._id) !== viewer.id;

export const canSuspend = (viewer: Viewer, subject: Pick<ExpertDoc, '_id' | 'role'>) =>
  (viewer.role === 'moderator' || viewer.role === 'admin') &&
  String(subject._id) !== viewer.id &&
  (subject.role !== 'admin' || viewer.role === 'admin') &&
  (subject.role !== 'moderator' || viewer.role === 'admin');

export const canDecideVerification = (viewer: Viewer, subjectId: string) =>
  (viewer.role === 'curator' || viewer.role === 'admin') && subjectId !== viewer.id;
