import { action, json, query } from '@solidjs/router';
import { graphql } from '../../graphql.ts';
import { locale } from '../../i18n/i18n.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { invalid, mutate, textOf, type FormInput } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';
import { ACCOUNT_LIMITS } from '../../../../schema/field-limits.ts';

const RequestPasswordResetMutation = graphql(
  `
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      __typename
      ... on DonePayload { done }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export const requestPasswordResetAction = action(async (form: FormInput) => {
  const email = textOf(form, 'email');
  if (!email) return invalid({ email: 'REQUIRED' });
  const outcome = await mutate(RequestPasswordResetMutation, { input: { email, language: locale() } }, 'requestPasswordReset', 'DonePayload');
  return json(outcome.ok ? { ok: true as const, data: { email } } : outcome, { revalidate: [] });
}, 'requestPasswordReset');

const ResetPasswordMutation = graphql(
  `
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      __typename
      ... on DonePayload { done }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Sets the new password with the link's token; the API ends every session, this browser's too. */
export const resetPasswordAction = action(async (form: FormInput) => {
  const token = String(form.get('token') ?? '');
  const newPassword = String(form.get('newPassword') ?? '');
  if (!newPassword) return invalid({ newPassword: 'REQUIRED' });
  if (newPassword.length < ACCOUNT_LIMITS.passwordMin) return invalid({ newPassword: 'TOO_SHORT' });
  const outcome = await mutate(ResetPasswordMutation, { input: { token, newPassword } }, 'resetPassword', 'DonePayload');
  // Signed out everywhere: whatever the page knew about the viewer is read again.
  return json(outcome, { revalidate: outcome.ok ? undefined : [] });
}, 'resetPassword');

const VerifyEmailMutation = graphql(
  `
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      __typename
      ... on DonePayload { done }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

/** Confirms the address with the link's token. */
export const verifyEmail = (token: string) => mutate(VerifyEmailMutation, { input: { token } }, 'verifyEmail', 'DonePayload');

const EmailVerifiedQuery = graphql(`
  query EmailVerified {
    viewer { id emailVerified }
  }
`);

/** Whether the signed-in person confirmed their address (null when signed out). */
export const getEmailVerified = query(async () => (await request(EmailVerifiedQuery)).viewer?.emailVerified ?? null, 'emailVerified');

const SendVerificationEmailMutation = graphql(
  `
  mutation SendVerificationEmail {
    sendVerificationEmail {
      __typename
      ... on DonePayload { done }
      ...MutationErrorFields
    }
  }
`,
  [MutationErrorFields],
);

export const sendVerificationEmailAction = action(async () => {
  const outcome = await mutate(SendVerificationEmailMutation, {}, 'sendVerificationEmail', 'DonePayload');
  return json(outcome, { revalidate: [] });
}, 'sendVerificationEmail');
