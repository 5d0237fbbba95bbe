import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { paginate, type PageArgs } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { publishUnreadCount } from '../live/events.ts';
import { updateCreating } from '../mark.ts';
import { anyOf } from '../query.ts';
import { isObjectId, objectId, parseInput } from '../validation.ts';
import { DEFAULT_DELIVERY, deliveries, notificationKinds, type Delivery, type NotificationKind, type TargetType } from './kinds.ts';
import { Notification, NotificationPreference, type NotificationDoc, type NotificationPreferenceDoc } from './model.ts';
import { wakeOutbox } from './outbox.ts';
import { seeTargets, type ShownTarget } from './targets.ts';

export { DEFAULT_DELIVERY, notificationKinds, deliveries };
export type { Delivery, NotificationDoc, NotificationKind };

export interface NotificationEvent {
  kind: NotificationKind;
  /** Who did it; never notified of their own action. null for the system. */
  actorId: string | null;
  recipientIds: string[];
  /** What it is about (the centre links to it). */
  target: { type: TargetType; id: string };
  /** The thread of a reply, the practice of a collection entry… (a verification's outcome: 'approved' or 'declined'), when the target needs one. */
  contextId?: string;
}

/** Each person's delivery of one kind: their choice, or the kind's default. */
async function deliveriesOf(recipients: readonly string[], kind: NotificationKind): Promise<Map<string, Delivery>> {
  const chosen = await NotificationPreference.find({ _id: anyOf(recipients) }).lean<NotificationPreferenceDoc[]>();
  const choices = new Map(chosen.map((p) => [String(p._id), p.deliveries?.[kind] as Delivery | undefined]));
  return new Map(recipients.map((id) => [id, choices.get(id) ?? DEFAULT_DELIVERY[kind]]));
}

/**
 * Records the notifications (one write for all recipients), publishes the recipients' new unread
 * counts, and queues their emails per preference. Never throws for an empty or self-only
 * recipient list.
 */
export async function notify(event: NotificationEvent): Promise<void> {
  const recipients = [...new Set(event.recipientIds.map(String))].filter((id) => isObjectId(id) && id !== event.actorId);
  if (!recipients.length) return;
  const chosen = await deliveriesOf(recipients, event.kind);
  const now = new Date();
  const rows = recipients
    .filter((id) => chosen.get(id) !== 'none')
    .map((id) => {
      const byEmail = chosen.get(id) === 'email';
      return {
        recipient: id,
        kind: event.kind,
        actor: event.actorId,
        targetType: event.target.type,
        targetId: event.target.id,
        contextId: event.contextId ?? null,
        emailState: byEmail ? 'due' : 'none',
        emailDueAt: byEmail ? now : null,
      };
    });
  if (!rows.length) return;
  await Notification.insertMany(rows);
  for (const row of rows) publishUnreadCount(row.recipient);
  if (rows.some((row) => row.emailState === 'due')) wakeOutbox();
}

/** A notification with what its recipient may see of its target. */
export type ShownNotification = NotificationDoc & { shown: ShownTarget };

const newestFirst = [
  { field: 'createdAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
] as const;

/**
 * The viewer's notifications, newest first; those whose target they may no longer see (hidden
 * since, or out of their reach) are left out of the page.
 */
export async function listNotifications(viewer: Viewer, page: PageArgs & { unreadOnly?: boolean | null }) {
  const filter = page.unreadOnly ? { recipient: viewer.id, readAt: null } : { recipient: viewer.id };
  const read = await paginate<NotificationDoc>(Notification, filter, [...newestFirst], page);
  const shown = await seeTargets(
    viewer,
    read.edges.map((edge) => edge.node),
  );
  return {
    ...read,
    edges: read.edges.flatMap((edge, i) => (shown[i] ? [{ cursor: edge.cursor, node: { ...edge.node, shown: shown[i] } as ShownNotification }] : [])),
  };
}

/** The unread count goes up to this; the bell shows "99+" beyond 99. */
export const UNREAD_COUNT_MAX = 100;

/** How many unread notifications the viewer has that they may still see (at most UNREAD_COUNT_MAX). */
export async function countUnread(viewer: Viewer): Promise<number> {
  const unread = await Notification.find({ recipient: viewer.id, readAt: null }, { targetType: 1, targetId: 1, contextId: 1 })
    .sort({ createdAt: -1, _id: -1 })
    .limit(UNREAD_COUNT_MAX)
    .lean<NotificationDoc[]>();
  return (await seeTargets(viewer, unread)).filter(Boolean).length;
}

/** The ids of the notifications to mark read, each the viewer's own. */
export const markReadInput = z.object({ ids: z.array(objectId).min(1).max(100, 'TOO_LONG') });

/**
 * Marks some of the viewer's notifications read. An id that is not one of the viewer's own (or
 * not a notification at all) is NOT_FOUND and nothing changes; marking again changes nothing.
 */
export async function markNotificationsRead(ctx: Context, input: unknown): Promise<void> {
  const viewer = requireViewer(ctx);
  const { ids } = parseInput(markReadInput, input);
  const own = new Set((await Notification.find({ _id: anyOf(ids), recipient: viewer.id }, { _id: 1 }).lean<{ _id: unknown }[]>()).map((n) => String(n._id)));
  const foreign = ids.find((id) => !own.has(id));
  if (foreign) throw new NotFoundError('ids', 'notification', foreign);
  const { modifiedCount } = await Notification.updateMany({ _id: anyOf(ids), recipient: viewer.id, readAt: null }, { $set: { readAt: new Date() } });
  if (modifiedCount) publishUnreadCount(viewer.id);
}

/** Marks every notification of the viewer read. */
export async function markAllNotificationsRead(ctx: Context): Promise<void> {
  const viewer = requireViewer(ctx);
  const { modifiedCount } = await Notification.updateMany({ recipient: viewer.id, readAt: null }, { $set: { readAt: new Date() } });
  if (modifiedCount) publishUnreadCount(viewer.id);
}

export interface PreferenceRow {
  kind: NotificationKind;
  delivery: Delivery;
  /** Whether it is the kind's default (the person chose nothing else). */
  isDefault: boolean;
}

/** The viewer's delivery of each kind, in the order of notificationKinds. */
export async function preferencesOf(expertId: string): Promise<PreferenceRow[]> {
  const stored = await NotificationPreference.findById(expertId).lean<NotificationPreferenceDoc>();
  return notificationKinds.map((kind) => {
    const chosen = stored?.deliveries?.[kind] as Delivery | undefined;
    return { kind, delivery: chosen ?? DEFAULT_DELIVERY[kind], isDefault: !chosen };
  });
}

export const setPreferenceInput = z.object({ kind: z.enum(notificationKinds), delivery: z.enum(deliveries) });

/** Sets how the viewer hears of one kind (from now on: what was recorded stays). */
export async function setNotificationPreference(ctx: Context, input: unknown): Promise<PreferenceRow[]> {
  const viewer = requireViewer(ctx);
  const { kind, delivery } = parseInput(setPreferenceInput, input);
  // The key comes from the enum above, never from free text.
  await updateCreating(NotificationPreference, viewer.id, { deliveries: {} }, { $set: { [`deliveries.${kind}`]: delivery } });
  return preferencesOf(viewer.id);
}
