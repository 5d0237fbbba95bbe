import { action, json, query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mutate, type Outcome } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';
import { getThreads } from '../discussion/thread-list.api.ts';
import { getThread } from '../discussion/thread.api.ts';
import { getPractice } from '../practice/practice-record.api.ts';

/* Flags (members) and what moderators do about them: the queue, hide, restore, dismiss, lock, move. */

export type FlagReason = 'SPAM' | 'OFF_TOPIC' | 'WRONG_INFORMATION' | 'PERSONAL_DATA' | 'OTHER';
export const FLAG_REASONS: readonly FlagReason[] = ['SPAM', 'OFF_TOPIC', 'WRONG_INFORMATION', 'PERSONAL_DATA', 'OTHER'];

/** What is flagged or moderated: exactly one of these, as the API takes it. */
export type Target = { practiceId: string } | { threadId: string } | { replyId: string };
export type TargetKind = 'PRACTICE' | 'THREAD' | 'REPLY';
export const kindOf = (target: Target): TargetKind => ('practiceId' in target ? 'PRACTICE' : 'threadId' in target ? 'THREAD' : 'REPLY');

const FlagContentMutation = graphql(
  `
  mutation FlagContent($input: FlagContentInput!) {
    flagContent(input: $input) {
      __typename
      ... on FlagContentPayload { counted }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Flags something; `counted` false when the viewer had flagged it already (it counts once). */
export const flagAction = action(async (target: Target, reason: FlagReason, note: string) => {
  const outcome = await mutate(FlagContentMutation, { input: { ...target, reason, note } }, 'flagContent', 'FlagContentPayload');
  return json(outcome, { revalidate: [] });
}, 'flagContent');

const QueueItemFields = graphql(`
  fragment QueueItemFields on FlaggedItem {
    id
    kind
    hidden
    awaitingApproval
    flaggerCount
    firstFlaggedAt
    lastFlaggedAt
    reasonCounts { reason count }
    flags { note flagger { name } }
    practice { id title }
    thread { id title bodyHtml createdAt author { name } }
    reply { id bodyHtml createdAt author { name } }
    decidedBy { name }
    decidedAt
    decisionReason
  }
`);

const FlagQueueQuery = graphql(
  `
  query FlagQueue($state: FlagQueueState!, $after: String) {
    openFlagCount
    flagQueue(state: $state, first: 10, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { ...QueueItemFields } }
    }
  }
`,
  [QueueItemFields],
);

export type QueueItem = ResultOf<typeof QueueItemFields>;
export type QueueState = 'OPEN' | 'AWAITING' | 'HIDDEN';

/** A page of the queue, and how many items wait in all. */
export const getFlagQueue = query(async (state: QueueState, after: string | null) => {
  const data = await request(FlagQueueQuery, { state, after });
  return { openCount: data.openFlagCount, pageInfo: data.flagQueue.pageInfo, items: data.flagQueue.edges.map((edge) => edge.node as unknown as QueueItem) };
}, 'flagQueue');

const WaitingCountQuery = graphql(`
  query ModerationWaitingCount { openFlagCount awaitingApprovalCount }
`);

/** How many items wait for a moderator (flagged, or new members' posts to approve), for the staff tab. */
export const getOpenFlagCount = query(async () => {
  const data = await request(WaitingCountQuery, {});
  return data.openFlagCount + data.awaitingApprovalCount;
}, 'openFlagCount');

const HideContentMutation = graphql(
  `
  mutation HideContent($input: HideContentInput!) {
    hideContent(input: $input) { __typename ... on HideContentPayload { item { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const RestoreContentMutation = graphql(
  `
  mutation RestoreContent($input: RestoreContentInput!) {
    restoreContent(input: $input) { __typename ... on RestoreContentPayload { item { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const ApprovePostMutation = graphql(
  `
  mutation ApprovePost($input: ApprovePostInput!) {
    approvePost(input: $input) { __typename ... on ApprovePostPayload { item { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const RejectPostMutation = graphql(
  `
  mutation RejectPost($input: RejectPostInput!) {
    rejectPost(input: $input) { __typename ... on RejectPostPayload { item { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const DismissFlagsMutation = graphql(
  `
  mutation DismissFlags($input: DismissFlagsInput!) {
    dismissFlags(input: $input) { __typename ... on DismissFlagsPayload { item { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

/** What reads again after a decision: the queue, the item's page, the lists it leaves or joins. */
function afterDecision(target: Target, threadId: string | null) {
  const keys = [getFlagQueue.key, getOpenFlagCount.key, getThreads.key];
  if ('practiceId' in target) keys.push(getPractice.keyFor(target.practiceId));
  const thread = 'threadId' in target ? target.threadId : threadId;
  if (thread) keys.push(getThread.keyFor(thread));
  return keys;
}

export type Decision = 'hide' | 'restore' | 'dismiss' | 'approve' | 'reject';

/** A new member's post: a thread or a reply (practices are reviewed on the desk instead). */
type PostTarget = { threadId: string } | { replyId: string };

/** A moderator's decision on an item, with the reason kept in the audit log. `threadId`: the thread a reply is in, to read it again. */
export const decideAction = action(async (decision: Decision, target: Target, reason: string, threadId: string | null = null) => {
  const input = { ...target, reason };
  const post = target as PostTarget;
  const outcome: Outcome<unknown> =
    decision === 'hide'
      ? await mutate(HideContentMutation, { input }, 'hideContent', 'HideContentPayload')
      : decision === 'restore'
        ? await mutate(RestoreContentMutation, { input }, 'restoreContent', 'RestoreContentPayload')
        : decision === 'approve'
          ? await mutate(ApprovePostMutation, { input: post }, 'approvePost', 'ApprovePostPayload')
          : decision === 'reject'
            ? await mutate(RejectPostMutation, { input: { ...post, reason } }, 'rejectPost', 'RejectPostPayload')
            : await mutate(DismissFlagsMutation, { input }, 'dismissFlags', 'DismissFlagsPayload');
  return json(outcome, { revalidate: outcome.ok || outcome.problem.form?.code === 'CONFLICT' ? afterDecision(target, threadId) : [] });
}, 'moderationDecision');

const LockWithReasonMutation = graphql(
  `
  mutation LockThreadWithReason($input: LockThreadInput!) {
    lockThread(input: $input) { __typename ... on LockThreadPayload { thread { id locked } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const MoveThreadMutation = graphql(
  `
  mutation MoveThread($input: MoveThreadInput!) {
    moveThread(input: $input) { __typename ... on MoveThreadPayload { thread { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

export const lockWithReasonAction = action(async (threadId: string, locked: boolean, reason: string) => {
  const outcome = await mutate(LockWithReasonMutation, { input: { threadId, locked, reason } }, 'lockThread', 'LockThreadPayload');
  return json(outcome, { revalidate: outcome.ok ? [getThread.keyFor(threadId)] : [] });
}, 'lockThreadWithReason');

export const moveThreadAction = action(async (threadId: string, topics: string[], reason: string) => {
  const outcome = await mutate(MoveThreadMutation, { input: { threadId, topics, reason } }, 'moveThread', 'MoveThreadPayload');
  return json(outcome, { revalidate: outcome.ok ? [getThread.keyFor(threadId), getThreads.key] : [] });
}, 'moveThread');
