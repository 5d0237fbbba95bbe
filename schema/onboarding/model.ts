import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

export const onboardingOutcomes = ['completed', 'skipped'] as const;

/** How a member left the welcome steps after sign-up (no record: not yet), so they are not sent there again. */
const onboardingSchema = new Schema({ _id: { type: Schema.Types.ObjectId }, outcome: { type: String, enum: onboardingOutcomes, required: true } }, { timestamps: true });

export type OnboardingDoc = InferSchemaType<typeof onboardingSchema> & { _id: Types.ObjectId; updatedAt: Date };
export const Onboarding = model('Onboarding', onboardingSchema);
