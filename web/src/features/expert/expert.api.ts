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
import { SEARCH_LIMITS } from '../../../../schema/field-limits.ts';

export { profileHref } from './expert-links.ts';
export { getOwnProfile, MAX_LINKS, type OwnProfile, updateProfileAction } from './profile.api.ts';

export const PAGE_SIZE = 20;

const ExpertDirectoryQuery = graphql(
  `
  query ExpertDirectory($filter: ExpertFilter, $first: Int, $after: String, $last: Int, $before: String) {
    experts(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...ExpertCardFields } }
    }
  }
`,
  [ExpertCardFields],
);

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
 * `?place=&org=&specialty=&cohort=&q=` filter, `after=` or `before=` page by cursor.
 */
export interface DirectoryParams {
  place?: string;
  org?: string;
  specialty?: string;
  cohort?: string;
  q?: string;
  after?: string;
  before?: string;
}

export const FILTER_KEYS = ['place', 'org', 'specialty', 'cohort', 'q'] as const;
/** The directory's parameters from a URL query, blanks dropped. */
export const directoryParams = (search: SearchParams): DirectoryParams => readListParams(search, FILTER_KEYS);

export const hasFilters = (params: DirectoryParams) => FILTER_KEYS.some((key) => params[key] !== undefined);

/** One page of the directory for the given URL parameters. */
export const getExpertDirectory = query(async (params: DirectoryParams): Promise<ExpertPage> => {
  const filter: ExpertFilter = {};
  if (params.place) filter.place = params.place;
  if (params.org) filter.organization = params.org;
  if (params.specialty) filter.specialty = params.specialty;
  if (params.cohort) filter.cohort = params.cohort;
  if (params.q) filter.query = params.q.slice(0, SEARCH_LIMITS.text);
  return (await request(ExpertDirectoryQuery, { filter, ...pageArgs(params, PAGE_SIZE) })).experts;
}, EXPERT_DIRECTORY_QUERY_KEY);

/** One profile, or null when nobody has this handle (NOT_FOUND, or a handle that cannot exist). */
export const getExpert = query((handle: string): Promise<ExpertProfile | null> => orNull(async () => (await request(ExpertProfileQuery, { handle })).expert, isMissing('handle')), EXPERT_QUERY_KEY);

/** Starts every request of the directory at once, before its code has even loaded. */
export function preloadDirectory({ location }: RoutePreloadFuncArgs) {
  const params = directoryParams(location.query);
  void getExpertDirectory(params);
  void getPlaces();
  void getNationalOrganizations();
  void getTopics();
  void getCohorts();
  if (params.place) void getLocalOrganizations(params.place);
}

export function preloadProfile({ params }: RoutePreloadFuncArgs) {
  if (params.handle) void getExpert(params.handle);
  // Whose profile it is decides the "edit" link.
  prefetch(getViewer());
}
