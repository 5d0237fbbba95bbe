import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { locale } from '../../i18n/i18n.ts';
import { ExpertCardFields, PracticeCardFields, ThreadTeaserFields } from '../../lib/fragments.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { getViewer } from '../account/account.api.ts';
import { prefetch } from '../../lib/prefetch.ts';

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
export const localDescription = (topic: { description: string; descriptionEn: string }) => (locale() === 'en' && topic.descriptionEn) || topic.description;

const TopicsBrowseQuery = graphql(`
  query TopicsBrowse {
    topics { slug name nameEn description descriptionEn practiceCount expertCount threadCount }
  }
`);

export type TopicWithCounts = ResultOf<typeof TopicsBrowseQuery>['topics'][number];

/** Every topic with what it holds, for /topics and the home page (one request, counts batched). */
export const getTopicsWithCounts = query(async () => (await request(TopicsBrowseQuery)).topics, 'topicsWithCounts');

export const preloadTopicsBrowse = () => prefetch(getTopicsWithCounts());

/** How many of each a browse page shows before "see all". */
export const BROWSE_PRACTICES = 6;
export const BROWSE_EXPERTS = 6;
export const BROWSE_THREADS = 5;

const TopicPageQuery = graphql(
  `
  query TopicPage($slug: String!, $practices: Int!, $experts: Int!) {
    topic(slug: $slug) { slug name nameEn description descriptionEn practiceCount expertCount threadCount viewerFollows followerCount }
    practices(filter: { topic: $slug }, first: $practices) {
      totalCount
      edges { node { ...PracticeCardFields } }
    }
    experts(filter: { specialty: $slug }, first: $experts) {
      totalCount
      edges { node { ...ExpertCardFields } }
    }
  }
`,
  [PracticeCardFields, ExpertCardFields],
);

export type TopicPageData = ResultOf<typeof TopicPageQuery>;

/**
 * A slug or code that names no topic or place comes back as NOT_FOUND (from `topic`, `place`)
 * or as a bad filter (from the lists): either way the page does not exist.
 */
export const isMissingPage = isMissing();

/** A topic with its latest practices and its experts, or null when the slug names no topic. */
export const getTopicPage = query(
  (slug: string): Promise<TopicPageData | null> => orNull(() => request(TopicPageQuery, { slug, practices: BROWSE_PRACTICES, experts: BROWSE_EXPERTS }), isMissingPage),
  'topicPage',
);

const BrowseThreadsQuery = graphql(
  `
  query BrowseThreads($filter: ThreadFilter!, $first: Int!) {
    threads(filter: $filter, first: $first) {
      totalCount
      edges { node { ...ThreadTeaserFields } }
    }
  }
`,
  [ThreadTeaserFields],
);

export type ThreadConnectionSummary = ResultOf<typeof BrowseThreadsQuery>['threads'];
export type ThreadSummary = ThreadConnectionSummary['edges'][number]['node'];

/** The most recently active threads of a browse page (members only), by topic or by place. */
export const browseThreads = async (filter: VariablesOf<typeof BrowseThreadsQuery>['filter']) => (await request(BrowseThreadsQuery, { filter, first: BROWSE_THREADS })).threads;

/** Members only: the topic's most recently active threads. */
export const getTopicThreads = query((slug: string) => browseThreads({ topic: slug }), 'topicThreads');

/**
 * Starts a browse page's requests: the page for everyone, its threads for members (who is
 * signed in is known only once the viewer is loaded).
 */
export function preloadBrowsePage(key: string | undefined, page: (key: string) => Promise<unknown>, threads: (key: string) => Promise<unknown>) {
  if (!key) return;
  prefetch(page(key));
  prefetch(getViewer().then((viewer) => (viewer ? threads(key) : undefined)));
}

export const preloadTopicPage = ({ params }: RoutePreloadFuncArgs) => preloadBrowsePage(params.slug, getTopicPage, getTopicThreads);
