import { action, json, query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { invalid, mutate, textOf, type FormInput } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';
import { getViewer } from '../account/account.api.ts';
import { getAuditLog } from '../audit/audit.api.ts';
import { getExpert, getExpertDirectory } from '../expert/expert.api.ts';
import { VERIFICATION_LIMITS } from '../../../../schema/field-limits.ts';

const OwnVerificationQuery = graphql(`
  query OwnVerification {
    viewer {
      id
      verified
      verifiedAt
      verificationRequests {
        id
        status
        statement
        reason
        createdAt
        decidedAt
        cohort { slug name nameEn year }
      }
    }
  }
`);

export type OwnVerification = NonNullable<ResultOf<typeof OwnVerificationQuery>['viewer']>;
export type VerificationStatus = 'PENDING' | 'APPROVED' | 'DECLINED';

/** The viewer's badge and their requests for it, newest first; null when signed out. */
export const getOwnVerification = query(async (): Promise<OwnVerification | null> => (await request(OwnVerificationQuery)).viewer, 'ownVerification');

const RequestVerificationMutation = graphql(
  `
  mutation RequestVerification($input: RequestVerificationInput!) {
    requestVerification(input: $input) {
      __typename
      ... on RequestVerificationPayload { request { id status } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export const { statementMin: STATEMENT_MIN, statement: STATEMENT_MAX } = VERIFICATION_LIMITS;

export const requestVerificationAction = action(async (form: FormInput) => {
  const statement = String(form.get('statement') ?? '').trim();
  const cohort = textOf(form, 'cohort') || null;
  if (!statement) return invalid({ statement: 'REQUIRED' });
  if (statement.length < STATEMENT_MIN) return invalid({ statement: 'TOO_SHORT' });
  if (statement.length > STATEMENT_MAX) return invalid({ statement: 'TOO_LONG' });
  const outcome = await mutate(RequestVerificationMutation, { input: { statement, cohort } }, 'requestVerification', 'RequestVerificationPayload');
  // A conflict means the page is out of date (a request already waiting, or already verified).
  const stale = !outcome.ok && outcome.problem.form?.code === 'CONFLICT';
  return json(outcome, { revalidate: outcome.ok || stale ? [getOwnVerification.key] : [] });
}, 'requestVerification');

export const QUEUE_PAGE_SIZE = 20;

const VerificationQueueQuery = graphql(`
  query VerificationQueue($status: VerificationStatus!, $first: Int!, $after: String) {
    verificationRequests(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          status
          statement
          reason
          createdAt
          decidedAt
          cohort { slug name nameEn year }
          expert {
            id
            handle
            name
            position
            avatarUrl
            organization { name }
            place { name }
          }
          decidedBy { handle name }
        }
      }
    }
  }
`);

export type QueuePage = ResultOf<typeof VerificationQueueQuery>['verificationRequests'];
export type QueuedRequest = QueuePage['edges'][number]['node'];

/** One page of the curators' queue in a status, oldest first. */
export const getVerificationQueue = query(
  async (status: VerificationStatus, after: string | null): Promise<QueuePage> => (await request(VerificationQueueQuery, { status, first: QUEUE_PAGE_SIZE, after })).verificationRequests,
  'verificationQueue',
);

const DecideVerificationMutation = graphql(
  `
  mutation DecideVerification($input: DecideVerificationInput!) {
    decideVerification(input: $input) {
      __typename
      ... on DecideVerificationPayload { request { id status expert { id name } } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/**
 * Approves or declines one request: the submit button says which (`decision`), a decline needs
 * a reason. The queue hides the request while this runs (see the queue page).
 */
export const decideVerificationAction = action(async (form: FormInput) => {
  const requestId = textOf(form, 'requestId');
  const approve = textOf(form, 'decision') === 'approve';
  const reason = String(form.get('reason') ?? '').trim();
  if (!approve && reason.length < VERIFICATION_LIMITS.declineReasonMin) return invalid({ reason: 'REQUIRED' });
  const outcome = await mutate(DecideVerificationMutation, { input: { requestId, approve, reason: approve ? null : reason } }, 'decideVerification', 'DecideVerificationPayload');
  const stale = !outcome.ok && ['CONFLICT', 'NOT_FOUND'].includes(outcome.problem.form?.code ?? '');
  return json(outcome, {
    revalidate: outcome.ok || stale ? [getVerificationQueue.key, getAuditLog.key, getExpert.key, getExpertDirectory.key, getViewer.key] : [],
  });
}, 'decideVerification');
