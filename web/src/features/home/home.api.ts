import { query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { PracticeCardFields, ThreadTeaserFields } from '../../lib/fragments.ts';
import { request } from '../../lib/graphql-client.ts';
import { getViewer } from '../account/account.api.ts';
import { getTopicsWithCounts } from '../topic/topic.api.ts';
import { prefetch } from '../../lib/prefetch.ts';

export const HOME_FEATURED = 3;
export const HOME_LATEST = 6;
export const HOME_THREADS = 5;

const HomePracticesQuery = graphql(
  `
  query HomePractices($featured: Int!, $latest: Int!) {
    featured: practices(filter: { featured: true }, first: $featured) {
      edges { node { ...PracticeCardFields } }
    }
    latest: practices(first: $latest) {
      totalCount
      edges { node { ...PracticeCardFields } }
    }
  }
`,
  [PracticeCardFields],
);

export type HomePractices = ResultOf<typeof HomePracticesQuery>;

/** The featured practices and the latest published ones, for everyone. */
export const getHomePractices = query(
  // Enough to fill the latest row even when all the featured ones are among them.
  async () => request(HomePracticesQuery, { featured: HOME_FEATURED, latest: HOME_LATEST + HOME_FEATURED }),
  'homePractices',
);

const HomeThreadsQuery = graphql(
  `
  query HomeThreads($first: Int!) {
    active: threads(first: $first) {
      edges { node { ...ThreadTeaserFields } }
    }
    unanswered: threads(filter: { unanswered: true }, first: $first) {
      totalCount
      edges { node { ...ThreadTeaserFields } }
    }
  }
`,
  [ThreadTeaserFields],
);

export type HomeThreads = ResultOf<typeof HomeThreadsQuery>;

/** Members only: the most active discussions and the questions still waiting for an accepted answer. */
export const getHomeThreads = query(async () => request(HomeThreadsQuery, { first: HOME_THREADS }), 'homeThreads');

/** The code of a member's updates on the home page, which visitors never load. */
export const loadFollowUpdates = () => import('../follow/follow-updates.tsx');

export function preloadHome() {
  prefetch(getHomePractices());
  prefetch(getTopicsWithCounts());
  // A member's sections: their data, and the code of their updates beside it.
  prefetch(getViewer().then((viewer) => (viewer ? Promise.all([getHomeThreads(), loadFollowUpdates()]) : undefined)));
}
