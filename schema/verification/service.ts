import { firstOfEach } from '../loading.ts';
import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import { requireCohort } from '../cohort/service.ts';
import { paginate, type PageArgs, type SortKey } from '../connection.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError } from '../errors.ts';
import { markVerified, unverifiedAmong } from '../expert/service.ts';
import { VERIFICATION_LIMITS } from '../field-limits.ts';
import { createOnce } from '../mark.ts';
import { canDecideVerification } from '../moderation/policy.ts';
import { notify } from '../notification/service.ts';
import { objectId, parseInput, slug, text } from '../validation.ts';
import { VerificationRequest, type VerificationRequestDoc, type verificationStatuses } from './model.ts';

export type { VerificationRequestDoc };

/** The verification inputs; the GraphQL inputs are generated from these schemas (schema/input.ts). */
export const requestVerificationInput = z.object({
  statement: text(VERIFICATION_LIMITS.statementMin, VERIFICATION_LIMITS.statement, { multiline: true }).describe(
    `Who you are in the network and how a curator can check it (${VERIFICATION_LIMITS.statementMin} to ${VERIFICATION_LIMITS.statement.toLocaleString('en-US')} characters).`,
  ),
  cohort: slug.nullish().describe('The programme cohort you came through, if any.'),
});

function conflictingRequest(): never {
  throw new ConflictError('A request of yours is already waiting for a curator.');
}

/** A member asks to be recognised as an expert; one open request at a time. */
export async function requestVerification(ctx: Context, input: unknown): Promise<VerificationRequestDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(requestVerificationInput, input);
  if (viewer.verified) throw new ConflictError('You are already recognised as an expert.');
  if (data.cohort)
    await requireCohort(data.cohort, 'cohort').catch(() => {
      throw ValidationError.field('cohort', 'UNKNOWN', 'cohort is not a known cohort');
    });
  // One open request per person: a unique index over pending requests (model.ts).
  const request = await createOnce<VerificationRequestDoc>(VerificationRequest, { expert: viewer.id, statement: data.statement, cohort: data.cohort ?? null });
  return request ?? conflictingRequest();
}

export const decideVerificationInput = z
  .object({ requestId: objectId, approve: z.boolean(), reason: text(0, VERIFICATION_LIMITS.decisionReason, { multiline: true }).default('').describe('Required when declining.') })
  .refine((d) => d.approve || d.reason.length >= VERIFICATION_LIMITS.declineReasonMin, { path: ['reason'], message: 'REQUIRED' });

/** A curator approves (the person becomes a verified expert) or declines with a reason. */
export async function decideVerification(ctx: Context, input: unknown): Promise<VerificationRequestDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(decideVerificationInput, input);
  const request = await VerificationRequest.findById(data.requestId).lean<VerificationRequestDoc>();
  if (!request) throw new NotFoundError('requestId', 'verification request', data.requestId);
  if (!canDecideVerification(viewer, String(request.expert))) throw new NotAuthorizedError();
  if (request.status !== 'pending') throw new ConflictError('This request has already been decided.');
  const subject = String(request.expert);
  // The request first, from pending only, so that of two curators deciding at once one wins;
  // then the person. A crash between leaves an approved request for someone not yet verified,
  // which repairVerifications() finishes.
  const decided = await VerificationRequest.findOneAndUpdate(
    { _id: request._id, status: 'pending' },
    { $set: { status: data.approve ? 'approved' : 'declined', decidedBy: viewer.id, decidedAt: new Date(), reason: data.reason } },
    { returnDocument: 'after' },
  ).lean<VerificationRequestDoc>();
  if (!decided) throw new ConflictError('This request has already been decided.');
  if (data.approve) await markVerified(subject, request.cohort ?? null);
  await record(data.approve ? 'expert.verified' : 'verification.declined', viewer.id, subject, { reason: data.reason, to: request.cohort });
  await notify({
    kind: 'verification_decided',
    actorId: viewer.id,
    recipientIds: [subject],
    target: { type: 'verification', id: String(decided._id) },
    contextId: data.approve ? 'approved' : 'declined',
  });
  return decided;
}

const order: SortKey[] = [
  { field: 'createdAt', kind: 'date' },
  { field: '_id', kind: 'objectId' },
];

/** Requests in a status, oldest first: the curators' queue. */
export const listVerificationRequests = (status: (typeof verificationStatuses)[number], page: PageArgs) => paginate<VerificationRequestDoc>(VerificationRequest, { status }, order, page);

/** Each person's latest 20 requests, newest first (their own settings page): one command for a page of people. */
export const verificationRequestsOf = (experts: readonly string[]) =>
  firstOfEach<VerificationRequestDoc>(
    VerificationRequest,
    experts.map((expert) => ({ expert })),
    { createdAt: -1 },
    20,
  );

/**
 * Verifies the people whose approved request a crash left unfinished (see decideVerification);
 * returns how many. Safe at any time: it does what the approval itself would have done.
 */
export async function repairVerifications(): Promise<number> {
  // A repair pass reads every approved request once (two fields each): there is one per verified person.
  const approved = await VerificationRequest.find({ status: 'approved' }, { expert: 1, cohort: 1 }).lean<VerificationRequestDoc[]>();
  if (!approved.length) return 0;
  const unverified = new Set(await unverifiedAmong(approved.map((r) => String(r.expert))));
  let finished = 0;
  for (const request of approved.filter((r) => unverified.has(String(r.expert)))) {
    await markVerified(String(request.expert), request.cohort ?? null);
    finished++;
  }
  return finished;
}
