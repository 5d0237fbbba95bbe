import { builder } from '../builder.ts';
import { InvalidCredentialsError, SuspendedError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import type { ExpertDoc } from '../expert/service.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { DonePayload, done, payload } from '../payload.ts';
import { accountsByIds, changePassword, changePasswordInput, isEmailVerified, signIn, signInInput, signOut, signOutEverywhere, signUp, signUpInput } from './service.ts';
import { requestPasswordReset, requestPasswordResetInput, resetPassword, resetPasswordInput, sendVerificationEmail, verifyEmail, verifyEmailInput } from './recovery.ts';

const ViewerPayload = (name: string) => payload<'viewer', ExpertDoc>(name, 'viewer', ExpertRef);

// Generated from the service's zod schemas, which hold each field's type, nullability and limits.
const SignUpInput = inputTypeOf('SignUpInput', signUpInput);
const SignInInput = inputTypeOf('SignInInput', signInInput);
const ChangePasswordInput = inputTypeOf('ChangePasswordInput', changePasswordInput);
const RequestPasswordResetInput = inputTypeOf('RequestPasswordResetInput', requestPasswordResetInput);
const ResetPasswordInput = inputTypeOf('ResetPasswordInput', resetPasswordInput);
const VerifyEmailInput = inputTypeOf('VerifyEmailInput', verifyEmailInput);

/** What a sign-up answers, the same whether or not the address was free (see signUp). */
const SignUpPayload = builder.objectRef<{ email: string }>('SignUpPayload').implement({
  description: 'The sign-up was received: a message went to the address (a link to confirm it, or, when it already has an account, a notice to its owner). Sign in with the password to continue.',
  fields: (t) => ({ email: t.exposeString('email', { description: 'The address the message went to, as typed.' }) }),
});

builder.mutationFields((t) => ({
  signUp: t.field({
    type: SignUpPayload,
    description: 'Creates an account and emails a link to confirm its address; does not sign in. An address that has an account gets the same answer (its owner is emailed instead).',
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => signUp(ctx, plainInput(signUpInput, input)),
  }),
  requestPasswordReset: t.field({
    type: DonePayload,
    description: 'Emails a single-use reset link (valid an hour) if the address has an account; the answer is the same either way.',
    args: { input: t.arg({ type: RequestPasswordResetInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => {
      await requestPasswordReset(ctx, plainInput(requestPasswordResetInput, input));
      return done;
    },
  }),
  resetPassword: t.field({
    type: DonePayload,
    description:
      'Sets a new password with a reset link’s token and ends every session of the account. A used, unknown or expired token: ValidationError on `token`, code EXPIRED; a suspended account: SuspendedError.',
    args: { input: t.arg({ type: ResetPasswordInput, required: true }) },
    errors: { types: [...writeErrors, SuspendedError], directResult: true },
    resolve: async (_, { input }, ctx) => {
      await resetPassword(ctx, plainInput(resetPasswordInput, input));
      return done;
    },
  }),
  verifyEmail: t.field({
    type: DonePayload,
    description: 'Confirms an account’s address with a verification link’s token (no sign-in needed). A used, unknown or expired token: ValidationError on `token`, code EXPIRED.',
    args: { input: t.arg({ type: VerifyEmailInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => {
      await verifyEmail(ctx, plainInput(verifyEmailInput, input));
      return done;
    },
  }),
  sendVerificationEmail: t.field({
    type: DonePayload,
    description: 'Emails the viewer a new link to confirm their address (older links stop working); does nothing once it is confirmed.',
    authScopes: { signedIn: true },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, __, ctx) => {
      await sendVerificationEmail(ctx);
      return done;
    },
  }),
  signIn: t.field({
    type: ViewerPayload('SignInPayload'),
    description: 'Signs in with email and password; the session arrives as an httpOnly cookie.',
    args: { input: t.arg({ type: SignInInput, required: true }) },
    errors: { types: [...writeErrors, InvalidCredentialsError, SuspendedError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ viewer: await signIn(ctx, plainInput(signInInput, input)) }),
  }),
  signOut: t.field({
    type: DonePayload,
    description: 'Ends this browser’s session.',
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, __, ctx) => {
      await signOut(ctx);
      return done;
    },
  }),
  signOutEverywhere: t.field({
    type: DonePayload,
    description: 'Ends every session of the account, this one included.',
    authScopes: { signedIn: true },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, __, ctx) => {
      await signOutEverywhere(ctx);
      return done;
    },
  }),
  changePassword: t.field({
    type: ViewerPayload('ChangePasswordPayload'),
    description: 'Changes the password; every other session ends and this browser gets a new one.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ viewer: await changePassword(ctx, plainInput(changePasswordInput, input)) }),
  }),
}));

builder.objectFields(ExpertRef, (t) => ({
  email: t.loadable({
    type: 'String',
    nullable: true,
    description: 'Private: only the person and admins see it.',
    authScopes: (expert) => ({ $any: { self: String(expert._id), admin: true } }),
    load: async (ids: string[]) => {
      const emails = new Map((await accountsByIds(ids)).map((a) => [String(a._id), a.email]));
      return ids.map((id) => emails.get(id) ?? new Error('no account'));
    },
    resolve: (expert) => String(expert._id),
  }),
  emailVerified: t.loadable({
    type: 'Boolean',
    nullable: true,
    description: 'Private: whether the person confirmed their email address (accounts older than verification count as confirmed).',
    authScopes: (expert) => ({ $any: { self: String(expert._id), admin: true } }),
    load: async (ids: string[]) => {
      const verified = new Map((await accountsByIds(ids)).map((a) => [String(a._id), isEmailVerified(a)]));
      return ids.map((id) => verified.get(id) ?? new Error('no account'));
    },
    resolve: (expert) => String(expert._id),
  }),
}));
