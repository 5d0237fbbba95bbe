import { builder, enumValues, referenceNodeRef } from '../builder.ts';
import { found } from '../errors.ts';
import { PlaceRef } from '../place/types.ts';
import { searchTextArg, slugArg } from '../validation.ts';
import { organizationKinds } from './model.ts';
import { findOrganization, listOrganizations, organizationsBySlugs, type OrganizationDoc } from './service.ts';

export const OrganizationKindEnum = builder.enumType('OrganizationKind', {
  values: enumValues(organizationKinds),
});

export const OrganizationRef = referenceNodeRef<OrganizationDoc>('Organization', organizationsBySlugs);

OrganizationRef.implement({
  description: 'A ministry, agency, provincial department or centre, enterprise or university.',
  fields: (t) => ({
    slug: t.string({ resolve: (org) => org._id }),
    name: t.exposeString('name'),
    shortName: t.exposeString('shortName', { nullable: true }),
    kind: t.field({ type: OrganizationKindEnum, resolve: (org) => org.kind }),
    place: t.field({ type: PlaceRef, nullable: true, resolve: (org) => org.place }),
    parent: t.field({ type: OrganizationRef, nullable: true, resolve: (org) => org.parent }),
    current: t.exposeBoolean('current', { description: 'False for a body merged away (its records keep its name).' }),
    successor: t.field({ type: OrganizationRef, nullable: true, resolve: (org) => org.successor }),
  }),
});

const OrganizationFilter = builder.inputType('OrganizationFilter', {
  fields: (t) => ({
    kinds: t.field({ type: [OrganizationKindEnum] }),
    place: t.string({ description: 'A place code; a current unit includes its predecessors.', validate: slugArg }),
    query: t.string({ description: 'Words of the name, diacritics optional.', validate: searchTextArg }),
    includeFormer: t.boolean({ description: 'Also list bodies merged away.' }),
  }),
});

builder.queryFields((t) => ({
  organizations: t.connection(
    {
      type: OrganizationRef,
      args: { filter: t.arg({ type: OrganizationFilter }) },
      resolve: (_, args) => listOrganizations(args.filter ?? {}, args),
    },
    { name: 'OrganizationConnection' },
    { name: 'OrganizationEdge' },
  ),
  organization: t.field({
    type: OrganizationRef,
    args: { slug: t.arg.string({ required: true, validate: slugArg }) },
    resolve: async (_, { slug }) => found(await findOrganization(slug), 'slug', 'organization', slug),
  }),
}));
