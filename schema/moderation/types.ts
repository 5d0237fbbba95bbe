import { payload } from '../payload.ts';
import { builder } from '../builder.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { ExpertRef, RoleEnum } from '../expert/types.ts';
import type { ExpertDoc } from '../expert/service.ts';
import { AuditEntryRef } from '../audit/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { listNameFlags } from './names.ts';
import { changeRole, changeRoleInput, suspendExpert, suspendInput, unsuspendExpert, unsuspendInput } from './service.ts';

const ExpertPayload = (name: string) => payload<'expert', ExpertDoc>(name, 'expert', ExpertRef);

// Generated from the service's zod schemas, which hold each field's type, nullability and limits.
const moderationTypes = { expertId: { globalIdOf: ExpertRef }, role: RoleEnum };
const ChangeRoleInput = inputTypeOf('ChangeRoleInput', changeRoleInput, { types: moderationTypes });
const SuspendExpertInput = inputTypeOf('SuspendExpertInput', suspendInput, { types: moderationTypes });
const UnsuspendExpertInput = inputTypeOf('UnsuspendExpertInput', unsuspendInput, { types: moderationTypes });

const moderationErrors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) => ({
  changeRole: t.field({
    type: ExpertPayload('ChangeRolePayload'),
    description: 'Admins only. The person is signed out everywhere and gets a new session at the next sign-in.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: ChangeRoleInput, required: true }) },
    errors: { types: moderationErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await changeRole(ctx, plainInput(changeRoleInput, input)) }),
  }),
  suspendExpert: t.field({
    type: ExpertPayload('SuspendExpertPayload'),
    description: 'Moderators and admins. The person is signed out everywhere and cannot sign in until then.',
    authScopes: { moderator: true },
    args: { input: t.arg({ type: SuspendExpertInput, required: true }) },
    errors: { types: moderationErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await suspendExpert(ctx, plainInput(suspendInput, input)) }),
  }),
  unsuspendExpert: t.field({
    type: ExpertPayload('UnsuspendExpertPayload'),
    authScopes: { moderator: true },
    args: { input: t.arg({ type: UnsuspendExpertInput, required: true }) },
    errors: { types: moderationErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await unsuspendExpert(ctx, plainInput(unsuspendInput, input)) }),
  }),
}));

builder.queryFields((t) => ({
  nameFlags: t.connection(
    {
      type: AuditEntryRef,
      description: 'Moderators and admins: members who took a name that looks like a staff member’s (actor: the member, subject: the staff member, from/to: the names), newest first.',
      authScopes: { moderator: true },
      resolve: (_, args) => listNameFlags(args),
    },
    { name: 'NameFlagConnection' },
    { name: 'NameFlagEdge' },
  ),
}));
