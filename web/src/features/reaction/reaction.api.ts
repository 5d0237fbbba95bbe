import { action, json } from '@solidjs/router';
import { graphql } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mapOutcome, mutate } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';
import type { ToggleState } from '../../components/toggle-button.tsx';

const EndorseMutation = graphql(
  `
  mutation EndorsePractice($id: ID!) {
    endorsePractice(input: { id: $id }) {
      __typename
      ...MutationErrorFields
      ... on EndorsePracticePayload { practice { id viewerEndorsed endorsementCount } }
    }
  }
`,
  [MutationErrorFields],
);
const WithdrawMutation = graphql(
  `
  mutation WithdrawEndorsement($id: ID!) {
    withdrawEndorsement(input: { id: $id }) {
      __typename
      ...MutationErrorFields
      ... on WithdrawEndorsementPayload { practice { id viewerEndorsed endorsementCount } }
    }
  }
`,
  [MutationErrorFields],
);

/** "This helped me", or taking it back. */
export const endorsePracticeAction = action(async (id: string, endorse: boolean) => {
  const state = (data: { practice: { viewerEndorsed: boolean; endorsementCount: number } }): ToggleState => ({
    on: data.practice.viewerEndorsed,
    count: data.practice.endorsementCount,
  });
  const outcome = endorse
    ? mapOutcome(await mutate(EndorseMutation, { id }, 'endorsePractice', 'EndorsePracticePayload'), state)
    : mapOutcome(await mutate(WithdrawMutation, { id }, 'withdrawEndorsement', 'WithdrawEndorsementPayload'), state);
  return json(outcome, { revalidate: [] });
}, 'endorsePractice');

const RecordViewMutation = graphql(`
  mutation RecordView($id: ID!) {
    recordView(input: { id: $id }) {
      __typename
      ... on RecordViewPayload { viewCount }
    }
  }
`);

/**
 * Counts this reader once (the server ignores repeats) and answers the count including them;
 * null when it failed, which is not worth telling anyone.
 */
export async function recordView(id: string): Promise<number | null> {
  try {
    const result = (await request(RecordViewMutation, { id })).recordView;
    return result.__typename === 'RecordViewPayload' ? result.viewCount : null;
  } catch {
    return null;
  }
}
