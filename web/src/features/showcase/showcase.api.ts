import { query } from '@solidjs/router';
import { SHOWCASE_COLLECTIONS, SHOWCASE_FEATURED } from '../../../../schema/showcase/sizes.ts';
import { graphql, type ResultOf } from '../../graphql.ts';
import { PracticeCardFields } from '../../lib/fragments.ts';
import { request } from '../../lib/graphql-client.ts';
import { prefetch } from '../../lib/prefetch.ts';

/* The public showcase home, /showcase: loaded with its route, never on the home page's path. */

const ShowcaseQuery = graphql(
  `
  query Showcase($collections: Int!, $featured: Int!) {
    collections(first: $collections) {
      edges { node { id slug title edition introHtml topics { slug name nameEn } places { code name } items { id } } }
    }
    featured: practices(filter: { featured: true }, first: $featured) {
      edges { node { ...PracticeCardFields } }
    }
    places { code name practiceCount replicationCount }
  }
`,
  [PracticeCardFields],
);

export type Showcase = ResultOf<typeof ShowcaseQuery>;

/** The current collections, the featured practices and the 34 current units with their counts, in one request. */
export const getShowcase = query(async () => request(ShowcaseQuery, { collections: SHOWCASE_COLLECTIONS, featured: SHOWCASE_FEATURED }), 'showcase');

export const preloadShowcase = () => prefetch(getShowcase());
