import { map, pipe, Repeater } from 'graphql-yoga';
import { requireViewer } from '../account/service.ts';
import { builder, enumValues } from '../builder.ts';
import type { PageArgs } from '../connection.ts';
import { NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import type { ExpertDoc } from '../expert/service.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { liveEvents } from '../live/events.ts';
import { outcomeOf, targetTypes } from './kinds.ts';
import {
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationsRead,
  markReadInput,
  notificationKinds,
  preferencesOf,
  setNotificationPreference,
  setPreferenceInput,
  UNREAD_COUNT_MAX,
  type PreferenceRow,
  type ShownNotification,
} from './service.ts';

const NotificationKindEnum = builder.enumType('NotificationKind', { values: enumValues(notificationKinds) });
const NotificationTargetEnum = builder.enumType('NotificationTarget', { values: enumValues(targetTypes) });
const DeliveryEnum = builder.enumType('NotificationDelivery', {
  values: {
    IN_APP: { value: 'in_app', description: 'In the notification centre only.' },
    EMAIL: { value: 'email', description: 'In the centre, and by email to a verified address.' },
    NONE: { value: 'none', description: 'Not at all.' },
  } as const,
});

const NotificationRef = builder.objectRef<ShownNotification>('Notification').implement({
  description: 'Something that happened for the viewer: who did what, where, when; read or not.',
  fields: (t) => ({
    id: t.id({ resolve: (n) => String(n._id) }),
    kind: t.field({ type: NotificationKindEnum, resolve: (n) => n.kind }),
    actor: t.field({ type: ExpertRef, nullable: true, description: 'Who did it; null for the system.', resolve: (n) => (n.actor ? String(n.actor) : null) }),
    targetType: t.field({ type: NotificationTargetEnum, resolve: (n) => n.targetType as (typeof targetTypes)[number] }),
    targetTitle: t.string({ nullable: true, description: 'The title of the thread or practice it is about (null for a message or a verification).', resolve: (n) => n.shown.title }),
    url: t.string({ description: 'The page it links to, within the site.', resolve: (n) => n.shown.path }),
    detail: t.string({
      nullable: true,
      description: 'The outcome of a decision: for VERIFICATION_DECIDED "approved" or "declined", for PROPOSAL_DECIDED "accepted" or "declined".',
      resolve: outcomeOf,
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (n) => n.createdAt }),
    read: t.boolean({ resolve: (n) => Boolean(n.readAt) }),
  }),
});

const NotificationPreferenceRef = builder.objectRef<PreferenceRow>('NotificationPreference').implement({
  description: 'How the viewer hears of one kind of notification.',
  fields: (t) => ({
    kind: t.field({ type: NotificationKindEnum, resolve: (p) => p.kind }),
    delivery: t.field({ type: DeliveryEnum, resolve: (p) => p.delivery }),
    isDefault: t.boolean({ description: 'Nothing was chosen: the kind’s default applies.', resolve: (p) => p.isDefault }),
  }),
});

const isViewer = (expert: ExpertDoc, viewerId: string | undefined) => String(expert._id) === viewerId;

builder.objectFields(ExpertRef, (t) => ({
  notifications: t.connection(
    {
      type: NotificationRef,
      nullable: true,
      description: 'The viewer’s own notifications, newest first (null on anyone else’s profile). Those about what they may no longer see are left out.',
      args: { unreadOnly: t.arg.boolean({ description: 'Only the unread ones.' }) },
      resolve: (expert, args, ctx) => (isViewer(expert, ctx.viewer?.id) ? listNotifications(ctx.viewer!, args as PageArgs & { unreadOnly?: boolean | null }) : null),
    },
    { name: 'NotificationConnection' },
    { name: 'NotificationEdge' },
  ),
  unreadNotificationCount: t.int({
    nullable: true,
    description: `How many of the viewer’s notifications are unread, up to ${UNREAD_COUNT_MAX} (null on anyone else’s profile).`,
    resolve: (expert, _, ctx) => (isViewer(expert, ctx.viewer?.id) ? countUnread(ctx.viewer!) : null),
  }),
  notificationPreferences: t.field({
    type: [NotificationPreferenceRef],
    nullable: true,
    description: 'How the viewer hears of each kind (null on anyone else’s profile).',
    resolve: (expert, _, ctx) => (isViewer(expert, ctx.viewer?.id) ? preferencesOf(ctx.viewer!.id) : null),
  }),
}));

const NotificationsReadPayload = builder.objectRef<{ unreadCount: number }>('NotificationsReadPayload').implement({
  fields: (t) => ({ unreadNotificationCount: t.int({ resolve: (p) => p.unreadCount }) }),
});
const SetNotificationPreferencePayload = builder.objectRef<{ preferences: PreferenceRow[] }>('SetNotificationPreferencePayload').implement({
  fields: (t) => ({ preferences: t.field({ type: [NotificationPreferenceRef], resolve: (p) => p.preferences }) }),
});

const MarkNotificationsReadInput = inputTypeOf('MarkNotificationsReadInput', markReadInput);
const SetNotificationPreferenceInput = inputTypeOf('SetNotificationPreferenceInput', setPreferenceInput, { types: { kind: NotificationKindEnum, delivery: DeliveryEnum } });

builder.mutationFields((t) => ({
  markNotificationsRead: t.field({
    type: NotificationsReadPayload,
    description: 'Marks some of the viewer’s own notifications read; an id that is not theirs is NOT_FOUND and nothing changes.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: MarkNotificationsReadInput, required: true }) },
    errors: { types: [...writeErrors, NotFoundError], directResult: true },
    resolve: async (_, { input }, ctx) => {
      await markNotificationsRead(ctx, plainInput(markReadInput, input));
      return { unreadCount: await countUnread(requireViewer(ctx)) };
    },
  }),
  markAllNotificationsRead: t.field({
    type: NotificationsReadPayload,
    authScopes: { signedIn: true },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, __, ctx) => {
      await markAllNotificationsRead(ctx);
      return { unreadCount: await countUnread(requireViewer(ctx)) };
    },
  }),
  setNotificationPreference: t.field({
    type: SetNotificationPreferencePayload,
    description: 'How the viewer hears of one kind from now on: IN_APP, EMAIL (in the app and by email) or NONE.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SetNotificationPreferenceInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ preferences: await setNotificationPreference(ctx, plainInput(setPreferenceInput, input)) }),
  }),
}));

builder.subscriptionFields((t) => ({
  unreadNotificationCount: t.int({
    description: 'The viewer’s unread notification count: at once, then each time it changes.',
    authScopes: { signedIn: true },
    subscribe: (_, __, ctx) => {
      const viewer = requireViewer(ctx);
      const changes = liveEvents().subscribe('notification:count', viewer.id);
      // The count as it is now first, so a page (re)connecting is right at once.
      return pipe(
        Repeater.merge([[{}], changes]),
        map(() => countUnread(viewer)),
      );
    },
    resolve: (count) => count,
  }),
}));
