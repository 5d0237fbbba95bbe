import { builder, enumValues } from '../builder.ts';
import { writeErrors } from '../error/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { onboardingOutcomes, type OnboardingDoc } from './model.ts';
import { finishOnboarding, finishOnboardingInput, onboardingOf } from './service.ts';

const OnboardingOutcome = builder.enumType('OnboardingOutcome', { values: enumValues(onboardingOutcomes) });

const OnboardingRef = builder.objectRef<OnboardingDoc>('Onboarding').implement({
  description: 'How the viewer left the welcome steps after sign-up.',
  fields: (t) => ({
    outcome: t.field({ type: OnboardingOutcome, resolve: (o) => o.outcome }),
    at: t.field({ type: 'DateTime', resolve: (o) => o.updatedAt }),
  }),
});

const FinishOnboardingInput = inputTypeOf('FinishOnboardingInput', finishOnboardingInput, { types: { outcome: OnboardingOutcome } });
const FinishOnboardingPayload = builder.objectRef<{ onboarding: OnboardingDoc }>('FinishOnboardingPayload').implement({
  fields: (t) => ({ onboarding: t.field({ type: OnboardingRef, resolve: (p) => p.onboarding }) }),
});

builder.queryField('onboarding', (t) =>
  t.field({
    type: OnboardingRef,
    nullable: true,
    description: 'How the viewer left the welcome steps; null while they have not finished or skipped them.',
    authScopes: { signedIn: true },
    resolve: (_, __, ctx) => onboardingOf(ctx.viewer!),
  }),
);

builder.mutationField('finishOnboarding', (t) =>
  t.field({
    type: FinishOnboardingPayload,
    description: 'Records that the viewer completed or skipped the welcome steps, so that they are not sent there again.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: FinishOnboardingInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ onboarding: await finishOnboarding(ctx, plainInput(finishOnboardingInput, input)) }),
  }),
);
