import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import { paginate, type PageArgs, type SortKey } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError } from '../errors.ts';
import { COLLECTION_LIMITS } from '../field-limits.ts';
import { findByIds } from '../loading.ts';
import { refuseOversized, renderText } from '../markdown/pool.ts';
import { placesByCodes } from '../place/service.ts';
import { practicesByIds } from '../practice/service.ts';
import { hasRole } from '../roles.ts';
import { fold } from '../search/fold.ts';
import { createOnce } from '../mark.ts';
import { notify } from '../notification/service.ts';
import { unknownTopicErrors } from '../topic/service.ts';
import { isObjectId, objectId, parseInput, slug, text } from '../validation.ts';
import { Collection, type CollectionDoc, type CollectionItemDoc, type CollectionStatus } from './model.ts';

export type { CollectionDoc, CollectionItemDoc, CollectionStatus };

/** Published collections are public; curators (and admins) see every state. */
export const canReadCollection = (viewer: Viewer | null, collection: Pick<CollectionDoc, 'status'>) => collection.status === 'published' || hasRole(viewer, 'curator');

/** Whether the public sees this item: its practice is still published (checked when read). */
export const isPubliclyShown = (practice: { status: string } | null | undefined) => practice?.status === 'published';

export const collectionsByIds = async (viewer: Viewer | null, ids: readonly string[]) =>
  (await findByIds<CollectionDoc>(Collection, ids.filter(isObjectId))).filter((c) => canReadCollection(viewer, c));

/** The collection by slug, if the viewer may see it; otherwise NOT_FOUND, so a draft's existence is not told. */
export async function findReadableCollection(viewer: Viewer | null, slugValue: string): Promise<CollectionDoc> {
  const collection = await Collection.findOne({ slug: slugValue }).lean<CollectionDoc>();
  if (!collection || !canReadCollection(viewer, collection)) throw new NotFoundError('slug', 'collection', slugValue);
  return collection;
}

/**
 * Published collections for the public pages and feeds, newest first as the API lists them (the
 * status index serves it); with a scope, those about the topic and naming the place.
 */
export const publishedCollections = (limit: number, scope: { topic?: string | null; place?: string | null } = {}) =>
  Collection.find({ status: 'published', ...(scope.topic ? { topics: scope.topic } : {}), ...(scope.place ? { places: scope.place } : {}) })
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit)
    .lean<CollectionDoc[]>();

/** The address and dates of each published collection, for the sitemap. */
export const publishedCollectionDates = (limit: number) =>
  Collection.find({ status: 'published' }, { slug: 1, updatedAt: 1, publishedAt: 1 })
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit)
    .lean<Pick<CollectionDoc, '_id' | 'slug' | 'updatedAt' | 'publishedAt'>[]>();

const newestFirst: SortKey[] = [
  { field: 'createdAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
];

/** Collections in one state, newest first: published for everyone, the others for curators only. */
export function listCollections(viewer: Viewer | null, status: CollectionStatus, page: PageArgs) {
  if (status !== 'published' && !hasRole(viewer, 'curator')) throw new NotAuthorizedError('Only curators see unpublished collections.');
  return paginate<CollectionDoc>(Collection, { status }, newestFirst, page);
}

const collectionFields = z.object({
  title: text(COLLECTION_LIMITS.titleMin, COLLECTION_LIMITS.title),
  intro: text(0, COLLECTION_LIMITS.intro, { multiline: true }).describe('Markdown: the editorial introduction.'),
  topics: z.array(slug).max(COLLECTION_LIMITS.topics, 'TOO_LONG'),
  places: z.array(slug).max(COLLECTION_LIMITS.places, 'TOO_LONG').describe('Place codes.'),
  edition: text(0, COLLECTION_LIMITS.edition).describe('e.g. "Quý 4/2026".'),
});

export const createCollectionInput = collectionFields
  .partial()
  .required({ title: true })
  .extend({
    slug: slug.min(3, 'TOO_SHORT').optional().describe('The address of the collection; made from the title when left out.'),
  });

export const updateCollectionInput = collectionFields.partial().extend({
  id: objectId,
  version: z.number().int('INVALID').describe('The version the editor started from: if the collection changed since, nothing is saved and CONFLICT comes back.'),
});

export const collectionIdInput = z.object({ id: objectId });
const note = text(0, COLLECTION_LIMITS.note, { multiline: true }).describe('Why this practice was chosen.');
export const addCollectionItemInput = z.object({ collectionId: objectId, practiceId: objectId, note });
export const updateCollectionItemInput = z.object({
  collectionId: objectId,
  itemId: objectId,
  note,
  version: z
    .number()
    .int('INVALID')
    .optional()
    .describe('The version the note was written against: if the collection changed since, nothing is saved and CONFLICT comes back (without it, the note is written over whatever is there).'),
});
export const removeCollectionItemInput = z.object({ collectionId: objectId, itemId: objectId });
export const reorderCollectionItemsInput = z.object({
  collectionId: objectId,
  itemIds: z.array(objectId).max(COLLECTION_LIMITS.items, 'TOO_LONG').describe('Every item id of the collection, in the new order.'),
});

/** A slug from a title: folded to ASCII words joined by hyphens. */
const slugOf = (title: string) =>
  fold(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'bo-suu-tap';

/** Topics and places must be known; places must be current units. */
async function checkReferences(fields: { topics?: string[]; places?: string[] }) {
  const errors = await unknownTopicErrors(fields.topics ?? []);
  if (fields.places?.length) {
    const current = new Set((await placesByCodes(fields.places)).filter((p) => p.current).map((p) => p._id));
    for (const [i, p] of fields.places.entries()) if (!current.has(p)) errors.push({ path: `places.${i}`, code: 'UNKNOWN', message: 'places holds an unknown or former place' });
  }
  if (errors.length) throw new ValidationError(errors);
}

const renderedIntro = async (intro: string) => {
  const rendered = refuseOversized('intro', await renderText(intro));
  return { introHtml: rendered.html, htmlVersion: rendered.version };
};

function requireCurator(ctx: Context): Viewer {
  const viewer = requireViewer(ctx);
  if (!hasRole(viewer, 'curator')) throw new NotAuthorizedError('Only curators compose collections.');
  return viewer;
}

export async function createCollection(ctx: Context, input: unknown): Promise<CollectionDoc> {
  const viewer = requireCurator(ctx);
  const { slug: given, ...fields } = parseInput(createCollectionInput, input);
  await checkReferences(fields);
  const html = await renderedIntro(fields.intro ?? '');
  const base = given ?? slugOf(fields.title);
  // A slug made from a title takes a number when another collection has it; a slug asked for is refused.
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = attempt === 0 ? base : `${base}-${attempt + 1}`;
    const created = await createOnce<CollectionDoc>(Collection, { ...fields, ...html, slug: candidate, status: 'draft', createdBy: viewer.id });
    if (created) {
      await record('collection.created', viewer.id, viewer.id, { collection: created._id, to: created.title });
      return created;
    }
    if (given) break;
  }
  throw ValidationError.field('slug', 'TAKEN', 'another collection has this slug');
}

async function findForCurator(viewer: Viewer, id: string, argument: string): Promise<CollectionDoc> {
  const collection = await Collection.findById(id).lean<CollectionDoc>();
  if (!collection || !canReadCollection(viewer, collection)) throw new NotFoundError(argument, 'collection', id);
  return collection;
}

function conflict(): never {
  throw new ConflictError('Someone else changed this collection after you opened it; reload it to see their changes.');
}

/** Writes the change only if the collection is still at the version read, moving the version on; null otherwise. */
const changeAt = (collection: CollectionDoc, update: Record<string, unknown>) =>
  Collection.findOneAndUpdate({ _id: collection._id, version: collection.version }, { ...update, $inc: { version: 1 } }, { returnDocument: 'after' }).lean<CollectionDoc>();

/**
 * Reads, decides and writes, again from a fresh read when another curator's change came in
 * between (their add and ours both land); `decide` throws to refuse.
 */
async function changeCollection(viewer: Viewer, id: string, argument: string, decide: (c: CollectionDoc) => Promise<Record<string, unknown>> | Record<string, unknown>): Promise<CollectionDoc> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const collection = await findForCurator(viewer, id, argument);
    const changed = await changeAt(collection, await decide(collection));
    if (changed) return changed;
  }
  conflict();
}

export async function updateCollection(ctx: Context, input: unknown): Promise<CollectionDoc> {
  const viewer = requireCurator(ctx);
  const { id, version, ...fields } = parseInput(updateCollectionInput, input);
  await checkReferences(fields);
  const collection = await findForCurator(viewer, id, 'id');
  if (collection.version !== version) conflict();
  const $set: Record<string, unknown> = { ...fields };
  if (fields.intro !== undefined) Object.assign($set, await renderedIntro(fields.intro));
  const changed = (await changeAt(collection, { $set })) ?? conflict();
  await record('collection.updated', viewer.id, collection.createdBy, { collection: collection._id });
  return changed;
}

const itemIndex = (collection: CollectionDoc, itemId: string) => {
  const index = collection.items.findIndex((item) => String(item._id) === itemId);
  if (index < 0) throw new NotFoundError('itemId', 'item of this collection', itemId);
  return index;
};

export async function addCollectionItem(ctx: Context, input: unknown): Promise<CollectionDoc> {
  const viewer = requireCurator(ctx);
  const { collectionId, practiceId, note } = parseInput(addCollectionItemInput, input);
  const [practice] = await practicesByIds([practiceId]);
  if (!practice) throw new NotFoundError('practiceId', 'practice', practiceId);
  if (practice.status !== 'published') throw ValidationError.field('practiceId', 'NOT_PUBLISHED', 'only published practices can be added to a collection');
  const changed = await changeCollection(viewer, collectionId, 'collectionId', (collection) => {
    if (collection.items.some((item) => String(item.practice) === practiceId)) throw ValidationError.field('practiceId', 'DUPLICATE', 'this practice is already in the collection');
    if (collection.items.length >= COLLECTION_LIMITS.items) throw ValidationError.field('practiceId', 'TOO_MANY', `a collection holds at most ${COLLECTION_LIMITS.items} practices`);
    return { $push: { items: { practice: practiceId, note } } };
  });
  await record('collection.item-added', viewer.id, changed.createdBy, { collection: changed._id, practice: practiceId });
  await notify({ kind: 'practice_collected', actorId: viewer.id, recipientIds: practice.authors.map(String), target: { type: 'collection', id: String(changed._id) }, contextId: practiceId });
  return changed;
}

export async function updateCollectionItem(ctx: Context, input: unknown): Promise<CollectionDoc> {
  const viewer = requireCurator(ctx);
  const { collectionId, itemId, note, version } = parseInput(updateCollectionItemInput, input);
  let practice = '';
  const changed = await changeCollection(viewer, collectionId, 'collectionId', (collection) => {
    // Another curator may have rewritten this very note since the editor read it.
    if (version !== undefined && collection.version !== version) conflict();
    const index = itemIndex(collection, itemId);
    practice = String(collection.items[index]!.practice);
    return { $set: { [`items.${index}.note`]: note } };
  });
  await record('collection.item-changed', viewer.id, changed.createdBy, { collection: changed._id, practice });
  return changed;
}

export async function removeCollectionItem(ctx: Context, input: unknown): Promise<CollectionDoc> {
  const viewer = requireCurator(ctx);
  const { collectionId, itemId } = parseInput(removeCollectionItemInput, input);
  let practice = '';
  const changed = await changeCollection(viewer, collectionId, 'collectionId', (collection) => {
    practice = String(collection.items[itemIndex(collection, itemId)]!.practice);
    return { $set: { items: collection.items.filter((item) => String(item._id) !== itemId) } };
  });
  await record('collection.item-removed', viewer.id, changed.createdBy, { collection: changed._id, practice });
  return changed;
}

export async function reorderCollectionItems(ctx: Context, input: unknown): Promise<CollectionDoc> {
  const viewer = requireCurator(ctx);
  const { collectionId, itemIds } = parseInput(reorderCollectionItemsInput, input);
  const changed = await changeCollection(viewer, collectionId, 'collectionId', (collection) => {
    const byId = new Map(collection.items.map((item) => [String(item._id), item]));
    // The whole new order, each item once: a list made before another curator's add or removal is refused.
    const isPermutation = itemIds.length === byId.size && new Set(itemIds).size === itemIds.length && itemIds.every((id) => byId.has(id));
    if (!isPermutation) throw ValidationError.field('itemIds', 'NOT_A_PERMUTATION', 'itemIds must name every item of the collection once');
    return { $set: { items: itemIds.map((id) => byId.get(id)!) } };
  });
  await record('collection.reordered', viewer.id, changed.createdBy, { collection: changed._id });
  return changed;
}

/** Moves a collection to `to` from one of `from`; publishing needs at least one practice. */
async function moveStatus(ctx: Context, input: unknown, to: CollectionStatus, from: readonly CollectionStatus[]): Promise<CollectionDoc> {
  const viewer = requireCurator(ctx);
  const { id } = parseInput(collectionIdInput, input);
  const changed = await changeCollection(viewer, id, 'id', (collection) => {
    if (!from.includes(collection.status)) throw new ConflictError(`A ${collection.status} collection cannot be ${to}.`);
    if (to === 'published' && collection.items.length === 0) throw ValidationError.field('id', 'EMPTY', 'a collection needs at least one practice to be published');
    return { $set: { status: to, ...(to === 'published' ? { publishedAt: collection.publishedAt ?? new Date() } : {}) } };
  });
  await record(to === 'published' ? 'collection.published' : 'collection.archived', viewer.id, changed.createdBy, { collection: changed._id });
  return changed;
}

export const publishCollection = (ctx: Context, input: unknown) => moveStatus(ctx, input, 'published', ['draft', 'archived']);
export const archiveCollection = (ctx: Context, input: unknown) => moveStatus(ctx, input, 'archived', ['published']);
