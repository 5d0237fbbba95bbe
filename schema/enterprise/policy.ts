import type { Viewer } from '../context.ts';
import { hasRole } from '../roles.ts';

/* Who may edit the enterprises directory and which practices it shows. Pure functions; the service calls them. */

/** Curators and admins keep the directory; everyone reads it (it is part of what the ministry shows). */
export const canEditEnterprises = (viewer: Viewer | null) => hasRole(viewer, 'curator');

/** Enterprises link only practices the public sees: a hidden or unpublished one drops out of both sides. */
export const isShownPractice = (practice: { status: string } | null | undefined) => practice?.status === 'published';
