import { action, json } from '@solidjs/router';
import { graphql } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mutate, type Outcome } from '../../lib/form.ts';
import { getThreads } from './thread-list.api.ts';
import type { ThreadKind } from './thread-params.ts';
import { getPracticeDiscussion, getThread } from './thread.api.ts';

/* What changes a discussion: threads, replies, votes, the accepted answer, the lock. */

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
/** Starts a thread; `group` (a slug) starts it in one of the working group's groups. */
export const createThreadAction = action(async (kind: ThreadKind, fields: ThreadFields, group: string | null = null) => {
  const outcome = await mutate(CreateThreadMutation, { input: { kind, ...fields, group } }, 'createThread', 'CreateThreadPayload');
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

const VoteForQuestionMutation = graphql(
  `
  mutation VoteForQuestion($input: VoteForQuestionInput!) {
    voteForQuestion(input: $input) {
      __typename
      ... on VoteForQuestionPayload { thread { id voteCount viewerVoted } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const WithdrawQuestionVoteMutation = graphql(
  `
  mutation WithdrawQuestionVote($input: WithdrawQuestionVoteInput!) {
    withdrawQuestionVote(input: $input) {
      __typename
      ... on WithdrawQuestionVotePayload { thread { id voteCount viewerVoted } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

const UnacceptAnswerMutation = graphql(
  `
  mutation UnacceptAnswer($input: UnacceptAnswerInput!) {
    unacceptAnswer(input: $input) {
      __typename
      ... on UnacceptAnswerPayload { thread { id } }
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

/** Votes for a question, or takes the vote back; like an answer's vote, nothing reloads. */
export const questionVoteAction = action(async (threadId: string, up: boolean) => {
  const outcome: Outcome<unknown> = up
    ? await mutate(VoteForQuestionMutation, { input: { threadId } }, 'voteForQuestion', 'VoteForQuestionPayload')
    : await mutate(WithdrawQuestionVoteMutation, { input: { threadId } }, 'withdrawQuestionVote', 'WithdrawQuestionVotePayload');
  return json(outcome, { revalidate: [] });
}, 'voteForQuestion');

export const acceptAnswerAction = action(async (threadId: string, replyId: string) => {
  const outcome = await mutate(AcceptAnswerMutation, { input: { replyId } }, 'acceptAnswer', 'AcceptAnswerPayload');
  return json(outcome, { revalidate: afterWrite(threadId, outcome) });
}, 'acceptAnswer');

/** Takes the acceptance back: the question has no accepted answer again. */
export const unacceptAnswerAction = action(async (threadId: string, replyId: string) => {
  const outcome = await mutate(UnacceptAnswerMutation, { input: { replyId } }, 'unacceptAnswer', 'UnacceptAnswerPayload');
  return json(outcome, { revalidate: afterWrite(threadId, outcome) });
}, 'unacceptAnswer');

export const lockThreadAction = action(async (threadId: string, locked: boolean) => {
  const outcome = await mutate(LockThreadMutation, { input: { threadId, locked } }, 'lockThread', 'LockThreadPayload');
  return json(outcome, { revalidate: afterWrite(threadId, outcome) });
}, 'lockThread');
