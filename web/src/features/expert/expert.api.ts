import { action, json, query, type RoutePreloadFuncArgs, type SearchParams } from '@solidjs/router';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { invalid, mutate, textOf, type FormInput, type Outcome } from '../../lib/form.ts';
import { ExpertCardFields, MutationErrorFields } from '../../lib/fragments.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { pageArgs, readListParams } from '../../lib/list-params.ts';
import { getViewer } from '../account/account.api.ts';
import { getCohorts } from '../cohort/cohort.api.ts';
import { getLocalOrganizations, getNationalOrganizations } from '../organization/organization.api.ts';
import { getPlaces } from '../place/place.api.ts';
import { getTopics } from '../topic/topic.api.ts';
import { prefetch } from '../../lib/prefetch.ts';
import { ACCOUNT_LIMITS, PROFILE_LIMITS, SEARCH_LIMITS } from '../../../../schema/field-limits.ts';

/** Where a person's profile is; handles may hold dots, so they are encoded. */
export const profileHref = (handle: string) => `/experts/${encodeURIComponent(handle)}`;

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
}, 'expertDirectory');

/** One profile, or null when nobody has this handle (NOT_FOUND, or a handle that cannot exist). */
export const getExpert = query((handle: string): Promise<ExpertProfile | null> => orNull(async () => (await request(ExpertProfileQuery, { handle })).expert, isMissing('handle')), 'expert');

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

const OwnProfileQuery = graphql(`
  query OwnProfile {
    viewer {
      id
      handle
      name
      position
      bio
      avatarUrl
      organization { slug name current }
      place { code name current successor { code } }
      specialties { slug }
      links { label url }
    }
  }
`);

export type OwnProfile = NonNullable<ResultOf<typeof OwnProfileQuery>['viewer']>;

/** What the viewer can edit about themselves; null when signed out. */
export const getOwnProfile = query(async (): Promise<OwnProfile | null> => (await request(OwnProfileQuery)).viewer, 'ownProfile');

const UpdateProfileMutation = graphql(
  `
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      __typename
      ... on UpdateProfilePayload { expert { id handle } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** At most this many links on a profile (the API's limit). */
export const MAX_LINKS = PROFILE_LIMITS.links;

/**
 * The profile form's links: each row has a stable key (rows come and go), listed in order in
 * `linkKeys`, with fields `links.<key>.label` and `links.<key>.url`. Fully empty rows are dropped.
 */
function linksOf(form: FormInput) {
  const rows = textOf(form, 'linkKeys').split(',').filter(Boolean);
  const links: { label: string; url: string }[] = [];
  const keys: string[] = [];
  for (const key of rows) {
    const label = textOf(form, `links.${key}.label`);
    const url = textOf(form, `links.${key}.url`);
    if (!label && !url) continue;
    links.push({ label, url });
    keys.push(key);
  }
  return { links, keys };
}

/** The API names link errors by position among the links sent; the form by row key. */
function toRowPaths<T>(outcome: Outcome<T>, keys: string[]): Outcome<T> {
  if (outcome.ok) return outcome;
  const fields: Record<string, string> = {};
  for (const [path, code] of Object.entries(outcome.problem.fields)) {
    const match = /^links\.(\d+)\.(label|url)$/.exec(path);
    const key = match ? keys[Number(match[1])] : undefined;
    fields[key && match ? `links.${key}.${match[2]}` : path] = code;
  }
  return { ok: false, problem: { ...outcome.problem, fields } };
}

/** Saves the whole profile form. Header, profile and directory show the change once it is saved. */
export const updateProfileAction = action(async (form: FormInput) => {
  const { links, keys } = linksOf(form);
  const input = {
    name: textOf(form, 'name'),
    position: textOf(form, 'position'),
    bio: String(form.get('bio') ?? '').trim(),
    organization: textOf(form, 'organization') || null,
    place: textOf(form, 'place') || null,
    specialties: form.getAll('specialties').map(String),
    links,
  };
  const fields: Record<string, string> = {};
  if (!input.name) fields.name = 'REQUIRED';
  else if (input.name.length < ACCOUNT_LIMITS.nameMin) fields.name = 'TOO_SHORT';
  links.forEach((link, index) => {
    if (!link.label) fields[`links.${keys[index]}.label`] = 'REQUIRED';
    if (!link.url) fields[`links.${keys[index]}.url`] = 'REQUIRED';
  });
  if (Object.keys(fields).length) return invalid(fields);
  const outcome = toRowPaths(await mutate(UpdateProfileMutation, { input }, 'updateProfile', 'UpdateProfilePayload'), keys);
  return json(outcome, { revalidate: outcome.ok ? [getViewer.key, getOwnProfile.key, getExpert.key, getExpertDirectory.key] : [] });
}, 'updateProfile');
