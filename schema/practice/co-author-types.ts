import { builder } from '../builder.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { answerCoAuthorInvitation, answerInvitationInput, isInvited, listCoAuthorInvitations } from './co-authors.ts';
import { isAuthor } from './policy.ts';
import { PracticePayload, PracticeRef, practiceErrors } from './types.ts';

/* Co-authorship by consent (co-authors.ts): who is invited, the invitee's answer, their invitations. */

builder.objectFields(PracticeRef, (t) => ({
  invitedAuthors: t.field({
    type: [ExpertRef],
    description: 'People listed as co-authors who have not accepted yet: its authors and those invited see them; others get an empty list.',
    resolve: (p, _, ctx) => (isAuthor(ctx.viewer, p) || isInvited(ctx.viewer, p) ? (p.invitedAuthors ?? []).map(String) : []),
  }),
  viewerIsInvited: t.boolean({ description: 'Whether the viewer is invited to co-author it.', resolve: (p, _, ctx) => isInvited(ctx.viewer, p) }),
}));

builder.queryFields((t) => ({
  myCoAuthorInvitations: t.connection({
    type: PracticeRef,
    description: 'Practices the viewer is invited to co-author, last changed first.',
    authScopes: { signedIn: true },
    resolve: (_, args, ctx) => listCoAuthorInvitations(ctx.viewer!, args),
  }),
}));

const AnswerCoAuthorInvitationInput = inputTypeOf('AnswerCoAuthorInvitationInput', answerInvitationInput, { types: { id: { globalIdOf: PracticeRef } } });

builder.mutationFields((t) => ({
  answerCoAuthorInvitation: t.field({
    type: PracticePayload('AnswerCoAuthorInvitationPayload'),
    description: 'An invited person accepts (and becomes an author) or declines being named a co-author.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: AnswerCoAuthorInvitationInput, required: true }) },
    errors: { types: practiceErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await answerCoAuthorInvitation(ctx, plainInput(answerInvitationInput, input)) }),
  }),
}));
