import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { locale } from '../../i18n/i18n.ts';
import { isErrorCode, request } from '../../lib/graphql-client.ts';
import { getViewer } from '../account/account.api.ts';

const TopicsQuery = graphql(`
  query Topics {
    topics { slug name nameEn }
  }
`);

export type Topic = ResultOf<typeof TopicsQuery>['topics'][number];

/** The fields of digital government, in the API's curated order. */
export const getTopics = query(async () => (await request(TopicsQuery)).topics, 'topics');

/* ---------- Browsing: /topics and /topics/:slug ---------- */

export const topicHref = (slug: string) => `/topics/${encodeURIComponent(slug)}`;

/** The topic's description in the interface language (the Vietnamese one when there is no other). */
export const localDescription = (topic: { description: string; descriptionEn: string }) =>
  (locale() === 'en' && topic.descriptionEn) || topic.description;

const TopicsBrowseQuery = graphql(`
  query TopicsBrowse {
    topics { slug name nameEn description descriptionEn practiceCount expertCount threadCount }
  }
`);

export type TopicWithCounts = ResultOf<typeof TopicsBrowseQuery>['topics'][number];

/** Every topic with what it holds, for /topics and the home page (one request, counts batched). */
export const getTopicsWithCounts = query(async () => (await request(TopicsBrowseQuery)).topics, 'topicsWithCounts');

export const preloadTopicsBrowse = () => void getTopicsWithCounts().catch(() => undefined);

/** How many of each a browse page shows before "see all". */
export const BROWSE_PRACTICES = 6;
export const BROWSE_EXPERTS = 6;
export const BROWSE_THREADS = 5;

const TopicPageQuery = graphql(`
  query TopicPage($slug: String!, $practices: Int!, $experts: Int!) {
    topic(slug: $slug) { slug name nameEn description descriptionEn practiceCount expertCount threadCount viewerFollows followerCount }
    practices(filter: { topic: $slug }, first: $practices) {
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
    experts(filter: { specialty: $slug }, first: $experts) {
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

export type TopicPageData = ResultOf<typeof TopicPageQuery>;

/**
 * A slug that names no topic comes back as NOT_FOUND (from `topic`) or as a bad filter (from
 * the lists): either way the page does not exist.
 */
export const isMissingPage = (error: unknown) => isErrorCode(error, 'NOT_FOUND', 'BAD_USER_INPUT');

/** A topic with its latest practices and its experts, or null when the slug names no topic. */
export const getTopicPage = query(async (slug: string): Promise<TopicPageData | null> => {
  try {
    return await request(TopicPageQuery, { slug, practices: BROWSE_PRACTICES, experts: BROWSE_EXPERTS });
  } catch (error) {
    if (isMissingPage(error)) return null;
    throw error;
  }
}, 'topicPage');

const TopicThreadsQuery = graphql(`
  query TopicThreads($slug: String!, $first: Int!) {
    threads(filter: { topic: $slug }, first: $first) {
      totalCount
      edges { node { id kind title replyCount lastActivityAt acceptedAnswer { id } author { handle name } } }
    }
  }
`);

export type ThreadConnectionSummary = ResultOf<typeof TopicThreadsQuery>['threads'];
export type ThreadSummary = ThreadConnectionSummary['edges'][number]['node'];

/** Members only: the topic's most recently active threads. */
export const getTopicThreads = query(
  async (slug: string) => (await request(TopicThreadsQuery, { slug, first: BROWSE_THREADS })).threads,
  'topicThreads',
);

export function preloadTopicPage({ params }: RoutePreloadFuncArgs) {
  if (!params.slug) return;
  const slug = params.slug;
  void getTopicPage(slug).catch(() => undefined);
  void getViewer()
    .then((viewer) => (viewer ? getTopicThreads(slug) : undefined))
    .catch(() => undefined);
}
