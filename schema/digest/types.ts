import { builder } from '../builder.ts';
import { writeErrors } from '../error/types.ts';
import { NotFoundError } from '../errors.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { done, DonePayload } from '../payload.ts';
import { setWeeklyDigest, unsubscribeFromDigest, unsubscribeInput, viewerWantsDigest, weeklyDigestInput } from './service.ts';

const WeeklyDigestPayload = builder.objectRef<{ weekly: boolean }>('SetWeeklyDigestPayload').implement({
  fields: (t) => ({ weekly: t.exposeBoolean('weekly', { description: 'Whether the viewer now gets the weekly digest.' }) }),
});

const UnsubscribeFromDigestInput = inputTypeOf('UnsubscribeFromDigestInput', unsubscribeInput, { description: 'The token of a digest’s unsubscribe link.' });
const SetWeeklyDigestInput = inputTypeOf('SetWeeklyDigestInput', weeklyDigestInput);

builder.queryField('weeklyDigest', (t) =>
  t.boolean({
    description: 'Whether the viewer gets the weekly email digest of their topics and province (on unless turned off).',
    authScopes: { signedIn: true },
    resolve: (_, __, ctx) => viewerWantsDigest(ctx.viewer!),
  }),
);

builder.mutationFields((t) => ({
  setWeeklyDigest: t.field({
    type: WeeklyDigestPayload,
    description: 'Turns the viewer’s weekly digest on or off.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SetWeeklyDigestInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ weekly: await setWeeklyDigest(ctx, plainInput(weeklyDigestInput, input)) }),
  }),
  unsubscribeFromDigest: t.field({
    type: DonePayload,
    description: 'Turns the weekly digest off for the member whose digest carried this link, without signing in.',
    args: { input: t.arg({ type: UnsubscribeFromDigestInput, required: true }) },
    errors: { types: [...writeErrors, NotFoundError], directResult: true },
    resolve: async (_, { input }) => {
      await unsubscribeFromDigest(plainInput(unsubscribeInput, input));
      return done;
    },
  }),
}));
