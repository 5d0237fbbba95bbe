import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { PracticeCardFields } from '../../lib/fragments.ts';
import { request } from '../../lib/graphql-client.ts';
import { pageArgs } from '../../lib/list-params.ts';
import { prefetch } from '../../lib/prefetch.ts';
import { canCurate, getViewer } from '../account/account.api.ts';
import { SEARCH_LIMITS } from '../../../../schema/field-limits.ts';
import { practiceListFilterOf, practiceListParams, SORTS, type PracticeListParams, type PracticeSortName } from './practice-params.ts';

/* The lists of practices: the published ones, one's own, the curators' queue. */

export const PRACTICE_PAGE_SIZE = 20;

/* ---------- The list: /practices ---------- */

// The page and every facet's counts for the same filter: one request.
const PracticeListQuery = graphql(
  `
  query PracticeList($filter: PracticeFilter, $sort: PracticeSort, $first: Int, $after: String, $last: Int, $before: String) {
    practices(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...PracticeCardFields } }
    }
    practiceFacets(filter: $filter) {
      topics { topic { slug name nameEn } count }
      places { place { code name } count }
      organizations { organization { slug name shortName } count }
      levels { level count }
      stages { stage count }
      years { year count }
    }
  }
`,
  [PracticeCardFields],
);

type PracticeListResult = ResultOf<typeof PracticeListQuery>;
export type PracticeFacets = PracticeListResult['practiceFacets'];
export type PracticePage = PracticeListResult['practices'] & { facets: PracticeFacets };
export type PracticeSummary = PracticePage['edges'][number]['node'];
type PracticeFilter = NonNullable<VariablesOf<typeof PracticeListQuery>['filter']>;

/** One page of published practices for the given URL parameters in their order (newest first by default), with the facets' counts. */
export const getPractices = query(async (params: PracticeListParams): Promise<PracticePage> => {
  const filter: PracticeFilter = practiceListFilterOf(params);
  if (params.featured === '1') filter.featured = true;
  if (params.q) filter.query = params.q.slice(0, SEARCH_LIMITS.text);
  const sort = SORTS[(params.sort as PracticeSortName | undefined) ?? 'newest'];
  const result = await request(PracticeListQuery, { filter, sort, ...pageArgs(params, PRACTICE_PAGE_SIZE) });
  return { ...result.practices, facets: result.practiceFacets };
}, 'practices');

export function preloadPractices({ location }: RoutePreloadFuncArgs) {
  const params = practiceListParams(location.query);
  // The facets come with the page, names and all.
  prefetch(getPractices(params));
}

/* ---------- One's own: /practices/mine ---------- */

export const MINE_PAGE_SIZE = 50;

const MyPracticesQuery = graphql(`
  query MyPractices($first: Int!, $after: String) {
    myPractices(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { id title summary status returnReason featured version submittedAt publishedAt updatedAt }
      }
    }
  }
`);

export type MyPracticesPage = ResultOf<typeof MyPracticesQuery>['myPractices'];
export type MyPractice = MyPracticesPage['edges'][number]['node'];

/** The viewer's practices in every state, last edited first. */
export const getMyPractices = query(async (after: string | null): Promise<MyPracticesPage> => (await request(MyPracticesQuery, { first: MINE_PAGE_SIZE, after })).myPractices, 'myPractices');

export function preloadMyPractices() {
  prefetch(getViewer().then((viewer) => (viewer ? getMyPractices(null) : undefined)));
}

/* ---------- Curators: the review queue ---------- */

export const REVIEW_PAGE_SIZE = 20;

const PracticesToReviewQuery = graphql(`
  query PracticesToReview($first: Int!, $after: String) {
    practicesToReview(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          title
          summary
          submittedAt
          stage
          year
          organization { name }
          place { name }
          topics { slug name nameEn }
          authors { id handle name avatarUrl }
        }
      }
    }
  }
`);

export type ReviewPage = ResultOf<typeof PracticesToReviewQuery>['practicesToReview'];
export type PracticeToReview = ReviewPage['edges'][number]['node'];

/** Submitted practices, oldest first (curators and admins). */
export const getPracticesToReview = query(
  async (after: string | null): Promise<ReviewPage> => (await request(PracticesToReviewQuery, { first: REVIEW_PAGE_SIZE, after })).practicesToReview,
  'practicesToReview',
);

export function preloadPracticeReview() {
  prefetch(getViewer().then((viewer) => (canCurate(viewer?.role) ? getPracticesToReview(null) : undefined)));
}
