import { query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { request } from '../../lib/graphql-client.ts';

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
