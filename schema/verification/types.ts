import { payload } from '../payload.ts';
import { builder, enumValues } from '../builder.ts';
import { CohortRef } from '../cohort/types.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { verificationStatuses } from './model.ts';
import {
  decideVerification,
  decideVerificationInput,
  listVerificationRequests,
  requestVerification,
  requestVerificationInput,
  verificationRequestsOf,
  type VerificationRequestDoc,
} from './service.ts';

const StatusEnum = builder.enumType('VerificationStatus', {
  values: enumValues(verificationStatuses),
});

export const VerificationRequestRef = builder.objectRef<VerificationRequestDoc>('VerificationRequest').implement({
  description: 'A member’s request to be recognised as part of the expert network.',
  fields: (t) => ({
    id: t.id({ resolve: (r) => String(r._id) }),
    expert: t.field({ type: ExpertRef, resolve: (r) => String(r.expert) }),
    statement: t.exposeString('statement'),
    cohort: t.field({ type: CohortRef, nullable: true, resolve: (r) => r.cohort ?? null }),
    status: t.field({ type: StatusEnum, resolve: (r) => r.status }),
    reason: t.exposeString('reason', { description: 'Why it was declined (or a note on approval).' }),
    decidedBy: t.field({ type: ExpertRef, nullable: true, resolve: (r) => (r.decidedBy ? String(r.decidedBy) : null) }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.decidedAt ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
  }),
});

builder.objectFields(ExpertRef, (t) => ({
  verificationRequests: t.loadableList({
    type: VerificationRequestRef,
    nullable: true,
    description: 'Private: only the person and admins see them.',
    authScopes: (expert) => ({ $any: { self: String(expert._id), admin: true } }),
    load: (ids: string[]) => verificationRequestsOf(ids),
    resolve: (expert) => String(expert._id),
  }),
}));

builder.queryFields((t) => ({
  verificationRequests: t.connection(
    {
      type: VerificationRequestRef,
      description: 'The curators’ queue, oldest first.',
      authScopes: { curator: true },
      args: { status: t.arg({ type: StatusEnum, defaultValue: 'pending' }) },
      resolve: (_, args) => listVerificationRequests(args.status ?? 'pending', args),
    },
    { name: 'VerificationRequestConnection' },
    { name: 'VerificationRequestEdge' },
  ),
}));

// Generated from the service's zod schemas, which hold each field's type, nullability and limits.
const RequestVerificationInput = inputTypeOf('RequestVerificationInput', requestVerificationInput);
const DecideVerificationInput = inputTypeOf('DecideVerificationInput', decideVerificationInput, { types: { requestId: 'ID' } });

const RequestPayload = (name: string) => payload<'request', VerificationRequestDoc>(name, 'request', VerificationRequestRef);

builder.mutationFields((t) => ({
  requestVerification: t.field({
    type: RequestPayload('RequestVerificationPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: RequestVerificationInput, required: true }) },
    errors: { types: [...writeErrors, ConflictError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ request: await requestVerification(ctx, plainInput(requestVerificationInput, input)) }),
  }),
  decideVerification: t.field({
    type: RequestPayload('DecideVerificationPayload'),
    authScopes: { curator: true },
    args: { input: t.arg({ type: DecideVerificationInput, required: true }) },
    errors: { types: [...writeErrors, ConflictError, NotFoundError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ request: await decideVerification(ctx, plainInput(decideVerificationInput, input)) }),
  }),
}));
