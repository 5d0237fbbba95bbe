import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { ExpertCardFields, PracticeCardFields } from '../../lib/fragments.ts';
import { orNull, request } from '../../lib/graphql-client.ts';
import { BROWSE_EXPERTS, BROWSE_PRACTICES, browseThreads, isMissingPage, preloadBrowsePage } from '../topic/topic.api.ts';
import { prefetch } from '../../lib/prefetch.ts';

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

export { placeHref } from './place-links.ts';

const PlacesBrowseQuery = graphql(`
  query PlacesBrowse {
    places { code name fullName kind region predecessors { code name } practiceCount expertCount threadCount }
  }
`);

export type PlaceWithCounts = ResultOf<typeof PlacesBrowseQuery>['places'][number];
export type Region = PlaceWithCounts['region'];

/** The 34 current units, north to south, each with its predecessors and what it holds. */
export const getPlacesWithCounts = query(async () => (await request(PlacesBrowseQuery)).places, 'placesWithCounts');

export const preloadPlacesBrowse = () => prefetch(getPlacesWithCounts());

const PlacePageQuery = graphql(
  `
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
      edges { node { ...PracticeCardFields } }
    }
    experts(filter: { place: $code }, first: $experts) {
      totalCount
      edges { node { ...ExpertCardFields } }
    }
  }
`,
  [PracticeCardFields, ExpertCardFields],
);

export type PlacePageData = ResultOf<typeof PlacePageQuery>;

/**
 * A province with its practices and experts, its predecessors' included; null when the code
 * names no place.
 */
export const getPlacePage = query(
  (code: string): Promise<PlacePageData | null> => orNull(() => request(PlacePageQuery, { code, practices: BROWSE_PRACTICES, experts: BROWSE_EXPERTS }), isMissingPage),
  'placePage',
);

/** Members only: the most recently active threads about the province (its predecessors' included). */
export const getPlaceThreads = query((code: string) => browseThreads({ place: code }), 'placeThreads');

export const preloadPlacePage = ({ params }: RoutePreloadFuncArgs) => preloadBrowsePage(params.code, getPlacePage, getPlaceThreads);
