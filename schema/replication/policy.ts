import type { Viewer } from '../context.ts';
import { hasRole } from '../roles.ts';

/* Who may record, change and see replications. Pure functions; the service calls them. */

/** Replications show only on a practice the public sees: an unpublished one's vanish with it. */
export const isShownPractice = (practice: { status: string } | null | undefined) => practice?.status === 'published';

/**
 * Who speaks for an organisation: a verified member whose profile places them in it (the
 * organisation itself or one that contains their unit; `viewerOrganizations`), since a
 * curator checked who they are when verifying them, while anyone can write any organisation on
 * an unverified profile. Curators may record on an organisation's behalf (a report by letter or
 * at a conference).
 */
export const canRecordFor = (viewer: Viewer | null, viewerOrganizations: readonly string[], organization: string) =>
  hasRole(viewer, 'curator') || Boolean(viewer?.verified && viewerOrganizations.includes(organization));

/** Whether the viewer may be offered the form at all (the organisation is checked when they send it). */
export const mayRecordAny = (viewer: Viewer | null) => hasRole(viewer, 'curator') || Boolean(viewer?.verified);

/** The person who recorded it changes or removes it, or a curator. */
export const canChange = (viewer: Viewer | null, replication: { recordedBy: unknown }) => Boolean(viewer && (String(replication.recordedBy) === viewer.id || hasRole(viewer, 'curator')));
