import { action, json, query, revalidate } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mutate } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';
import { prefetch } from '../../lib/prefetch.ts';
import { getViewer } from '../account/account.api.ts';

const UnreadCountQuery = graphql(`
  query UnreadNotificationCount { viewer { id unreadNotificationCount } }
`);

/** The viewer's unread count (null when signed out). */
export const getUnreadCount = query(async (): Promise<number | null> => (await request(UnreadCountQuery)).viewer?.unreadNotificationCount ?? null, 'unreadNotificationCount');

export const UnreadCountSubscription = graphql(`
  subscription UnreadNotificationCountLive { unreadNotificationCount }
`);

const NotificationsQuery = graphql(`
  query MyNotifications($after: String) {
    viewer {
      id
      notifications(first: 20, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id kind actor { id name handle } targetType targetTitle url detail createdAt read } }
      }
    }
  }
`);

export type NotificationPage = NonNullable<NonNullable<ResultOf<typeof NotificationsQuery>['viewer']>['notifications']>;
export type NotificationItem = NotificationPage['edges'][number]['node'];

export const getNotifications = query(
  async (after: string | null): Promise<NotificationPage | null> => (await request(NotificationsQuery, { after })).viewer?.notifications ?? null,
  'myNotifications',
);

const MarkReadMutation = graphql(
  `
  mutation MarkNotificationsRead($ids: [String!]!) {
    markNotificationsRead(input: { ids: $ids }) { __typename ...MutationErrorFields ... on NotificationsReadPayload { unreadNotificationCount } }
  }
`,
  [MutationErrorFields],
);
const MarkAllReadMutation = graphql(
  `
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead { __typename ...MutationErrorFields ... on NotificationsReadPayload { unreadNotificationCount } }
  }
`,
  [MutationErrorFields],
);

const afterReading = () => void revalidate([getNotifications.key, getUnreadCount.key]);

export const markReadAction = action(async (ids: string[]) => {
  const outcome = await mutate(MarkReadMutation, { ids }, 'markNotificationsRead', 'NotificationsReadPayload');
  if (outcome.ok) afterReading();
  return json(outcome, { revalidate: [] });
}, 'markNotificationsRead');

export const markAllReadAction = action(async () => {
  const outcome = await mutate(MarkAllReadMutation, {}, 'markAllNotificationsRead', 'NotificationsReadPayload');
  if (outcome.ok) afterReading();
  return json(outcome, { revalidate: [] });
}, 'markAllNotificationsRead');

const PreferencesQuery = graphql(`
  query NotificationPreferences { viewer { id notificationPreferences { kind delivery isDefault } } }
`);
export type NotificationPreference = NonNullable<NonNullable<ResultOf<typeof PreferencesQuery>['viewer']>['notificationPreferences']>[number];

export const getPreferences = query(async (): Promise<NotificationPreference[]> => (await request(PreferencesQuery)).viewer?.notificationPreferences ?? [], 'notificationPreferences');

const SetPreferenceMutation = graphql(
  `
  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {
    setNotificationPreference(input: { kind: $kind, delivery: $delivery }) {
      __typename ...MutationErrorFields
      ... on SetNotificationPreferencePayload { preferences { kind delivery isDefault } }
    }
  }
`,
  [MutationErrorFields],
);

export const setPreferenceAction = action(async (kind: NotificationPreference['kind'], delivery: NotificationPreference['delivery']) => {
  const outcome = await mutate(SetPreferenceMutation, { kind, delivery }, 'setNotificationPreference', 'SetNotificationPreferencePayload');
  return json(outcome, { revalidate: outcome.ok ? [getPreferences.key] : [] });
}, 'setNotificationPreference');

export function preloadNotifications() {
  prefetch(getViewer().then((viewer) => (viewer ? getNotifications(null) : undefined)));
}

export function preloadNotificationPreferences() {
  prefetch(getViewer().then((viewer) => (viewer ? getPreferences() : undefined)));
}
