import type { Viewer } from '../context.ts';
import type { GroupRole } from '../group/service.ts';
import { hasRole } from '../roles.ts';
import type { TaskStatus } from './model.ts';

/* Who may do what with proposals and tasks. Pure functions; the service calls them. */

/**
 * The working group's work is open to the whole network: every signed-in member reads every
 * group's tasks and proposals (issue 13 asks for transparency of who does what by when; only the
 * overdue list is for leads).
 */
export const canReadWork = (viewer: Viewer | null) => viewer !== null;

/** Any verified member proposes work to any group: ideas come from the whole network. */
export const canPropose = (viewer: Viewer | null) => Boolean(viewer?.verified) || hasRole(viewer, 'admin');

/** A group's leads (and admins) accept or decline proposals, create, assign, edit, drop and reopen its tasks. */
export const canLead = (viewer: Viewer | null, roleInGroup: GroupRole | null) => roleInGroup === 'lead' || hasRole(viewer, 'admin');

/** The people who carry a task: its responsible person, or the members of its responsible group. */
export function isResponsible(viewer: Viewer | null, task: { responsibleExpert?: unknown; responsibleGroup?: string | null }, viewerGroups: readonly string[]) {
  if (!viewer) return false;
  if (task.responsibleExpert && String(task.responsibleExpert) === viewer.id) return true;
  return Boolean(task.responsibleGroup && viewerGroups.includes(task.responsibleGroup));
}

/** Progress notes, links and the everyday status moves: the responsible ones and the leads. */
export const canWorkOn = (viewer: Viewer | null, task: { responsibleExpert?: unknown; responsibleGroup?: string | null }, viewerGroups: readonly string[], roleInGroup: GroupRole | null) =>
  canLead(viewer, roleInGroup) || isResponsible(viewer, task, viewerGroups);

/** Where a task may go from each status. */
export const nextStatuses: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['in_progress', 'done', 'dropped'],
  in_progress: ['open', 'done', 'dropped'],
  done: ['open', 'in_progress'],
  dropped: ['open', 'in_progress'],
};

/** Dropping a task and reopening a closed one are the leads' decisions; the rest is the responsible's work too. */
export const needsLead = (from: TaskStatus, to: TaskStatus) => to === 'dropped' || from === 'done' || from === 'dropped';

export const isClosed = (status: TaskStatus) => status === 'done' || status === 'dropped';

/** Not done or dropped, and past the end of its due day. */
export const isOverdue = (task: { status: TaskStatus; dueAt: Date }, now = Date.now()) => !isClosed(task.status) && task.dueAt.getTime() <= now;
