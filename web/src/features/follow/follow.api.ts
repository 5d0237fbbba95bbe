import { action, json, query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mapOutcome, mutate } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';
import type { ToggleState } from '../../components/toggle-button.tsx';
import { getViewer } from '../account/account.api.ts';
import { prefetch } from '../../lib/prefetch.ts';

const FollowExpertMutation = graphql(
  `
  mutation FollowExpert($id: ID!, $following: Boolean!) {
    followExpert(input: { id: $id, following: $following }) {
      __typename
      ...MutationErrorFields
      ... on FollowExpertPayload { expert { id viewerFollows followerCount } }
    }
  }
`,
  [MutationErrorFields],
);
const FollowTopicMutation = graphql(
  `
  mutation FollowTopic($topic: String!, $following: Boolean!) {
    followTopic(input: { topic: $topic, following: $following }) {
      __typename
      ...MutationErrorFields
      ... on FollowTopicPayload { topic { slug viewerFollows followerCount } }
    }
  }
`,
  [MutationErrorFields],
);
const FollowThreadMutation = graphql(
  `
  mutation FollowThread($id: ID!, $following: Boolean!) {
    followThread(input: { id: $id, following: $following }) {
      __typename
      ...MutationErrorFields
      ... on FollowThreadPayload { thread { id viewerFollows followerCount } }
    }
  }
`,
  [MutationErrorFields],
);

/** The follow state the button shows, from whichever payload came back. */
const followState = (target: { viewerFollows: boolean; followerCount: number }): ToggleState => ({ on: target.viewerFollows, count: target.followerCount });

/*
 * Toggles change only what their button shows (it updates itself at once), so they reload
 * nothing but the updates feed and the list of follows.
 */
const followReaders = () => [getFollowUpdates.key, getMyFollows.key];

export const followExpertAction = action(async (id: string, following: boolean) => {
  const outcome = mapOutcome(await mutate(FollowExpertMutation, { id, following }, 'followExpert', 'FollowExpertPayload'), (data): ToggleState => followState(data.expert));
  return json(outcome, { revalidate: outcome.ok ? followReaders() : [] });
}, 'followExpert');

export const followTopicAction = action(async (topic: string, following: boolean) => {
  const outcome = mapOutcome(await mutate(FollowTopicMutation, { topic, following }, 'followTopic', 'FollowTopicPayload'), (data): ToggleState => followState(data.topic));
  return json(outcome, { revalidate: outcome.ok ? followReaders() : [] });
}, 'followTopic');

export const followThreadAction = action(async (id: string, following: boolean) => {
  const outcome = mapOutcome(await mutate(FollowThreadMutation, { id, following }, 'followThread', 'FollowThreadPayload'), (data): ToggleState => followState(data.thread));
  return json(outcome, { revalidate: outcome.ok ? followReaders() : [] });
}, 'followThread');

/* ---------- What changed in what I follow ---------- */

export const FOLLOW_UPDATES_PAGE_SIZE = 10;

const FollowUpdatesQuery = graphql(`
  query FollowUpdates($first: Int, $after: String) {
    followUpdates(first: $first, after: $after) {
      seenAt
      newCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          kind
          at
          isNew
          followedThread
          mentionsViewer
          reply { id author { handle name } }
          topics { slug name nameEn }
          experts { handle name }
          practice { id title summary place { code name } organization { slug name shortName } }
          thread { id kind title replyCount acceptedAnswer { id } author { handle name } }
        }
      }
    }
  }
`);

export type FollowUpdates = ResultOf<typeof FollowUpdatesQuery>['followUpdates'];
export type FollowUpdate = FollowUpdates['edges'][number]['node'];

export const getFollowUpdates = query(
  async (after: string | null): Promise<FollowUpdates> => (await request(FollowUpdatesQuery, { first: FOLLOW_UPDATES_PAGE_SIZE, after })).followUpdates,
  'followUpdates',
);

const MarkSeenMutation = graphql(`
  mutation MarkFollowUpdatesSeen {
    markFollowUpdatesSeen { __typename }
  }
`);

/** Moves the "new" marker to now; the list on screen keeps its marks until it is next loaded. */
export const markFollowUpdatesSeenAction = action(async () => {
  // Nothing to tell: the marks on screen stay as they are either way, and a marker that did not
  // move only shows the same updates as new once more (an outage still reaches the notice).
  await request(MarkSeenMutation).catch(() => undefined);
  return json(null, { revalidate: [] });
}, 'markFollowUpdatesSeen');

/* ---------- What I follow ---------- */

const MyFollowsQuery = graphql(`
  query MyFollows($after: String) {
    myFollows(first: 30, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          kind
          since
          expert { id handle name viewerFollows followerCount }
          topic { slug name nameEn viewerFollows followerCount }
          thread { id kind title viewerFollows followerCount }
        }
      }
    }
  }
`);

export type MyFollows = ResultOf<typeof MyFollowsQuery>['myFollows'];
export type FollowedThing = MyFollows['edges'][number]['node'];

export const getMyFollows = query(async (after: string | null): Promise<MyFollows> => (await request(MyFollowsQuery, { after })).myFollows, 'myFollows');

export function preloadFollowing() {
  prefetch(getViewer().then((viewer) => (viewer ? Promise.all([getFollowUpdates(null), getMyFollows(null)]) : undefined)));
}
