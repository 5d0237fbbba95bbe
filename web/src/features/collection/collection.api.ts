import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { PracticeCardFields } from '../../lib/fragments.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { prefetch } from '../../lib/prefetch.ts';

/* The public showcase: /collections and /collections/:slug (loaded with their routes, never on the home page's path). */

export const collectionHref = (slug: string) => `/collections/${encodeURIComponent(slug)}`;

/** The curators' editor of a collection (/staff/collections/:slug). */
export const collectionEditorHref = (slug: string) => `/staff/collections/${encodeURIComponent(slug)}`;

/** Enough for every current collection on one page: the ministry publishes a handful per quarter. */
const LIST_SIZE = 50;

const CollectionsQuery = graphql(`
  query Collections($first: Int!) {
    collections(first: $first) {
      edges {
        node {
          id slug title edition introHtml
          topics { slug name nameEn }
          places { code name }
          items { id }
        }
      }
    }
  }
`);

export type CollectionSummary = ResultOf<typeof CollectionsQuery>['collections']['edges'][number]['node'];

/** The published collections, newest first. */
export const getCollections = query(async () => (await request(CollectionsQuery, { first: LIST_SIZE })).collections.edges.map((edge) => edge.node), 'collections');

export const preloadCollections = () => prefetch(getCollections());

const CollectionQuery = graphql(
  `
  query Collection($slug: String!) {
    collection(slug: $slug) {
      id slug title edition introHtml publishedAt
      topics { slug name nameEn }
      places { code name }
      items { id note practice { ...PracticeCardFields } }
    }
  }
`,
  [PracticeCardFields],
);

export type Collection = ResultOf<typeof CollectionQuery>['collection'];

/** One collection as its page shows it, or null when there is none the viewer may read (NOT_FOUND, or not a slug at all). */
export const getCollection = query((slug: string): Promise<Collection | null> => orNull(async () => (await request(CollectionQuery, { slug })).collection, isMissing('slug')), 'collection');

export const preloadCollection = ({ params }: RoutePreloadFuncArgs) => {
  if (params.slug) prefetch(getCollection(params.slug));
};
