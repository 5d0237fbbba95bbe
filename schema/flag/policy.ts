import type { Viewer } from '../context.ts';
import { hasRole } from '../roles.ts';

/* Who flags and who decides. Pure functions; the service calls them. */

/** Anyone who can read something flags it, but nobody flags what they wrote. */
export const canFlag = (viewer: Viewer, target: { authors: readonly string[] }) => !target.authors.includes(viewer.id);

/** Moderators (and admins) see the queue, hide, restore and dismiss. */
export const canModerate = (viewer: Viewer | null) => hasRole(viewer, 'moderator');
