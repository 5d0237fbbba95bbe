import { action, json, query, type RoutePreloadFuncArgs, type SearchParams } from '@solidjs/router';
import { graphql, readFragment, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mutate, type Outcome } from '../../lib/form.ts';
import { isMissing, orNull, request } from '../../lib/graphql-client.ts';
import { pageArgs, readListParams, single } from '../../lib/list-params.ts';
import { getViewer } from '../account/account.api.ts';
import { getPlaces } from '../place/place.api.ts';
import { getTopics } from '../topic/topic.api.ts';
import { prefetch } from '../../lib/prefetch.ts';
import { PAGE_SIZE_MAX, SEARCH_LIMITS } from '../../../../schema/field-limits.ts';

/* ---------- Shared vocabulary ---------- */

export const THREAD_PAGE_SIZE = 20;
/** Replies are read in pages of the API's maximum, up to this many pages (1,000 replies). */
const REPLY_PAGE_SIZE = PAGE_SIZE_MAX;
const MAX_REPLY_PAGES = 20;

/** The API's limits, so the forms can say them (one definition for both). */
export { THREAD_LIMITS } from '../../../../schema/field-limits.ts';

export type ThreadKind = 'DISCUSSION' | 'QUESTION';

export { newThreadHref, threadHref } from './discussion-links.ts';

/* ---------- The list: /threads ---------- */

const ThreadListQuery = graphql(`
  query ThreadList($filter: ThreadFilter, $first: Int, $after: String, $last: Int, $before: String) {
    threads(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        node {
          id
          kind
          title
          locked
          replyCount
          lastActivityAt
          acceptedAnswer { id }
          author { handle name }
          topics { slug name nameEn }
          place { code name }
          practice { id title }
        }
      }
    }
  }
`);

export type ThreadPage = ResultOf<typeof ThreadListQuery>['threads'];
export type ThreadSummary = ThreadPage['edges'][number]['node'];
type ThreadFilter = NonNullable<VariablesOf<typeof ThreadListQuery>['filter']>;

/** The list's tabs, as written in the URL's `show=`. */
export const THREAD_TABS = ['all', 'discussions', 'questions', 'unanswered'] as const;
export type ThreadTab = (typeof THREAD_TABS)[number];

/** What the list shows, as carried by its URL: `?show=&topic=&place=&q=`, and `after=`/`before=`. */
export interface ThreadListParams {
  show?: ThreadTab;
  topic?: string;
  place?: string;
  q?: string;
  after?: string;
  before?: string;
}

export const THREAD_FILTER_KEYS = ['topic', 'place', 'q'] as const;
export type ThreadFilterKey = (typeof THREAD_FILTER_KEYS)[number];

/** The list's parameters from a URL query; an unknown tab means "all". */
export function threadListParams(search: SearchParams): ThreadListParams {
  const params: ThreadListParams = {};
  const show = single(search.show);
  if (show && show !== 'all' && (THREAD_TABS as readonly string[]).includes(show)) params.show = show as ThreadTab;
  return { ...params, ...readListParams(search, THREAD_FILTER_KEYS) };
}

export const hasThreadFilters = (params: ThreadListParams) => THREAD_FILTER_KEYS.some((key) => params[key] !== undefined);

/** One page of threads, most recently active first. */
export const getThreads = query(async (params: ThreadListParams): Promise<ThreadPage> => {
  const filter: ThreadFilter = {};
  if (params.show === 'discussions') filter.kind = 'DISCUSSION';
  if (params.show === 'questions') filter.kind = 'QUESTION';
  if (params.show === 'unanswered') filter.unanswered = true;
  if (params.topic) filter.topic = params.topic;
  if (params.place) filter.place = params.place;
  if (params.q) filter.query = params.q.slice(0, SEARCH_LIMITS.text);
  return (await request(ThreadListQuery, { filter, ...pageArgs(params, THREAD_PAGE_SIZE) })).threads;
}, 'threads');

export function preloadThreads({ location }: RoutePreloadFuncArgs) {
  // Read now, while the router is at the new address (see preloadThread). Signed out, the list
  // is refused: the page sends the visitor to sign in instead.
  const params = threadListParams(location.query);
  prefetch(getViewer().then((viewer) => (viewer ? getThreads(params) : undefined)));
  prefetch(getPlaces());
  prefetch(getTopics());
}

export function preloadNewThread({ location }: RoutePreloadFuncArgs) {
  // Touched here so the page reads the new address's `kind` (see preloadThread).
  void location.query.kind;
  prefetch(getViewer());
  prefetch(getPlaces());
  prefetch(getTopics());
}

/* ---------- One thread: /threads/:id ---------- */

const ReplyFields = graphql(`
  fragment ReplyFields on Reply {
    id
    parentId
    depth
    deleted
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
      edited
      history { title bodyHtml editedAt }
      replyCount
      createdAt
      lastActivityAt
      acceptedAnswer { id }
      author { id handle name avatarUrl }
      topics { slug name nameEn }
      place { code name }
      practice { id title }
      viewerFollows
      followerCount
      viewerBookmarked
      viewCount
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

/* ---------- Writes ---------- */

const CreateThreadMutation = graphql(
  `
  mutation CreateThread($input: CreateThreadInput!) {
    createThread(input: $input) {
      __typename
      ... on CreateThreadPayload { thread { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const EditThreadMutation = graphql(
  `
  mutation EditThread($input: EditThreadInput!) {
    editThread(input: $input) {
      __typename
      ... on EditThreadPayload { thread { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export interface ThreadFields {
  title: string;
  body: string;
  topics: string[];
  place: string | null;
}

const listKeys = () => [getThreads.key];

/** Starts a discussion or asks a question; the page then goes to it. */
export const createThreadAction = action(async (kind: ThreadKind, fields: ThreadFields) => {
  const outcome = await mutate(CreateThreadMutation, { input: { kind, ...fields } }, 'createThread', 'CreateThreadPayload');
  return json(outcome, { revalidate: outcome.ok ? listKeys() : [] });
}, 'createThread');

export const editThreadAction = action(async (threadId: string, fields: ThreadFields) => {
  const outcome = await mutate(EditThreadMutation, { input: { threadId, ...fields } }, 'editThread', 'EditThreadPayload');
  return json(outcome, { revalidate: outcome.ok || outcome.problem.form?.code === 'CONFLICT' ? [getThread.keyFor(threadId), ...listKeys()] : [] });
}, 'editThread');

const ReplyToThreadMutation = graphql(
  `
  mutation ReplyToThread($input: ReplyToThreadInput!) {
    replyToThread(input: $input) {
      __typename
      ... on ReplyToThreadPayload { reply { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const EditReplyMutation = graphql(
  `
  mutation EditReply($input: EditReplyInput!) {
    editReply(input: $input) {
      __typename
      ... on EditReplyPayload { reply { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const DeleteReplyMutation = graphql(
  `
  mutation DeleteReply($input: DeleteReplyInput!) {
    deleteReply(input: $input) {
      __typename
      ... on DeleteReplyPayload { reply { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const VoteMutation = graphql(
  `
  mutation VoteForAnswer($input: VoteForAnswerInput!) {
    voteForAnswer(input: $input) {
      __typename
      ... on VoteForAnswerPayload { reply { id voteCount viewerVoted } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const WithdrawVoteMutation = graphql(
  `
  mutation WithdrawVote($input: WithdrawVoteInput!) {
    withdrawVote(input: $input) {
      __typename
      ... on WithdrawVotePayload { reply { id voteCount viewerVoted } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const AcceptAnswerMutation = graphql(
  `
  mutation AcceptAnswer($input: AcceptAnswerInput!) {
    acceptAnswer(input: $input) {
      __typename
      ... on AcceptAnswerPayload { thread { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const LockThreadMutation = graphql(
  `
  mutation LockThread($input: LockThreadInput!) {
    lockThread(input: $input) {
      __typename
      ... on LockThreadPayload { thread { id locked } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const StartPracticeDiscussionMutation = graphql(
  `
  mutation StartPracticeDiscussion($input: StartPracticeDiscussionInput!) {
    startPracticeDiscussion(input: $input) {
      __typename
      ... on StartPracticeDiscussionPayload { thread { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** After a write in a thread (or a failure saying the page is out of date), the thread reads again. */
const afterWrite = (threadId: string, outcome: Outcome<unknown>) =>
  outcome.ok || ['CONFLICT', 'NOT_FOUND'].includes(outcome.problem.form?.code ?? '') ? [getThread.keyFor(threadId), ...listKeys()] : [];

/** Replies to the thread (parentId null) or to one of its replies. */
export const replyAction = action(async (threadId: string, parentId: string | null, body: string) => {
  const outcome = await mutate(ReplyToThreadMutation, { input: { threadId, parentId, body } }, 'replyToThread', 'ReplyToThreadPayload');
  return json(outcome, { revalidate: afterWrite(threadId, outcome) });
}, 'replyToThread');

/**
 * A practice's first comment: finds or starts its discussion, then replies in it. Says the
 * thread's id, so the section can show it.
 */
export const commentOnPracticeAction = action(async (practiceId: string, body: string) => {
  const started = await mutate(StartPracticeDiscussionMutation, { input: { practiceId } }, 'startPracticeDiscussion', 'StartPracticeDiscussionPayload');
  if (!started.ok) return json(started, { revalidate: [] });
  const threadId = started.data.thread.id;
  const outcome = await mutate(ReplyToThreadMutation, { input: { threadId, parentId: null, body } }, 'replyToThread', 'ReplyToThreadPayload');
  return json(outcome, { revalidate: [getPracticeDiscussion.keyFor(practiceId), getThread.keyFor(threadId), ...listKeys()] });
}, 'commentOnPractice');

export const editReplyAction = action(async (threadId: string, replyId: string, body: string) => {
  const outcome = await mutate(EditReplyMutation, { input: { replyId, body } }, 'editReply', 'EditReplyPayload');
  return json(outcome, { revalidate: afterWrite(threadId, outcome) });
}, 'editReply');

export const deleteReplyAction = action(async (threadId: string, replyId: string) => {
  const outcome = await mutate(DeleteReplyMutation, { input: { replyId } }, 'deleteReply', 'DeleteReplyPayload');
  return json(outcome, { revalidate: afterWrite(threadId, outcome) });
}, 'deleteReply');

/**
 * Votes for an answer, or takes the vote back. The page shows the new state at once and puts
 * it back if this fails; on success nothing reloads (the payload carries the count).
 */
export const voteAction = action(async (replyId: string, up: boolean) => {
  const outcome: Outcome<unknown> = up
    ? await mutate(VoteMutation, { input: { replyId } }, 'voteForAnswer', 'VoteForAnswerPayload')
    : await mutate(WithdrawVoteMutation, { input: { replyId } }, 'withdrawVote', 'WithdrawVotePayload');
  return json(outcome, { revalidate: [] });
}, 'voteForAnswer');

export const acceptAnswerAction = action(async (threadId: string, replyId: string) => {
  const outcome = await mutate(AcceptAnswerMutation, { input: { replyId } }, 'acceptAnswer', 'AcceptAnswerPayload');
  return json(outcome, { revalidate: afterWrite(threadId, outcome) });
}, 'acceptAnswer');

export const lockThreadAction = action(async (threadId: string, locked: boolean) => {
  const outcome = await mutate(LockThreadMutation, { input: { threadId, locked } }, 'lockThread', 'LockThreadPayload');
  return json(outcome, { revalidate: afterWrite(threadId, outcome) });
}, 'lockThread');
