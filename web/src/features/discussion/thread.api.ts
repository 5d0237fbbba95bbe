import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { graphql, readFragment, type ResultOf } from '../../graphql.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { prefetch } from '../../lib/prefetch.ts';
import { getViewer } from '../account/account.api.ts';
import { PAGE_SIZE_MAX } from '../../../../schema/field-limits.ts';

/** Replies are read in pages of the API's maximum, up to this many pages (1,000 replies). */
const REPLY_PAGE_SIZE = PAGE_SIZE_MAX;
const MAX_REPLY_PAGES = 20;

/* ---------- One thread: /threads/:id ---------- */

const ReplyFields = graphql(`
  fragment ReplyFields on Reply {
    id
    parentId
    depth
    deleted
    hidden
    pendingApproval
    viewerFlagged
    body
    bodyHtml
    edited
    history { bodyHtml editedAt }
    voteCount
    viewerVoted
    createdAt
    author { id handle name avatarUrl }
  }
`);

const ThreadQuery = graphql(
  `
  query Thread($id: ID!, $first: Int!) {
    thread(id: $id) {
      id
      kind
      title
      body
      bodyHtml
      locked
      hidden
      pendingApproval
      viewerFlagged
      edited
      history { title bodyHtml editedAt }
      replyCount
      voteCount
      viewerVoted
      createdAt
      lastActivityAt
      acceptedAnswer { id }
      author { id handle name avatarUrl }
      topics { slug name nameEn }
      place { code name }
      practice { id title }
      membersOnly
      group { slug name nameEn }
      viewerFollows
      followerCount
      viewerBookmarked
      viewCount
      viewerReading { readAt }
      replies(first: $first) {
        pageInfo { hasNextPage endCursor }
        edges { node { ...ReplyFields } }
      }
    }
  }
`,
  [ReplyFields],
);

const MoreRepliesQuery = graphql(
  `
  query MoreReplies($id: ID!, $first: Int!, $after: String) {
    thread(id: $id) {
      replies(first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { ...ReplyFields } }
      }
    }
  }
`,
  [ReplyFields],
);

type ThreadData = NonNullable<ResultOf<typeof ThreadQuery>['thread']>;
export type Reply = ResultOf<typeof ReplyFields>;
export type Thread = Omit<ThreadData, 'replies'> & { replies: Reply[] };

/**
 * A thread with all its replies in the order written (the page nests them), or null for an id
 * that names no thread (NOT_FOUND, or not an id at all).
 */
export const getThread = query(
  (id: string): Promise<Thread | null> =>
    orNull(async () => {
      // A route in transition can briefly have no id: nothing to load then.
      if (!id) return null;
      const { thread } = await request(ThreadQuery, { id, first: REPLY_PAGE_SIZE });
      const replies: Reply[] = thread.replies.edges.map((edge) => readFragment(ReplyFields, edge.node));
      let pageInfo = thread.replies.pageInfo;
      for (let page = 1; pageInfo.hasNextPage && page < MAX_REPLY_PAGES; page++) {
        const more = (await request(MoreRepliesQuery, { id, first: REPLY_PAGE_SIZE, after: pageInfo.endCursor })).thread.replies;
        replies.push(...more.edges.map((edge) => readFragment(ReplyFields, edge.node)));
        pageInfo = more.pageInfo;
      }
      return { ...thread, replies };
    }, isMissing('id')),
  'thread',
);

export function preloadThread({ params }: RoutePreloadFuncArgs) {
  // Read now, while the router is at the new address. A route parameter first read during the
  // navigation's transition (in the page) was seen stale, as the previous page's: reading it
  // here first is what keeps the page right (observed with @solidjs/router 1.0).
  const id = params.id;
  prefetch(getViewer().then((viewer) => (viewer && id ? getThread(id) : undefined)));
}

const MarkThreadReadMutation = graphql(`
  mutation MarkThreadRead($input: MarkThreadReadInput!) {
    markThreadRead(input: $input) { __typename }
  }
`);

/**
 * Records that the viewer has read the thread as shown. Not an action: nothing on the page
 * changes, only the lists' "new" marks (read again when the lists are next shown).
 */
export async function markThreadRead(threadId: string): Promise<void> {
  await request(MarkThreadReadMutation, { input: { threadId } });
}

/* ---------- A practice's comments ---------- */

const PracticeDiscussionQuery = graphql(`
  query PracticeDiscussion($id: ID!) {
    practice(id: $id) { id discussion { id } }
  }
`);

/** The id of a practice's discussion thread, or null when nobody has commented yet. */
export const getPracticeDiscussion = query(
  async (practiceId: string): Promise<string | null> => (await request(PracticeDiscussionQuery, { id: practiceId })).practice.discussion?.id ?? null,
  'practiceDiscussion',
);

/** Each reply that becomes visible in a thread, as others post it (the page then reads the thread again). */
export const ThreadRepliesSubscription = graphql(`
  subscription ThreadReplies($threadId: ID!) {
    threadReplies(threadId: $threadId) { id }
  }
`);
