import { builder, enumValues } from '../builder.ts';
import type { Context } from '../context.ts';
import { writeErrors } from '../error/types.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { payload } from '../payload.ts';
import { PlaceRef } from '../place/types.ts';
import { PracticeRef } from '../practice/types.ts';
import type { PracticeDoc } from '../practice/service.ts';
import { hasRole } from '../roles.ts';
import { TopicRef } from '../topic/types.ts';
import { slugArg } from '../validation.ts';
import { collectionStatuses } from './model.ts';
import {
  addCollectionItem,
  addCollectionItemInput,
  archiveCollection,
  collectionIdInput,
  collectionsByIds,
  createCollection,
  createCollectionInput,
  findReadableCollection,
  isPubliclyShown,
  listCollections,
  publishCollection,
  removeCollectionItem,
  removeCollectionItemInput,
  reorderCollectionItems,
  reorderCollectionItemsInput,
  updateCollection,
  updateCollectionInput,
  updateCollectionItem,
  updateCollectionItemInput,
  type CollectionDoc,
} from './service.ts';

export const CollectionStatus = builder.enumType('CollectionStatus', { values: enumValues(collectionStatuses) });

/** An item as shown: its note, and its practice as the viewer may read it (null when they may not). */
interface ShownItem {
  id: string;
  note: string;
  practice: PracticeDoc | null;
}

const CollectionItemRef = builder.objectRef<ShownItem>('CollectionItem').implement({
  description: 'A practice chosen for a collection, with the curators’ note on why.',
  fields: (t) => ({
    id: t.id({ description: 'The item’s id within its collection (for changing its note, removing or reordering it).', resolve: (item) => item.id }),
    note: t.exposeString('note'),
    practice: t.field({ type: PracticeRef, nullable: true, resolve: (item) => item.practice }),
    shownToPublic: t.boolean({
      description: 'Whether the public sees it: false once its practice is no longer published (curators still see it, marked).',
      resolve: (item) => isPubliclyShown(item.practice),
    }),
  }),
});

export const CollectionRef = builder.loadableNodeRef('Collection', {
  id: { resolve: (c: CollectionDoc) => String(c._id) },
  // node(id) goes through the reader rule too: drafts and archived ones are the curators'.
  load: (ids: string[], ctx: Context) => collectionsByIds(ctx.viewer, ids),
  sort: (c) => String(c._id),
});

CollectionRef.implement({
  description: 'A curated collection of published practices on one theme: the ministry’s showcase.',
  fields: (t) => ({
    title: t.exposeString('title'),
    slug: t.exposeString('slug'),
    intro: t.exposeString('intro', { description: 'Markdown: the editorial introduction.' }),
    introHtml: t.string({ description: 'Sanitised HTML of the introduction.', resolve: (c) => c.introHtml ?? '' }),
    topics: t.field({ type: [TopicRef], resolve: (c) => c.topics }),
    places: t.field({ type: [PlaceRef], resolve: (c) => c.places }),
    edition: t.exposeString('edition', { description: 'The issue it belongs to, e.g. "Quý 4/2026".' }),
    status: t.field({ type: CollectionStatus, resolve: (c) => c.status }),
    items: t.field({
      type: [CollectionItemRef],
      description: 'In the curators’ order. The public sees only items whose practice is still published; curators see every item, `shownToPublic` marking the others.',
      resolve: async (c, _, ctx) => {
        // One batch for every collection of the page (the practice loader).
        const practices = await PracticeRef.getDataloader(ctx).loadMany(c.items.map((item) => String(item.practice)));
        const items = c.items.map((item, i) => {
          const practice = practices[i];
          return { id: String(item._id), note: item.note, practice: practice && !(practice instanceof Error) ? (practice as PracticeDoc) : null };
        });
        return hasRole(ctx.viewer, 'curator') ? items : items.filter((item) => isPubliclyShown(item.practice));
      },
    }),
    createdBy: t.field({ type: ExpertRef, resolve: (c) => String(c.createdBy) }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (c) => c.publishedAt ?? null }),
    updatedAt: t.field({ type: 'DateTime', resolve: (c) => c.updatedAt }),
    version: t.exposeInt('version', { description: 'Moves with every change; an update names the version it started from.' }),
  }),
});

builder.queryFields((t) => ({
  collections: t.connection(
    {
      type: CollectionRef,
      description: 'Curated collections, newest first: published ones for everyone; curators may ask for drafts or archived ones.',
      args: { status: t.arg({ type: CollectionStatus }) },
      resolve: (_, args, ctx) => listCollections(ctx.viewer, args.status ?? 'published', args),
    },
    { name: 'CollectionConnection' },
    { name: 'CollectionEdge' },
  ),
  collection: t.field({
    type: CollectionRef,
    description: 'A collection by its slug: published ones for everyone, any state for curators.',
    args: { slug: t.arg.string({ required: true, validate: slugArg }) },
    resolve: (_, { slug }, ctx) => findReadableCollection(ctx.viewer, slug),
  }),
}));

// Generated from the service's zod schemas, which hold each field's type, nullability and limits.
const collectionTypes = { id: { globalIdOf: CollectionRef }, collectionId: { globalIdOf: CollectionRef }, practiceId: { globalIdOf: PracticeRef } };
const inputs = {
  createCollection: [inputTypeOf('CreateCollectionInput', createCollectionInput, { types: collectionTypes }), createCollectionInput, createCollection],
  updateCollection: [inputTypeOf('UpdateCollectionInput', updateCollectionInput, { description: 'Only the given fields change.', types: collectionTypes }), updateCollectionInput, updateCollection],
  addCollectionItem: [inputTypeOf('AddCollectionItemInput', addCollectionItemInput, { types: collectionTypes }), addCollectionItemInput, addCollectionItem],
  updateCollectionItem: [inputTypeOf('UpdateCollectionItemInput', updateCollectionItemInput, { types: collectionTypes }), updateCollectionItemInput, updateCollectionItem],
  removeCollectionItem: [inputTypeOf('RemoveCollectionItemInput', removeCollectionItemInput, { types: collectionTypes }), removeCollectionItemInput, removeCollectionItem],
  reorderCollectionItems: [inputTypeOf('ReorderCollectionItemsInput', reorderCollectionItemsInput, { types: collectionTypes }), reorderCollectionItemsInput, reorderCollectionItems],
  publishCollection: [inputTypeOf('PublishCollectionInput', collectionIdInput, { types: collectionTypes }), collectionIdInput, publishCollection],
  archiveCollection: [inputTypeOf('ArchiveCollectionInput', collectionIdInput, { types: collectionTypes }), collectionIdInput, archiveCollection],
} as const;

const collectionErrors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) =>
  Object.fromEntries(
    Object.entries(inputs).map(([name, [inputType, schema, run]]) => {
      const payloadName = `${name[0]!.toUpperCase()}${name.slice(1)}Payload`;
      const field = t.field({
        type: payload<'collection', CollectionDoc>(payloadName, 'collection', CollectionRef),
        description: 'Curators and admins only; written to the audit log.',
        authScopes: { curator: true },
        args: { input: t.arg({ type: inputType, required: true }) },
        errors: { types: collectionErrors, directResult: true },
        resolve: async (_, { input }, ctx) => ({ collection: await run(ctx, plainInput(schema, input as Record<string, unknown>)) }),
      });
      return [name, field];
    }),
  ),
);
