import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import { requireCohort } from '../cohort/service.ts';
import { paginate, type PageArgs, type SortKey } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { exclusively } from '../lock.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError } from '../errors.ts';
import { findExpertById, markVerified } from '../expert/service.ts';
import { canDecideVerification } from '../moderation/policy.ts';
import { parseInput, slug, text } from '../validation.ts';
import { VerificationRequest, type VerificationRequestDoc, verificationStatuses } from './model.ts';

export type { VerificationRequestDoc };

const requestInput = z.object({ statement: text(20, 2000, { multiline: true }), cohort: slug.nullish() });

/** A member asks to be recognised as an expert; one open request at a time. */
export async function requestVerification(ctx: Context, input: unknown): Promise<VerificationRequestDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(requestInput, input);
  if (viewer.verified) throw new ConflictError('You are already recognised as an expert.');
  if (data.cohort) await requireCohort(data.cohort, 'cohort').catch(() => {
    throw ValidationError.field('cohort', 'UNKNOWN', 'cohort is not a known cohort');
  });
  // One open request per person, even when the button is pressed twice at once.
  return exclusively(`verification-of:${viewer.id}`, async () => {
    if (await VerificationRequest.exists({ expert: viewer.id, status: 'pending' })) throw new ConflictError('A request of yours is already waiting for a curator.');
    const request = await VerificationRequest.create({ expert: viewer.id, statement: data.statement, cohort: data.cohort ?? null });
    return request.toObject() as VerificationRequestDoc;
  });
}

const decideInput = z
  .object({ requestId: z.string().regex(/^[0-9a-f]{24}$/, 'INVALID'), approve: z.boolean(), reason: text(0, 1000, { multiline: true }) })
  .refine((d) => d.approve || d.reason.length >= 3, { path: ['reason'], message: 'REQUIRED' });

/** A curator approves (the person becomes a verified expert) or declines with a reason. */
export async function decideVerification(ctx: Context, input: unknown): Promise<VerificationRequestDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(decideInput, input);
  return exclusively(`verification:${data.requestId}`, () => decide(viewer, data));
}

async function decide(viewer: Viewer, data: z.output<typeof decideInput>): Promise<VerificationRequestDoc> {
  const request = await VerificationRequest.findById(data.requestId).lean<VerificationRequestDoc>();
  if (!request) throw new NotFoundError('requestId', 'verification request', data.requestId);
  if (!canDecideVerification(viewer, String(request.expert))) throw new NotAuthorizedError();
  if (request.status !== 'pending') throw new ConflictError('This request has already been decided.');
  const subject = String(request.expert);
  // The person first, then the request: a crash between leaves a pending request for a verified
  // expert, which approving again completes.
  if (data.approve) await markVerified(subject, request.cohort ?? null);
  const decided = await VerificationRequest.findOneAndUpdate(
    { _id: request._id, status: 'pending' },
    { $set: { status: data.approve ? 'approved' : 'declined', decidedBy: viewer.id, decidedAt: new Date(), reason: data.reason } },
    { returnDocument: 'after' },
  ).lean<VerificationRequestDoc>();
  if (!decided) throw new ConflictError('This request has already been decided.');
  await record(data.approve ? 'expert.verified' : 'verification.declined', viewer.id, subject, { reason: data.reason, to: request.cohort });
  return decided;
}

const order: SortKey[] = [
  { field: 'createdAt', kind: 'date' },
  { field: '_id', kind: 'objectId' },
];

/** Requests in a status, oldest first: the curators' queue. */
export const listVerificationRequests = (status: (typeof verificationStatuses)[number], page: PageArgs) =>
  paginate<VerificationRequestDoc>(VerificationRequest, { status }, order, page);

/** One person's requests, newest first (their own settings page). */
export const verificationRequestsOf = (expert: string) =>
  VerificationRequest.find({ expert }).sort({ createdAt: -1 }).limit(20).lean<VerificationRequestDoc[]>();

