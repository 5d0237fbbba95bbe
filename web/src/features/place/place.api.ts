import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { request } from '../../lib/graphql-client.ts';
import { getViewer } from '../account/account.api.ts';
import { BROWSE_EXPERTS, BROWSE_PRACTICES, BROWSE_THREADS, isMissingPage } from '../topic/topic.api.ts';

const PlacesQuery = graphql(`
  query Places {
    places(includeFormer: true) {
      code
      name
      fullName
      current
      successor { code name }
    }
  }
`);

export type Place = ResultOf<typeof PlacesQuery>['places'][number];

/**
 * Every provincial unit, current and former (63 small records): the filter offers the current
 * ones, and a link may still carry a former code, which then needs its name.
 */
export const getPlaces = query(async () => (await request(PlacesQuery)).places, 'places');

/* ---------- Browsing: /places and /places/:code ---------- */

export const placeHref = (code: string) => `/places/${encodeURIComponent(code)}`;

const PlacesBrowseQuery = graphql(`
  query PlacesBrowse {
    places { code name fullName kind region predecessors { code name } practiceCount expertCount threadCount }
  }
`);

export type PlaceWithCounts = ResultOf<typeof PlacesBrowseQuery>['places'][number];
export type Region = PlaceWithCounts['region'];

/** The 34 current units, north to south, each with its predecessors and what it holds. */
export const getPlacesWithCounts = query(async () => (await request(PlacesBrowseQuery)).places, 'placesWithCounts');

export const preloadPlacesBrowse = () => void getPlacesWithCounts().catch(() => undefined);

const PlacePageQuery = graphql(`
  query PlacePage($code: String!, $practices: Int!, $experts: Int!) {
    place(code: $code) {
      code name fullName kind current
      predecessors { code name }
      successor { code name fullName }
      practiceCount
      expertCount
      threadCount
    }
    practices(filter: { place: $code }, first: $practices) {
      totalCount
      edges {
        node {
          id
          title
          summary
          featured
          stage
          year
          publishedAt
          organization { slug name shortName current successor { slug name shortName } }
          place { code name current successor { code name } }
          topics { slug name nameEn }
        }
      }
    }
    experts(filter: { place: $code }, first: $experts) {
      totalCount
      edges {
        node {
          id
          handle
          name
          position
          avatarUrl
          verified
          organization { slug name shortName current successor { slug name shortName } }
          place { code name current successor { code name } }
          specialties { slug name nameEn }
          cohorts { slug name nameEn year }
        }
      }
    }
  }
`);

export type PlacePageData = ResultOf<typeof PlacePageQuery>;

/**
 * A province with its practices and experts, its predecessors' included; null when the code
 * names no place.
 */
export const getPlacePage = query(async (code: string): Promise<PlacePageData | null> => {
  try {
    return await request(PlacePageQuery, { code, practices: BROWSE_PRACTICES, experts: BROWSE_EXPERTS });
  } catch (error) {
    if (isMissingPage(error)) return null;
    throw error;
  }
}, 'placePage');

const PlaceThreadsQuery = graphql(`
  query PlaceThreads($code: String!, $first: Int!) {
    threads(filter: { place: $code }, first: $first) {
      totalCount
      edges { node { id kind title replyCount lastActivityAt acceptedAnswer { id } author { handle name } } }
    }
  }
`);

/** Members only: the most recently active threads about the province (its predecessors' included). */
export const getPlaceThreads = query(
  async (code: string) => (await request(PlaceThreadsQuery, { code, first: BROWSE_THREADS })).threads,
  'placeThreads',
);

export function preloadPlacePage({ params }: RoutePreloadFuncArgs) {
  if (!params.code) return;
  const code = params.code;
  void getPlacePage(code).catch(() => undefined);
  void getViewer()
    .then((viewer) => (viewer ? getPlaceThreads(code) : undefined))
    .catch(() => undefined);
}
