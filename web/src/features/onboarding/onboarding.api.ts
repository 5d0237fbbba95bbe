import { action, json, query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { mutate, textOf, type FormInput } from '../../lib/form.ts';
import { ExpertCardFields, MutationErrorFields } from '../../lib/fragments.ts';
import { request } from '../../lib/graphql-client.ts';
import { getViewer } from '../account/account.api.ts';
import { getOwnProfile } from '../expert/profile.api.ts';

/* The welcome steps after sign-up, "people you should know" and the digest's unsubscribe link. */

const SuggestionFields = graphql(
  `
  fragment SuggestionFields on ExpertSuggestion @_unmask {
    expert { ...ExpertCardFields viewerFollows followerCount }
    reasons { kind topics { slug name nameEn } place { code name } cohorts { slug name nameEn } }
  }
`,
  [ExpertCardFields],
);

export type Suggestion = ResultOf<typeof SuggestionFields>;

const SuggestedExpertsQuery = graphql(
  `
  query SuggestedExperts($first: Int) {
    suggestedExperts(first: $first) { ...SuggestionFields }
  }
`,
  [SuggestionFields],
);

/** "People you should know" for the viewer, best first. */
export const getSuggestedExperts = query(async (first: number) => (await request(SuggestedExpertsQuery, { first })).suggestedExperts, 'suggestedExperts');

const SimilarExpertsQuery = graphql(
  `
  query SimilarExperts($handle: String!, $first: Int) {
    expert(handle: $handle) { id similarExperts(first: $first) { ...SuggestionFields } }
  }
`,
  [SuggestionFields],
);

/** People like this expert (null when signed out). */
export const getSimilarExperts = query(async (handle: string, first: number) => (await request(SimilarExpertsQuery, { handle, first })).expert.similarExperts, 'similarExperts');

const WelcomeTopicsQuery = graphql(`
  query WelcomeTopics {
    topics { slug name nameEn practiceCount viewerFollows followerCount }
  }
`);

/** The topics with whether the viewer follows each. */
export const getWelcomeTopics = query(async () => (await request(WelcomeTopicsQuery)).topics, 'welcomeTopics');

const SaveWelcomeProfileMutation = graphql(
  `
  mutation SaveWelcomeProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      __typename
      ... on UpdateProfilePayload { expert { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** The first step's fields only, through the profile's own mutation (only the fields given change). */
export const saveWelcomeProfileAction = action(async (form: FormInput) => {
  const input = {
    place: textOf(form, 'place') || null,
    organization: textOf(form, 'organization') || null,
    position: textOf(form, 'position'),
    specialties: form.getAll('specialties').map(String),
  };
  const outcome = await mutate(SaveWelcomeProfileMutation, { input }, 'updateProfile', 'UpdateProfilePayload');
  return json(outcome, { revalidate: outcome.ok ? [getViewer.key, getOwnProfile.key, getSuggestedExperts.key] : [] });
}, 'saveWelcomeProfile');

const FinishOnboardingMutation = graphql(
  `
  mutation FinishOnboarding($outcome: OnboardingOutcome!) {
    finishOnboarding(input: { outcome: $outcome }) {
      __typename
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Records that the viewer finished or skipped the welcome steps. */
export const finishOnboardingAction = action(async (outcome: 'COMPLETED' | 'SKIPPED') => {
  const result = await mutate(FinishOnboardingMutation, { outcome }, 'finishOnboarding', 'FinishOnboardingPayload');
  return json(result, { revalidate: [] });
}, 'finishOnboarding');

const UnsubscribeMutation = graphql(
  `
  mutation UnsubscribeFromDigest($token: String!) {
    unsubscribeFromDigest(input: { token: $token }) {
      __typename
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Turns the weekly digest off from its link (no sign-in). */
export const unsubscribeAction = action(
  async (token: string) => json(await mutate(UnsubscribeMutation, { token }, 'unsubscribeFromDigest', 'DonePayload'), { revalidate: [] }),
  'unsubscribeFromDigest',
);
