import { builder } from '../builder.ts';
import { InvalidCredentialsError, SuspendedError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import type { ExpertDoc } from '../expert/service.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { DonePayload, done, payload } from '../payload.ts';
import { accountsByIds, changePassword, changePasswordInput, signIn, signInInput, signOut, signOutEverywhere, signUp, signUpInput } from './service.ts';

const ViewerPayload = (name: string) => payload<'viewer', ExpertDoc>(name, 'viewer', ExpertRef);

// Generated from the service's zod schemas, which hold each field's type, nullability and limits.
const SignUpInput = inputTypeOf('SignUpInput', signUpInput);
const SignInInput = inputTypeOf('SignInInput', signInInput);
const ChangePasswordInput = inputTypeOf('ChangePasswordInput', changePasswordInput);

builder.mutationFields((t) => ({
  signUp: t.field({
    type: ViewerPayload('SignUpPayload'),
    description: 'Creates an account and signs in.',
    args: { input: t.arg({ type: SignUpInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ viewer: await signUp(ctx, plainInput(signUpInput, input)) }),
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
}));
