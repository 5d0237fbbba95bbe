import { query, type RoutePreloadFuncArgs, type SearchParams } from '@solidjs/router';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { request } from '../../lib/graphql-client.ts';
import { pageArgs, readListParams, single } from '../../lib/list-params.ts';
import { getViewer } from '../account/account.api.ts';
import { getNationalOrganizations, getLocalOrganizations } from '../organization/organization.api.ts';
import { getPlaces } from '../place/place.api.ts';
import { dropBadStageAndYear, practiceFilterOf } from '../practice/practice-params.ts';
import { getTopics } from '../topic/topic.api.ts';
import { prefetch } from '../../lib/prefetch.ts';
import { SEARCH_KINDS, type SearchKind, type SearchParamsOf } from './search-links.ts';

export { SEARCH_KINDS, SEARCH_MAX_LENGTH, searchHref, type SearchKind, type SearchParamsOf } from './search-links.ts';

export const SEARCH_PAGE_SIZE = 20;

const SearchQuery = graphql(`
  query Search($query: String!, $filter: SearchFilter, $first: Int, $after: String, $last: Int, $before: String) {
    search(query: $query, filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      counts { practices threads experts }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          kind
          title { text match }
          snippet { text match }
          node {
            __typename
            ... on Practice {
              id
              year
              publishedAt
              place { code name }
              organization { slug name shortName }
            }
            ... on Thread {
              id
              threadKind: kind
              replyCount
              lastActivityAt
              author { handle name }
            }
            ... on Expert {
              id
              handle
              verified
              avatarUrl
              place { code name }
            }
          }
        }
      }
    }
  }
`);

export type SearchResults = ResultOf<typeof SearchQuery>['search'];
export type SearchHit = SearchResults['edges'][number]['node'];
export type Segments = SearchHit['title'];
type SearchFilter = NonNullable<VariablesOf<typeof SearchQuery>['filter']>;

export const SEARCH_FILTER_KEYS = ['kind', 'topic', 'place', 'org', 'stage', 'year'] as const;
export type SearchFilterKey = (typeof SEARCH_FILTER_KEYS)[number];

/** The page's parameters from a URL query; values that cannot be filters are dropped. */
export function searchParamsOf(search: SearchParams): SearchParamsOf {
  const params: SearchParamsOf = readListParams(search, ['q', 'topic', 'place', 'org', 'stage', 'year']);
  const kind = single(search.kind);
  if (kind && (SEARCH_KINDS as readonly string[]).includes(kind)) params.kind = kind as SearchKind;
  return dropBadStageAndYear(params);
}

/** Filters other than the kind (which the tabs show). */
export const hasSearchFilters = (params: SearchParamsOf) => (['topic', 'place', 'org', 'stage', 'year'] as const).some((key) => params[key] !== undefined);

/** One ranked page of results for the given URL parameters. */
export const getSearch = query(async (params: SearchParamsOf): Promise<SearchResults> => {
  const filter: SearchFilter = practiceFilterOf(params);
  if (params.kind) filter.kinds = [params.kind.toUpperCase() as 'PRACTICE' | 'THREAD' | 'EXPERT'];
  return (await request(SearchQuery, { query: params.q ?? '', filter, ...pageArgs(params, SEARCH_PAGE_SIZE) })).search;
}, 'search');

export function preloadSearch({ location }: RoutePreloadFuncArgs) {
  const params = searchParamsOf(location.query);
  if (params.q) prefetch(getSearch(params));
  prefetch(getViewer());
  prefetch(getPlaces());
  prefetch(getNationalOrganizations());
  prefetch(getTopics());
  if (params.place) prefetch(getLocalOrganizations(params.place));
}
