import { builder, enumValues, referenceNodeRef } from '../builder.ts';
import { found } from '../errors.ts';
import { countThreads } from '../discussion/service.ts';
import { countExperts } from '../expert/service.ts';
import { countPublishedPractices } from '../practice/service.ts';
import { slugArg } from '../validation.ts';
import { placeKinds, regions } from './model.ts';
import { findPlace, listPlaces, placesByCodes, recordCodesOf, type PlaceDoc } from './service.ts';

/**
 * A batched count per place: the key is the place's record codes (itself and, for a current
 * unit, its predecessors) joined by spaces, so one aggregate over every code serves a whole page.
 */
const countPerPlace = (count: (codes: string[]) => Promise<Map<string, number>>) => async (keys: string[]) => {
  const codesOf = keys.map((key) => key.split(' '));
  const counts = await count(codesOf.flat());
  return codesOf.map((codes) => codes.reduce((sum, code) => sum + (counts.get(code) ?? 0), 0));
};

export const PlaceKind = builder.enumType('PlaceKind', {
  description: 'A centrally-run city or a province.',
  values: enumValues(placeKinds),
});

export const Region = builder.enumType('Region', {
  values: enumValues(regions),
});

export const PlaceRef = referenceNodeRef<PlaceDoc>('Place', placesByCodes);

PlaceRef.implement({
  description: 'A provincial unit: one of the 34 in force since 1 July 2025, or a pre-2025 province merged into one of them.',
  fields: (t) => ({
    code: t.string({ resolve: (place) => place._id }),
    name: t.exposeString('name'),
    fullName: t.exposeString('fullName'),
    kind: t.field({ type: PlaceKind, resolve: (place) => place.kind }),
    region: t.field({ type: Region, resolve: (place) => place.region }),
    current: t.exposeBoolean('current', { description: 'False for a province merged away in 2025.' }),
    successor: t.field({
      type: PlaceRef,
      nullable: true,
      description: 'The unit this province was merged into.',
      resolve: (place) => place.successor,
    }),
    predecessors: t.field({
      type: [PlaceRef],
      description: 'The pre-2025 provinces merged into this unit.',
      resolve: (place) => place.predecessors,
    }),
    formerNames: t.exposeStringList('formerNames'),
    practiceCount: t.loadable({
      type: 'Int',
      description: 'Published practices recorded here; for a current unit, also those recorded under its predecessors.',
      load: countPerPlace((codes) => countPublishedPractices('place', codes)),
      resolve: (place) => recordCodesOf(place).join(' '),
    }),
    expertCount: t.loadable({
      type: 'Int',
      description: 'People recorded here; for a current unit, also those recorded under its predecessors.',
      load: countPerPlace((codes) => countExperts('place', codes)),
      resolve: (place) => recordCodesOf(place).join(' '),
    }),
    threadCount: t.loadable({
      type: 'Int',
      nullable: true,
      description: 'Threads about this place (for a current unit, its predecessors’ too); null for a signed-out viewer.',
      load: async (keys: string[], ctx) => (ctx.viewer ? countPerPlace((codes) => countThreads('place', codes))(keys) : keys.map(() => null)),
      resolve: (place) => recordCodesOf(place).join(' '),
    }),
  }),
});

builder.queryFields((t) => ({
  places: t.field({
    type: [PlaceRef],
    description: 'Provincial units, north to south; the 34 current ones unless includeFormer.',
    args: { includeFormer: t.arg.boolean({ defaultValue: false }) },
    resolve: (_, args) => listPlaces({ includeFormer: args.includeFormer ?? false }),
  }),
  place: t.field({
    type: PlaceRef,
    args: { code: t.arg.string({ required: true, validate: slugArg }) },
    resolve: async (_, { code }) => found(await findPlace(code), 'code', 'place', code),
  }),
}));
