import { Feed } from 'feed';
import { publishedCollections } from '../../schema/collection/service.ts';
import { expertsByIds } from '../../schema/expert/service.ts';
import { findPlace, type PlaceDoc } from '../../schema/place/service.ts';
import { listPractices, type PracticeFilter, publicTextDate } from '../../schema/practice/service.ts';
import { findTopic, type TopicDoc } from '../../schema/topic/service.ts';
import { practicePath } from './addresses.ts';
import { COLLECTION_TITLE_SUFFIX, collectionPath, introText } from './collection-page.ts';
import { escapeText, plainSummary, SITE_NAME } from './page.ts';

/** Entries per feed: the newest published practices. */
export const FEED_SIZE = 20;

/** What a feed's query string narrows it to: a topic, a place (a current province with its predecessors), or both. */
interface FeedScope {
  topic: TopicDoc | null;
  place: PlaceDoc | null;
  /** The scope's own query string ("?topic=…&place=…", or empty): one made for the feed's links. */
  asked: string;
  /** The topic's and the place's names, for the feed's title. */
  names: string;
}

/** The topic and place a feed's query names; null when either names none (the feed answers 404). */
async function feedScope(query: URLSearchParams): Promise<FeedScope | null> {
  const topicSlug = query.get('topic');
  const placeCode = query.get('place');
  const [topic, place] = await Promise.all([topicSlug === null ? null : findTopic(topicSlug.slice(0, 200)), placeCode === null ? null : findPlace(placeCode.slice(0, 200))]);
  if ((topicSlug !== null && !topic) || (placeCode !== null && !place)) return null;
  const asked = topic || place ? `?${new URLSearchParams({ ...(topic ? { topic: topic._id } : {}), ...(place ? { place: place._id } : {}) })}` : '';
  return { topic, place, asked, names: [topic?.name, place?.name].filter(Boolean).join(', ') };
}

/**
 * The Atom feed of newly published practices, overall or of one topic or place (a current
 * province also carries its predecessors' practices, as the list filter does); null when the
 * topic or place is unknown.
 */
export async function practicesFeed(origin: string, query: URLSearchParams): Promise<string | null> {
  const scope = await feedScope(query);
  if (!scope) return null;
  const { topic, place, asked } = scope;
  const filter: PracticeFilter = { topic: topic?._id ?? null, place: place?._id ?? null };
  const practices = (await listPractices(filter, { first: FEED_SIZE })).edges.map((edge) => edge.node);
  const authors = new Map((await expertsByIds([...new Set(practices.flatMap((p) => p.authors.map(String)))])).map((e) => [String(e._id), e.name]));

  const feed = atomFeed({
    self: `${origin}/feeds/practices.atom${asked}`,
    title: `Cách làm hay mới công bố${scope.names ? `: ${scope.names}` : ''} | ${SITE_NAME}`,
    link: `${origin}/practices${asked}`,
    origin,
    changes: practices.map((p) => publicTextDate(p) ?? p.updatedAt),
  });
  for (const practice of practices) {
    const link = origin + practicePath(String(practice._id));
    const names = practice.authors.map((id) => authors.get(String(id))).filter((name): name is string => Boolean(name));
    feed.addItem({
      id: link,
      link,
      // The feed marks titles and summaries as HTML: escaped, they read as the plain text they are.
      title: escapeText(practice.title),
      description: escapeText(plainSummary(practice.summary || practice.title, 500)),
      // When readers last saw it change: an edit still waiting for a curator moves updatedAt, not this.
      date: publicTextDate(practice) ?? practice.updatedAt,
      published: practice.publishedAt ?? practice.updatedAt,
      author: (names.length ? names : [SITE_NAME]).map((name) => ({ name })),
    });
  }
  return feed.atom1();
}

/**
 * The Atom feed of published collections, the newest first (as the API lists them), overall or
 * of those about one topic or naming one place among theirs; null when the topic or place is unknown.
 */
export async function collectionsFeed(origin: string, query: URLSearchParams): Promise<string | null> {
  const scope = await feedScope(query);
  if (!scope) return null;
  const collections = await publishedCollections(FEED_SIZE, { topic: scope.topic?._id, place: scope.place?._id });
  const feed = atomFeed({
    self: `${origin}/feeds/collections.atom${scope.asked}`,
    title: `${COLLECTION_TITLE_SUFFIX}${scope.names ? `: ${scope.names}` : ''} | ${SITE_NAME}`,
    link: `${origin}/collections`,
    origin,
    changes: collections.map((c) => c.updatedAt),
  });
  for (const collection of collections) {
    const link = origin + collectionPath(collection.slug);
    feed.addItem({
      id: link,
      link,
      // Marked as HTML, like the practices' feed: escaped, they read as the plain text they are.
      title: escapeText([collection.title, collection.edition].filter(Boolean).join(' — ')),
      description: escapeText(introText(collection.introHtml, 500) || collection.title),
      date: collection.updatedAt,
      published: collection.publishedAt ?? collection.updatedAt,
      author: [{ name: SITE_NAME }],
    });
  }
  return feed.atom1();
}

/** An Atom feed of the site, at `self`, of entries last changed at `changes` (its time: the latest of them). */
function atomFeed(options: { self: string; title: string; link: string; origin: string; changes: readonly Date[] }): Feed {
  const latest = options.changes.reduce<Date | null>((newest, change) => (!newest || change > newest ? change : newest), null);
  return new Feed({
    id: options.self,
    title: options.title,
    link: options.link,
    feedLinks: { atom: options.self },
    language: 'vi',
    updated: latest ?? new Date(0),
    author: { name: SITE_NAME, link: options.origin },
    generator: false,
    copyright: SITE_NAME,
  });
}
