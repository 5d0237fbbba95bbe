import type { Viewer } from '../context.ts';
import { hasRole } from '../roles.ts';

/* Who may read and write where. Pure functions; the service calls them. */

/** Only the people in a conversation read it: staff included, nobody else (a reported message reaches moderators through its report). */
export const isParticipant = (viewerId: string, conversation: { participants: readonly unknown[] }) => conversation.participants.some((p) => String(p) === viewerId);

/** Moderators (and admins) see reported messages, and hide them or dismiss the reports. */
export const canHandleReports = (viewer: Viewer | null) => hasRole(viewer, 'moderator');

/** A new member starts one-to-one conversations only: a group message from a fresh account is the spammer's favourite. */
export const mayStartGroup = (isNew: boolean) => !isNew;
