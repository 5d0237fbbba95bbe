import { action, json, query, revalidate } from '@solidjs/router';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.ts';
import { invalid, mutate, textOf, type FormInput, type Outcome } from '../../lib/form.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { request } from '../../lib/graphql-client.ts';
import { prefetch } from '../../lib/prefetch.ts';
import { canCurate, getViewer } from '../account/account.api.ts';
import { getAuditLog } from '../audit/audit.api.ts';
import { getMyPractices, getPractices, getPracticesToReview } from '../practice/practice-list.api.ts';
import { getPractice, getPracticeDraft } from '../practice/practice-record.api.ts';
import { practiceIdOf } from './review-address.ts';
import { PRACTICE_LIMITS, REVIEW_LIMITS } from '../../../../schema/field-limits.ts';

/* The review desk: its figures and queue, a practice's review, and the curators' steps. */

/** The keys of an object literal, in the order written: with `Record<Enum, true>` tsc proves the list is the schema's enum, whole. */
const inOrder = <K extends string>(keys: Record<K, true>) => Object.keys(keys) as K[];

export type ReviewCheck = NonNullable<PracticeReview['reviewClaim']>['checklist'][number];
export const REVIEW_CHECKS = inOrder<ReviewCheck>({ PROBLEM_STATED: true, FIGURES_IN_RESULTS: true, LESSONS: true, CONTACT: true });
/** The sections in the order a practice shows them. */
export type ReviewSection = ReviewComment['section'];
export const REVIEW_SECTIONS = inOrder<ReviewSection>({ GENERAL: true, TITLE: true, SUMMARY: true, PROBLEM: true, SOLUTION: true, RESULTS: true, LESSONS: true, CLASSIFICATION: true, LINKS: true });
export type ClaimFilter = NonNullable<NonNullable<VariablesOf<typeof ReviewQueueQuery>['filter']>['claim']>;
export const CLAIM_FILTERS = inOrder<ClaimFilter>({ ANY: true, UNCLAIMED: true, MINE: true, OTHERS: true });

/* ---------- The desk: /staff/practices ---------- */

const ReviewDeskQuery = graphql(`
  query ReviewDesk {
    reviewDesk { waiting unclaimed claimedByViewer returned editsWaiting decisionsCounted medianDecisionHours }
  }
`);

export type ReviewDesk = ResultOf<typeof ReviewDeskQuery>['reviewDesk'];

/** The desk's figures (curators and admins). */
export const getReviewDesk = query(async (): Promise<ReviewDesk> => (await request(ReviewDeskQuery)).reviewDesk, 'reviewDesk');

export const REVIEW_PAGE_SIZE = 20;

const ReviewQueueQuery = graphql(`
  query ReviewQueue($first: Int!, $after: String, $filter: ReviewQueueFilter) {
    practicesToReview(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          title
          summary
          submittedAt
          stage
          year
          organization { name }
          place { name }
          topics { slug name nameEn }
          authors { id handle name }
          reviewClaim { claimedAt curator { id handle name } }
          pendingEdit { submittedAt }
        }
      }
    }
  }
`);

export type ReviewQueuePage = ResultOf<typeof ReviewQueueQuery>['practicesToReview'];
export type QueuedPractice = ReviewQueuePage['edges'][number]['node'];

/** What the desk's queue is filtered by, as its address holds it. */
export interface ReviewQueueFilter {
  /** New submissions, or edits of published practices. */
  kind: 'NEW' | 'EDIT';
  claim: ClaimFilter;
  topic: string | undefined;
  place: string | undefined;
}

/** Submitted practices, oldest first, by claim, topic and place. */
export const getReviewQueue = query(async (filter: ReviewQueueFilter, after: string | null): Promise<ReviewQueuePage> => {
  const variables = { first: REVIEW_PAGE_SIZE, after, filter: { kind: filter.kind, claim: filter.claim, topic: filter.topic ?? null, place: filter.place ?? null } };
  return (await request(ReviewQueueQuery, variables)).practicesToReview;
}, 'reviewQueue');

/** One value of a query parameter (the first when repeated), trimmed; undefined when empty. */
export const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The queue's filter from the address: an unknown claim value is the whole queue. */
export function reviewQueueFilterOf(query: Record<string, string | string[] | undefined>): ReviewQueueFilter {
  const claim = single(query.claim)?.toUpperCase();
  return { kind: single(query.kind) === 'edit' ? 'EDIT' : 'NEW', claim: CLAIM_FILTERS.find((c) => c === claim) ?? 'ANY', topic: single(query.topic), place: single(query.place) };
}

export function preloadReviewDesk(search: Record<string, string | string[] | undefined>) {
  prefetch(
    getViewer().then((viewer) => {
      if (!canCurate(viewer?.role)) return;
      prefetch(getReviewDesk());
      prefetch(getReviewQueue(reviewQueueFilterOf(search), null));
    }),
  );
}

/* ---------- One practice's review, on its page ---------- */

const PracticeReviewQuery = graphql(`
  query PracticeReview($id: ID!) {
    practice(id: $id) {
      id
      status
      duplicateOf { id title }
      reviewClaim { claimedAt checklist curator { id handle name } }
      reviewComments { id section body createdAt author { id handle name } }
      reviewHistory { id kind reason checklist from to createdAt actor { id handle name } duplicateOf { id title } }
    }
  }
`);

export type PracticeReview = ResultOf<typeof PracticeReviewQuery>['practice'];
export type ReviewEvent = NonNullable<PracticeReview['reviewHistory']>[number];
export type ReviewComment = NonNullable<PracticeReview['reviewComments']>[number];

/** The claim, comments and history of a practice (null for a reader who may not see them). */
export const getPracticeReview = query(async (id: string): Promise<PracticeReview> => (await request(PracticeReviewQuery, { id })).practice, 'practiceReview');

/* ---------- The curators' steps ---------- */

const ClaimPracticeMutation = graphql(
  `
  mutation ClaimPractice($input: ClaimPracticeInput!) {
    claimPractice(input: $input) { __typename ... on ClaimPracticePayload { practice { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const ReleasePracticeMutation = graphql(
  `
  mutation ReleasePractice($input: ReleasePracticeInput!) {
    releasePractice(input: $input) { __typename ... on ReleasePracticePayload { practice { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const SetChecklistMutation = graphql(
  `
  mutation SetReviewChecklist($input: SetReviewChecklistInput!) {
    setReviewChecklist(input: $input) { __typename ... on SetReviewChecklistPayload { practice { id reviewClaim { checklist } } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const AddCommentMutation = graphql(
  `
  mutation AddReviewComment($input: AddReviewCommentInput!) {
    addReviewComment(input: $input) { __typename ... on AddReviewCommentPayload { comment { id } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const PublishMutation = graphql(
  `
  mutation PublishPractice($input: PublishPracticeInput!) {
    publishPractice(input: $input) { __typename ... on PublishPracticePayload { practice { id status } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const ReturnMutation = graphql(
  `
  mutation ReturnPractice($input: ReturnPracticeInput!) {
    returnPractice(input: $input) { __typename ... on ReturnPracticePayload { practice { id status } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const DuplicateMutation = graphql(
  `
  mutation MarkPracticeDuplicate($input: MarkPracticeDuplicateInput!) {
    markPracticeDuplicate(input: $input) { __typename ... on MarkPracticeDuplicatePayload { practice { id status } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const UnpublishMutation = graphql(
  `
  mutation UnpublishPractice($input: UnpublishPracticeInput!) {
    unpublishPractice(input: $input) { __typename ... on UnpublishPracticePayload { practice { id status } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
const CorrectMutation = graphql(
  `
  mutation CorrectPractice($input: CorrectPracticeInput!) {
    correctPractice(input: $input) { __typename ... on CorrectPracticePayload { practice { id status } } ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);

/** What shows a practice's claim: its review, the desk and its queue. */
const claimReaders = () => [getPracticeReview.key, getReviewDesk.key, getReviewQueue.key, getPracticesToReview.key];
/** After a decision, everything that shows the practice's state. */
const decisionReaders = () => [...claimReaders(), getPractice.key, getPractices.key, getMyPractices.key, getPracticeDraft.key, getAuditLog.key];

/**
 * What a step reads again: after success, `readers`; after a CONFLICT only the claim (who holds
 * it now), never the practice itself: the curator is told it changed and reloads it on purpose.
 */
const after = (outcome: Outcome<unknown>, readers: () => string[]) => {
  if (outcome.ok) return readers();
  return outcome.problem.form?.code === 'CONFLICT' ? claimReaders() : [];
};

/** Takes a submitted practice for review, or gives it up (`step` = claim | release). */
export const claimAction = action(async (form: FormInput) => {
  const id = textOf(form, 'id');
  const outcome =
    textOf(form, 'step') === 'release'
      ? await mutate(ReleasePracticeMutation, { input: { id } }, 'releasePractice', 'ReleasePracticePayload')
      : await mutate(ClaimPracticeMutation, { input: { id } }, 'claimPractice', 'ClaimPracticePayload');
  return json(outcome, { revalidate: after(outcome, claimReaders) });
}, 'reviewClaim');

/** Saves the ticked checks of the claim holder's checklist. */
export const checklistAction = action(async (id: string, checks: ReviewCheck[]) => {
  const outcome = await mutate(SetChecklistMutation, { input: { id, checks } }, 'setReviewChecklist', 'SetReviewChecklistPayload');
  return json(outcome, { revalidate: outcome.ok ? [getPracticeReview.key] : after(outcome, claimReaders) });
}, 'reviewChecklist');

/** A comment on one section of a practice under review. */
export const commentAction = action(async (form: FormInput) => {
  const id = textOf(form, 'id');
  const section = textOf(form, 'section') as ReviewSection;
  const body = textOf(form, 'body');
  if (!REVIEW_SECTIONS.includes(section)) return invalid({ section: 'REQUIRED' });
  if (!body) return invalid({ body: 'REQUIRED' });
  if (body.length > REVIEW_LIMITS.comment) return invalid({ body: 'TOO_LONG' });
  const outcome = await mutate(AddCommentMutation, { input: { id, section, body } }, 'addReviewComment', 'AddReviewCommentPayload');
  return json(outcome, { revalidate: outcome.ok ? [getPracticeReview.key] : after(outcome, claimReaders) });
}, 'reviewComment');

export type Decision = 'publish' | 'return' | 'duplicate' | 'unpublish' | 'correct';

/**
 * A curator's decision, from the practice's page. Each carries `baseUpdatedAt`, the `updatedAt`
 * the page loaded: the API answers CONFLICT, and does nothing, when the practice changed since.
 */
export const decisionAction = action(async (form: FormInput) => {
  const id = textOf(form, 'id');
  const baseUpdatedAt = textOf(form, 'baseUpdatedAt') || null;
  const reason = textOf(form, 'reason');
  const decision = textOf(form, 'decision') as Decision;
  const needsReason = decision !== 'publish';
  const [reasonMin, reasonMax] = decision === 'return' ? [PRACTICE_LIMITS.returnReasonMin, PRACTICE_LIMITS.returnReason] : [REVIEW_LIMITS.reasonMin, REVIEW_LIMITS.reason];
  if (needsReason && reason.length < reasonMin) return invalid({ reason: 'REQUIRED' });
  if (needsReason && reason.length > reasonMax) return invalid({ reason: 'TOO_LONG' });

  let outcome: Outcome<unknown>;
  switch (decision) {
    case 'publish':
      outcome = await mutate(PublishMutation, { input: { id, baseUpdatedAt } }, 'publishPractice', 'PublishPracticePayload');
      break;
    case 'return':
      outcome = await mutate(ReturnMutation, { input: { id, reason, baseUpdatedAt } }, 'returnPractice', 'ReturnPracticePayload');
      break;
    case 'duplicate': {
      const duplicateOf = practiceIdOf(textOf(form, 'duplicateOf'));
      if (!duplicateOf) return invalid({ duplicateOf: 'INVALID' });
      outcome = await mutate(DuplicateMutation, { input: { id, duplicateOf, reason, baseUpdatedAt } }, 'markPracticeDuplicate', 'MarkPracticeDuplicatePayload');
      break;
    }
    case 'unpublish':
      outcome = await mutate(UnpublishMutation, { input: { id, reason, baseUpdatedAt } }, 'unpublishPractice', 'UnpublishPracticePayload');
      break;
    case 'correct': {
      const topics = form.getAll('topics').map(String);
      if (!topics.length) return invalid({ topics: 'REQUIRED' });
      const place = textOf(form, 'place') || null;
      outcome = await mutate(CorrectMutation, { input: { id, topics, place, reason, baseUpdatedAt } }, 'correctPractice', 'CorrectPracticePayload');
      break;
    }
    default:
      return invalid({ decision: 'REQUIRED' });
  }
  return json(outcome, { revalidate: after(outcome, decisionReaders) });
}, 'reviewDecision');

/** Reads the practice and its review again: the way out of a CONFLICT, taken by the curator. */
export const reloadPractice = (id: string) => revalidate([getPractice.keyFor(id), getPracticeReview.keyFor(id), getReviewDesk.key]);
