import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import type { Context, Viewer } from '../context.ts';
import { parseInput } from '../validation.ts';
import { Onboarding, onboardingOutcomes, type OnboardingDoc } from './model.ts';

export const finishOnboardingInput = z.object({ outcome: z.enum(onboardingOutcomes) });

/** Records how the viewer left the welcome steps; the last word wins (coming back and finishing later is fine). */
export async function finishOnboarding(ctx: Context, input: unknown): Promise<OnboardingDoc> {
  const viewer = requireViewer(ctx);
  const { outcome } = parseInput(finishOnboardingInput, input);
  return (await Onboarding.findOneAndUpdate({ _id: viewer.id }, { $set: { outcome } }, { upsert: true, returnDocument: 'after' }).lean<OnboardingDoc>())!;
}

export const onboardingOf = (viewer: Viewer) => Onboarding.findById(viewer.id).lean<OnboardingDoc>();
