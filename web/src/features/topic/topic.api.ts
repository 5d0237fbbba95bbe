import { query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { request } from '../../lib/graphql-client.ts';

const TopicsQuery = graphql(`
  query Topics {
    topics { slug name nameEn }
  }
`);

export type Topic = ResultOf<typeof TopicsQuery>['topics'][number];

/** The fields of digital government, in the API's curated order. */
export const getTopics = query(async () => (await request(TopicsQuery)).topics, 'topics');
