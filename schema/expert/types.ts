import { z } from 'zod';
import { builder } from '../builder.ts';
import { CohortRef } from '../cohort/types.ts';
import { found } from '../errors.ts';
import { OrganizationRef } from '../organization/types.ts';
import { PlaceRef } from '../place/types.ts';
import { TopicRef } from '../topic/types.ts';
import { searchTextArg, slugArg } from '../validation.ts';
import { HANDLE_PATTERN } from './model.ts';
import { expertsByIds, findExpertByHandle, listExperts, type ExpertDoc } from './service.ts';

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
  }),
});

const ExpertFilter = builder.inputType('ExpertFilter', {
  description: 'All given conditions must hold.',
  fields: (t) => ({
    place: t.string({ description: 'A place code; a current unit also finds people recorded under the provinces it absorbed.', validate: slugArg }),
    organization: t.string({ description: 'An organisation slug; also finds its units and the bodies merged into it.', validate: slugArg }),
    specialty: t.string({ description: 'A topic slug.', validate: slugArg }),
    cohort: t.string({ description: 'A cohort slug.', validate: slugArg }),
    query: t.string({ description: 'Words of the name, handle, position or organisation; diacritics optional.', validate: searchTextArg }),
  }),
});

builder.queryFields((t) => ({
  experts: t.connection({
    type: ExpertRef,
    description: 'The directory, ordered by given name.',
    args: { filter: t.arg({ type: ExpertFilter }) },
    resolve: (_, args) => listExperts(args.filter ?? {}, args),
  }, { name: 'ExpertConnection' }, { name: 'ExpertEdge' }),
  expert: t.field({
    type: ExpertRef,
    args: { handle: t.arg.string({ required: true, validate: z.string().max(30).regex(HANDLE_PATTERN, 'is not a valid handle') }) },
    resolve: async (_, { handle }) => found(await findExpertByHandle(handle), 'handle', 'expert', handle),
  }),
}));
