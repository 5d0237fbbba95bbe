import { action, json, query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mutate, textOf, type FormInput } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';

const SessionsQuery = graphql(`
  query Sessions {
    viewer { id sessions { id createdAt lastUsedAt userAgent current } }
  }
`);

export type Session = NonNullable<NonNullable<ResultOf<typeof SessionsQuery>['viewer']>['sessions']>[number];

/** The browsers signed in to the viewer's account, newest first; empty when signed out. */
export const getSessions = query(async (): Promise<Session[]> => (await request(SessionsQuery)).viewer?.sessions ?? [], 'sessions');

const EndSessionMutation = graphql(
  `
  mutation EndSession($input: EndSessionInput!) {
    endSession(input: $input) {
      __typename
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Signs one of the viewer's other browsers out (this one signs out through signOutAction). */
export const endSessionAction = action(async (form: FormInput) => {
  const sessionId = textOf(form, 'sessionId');
  const outcome = await mutate(EndSessionMutation, { input: { sessionId } }, 'endSession', 'DonePayload');
  return json(outcome, { revalidate: outcome.ok ? [getSessions.key] : [] });
}, 'endSession');
