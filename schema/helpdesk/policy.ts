import type { Viewer } from '../context.ts';
import { hasRole } from '../roles.ts';
import type { HelpdeskStatus } from './model.ts';

/* Who may do what at the help desk. Pure functions; the service reads the group memberships. */

/** The desk: the standing group's members, and admins. They triage, close, publish to the FAQ and see the overdue list with names. */
export const isDesk = (viewer: Viewer | null, viewerGroups: readonly string[], standingGroup: string) => Boolean(viewer && (hasRole(viewer, 'admin') || viewerGroups.includes(standingGroup)));

const isAsker = (viewer: Viewer | null, request: { asker: unknown }) => Boolean(viewer && String(request.asker) === viewer.id);

/** The desk triages a request that nobody has answered yet (a reassignment included). */
export const mayTriage = (status: HelpdeskStatus) => status === 'new' || status === 'assigned';

/** The asker or the desk closes a request that is still open. */
export const canClose = (viewer: Viewer | null, request: { asker: unknown }, desk: boolean) => desk || isAsker(viewer, request);
export const mayClose = (status: HelpdeskStatus) => status !== 'closed';

/** Only the asker reopens: the answer did not settle their question. */
export const canReopen = (viewer: Viewer | null, request: { asker: unknown }) => isAsker(viewer, request);
export const mayReopen = (status: HelpdeskStatus) => status === 'answered' || status === 'closed';

/** A request the desk may publish in the FAQ: one that has an answer. */
export const mayPublish = (status: HelpdeskStatus) => status === 'answered' || status === 'closed';

/** The desk's calendar and targets are the admins'. */
export const canChangeSettings = (viewer: Viewer | null) => hasRole(viewer, 'admin');

/** Public bodies ask the desk: a ministry, its agencies and units, a province's departments and centres. */
export const ASKING_KINDS = ['ministry', 'ministry-agency', 'agency', 'department', 'centre'] as const;
