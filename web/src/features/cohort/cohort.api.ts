import { query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { request } from '../../lib/graphql-client.ts';

const CohortsQuery = graphql(`
  query Cohorts {
    cohorts { slug name nameEn year }
  }
`);

export type Cohort = ResultOf<typeof CohortsQuery>['cohorts'][number];

/** The programme's intakes, oldest first. */
export const getCohorts = query(async () => [...(await request(CohortsQuery)).cohorts].sort((a, b) => a.year - b.year || a.slug.localeCompare(b.slug)), 'cohorts');
