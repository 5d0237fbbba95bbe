import { payload } from '../payload.ts';
import { builder } from '../builder.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { ExpertRef, RoleEnum } from '../expert/types.ts';
import type { ExpertDoc } from '../expert/service.ts';
import { AuditEntryRef } from '../audit/types.ts';
import { listNameFlags } from './names.ts';
import { changeRole, suspendExpert, unsuspendExpert } from './service.ts';

const ExpertPayload = (name: string) => payload<'expert', ExpertDoc>(name, 'expert', ExpertRef);

const ChangeRoleInput = builder.inputType('ChangeRoleInput', {
  fields: (t) => ({
    expertId: t.globalID({ required: true, for: ExpertRef }),
    role: t.field({ type: RoleEnum, required: true }),
    reason: t.string({ required: true }),
  }),
});

const SuspendExpertInput = builder.inputType('SuspendExpertInput', {
  fields: (t) => ({
    expertId: t.globalID({ required: true, for: ExpertRef }),
    until: t.field({ type: 'DateTime', required: true }),
    reason: t.string({ required: true, description: 'Shown to the person when they try to sign in.' }),
  }),
});

const UnsuspendExpertInput = builder.inputType('UnsuspendExpertInput', {
  fields: (t) => ({ expertId: t.globalID({ required: true, for: ExpertRef }), reason: t.string({ required: true }) }),
});

const moderationErrors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) => ({
  changeRole: t.field({
    type: ExpertPayload('ChangeRolePayload'),
    description: 'Admins only. The person is signed out everywhere and gets a new session at the next sign-in.',
    authScopes: { admin: true },
    args: { input: t.arg({ type: ChangeRoleInput, required: true }) },
    errors: { types: moderationErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await changeRole(ctx, { ...input, expertId: input.expertId.id }) }),
  }),
  suspendExpert: t.field({
    type: ExpertPayload('SuspendExpertPayload'),
    description: 'Moderators and admins. The person is signed out everywhere and cannot sign in until then.',
    authScopes: { moderator: true },
    args: { input: t.arg({ type: SuspendExpertInput, required: true }) },
    errors: { types: moderationErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await suspendExpert(ctx, { ...input, expertId: input.expertId.id }) }),
  }),
  unsuspendExpert: t.field({
    type: ExpertPayload('UnsuspendExpertPayload'),
    authScopes: { moderator: true },
    args: { input: t.arg({ type: UnsuspendExpertInput, required: true }) },
    errors: { types: moderationErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await unsuspendExpert(ctx, { ...input, expertId: input.expertId.id }) }),
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
