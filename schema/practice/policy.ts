import type { Viewer } from '../context.ts';
import { hasRole } from '../roles.ts';
import { isInvited } from './co-authors.ts';
import type { PracticeDoc } from './model.ts';

/* Who may see and change a practice. Pure functions; the service calls them. */

export const isAuthor = (viewer: Viewer | null, practice: Pick<PracticeDoc, 'authors'>) => Boolean(viewer && practice.authors.some((a) => String(a) === viewer.id));

/**
 * Published ones are public; drafts are the authors' (and readable by those invited to co-author
 * them, who read before they answer); curators also see what is or was under review. A hidden one
 * is its authors' and the moderators' alone (who open it to restore it).
 */
export const canRead = (viewer: Viewer | null, practice: Pick<PracticeDoc, 'authors' | 'status' | 'invitedAuthors'>) =>
  practice.status === 'hidden'
    ? isAuthor(viewer, practice) || hasRole(viewer, 'moderator')
    : practice.status === 'published' || isAuthor(viewer, practice) || isInvited(viewer, practice) || (practice.status !== 'draft' && hasRole(viewer, 'curator'));

/** Authors edit their practice, except while a moderator keeps it hidden. */
export const canEdit = (viewer: Viewer | null, practice: Pick<PracticeDoc, 'authors' | 'status'>) => isAuthor(viewer, practice) && practice.status !== 'hidden';

/** Curators review others' practices, never their own. */
export const canReview = (viewer: Viewer | null, practice: Pick<PracticeDoc, 'authors'>) => hasRole(viewer, 'curator') && !isAuthor(viewer, practice);
