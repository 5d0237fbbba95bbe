import { action, json, query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { mutate } from '../../lib/form.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { request } from '../../lib/graphql-client.ts';
import { getMyPractices } from './practice-list.api.ts';
import { getPractice, getPracticeDraft } from './practice-record.api.ts';

/* Co-authorship by consent: one's invitations, and the answer to one. */

const InvitationsQuery = graphql(`
  query CoAuthorInvitations {
    myCoAuthorInvitations(first: 50) { edges { node { id title status authors { id name } } } }
  }
`);

export type CoAuthorInvitation = ResultOf<typeof InvitationsQuery>['myCoAuthorInvitations']['edges'][number]['node'];

export const getCoAuthorInvitations = query(async (): Promise<CoAuthorInvitation[]> => (await request(InvitationsQuery, {})).myCoAuthorInvitations.edges.map((e) => e.node), 'coAuthorInvitations');

const AnswerMutation = graphql(
  `
  mutation AnswerCoAuthorInvitation($input: AnswerCoAuthorInvitationInput!) {
    answerCoAuthorInvitation(input: $input) {
      __typename
      ... on AnswerCoAuthorInvitationPayload { practice { id } }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/**
 * Accepts or declines being named; one's practices and invitations read again, and after an
 * acceptance the practice too (a decliner can no longer read a draft: the page keeps saying so).
 */
export const answerCoAuthorInvitationAction = action(async (form: FormData) => {
  const input = { id: String(form.get('id') ?? ''), accept: form.get('answer') === 'accept' };
  const outcome = await mutate(AnswerMutation, { input }, 'answerCoAuthorInvitation', 'AnswerCoAuthorInvitationPayload');
  const lists = [getMyPractices.key, getCoAuthorInvitations.key];
  return json(outcome, { revalidate: input.accept ? [...lists, getPractice.key, getPracticeDraft.key] : lists });
}, 'answerCoAuthorInvitation');
