import { query, type RoutePreloadFuncArgs, type SearchParams } from '@solidjs/router';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { ExpertCardFields } from '../../lib/fragments.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { pageArgs, readListParams } from '../../lib/list-params.ts';
import { getViewer } from '../account/account.api.ts';
import { getCohorts } from '../cohort/cohort.api.ts';
import { getLocalOrganizations, getNationalOrganizations } from '../organization/organization.api.ts';
import { getPlaces } from '../place/place.api.ts';
import { getTopics } from '../topic/topic.api.ts';
import { prefetch } from '../../lib/prefetch.ts';

import { EXPERT_DIRECTORY_QUERY_KEY, EXPERT_QUERY_KEY } from './expert-links.ts';
import { getExpertRecord } from './record.api.ts';
import { SEARCH_LIMITS } from '../../../../schema/field-limits.ts';

export { profileHref } from './expert-links.ts';
export { getOwnProfile, MAX_LINKS, type OwnProfile, updateProfileAction } from './profile.api.ts';

export const PAGE_SIZE = 20;

const ExpertDirectoryQuery = graphql(
  `
  query ExpertDirectory($filter: ExpertFilter, $sort: ExpertSort, $first: Int, $after: String, $last: Int, $before: String) {
    experts(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...ExpertCardFields } }
    }
  }
`,
  [ExpertCardFields],
);

const ExpertFacetsQuery = graphql(`
  query ExpertFacets($filter: ExpertFilter) {
    expertFacets(filter: $filter) {
      places { place { code } count }
      organizations { organization { slug } count }
      specialties { specialty { slug } count }
      cohorts { cohort { slug } count }
      verified
    }
  }
`);

/** How many people each filter choice would show, by choice: `place:<code>`, `org:<slug>`, `specialty:<slug>`, `cohort:<slug>`. */
export interface DirectoryCounts {
  byChoice: Map<string, number>;
  verified: number;
}

const ExpertProfileQuery = graphql(`
  query ExpertProfile($handle: String!) {
    expert(handle: $handle) {
      id
      handle
      name
      viewerFollows
      followerCount
      position
      bio
      joinedAt
      avatarUrl
      role
      verified
      verifiedAt
      organization {
        slug name shortName current
        parent { slug name shortName }
        successor { slug name shortName }
      }
      place { code name fullName current successor { code name fullName } }
      specialties { slug name nameEn }
      cohorts { slug name nameEn year }
      links { label url }
    }
  }
`);

export type ExpertPage = ResultOf<typeof ExpertDirectoryQuery>['experts'];
export type ExpertSummary = ExpertPage['edges'][number]['node'];
export type ExpertProfile = ResultOf<typeof ExpertProfileQuery>['expert'];
type ExpertFilter = NonNullable<VariablesOf<typeof ExpertDirectoryQuery>['filter']>;

/**
 * What the directory shows, as carried by its URL:
 * `?place=&org=&specialty=&cohort=&verified=1&q=` filter, `sort=activity|reputation` orders (by name
 * without it), `after=` or `before=` page by cursor.
 */
export interface DirectoryParams {
  place?: string;
  org?: string;
  specialty?: string;
  cohort?: string;
  verified?: string;
  q?: string;
  sort?: string;
  after?: string;
  before?: string;
}

export const FILTER_KEYS = ['place', 'org', 'specialty', 'cohort', 'verified', 'q'] as const;
/** The directory's parameters from a URL query, blanks dropped. */
export const directoryParams = (search: SearchParams): DirectoryParams => readListParams(search, [...FILTER_KEYS, 'sort']);

export const hasFilters = (params: DirectoryParams) => FILTER_KEYS.some((key) => params[key] !== undefined);

function filterOf(params: DirectoryParams): ExpertFilter {
  const filter: ExpertFilter = {};
  if (params.place) filter.place = params.place;
  if (params.org) filter.organization = params.org;
  if (params.specialty) filter.specialty = params.specialty;
  if (params.cohort) filter.cohort = params.cohort;
  if (params.verified === '1') filter.verified = true;
  if (params.q) filter.query = params.q.slice(0, SEARCH_LIMITS.text);
  return filter;
}

/** One page of the directory for the given URL parameters. */
export const getExpertDirectory = query(async (params: DirectoryParams): Promise<ExpertPage> => {
  const sort = params.sort === 'activity' ? 'ACTIVITY' : params.sort === 'reputation' ? 'REPUTATION' : 'NAME';
  return (await request(ExpertDirectoryQuery, { filter: filterOf(params), sort, ...pageArgs(params, PAGE_SIZE) })).experts;
}, EXPERT_DIRECTORY_QUERY_KEY);

/** The counts beside the directory's filter choices, for its filters (the page and order do not change them). */
export const getDirectoryCounts = query(async (params: DirectoryParams): Promise<DirectoryCounts> => {
  const { after: _after, before: _before, sort: _sort, ...filters } = params;
  const facets = (await request(ExpertFacetsQuery, { filter: filterOf(filters) })).expertFacets;
  const byChoice = new Map<string, number>([
    ...facets.places.map((c) => [`place:${c.place.code}`, c.count] as const),
    ...facets.organizations.map((c) => [`org:${c.organization.slug}`, c.count] as const),
    ...facets.specialties.map((c) => [`specialty:${c.specialty.slug}`, c.count] as const),
    ...facets.cohorts.map((c) => [`cohort:${c.cohort.slug}`, c.count] as const),
  ]);
  return { byChoice, verified: facets.verified };
}, 'expertDirectoryCounts');

/** One profile, or null when nobody has this handle (NOT_FOUND, or a handle that cannot exist). */
export const getExpert = query((handle: string): Promise<ExpertProfile | null> => orNull(async () => (await request(ExpertProfileQuery, { handle })).expert, isMissing('handle')), EXPERT_QUERY_KEY);

/** Starts every request of the directory at once, before its code has even loaded. */
export function preloadDirectory({ location }: RoutePreloadFuncArgs) {
  const params = directoryParams(location.query);
  void getExpertDirectory(params);
  void getDirectoryCounts(params);
  void getPlaces();
  void getNationalOrganizations();
  void getTopics();
  void getCohorts();
  if (params.place) void getLocalOrganizations(params.place);
}

export function preloadProfile({ params }: RoutePreloadFuncArgs) {
  if (params.handle) {
    void getExpert(params.handle);
    void getExpertRecord(params.handle);
  }
  // Whose profile it is decides the "edit" link.
  prefetch(getViewer());
}
