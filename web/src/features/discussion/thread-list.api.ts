import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { request } from '../../lib/graphql-client.ts';
import { pageArgs } from '../../lib/list-params.ts';
import { prefetch } from '../../lib/prefetch.ts';
import { getViewer } from '../account/account.api.ts';
import { getPlaces } from '../place/place.api.ts';
import { getTopics } from '../topic/topic.api.ts';
import { SEARCH_LIMITS } from '../../../../schema/field-limits.ts';
import { threadListParams, type ThreadListParams } from './thread-params.ts';

export const THREAD_PAGE_SIZE = 20;

/* ---------- The list: /threads ---------- */

const ThreadListQuery = graphql(`
  query ThreadList($filter: ThreadFilter, $first: Int, $after: String, $last: Int, $before: String) {
    threads(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id
          kind
          title
          locked
          replyCount
          lastActivityAt
          viewerReading { unreadReplyCount }
          acceptedAnswer { id }
          author { handle name }
          topics { slug name nameEn }
          place { code name }
          practice { id title }
          membersOnly
          group { slug name nameEn }
        }
      }
    }
  }
`);

export type ThreadPage = ResultOf<typeof ThreadListQuery>['threads'];
export type ThreadSummary = ThreadPage['edges'][number]['node'];
type ThreadFilter = NonNullable<VariablesOf<typeof ThreadListQuery>['filter']>;

/** One page of threads, most recently active first. */
export const getThreads = query(async (params: ThreadListParams): Promise<ThreadPage> => {
  const filter: ThreadFilter = {};
  if (params.show === 'discussions') filter.kind = 'DISCUSSION';
  if (params.show === 'questions') filter.kind = 'QUESTION';
  if (params.show === 'unanswered') filter.unanswered = true;
  if (params.topic) filter.topic = params.topic;
  if (params.place) filter.place = params.place;
  if (params.q) filter.query = params.q.slice(0, SEARCH_LIMITS.text);
  return (await request(ThreadListQuery, { filter, ...pageArgs(params, THREAD_PAGE_SIZE) })).threads;
}, 'threads');

export function preloadThreads({ location }: RoutePreloadFuncArgs) {
  // Read now, while the router is at the new address (see preloadThread). Signed out, the list
  // is refused: the page sends the visitor to sign in instead.
  const params = threadListParams(location.query);
  prefetch(getViewer().then((viewer) => (viewer ? getThreads(params) : undefined)));
  prefetch(getPlaces());
  prefetch(getTopics());
}

export function preloadNewThread({ location }: RoutePreloadFuncArgs) {
  // Touched here so the page reads the new address's `kind` (see preloadThread).
  void location.query.kind;
  prefetch(getViewer());
  prefetch(getPlaces());
  prefetch(getTopics());
}
