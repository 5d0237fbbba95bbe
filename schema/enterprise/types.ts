import { z } from 'zod';
import { builder, enumValues, referenceNodeRef } from '../builder.ts';
import type { Context } from '../context.ts';
import { writeErrors } from '../error/types.ts';
import { ConflictError, found, NotFoundError } from '../errors.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { perRequest } from '../loading.ts';
import type { OrganizationDoc } from '../organization/service.ts';
import { OrganizationRef } from '../organization/types.ts';
import { payload } from '../payload.ts';
import { PlaceRef } from '../place/types.ts';
import { practicesByIds, type PracticeDoc } from '../practice/service.ts';
import { PracticeRef } from '../practice/types.ts';
import { searchTextArg, slugArg } from '../validation.ts';
import type { EnterprisePilot } from './model.ts';
import {
  canEditEnterprises,
  enterpriseCapabilities,
  enterpriseFacets,
  enterprisePilotInput,
  enterprisesBySlugs,
  enterprisesOfPractices,
  findEnterprise,
  isShownPractice,
  linkEnterprisePractice,
  linkEnterprisePracticeInput,
  listEnterprises,
  unlinkEnterprisePractice,
  unlinkEnterprisePracticeInput,
  updateEnterpriseProfile,
  updateEnterpriseProfileInput,
  type EnterpriseCapability,
  type EnterpriseProfileDoc,
} from './service.ts';

export const EnterpriseCapabilityEnum = builder.enumType('EnterpriseCapability', {
  description: 'A platform technology an enterprise masters for e-government.',
  values: enumValues(enterpriseCapabilities),
});

export const EnterpriseRef = referenceNodeRef<EnterpriseProfileDoc>('Enterprise', enterprisesBySlugs);

const EnterprisePilotRef = builder.objectRef<EnterprisePilot>('EnterprisePilot').implement({
  description: 'A pilot province an enterprise accompanies, and with what.',
  fields: (t) => ({
    place: t.field({ type: PlaceRef, resolve: (p) => p.place }),
    role: t.exposeString('role', { description: 'Vietnamese.' }),
    roleEn: t.exposeString('roleEn'),
  }),
});

type Participation = { enterprise: EnterpriseProfileDoc; practice: PracticeDoc; role: string };
const EnterpriseParticipationRef = builder.objectRef<Participation>('EnterpriseParticipation').implement({
  description: 'An enterprise took part in a published practice, with its part in it.',
  fields: (t) => ({
    enterprise: t.field({ type: EnterpriseRef, resolve: (p) => p.enterprise }),
    practice: t.field({ type: PracticeRef, resolve: (p) => p.practice }),
    role: t.exposeString('role', { description: 'Its part, e.g. "cung cấp nền tảng".' }),
  }),
});

// The practices of a page of enterprises in one read; only published ones are shown.
const practiceLoader = perRequest(async (ids: readonly string[]) => {
  const byId = new Map((await practicesByIds(ids)).map((p) => [String(p._id), p]));
  return ids.map((id) => byId.get(id) ?? null);
});
// A page of organisations' profiles in one read; an enterprise without one answers null.
const profileLoader = perRequest(async (slugs: readonly string[]) => {
  const bySlug = new Map((await enterprisesBySlugs(slugs)).map((e) => [e._id, e]));
  return slugs.map((s) => bySlug.get(s) ?? null);
});
const practiceEnterprisesLoader = perRequest((ids: readonly string[]) => enterprisesOfPractices(ids));

EnterpriseRef.implement({
  description: 'An enterprise in the directory: what it masters, the pilot provinces it accompanies, the practices it took part in.',
  fields: (t) => ({
    slug: t.string({ description: 'Its organisation’s slug.', resolve: (e) => e._id }),
    organization: t.field({ type: OrganizationRef, resolve: (e) => e._id }),
    name: t.exposeString('name'),
    capabilities: t.field({ type: [EnterpriseCapabilityEnum], resolve: (e) => e.capabilities as EnterpriseCapability[] }),
    description: t.exposeString('description', { description: 'Plain text, Vietnamese.' }),
    descriptionEn: t.exposeString('descriptionEn'),
    website: t.string({ nullable: true, resolve: (e) => e.website ?? null }),
    pilots: t.field({ type: [EnterprisePilotRef], resolve: (e) => e.pilots }),
    allianceMember: t.exposeBoolean('allianceMember', { description: 'Member of the Vietnamese cybersecurity products ecosystem alliance.' }),
    allianceSince: t.int({ nullable: true, resolve: (e) => e.allianceSince ?? null }),
    contact: t.field({ type: ExpertRef, nullable: true, description: 'A member of the network who speaks for it.', resolve: (e) => (e.contact ? String(e.contact) : null) }),
    practices: t.field({
      type: [EnterpriseParticipationRef],
      description: 'The published practices it took part in, with its part in each.',
      resolve: async (e, _, ctx: Context) => {
        const practices = await practiceLoader(ctx).loadMany(e.practices.map((link) => String(link.practice)));
        return e.practices.flatMap((link, i) => {
          const practice = practices[i];
          return practice && !(practice instanceof Error) && isShownPractice(practice) ? [{ enterprise: e, practice, role: link.role }] : [];
        });
      },
    }),
    updatedAt: t.field({ type: 'DateTime', resolve: (e) => e.updatedAt }),
    viewerCanEdit: t.boolean({ description: 'Curators and admins.', resolve: (_, __, ctx) => canEditEnterprises(ctx.viewer) }),
  }),
});

builder.objectFields(OrganizationRef, (t) => ({
  enterprise: t.field({
    type: EnterpriseRef,
    nullable: true,
    description: 'Its profile in the enterprises directory, when it is an enterprise that has one.',
    resolve: (org: OrganizationDoc, _, ctx: Context) => (org.kind === 'enterprise' ? profileLoader(ctx).load(org._id) : null),
  }),
}));

builder.objectFields(PracticeRef, (t) => ({
  enterprises: t.field({
    type: [EnterpriseParticipationRef],
    description: 'The enterprises that took part in it (from the directory, beside its free-text partners); none while it is not published.',
    resolve: async (p: PracticeDoc, _, ctx: Context) => (isShownPractice(p) ? (await practiceEnterprisesLoader(ctx).load(String(p._id))).map((link) => ({ ...link, practice: p })) : []),
  }),
}));

const EnterpriseFilter = builder.inputType('EnterpriseFilter', {
  fields: (t) => ({
    capabilities: t.field({ type: [EnterpriseCapabilityEnum], description: 'Enterprises holding every one of these.', validate: z.array(z.string()).max(enterpriseCapabilities.length) }),
    place: t.string({ description: 'A pilot province it accompanies (a place code; a province merged in 2025 means its successor).', validate: slugArg }),
    alliance: t.boolean({ description: 'Members of the cybersecurity alliance only (true), or the others (false).' }),
    search: t.string({ description: 'Words of its names or description, diacritics optional.', validate: searchTextArg }),
  }),
});

type FacetCount = { value: string; count: number };
const facetCount = (name: string, valueField: string, type: any, description: string) =>
  builder.objectRef<FacetCount>(name).implement({
    description,
    fields: (t) => ({ [valueField]: t.field({ type, resolve: (c: FacetCount) => c.value as never }), count: t.exposeInt('count') }),
  });

const EnterpriseFacets = builder.objectRef<Awaited<ReturnType<typeof enterpriseFacets>>>('EnterpriseFacets').implement({
  description: 'How many of the enterprises a filter finds hold each capability (ticking it too keeps that many), accompany each pilot province, and belong to the alliance.',
  fields: (t) => ({
    capabilities: t.field({ type: [facetCount('EnterpriseCapabilityCount', 'capability', EnterpriseCapabilityEnum, 'A capability and its enterprises.')], resolve: (f) => f.capabilities }),
    places: t.field({ type: [facetCount('EnterprisePlaceCount', 'place', PlaceRef, 'A pilot province and the enterprises accompanying it (only those with some).')], resolve: (f) => f.places }),
    allianceMembers: t.exposeInt('allianceMembers'),
  }),
});

builder.queryFields((t) => ({
  enterprises: t.connection(
    {
      type: EnterpriseRef,
      description: 'The enterprises directory in name order; public.',
      args: { filter: t.arg({ type: EnterpriseFilter }) },
      resolve: (_, args) => listEnterprises(args.filter ?? {}, args),
    },
    { name: 'EnterpriseConnection' },
    { name: 'EnterpriseEdge' },
  ),
  enterpriseFacets: t.field({
    type: EnterpriseFacets,
    description: 'The counts beside the directory’s filters, for the same filter.',
    args: { filter: t.arg({ type: EnterpriseFilter }) },
    resolve: (_, args) => enterpriseFacets(args.filter ?? {}),
  }),
  enterprise: t.field({
    type: EnterpriseRef,
    args: { slug: t.arg.string({ required: true, validate: slugArg }) },
    resolve: async (_, { slug }) => found(await findEnterprise(slug), 'slug', 'enterprise', slug),
  }),
}));

const EnterprisePilotInput = inputTypeOf('EnterprisePilotInput', enterprisePilotInput);
const enterpriseTypes = { capabilities: EnterpriseCapabilityEnum, pilots: EnterprisePilotInput, practiceId: { globalIdOf: PracticeRef } };
const UpdateEnterpriseProfileInput = inputTypeOf('UpdateEnterpriseProfileInput', updateEnterpriseProfileInput, { description: 'Only the given fields change.', types: enterpriseTypes });
const LinkEnterprisePracticeInput = inputTypeOf('LinkEnterprisePracticeInput', linkEnterprisePracticeInput, { types: enterpriseTypes });
const UnlinkEnterprisePracticeInput = inputTypeOf('UnlinkEnterprisePracticeInput', unlinkEnterprisePracticeInput, { types: enterpriseTypes });
const EnterprisePayload = (name: string) => payload<'enterprise', EnterpriseProfileDoc>(name, 'enterprise', EnterpriseRef);
const enterpriseErrors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) => ({
  updateEnterpriseProfile: t.field({
    type: EnterprisePayload('UpdateEnterpriseProfilePayload'),
    description: 'Curators and admins: creates or changes an enterprise’s profile (audited).',
    authScopes: { curator: true },
    args: { input: t.arg({ type: UpdateEnterpriseProfileInput, required: true }) },
    errors: { types: enterpriseErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ enterprise: await updateEnterpriseProfile(ctx, plainInput(updateEnterpriseProfileInput, input)) }),
  }),
  linkEnterprisePractice: t.field({
    type: EnterprisePayload('LinkEnterprisePracticePayload'),
    description: 'Curators and admins: the enterprise took part in a published practice, with this part (or its part changes); audited.',
    authScopes: { curator: true },
    args: { input: t.arg({ type: LinkEnterprisePracticeInput, required: true }) },
    errors: { types: enterpriseErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ enterprise: await linkEnterprisePractice(ctx, plainInput(linkEnterprisePracticeInput, input)) }),
  }),
  unlinkEnterprisePractice: t.field({
    type: EnterprisePayload('UnlinkEnterprisePracticePayload'),
    description: 'Curators and admins: takes a practice off the enterprise’s list; audited.',
    authScopes: { curator: true },
    args: { input: t.arg({ type: UnlinkEnterprisePracticeInput, required: true }) },
    errors: { types: enterpriseErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ enterprise: await unlinkEnterprisePractice(ctx, plainInput(unlinkEnterprisePracticeInput, input)) }),
  }),
}));
