// The pages measured: each is the GraphQL requests the web app sends to show it, grouped in
// steps (the requests of a step go out together, as the route's preload sends them; a step
// waits for the one before, as "more replies" waits for the previous page's cursor).
import { document } from './documents.ts';

export interface GraphQLRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

export interface Page {
  key: string;
  label: string;
  /** Sent as a signed-in member (the page needs it, or a member sees more on it). */
  member: boolean;
  /** A list whose cost must not grow with the data (scale 4 / scale 1 ≤ 1.5). */
  list: boolean;
  steps: GraphQLRequest[][];
}

export const request = (operationName: string, variables: Record<string, unknown>): GraphQLRequest => ({ operationName, query: document(operationName), variables });

/** What the pages read that depends on the data: ids in the API's form. */
export interface Fixtures {
  practiceId: string;
  /** A demo thread with 20 replies. */
  shortThreadId: string;
  /** The bench's thread with 200 replies. */
  longThreadId: string;
}

/** The API's opaque ids (schema/builder.ts encodes them so). */
export const globalId = (type: string, id: unknown) => Buffer.from(`${type}:${String(id)}`).toString('base64url');

/** The directory filter measured: a merged province (its predecessors' records count too) and a topic. */
export const DIRECTORY_FILTER = { place: 'ho-chi-minh', specialty: 'do-thi-thong-minh' };
export const SEARCH_TEXT = 'chuyen doi so';
/** The web app's page sizes (web/src/features/*): lists of 20, follow updates 10, replies 50. */
const LIST = 20;
const UPDATES = 10;
const REPLIES = 50;

type Ask = (request: GraphQLRequest, member: boolean) => Promise<any>;

/**
 * The pages, with the cursors of "more replies" found by reading the thread once (the same
 * cursors the browser would send).
 */
export async function planPages(fixtures: Fixtures, ask: Ask): Promise<Page[]> {
  const thread = request('Thread', { id: fixtures.longThreadId, first: REPLIES });
  const more: GraphQLRequest[][] = [];
  let pageInfo = (await ask(thread, true)).thread.replies.pageInfo;
  while (pageInfo.hasNextPage) {
    const next = request('MoreReplies', { id: fixtures.longThreadId, first: REPLIES, after: pageInfo.endCursor });
    more.push([next]);
    pageInfo = (await ask(next, true)).thread.replies.pageInfo;
  }
  const page = (key: string, label: string, member: boolean, list: boolean, ...steps: GraphQLRequest[][]): Page => ({ key, label, member, list, steps });
  return [
    page('directory', 'directory', false, true, [request('ExpertDirectory', { filter: {}, first: LIST })]),
    page('directory-filtered', 'directory, place and specialty', false, true, [request('ExpertDirectory', { filter: DIRECTORY_FILTER, first: LIST })]),
    page('practices', 'practice list', false, true, [request('PracticeList', { filter: {}, first: LIST })]),
    page('practice', 'practice page', false, false, [request('Practice', { id: fixtures.practiceId })]),
    page('threads', 'thread list', true, true, [request('ThreadList', { filter: {}, first: LIST })]),
    page('thread-20', 'thread, 20 replies', true, false, [request('Thread', { id: fixtures.shortThreadId, first: REPLIES })]),
    page('thread-200', 'thread, 200 replies', true, false, [thread], ...more),
    page('home', 'home feed', true, true, [request('HomePractices', { featured: 3, latest: 9 }), request('HomeThreads', { first: 5 })]),
    page('follow-updates', 'follow updates', true, true, [request('FollowUpdates', { first: UPDATES, after: null })]),
    page('search', `search "${SEARCH_TEXT}"`, true, true, [request('Search', { query: SEARCH_TEXT, filter: {}, first: LIST })]),
  ];
}

/** Each list at page sizes 10 and 50: the database commands must be the same. */
export function pageSizePairs(fixtures: Fixtures): { label: string; member: boolean; at: (first: number) => GraphQLRequest }[] {
  return [
    { label: 'directory', member: false, at: (first) => request('ExpertDirectory', { filter: {}, first }) },
    { label: 'directory, place and specialty', member: false, at: (first) => request('ExpertDirectory', { filter: DIRECTORY_FILTER, first }) },
    { label: 'practice list', member: false, at: (first) => request('PracticeList', { filter: {}, first }) },
    { label: 'thread list', member: true, at: (first) => request('ThreadList', { filter: {}, first }) },
    { label: 'unanswered questions', member: true, at: (first) => request('ThreadList', { filter: { unanswered: true }, first }) },
    { label: 'thread replies', member: true, at: (first) => request('Thread', { id: fixtures.longThreadId, first }) },
    { label: 'follow updates', member: true, at: (first) => request('FollowUpdates', { first, after: null }) },
    { label: 'search', member: true, at: (first) => request('Search', { query: SEARCH_TEXT, filter: {}, first }) },
  ];
}

/** Posting a reply, as the thread page sends it. */
export const replyRequest = (threadId: string, body: string) => request('ReplyToThread', { input: { threadId, parentId: null, body } });
