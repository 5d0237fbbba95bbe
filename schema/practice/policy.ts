import type { Viewer } from '../context.ts';
import { hasRole } from '../roles.ts';
import type { PracticeDoc } from './model.ts';

/* Who may see and change a practice. Pure functions; the service calls them. */

export const isAuthor = (viewer: Viewer | null, practice: Pick<PracticeDoc, 'authors'>) => Boolean(viewer && practice.authors.some((a) => String(a) === viewer.id));

/** Published ones are public; drafts are the authors'; curators also see what is or was under review. */
export const canRead = (viewer: Viewer | null, practice: Pick<PracticeDoc, 'authors' | 'status'>) =>
  practice.status === 'published' || isAuthor(viewer, practice) || (practice.status !== 'draft' && hasRole(viewer, 'curator'));

export const canEdit = (viewer: Viewer | null, practice: Pick<PracticeDoc, 'authors'>) => isAuthor(viewer, practice);

/** Curators review others' practices, never their own. */
export const canReview = (viewer: Viewer | null, practice: Pick<PracticeDoc, 'authors'>) => hasRole(viewer, 'curator') && !isAuthor(viewer, practice);
