import { payload } from '../payload.ts';
import { builder } from '../builder.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { PracticeRef } from '../practice/types.ts';
import type { PracticeDoc } from '../practice/service.ts';
import { endorseAndCredit, withdrawEndorsementAndCredit } from '../commands/credit-reputation.ts';
import { endorsedByViewer, endorsementInput } from './service.ts';

builder.objectFields(PracticeRef, (t) => ({
  endorsementCount: t.int({ description: 'How many people said "this helped me".', resolve: (p) => p.endorsementCount ?? 0 }),
  viewerEndorsed: t.loadable({
    type: 'Boolean',
    description: 'Whether the viewer said "this helped me" (false when signed out).',
    // One query for the whole page, keyed by practice.
    load: (ids: string[], ctx) => (ctx.viewer ? endorsedByViewer(ctx.viewer.id, ids) : Promise.resolve(ids.map(() => false))),
    resolve: (p) => String(p._id),
  }),
}));

// Generated from the service's zod schema, which holds each field's type, nullability and limits.
const EndorseInput = (name: string) => inputTypeOf(name, endorsementInput, { types: { id: { globalIdOf: PracticeRef } } });
const Payload = (name: string) => payload<'practice', PracticeDoc>(name, 'practice', PracticeRef);

builder.mutationFields((t) => ({
  endorsePractice: t.field({
    type: Payload('EndorsePracticePayload'),
    description: '"This helped me." Saying it twice counts once.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EndorseInput('EndorsePracticeInput'), required: true }) },
    errors: { types: [...writeErrors, ConflictError, NotFoundError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await endorseAndCredit(ctx, plainInput(endorsementInput, input)) }),
  }),
  withdrawEndorsement: t.field({
    type: Payload('WithdrawEndorsementPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EndorseInput('WithdrawEndorsementInput'), required: true }) },
    errors: { types: [...writeErrors, NotFoundError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await withdrawEndorsementAndCredit(ctx, plainInput(endorsementInput, input)) }),
  }),
}));
