import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { avatarInput, removeAvatar, replaceAvatar } from '../avatar/service.ts';
import { payload } from '../payload.ts';
import { builder, enumValues } from '../builder.ts';
import { writeErrors } from '../error/types.ts';
import { CohortRef } from '../cohort/types.ts';
import { found } from '../errors.ts';
import { HANDLE_MAX } from '../field-limits.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { OrganizationRef } from '../organization/types.ts';
import { PlaceRef } from '../place/types.ts';
import { TopicRef } from '../topic/types.ts';
import { roles } from '../roles.ts';
import { searchTextArg, slugArg } from '../validation.ts';
import { HANDLE_PATTERN } from './model.ts';
import { expertFacets, expertsByIds, expertSorts, findExpertByHandle, findExpertById, listExperts, profileLinkInput, updateProfile, updateProfileInput, type ExpertDoc } from './service.ts';

export const RoleEnum = builder.enumType('Role', {
  description: 'Staff role. Being a verified expert is separate: see Expert.verified.',
  values: enumValues(roles),
});

const LinkRef = builder.objectRef<{ label: string; url: string }>('Link').implement({
  fields: (t) => ({ label: t.exposeString('label'), url: t.exposeString('url') }),
});

export const ExpertRef = builder.loadableNodeRef('Expert', {
  id: { resolve: (expert: ExpertDoc) => String(expert._id) },
  load: (ids: string[]) => expertsByIds(ids),
  sort: (expert) => String(expert._id),
});

ExpertRef.implement({
  description: 'A person of the network and their public profile.',
  fields: (t) => ({
    handle: t.exposeString('handle'),
    name: t.exposeString('name'),
    position: t.exposeString('position'),
    bio: t.exposeString('bio'),
    organization: t.field({ type: OrganizationRef, nullable: true, resolve: (e) => e.organization }),
    place: t.field({ type: PlaceRef, nullable: true, resolve: (e) => e.place }),
    specialties: t.field({ type: [TopicRef], resolve: (e) => e.specialties }),
    cohorts: t.field({ type: [CohortRef], resolve: (e) => e.cohorts }),
    links: t.field({ type: [LinkRef], resolve: (e) => e.links }),
    joinedAt: t.field({ type: 'DateTime', resolve: (e) => e.joinedAt }),
    role: t.field({ type: RoleEnum, resolve: (e) => e.role }),
    verified: t.boolean({ description: 'Recognised by a curator as part of the expert network (the badge).', resolve: (e) => Boolean(e.verifiedAt) }),
    verifiedAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.verifiedAt ?? null }),
    avatarUrl: t.string({ nullable: true, resolve: (e) => (e.avatar ? `/avatars/${String(e.avatar)}` : null) }),
    suspendedUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Only the person, moderators and admins see it.',
      authScopes: (e) => ({ $any: { self: String(e._id), moderator: true } }),
      resolve: (e) => (e.suspendedUntil && e.suspendedUntil.getTime() > Date.now() ? e.suspendedUntil : null),
    }),
    suspensionReason: t.string({
      nullable: true,
      authScopes: (e) => ({ $any: { self: String(e._id), moderator: true } }),
      resolve: (e) => (e.suspendedUntil && e.suspendedUntil.getTime() > Date.now() ? e.suspensionReason : null),
    }),
  }),
});

const ExpertFilter = builder.inputType('ExpertFilter', {
  description: 'All given conditions must hold.',
  fields: (t) => ({
    place: t.string({ description: 'A place code; a current unit also finds people recorded under the provinces it absorbed.', validate: slugArg }),
    organization: t.string({ description: 'An organisation slug; also finds its units and the bodies merged into it.', validate: slugArg }),
    specialty: t.string({ description: 'A topic slug.', validate: slugArg }),
    cohort: t.string({ description: 'A cohort slug.', validate: slugArg }),
    query: t.string({ description: 'Words of the name, handle, position, organisation (name or acronym), specialties or bio; diacritics optional.', validate: searchTextArg }),
    role: t.field({ type: RoleEnum, description: 'Only people with this staff role.' }),
    verified: t.boolean({ description: 'Only people a curator recognised as experts.' }),
  }),
});

const ExpertSort = builder.enumType('ExpertSort', {
  description: 'NAME: by given name, as Vietnamese directories sort; ACTIVITY: who last wrote something others can see (or joined) first; REPUTATION: most points first, then by name.',
  values: enumValues(expertSorts),
});

type FacetCount = { value: string; count: number };
const facetCount = (name: string, valueField: string, type: any, description: string) =>
  builder.objectRef<FacetCount>(name).implement({
    description,
    fields: (t) => ({ [valueField]: t.field({ type, resolve: (c: FacetCount) => c.value as never }), count: t.exposeInt('count') }),
  });

const ExpertFacets = builder.objectRef<Awaited<ReturnType<typeof expertFacets>>>('ExpertFacets').implement({
  description:
    'Each filter’s choices with how many people the directory would show with that choice (the other filters applied, not its own). Choices nobody holds are left out, unless chosen (with 0).',
  fields: (t) => ({
    places: t.field({ type: [facetCount('ExpertPlaceCount', 'place', PlaceRef, 'A current province or city and its people, its predecessors’ included.')], resolve: (f) => f.places }),
    organizations: t.field({
      type: [facetCount('ExpertOrganizationCount', 'organization', OrganizationRef, 'A current organisation and its people, its units’ and predecessors’ included.')],
      resolve: (f) => f.organizations,
    }),
    specialties: t.field({ type: [facetCount('ExpertSpecialtyCount', 'specialty', TopicRef, 'A topic and the people it is a specialty of.')], resolve: (f) => f.specialties }),
    cohorts: t.field({ type: [facetCount('ExpertCohortCount', 'cohort', CohortRef, 'A cohort and its people.')], resolve: (f) => f.cohorts }),
    verified: t.exposeInt('verified', { description: 'How many of them are recognised experts.' }),
  }),
});

builder.queryFields((t) => ({
  experts: t.connection(
    {
      type: ExpertRef,
      description: 'The directory, ordered by given name unless `sort` says otherwise.',
      args: { filter: t.arg({ type: ExpertFilter }), sort: t.arg({ type: ExpertSort }) },
      resolve: (_, args) => listExperts(args.filter ?? {}, args, args.sort ?? 'name'),
    },
    { name: 'ExpertConnection' },
    { name: 'ExpertEdge' },
  ),
  expertFacets: t.field({
    type: ExpertFacets,
    description: 'The counts beside each of the directory’s filter choices, for the same filter: all of them in one request.',
    args: { filter: t.arg({ type: ExpertFilter }) },
    resolve: (_, args) => expertFacets(args.filter ?? {}),
  }),
  viewer: t.field({
    type: ExpertRef,
    nullable: true,
    description: 'The signed-in person, or null.',
    resolve: (_, __, ctx) => (ctx.viewer ? findExpertById(ctx.viewer.id) : null),
  }),
  expert: t.field({
    type: ExpertRef,
    args: { handle: t.arg.string({ required: true, validate: z.string().max(HANDLE_MAX).regex(HANDLE_PATTERN, 'is not a valid handle') }) },
    resolve: async (_, { handle }) => found(await findExpertByHandle(handle), 'handle', 'expert', handle),
  }),
}));

// Generated from the services' zod schemas, which hold each field's type, nullability and limits.
const LinkInput = inputTypeOf('LinkInput', profileLinkInput);
const UpdateProfileInput = inputTypeOf('UpdateProfileInput', updateProfileInput, { description: 'Only the given fields change.', types: { links: LinkInput } });
const SetAvatarInput = inputTypeOf('SetAvatarInput', avatarInput);

const ExpertPayload = (name: string) => payload<'expert', ExpertDoc>(name, 'expert', ExpertRef);

builder.mutationFields((t) => ({
  updateProfile: t.field({
    type: ExpertPayload('UpdateProfilePayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: UpdateProfileInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await updateProfile(requireViewer(ctx).id, plainInput(updateProfileInput, input)) }),
  }),
  setAvatar: t.field({
    type: ExpertPayload('SetAvatarPayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SetAvatarInput, required: true }) },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ expert: await replaceAvatar(ctx, plainInput(avatarInput, input)) }),
  }),
  removeAvatar: t.field({
    type: ExpertPayload('RemoveAvatarPayload'),
    authScopes: { signedIn: true },
    errors: { types: writeErrors, directResult: true },
    resolve: async (_, __, ctx) => ({ expert: await removeAvatar(ctx) }),
  }),
}));
