// Writing the seed data: how a load brings a collection to the shipped records, and what it reports.
import { isDeepStrictEqual } from 'node:util';
import type mongoose from 'mongoose';
import type { Model } from 'mongoose';
import type { StoredCounter } from '../schema/counters.ts';
import { anyOf } from '../schema/query.ts';

/** What one load did to one collection. */
export interface SyncReport {
  collection: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

const comparable = (doc: Record<string, unknown>) => {
  const { _id, createdAt, updatedAt, __v, ...rest } = doc;
  return JSON.parse(JSON.stringify(rest));
};

/** A one-of record (schema/mark.ts) comes without an `_id`: its key makes it. */
const withIds = (model: Model<any>, given: Record<string, unknown>[]) => given.map((doc) => (doc._id === undefined ? { ...doc, _id: new model(doc)._id } : doc));

/**
 * Makes the collection hold `docs` (matched by _id): inserts the missing, overwrites the ones
 * that differ, and leaves equal ones alone, so a second run writes nothing at all. Only for what
 * nobody edits (reference data) or when the demo is reset on purpose. `keep` names fields of a
 * stored document that stay as they are (counters, recomputed from their records afterwards).
 */
export async function sync(model: Model<any>, given: Record<string, unknown>[], keep: (stored: Record<string, unknown>) => string[] = () => []): Promise<SyncReport> {
  const docs = withIds(model, given);
  const existing = new Map<string, Record<string, unknown>>();
  const stored = (await model.find({ _id: anyOf(docs.map((d) => d._id)) }).lean()) as Record<string, unknown>[];
  for (const doc of stored) existing.set(String(doc._id), doc);
  const report: SyncReport = { collection: model.collection.collectionName, inserted: 0, updated: 0, unchanged: 0 };
  const operations: mongoose.AnyBulkWriteOperation[] = [];
  for (const doc of docs) {
    const current = existing.get(String(doc._id));
    // Cast through the schema so defaults and types compare like stored documents do.
    const desired = new model(doc).toObject({ depopulate: true }) as Record<string, unknown>;
    if (current) for (const field of keep(current)) desired[field] = current[field];
    if (!current) {
      operations.push({ insertOne: { document: doc } });
      report.inserted++;
    } else if (!isDeepStrictEqual(comparable(current), comparable(desired))) {
      // The whole document as shipped, defaults included: an edit history or a "removed" mark goes too.
      const { _id, __v, ...fields } = desired;
      operations.push({ updateOne: { filter: { _id }, update: { $set: fields } } });
      report.updated++;
    } else {
      report.unchanged++;
    }
  }
  if (!operations.length) return report;
  try {
    await model.bulkWrite(operations, { ordered: false });
  } catch (error) {
    // Another server loading the same records at the same start inserted these first.
    const duplicates = duplicatesOf(error);
    if (duplicates === null) throw error;
    report.inserted -= duplicates;
    report.unchanged += duplicates;
  }
  return report;
}

/**
 * How many writes an unordered bulk write refused as duplicate keys, when those were all it
 * refused (every other write went in); null when it failed otherwise.
 */
function duplicatesOf(error: unknown): number | null {
  const { writeErrors } = error as { writeErrors?: { code?: number; err?: { code?: number } }[] };
  if (!writeErrors?.length || !writeErrors.every((e) => (e.code ?? e.err?.code) === 11000)) return null;
  return writeErrors.length;
}

/**
 * Inserts those of `docs` whose `_id` is not stored yet and never touches a stored one. A record
 * that appears meanwhile (another server loading the demo at the same start) is left as it is.
 */
async function insertMissing(model: Model<any>, given: Record<string, unknown>[]): Promise<SyncReport> {
  const docs = withIds(model, given);
  const report: SyncReport = { collection: model.collection.collectionName, inserted: 0, updated: 0, unchanged: 0 };
  if (!docs.length) return report;
  const stored = new Set((await model.find({ _id: anyOf(docs.map((d) => d._id)) }, { _id: 1 }).lean<{ _id: unknown }[]>()).map((d) => String(d._id)));
  const missing = docs.filter((doc) => !stored.has(String(doc._id)));
  report.unchanged = docs.length - missing.length;
  if (!missing.length) return report;
  try {
    report.inserted = (await model.insertMany(missing, { ordered: false })).length;
  } catch (error) {
    // Unordered: every other record went in; the duplicates are someone else's, kept as they are.
    const duplicates = duplicatesOf(error);
    if (duplicates === null) throw error;
    report.inserted = missing.length - duplicates;
    report.unchanged += duplicates;
  }
  return report;
}

export type Doc = Record<string, unknown>;
/** One demo unit: its head, and the records that come with it, inserted before the head. */
export interface DemoUnit {
  head: Doc;
  parts: [Model<any>, Doc[]][];
}

/** Adds the units whose head is missing, whole (see above). */
export async function addMissingUnits(head: Model<any>, units: DemoUnit[]): Promise<SyncReport[]> {
  const stored = new Set((await head.find({ _id: anyOf(units.map((u) => u.head._id)) }, { _id: 1 }).lean<{ _id: unknown }[]>()).map((d) => String(d._id)));
  const missing = units.filter((u) => !stored.has(String(u.head._id)));
  // Every part's collection reported, even with nothing to add: the reports keep one shape.
  const parts = new Map<Model<any>, Doc[]>(units.flatMap((u) => u.parts).map(([model]) => [model, []]));
  for (const unit of missing) for (const [model, docs] of unit.parts) parts.get(model)!.push(...docs);
  const reports: SyncReport[] = [];
  for (const [model, docs] of parts) reports.push(await insertMissing(model, docs));
  const headReport = await insertMissing(
    head,
    missing.map((u) => u.head),
  );
  headReport.unchanged += stored.size;
  return [...reports, headReport];
}

/** Overwrites the units' records with the shipped ones (see above); `keep` as in sync(), per model. */
export async function resetUnits(head: Model<any>, units: DemoUnit[], keep: (model: Model<any>, stored: Doc) => string[] = () => []): Promise<SyncReport[]> {
  const parts = new Map<Model<any>, Doc[]>();
  for (const unit of units) for (const [model, docs] of unit.parts) parts.set(model, [...(parts.get(model) ?? []), ...docs]);
  const reports: SyncReport[] = [];
  for (const [model, docs] of parts) reports.push(await sync(model, docs, (stored) => keep(model, stored)));
  reports.push(
    await sync(
      head,
      units.map((u) => u.head),
      (stored) => keep(head, stored),
    ),
  );
  return reports;
}

/** One report per collection, in the order they first came. */
export function merged(reports: SyncReport[]): SyncReport[] {
  const byCollection = new Map<string, SyncReport>();
  for (const r of reports) {
    const sum = byCollection.get(r.collection);
    if (!sum) byCollection.set(r.collection, { ...r });
    else for (const key of ['inserted', 'updated', 'unchanged'] as const) sum[key] += r[key];
  }
  return [...byCollection.values()];
}

/** Sets the counter of each of `ids` to what its records say, where it differs. */
export async function recount(counter: StoredCounter, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    const [stored, actual] = [await counter.stored(batch), await counter.actual(batch)];
    for (const id of batch) if ((stored.get(id) ?? 0) !== (actual.get(id) ?? 0)) await counter.replace(id, stored.get(id) ?? 0, actual.get(id) ?? 0);
  }
}
