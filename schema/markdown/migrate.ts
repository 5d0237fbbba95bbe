import mongoose, { type Model } from 'mongoose';
import { renderTexts } from './pool.ts';
import { RENDERER_VERSION } from './render.ts';

/*
 * The start-up step that brings stored HTML up to RENDERER_VERSION, shared by the features that
 * store rendered markdown (schema/discussion/migrate.ts, schema/practice/migrate.ts).
 */

/** Documents read and rendered per round trip: bounded memory, and one worker call each. */
export const MIGRATION_BATCH = 100;

/**
 * Where the last complete pass of each step is noted, so that a start with nothing to do reads
 * one small document instead of scanning every collection.
 */
const migrations = () => mongoose.connection.collection<{ _id: string; version: number }>('migrations');

/** Runs `step` unless a pass at this renderer version already completed; notes it when it does. */
export async function onceForRenderer(name: string, step: () => Promise<void>): Promise<void> {
  const done = await migrations().findOne({ _id: name });
  if (done && done.version >= RENDERER_VERSION) return;
  await step();
  await migrations().updateOne({ _id: name }, { $max: { version: RENDERER_VERSION } }, { upsert: true });
}

/** Not rendered, or rendered by an older renderer. */
export const staleVersion = (field: string) => ({ $or: [{ [field]: null }, { [field]: { $lt: RENDERER_VERSION } }] });

/**
 * Renders `fields` (markdown field -> its HTML field) of every document of `model` whose `versionField`
 * is stale, in batches by `_id`. Each write is conditional on the version and the texts read, so
 * a concurrent edit (which stores its own, current rendering) or another server doing the same at
 * once is never overwritten. Uses the driver's collection: filters name fields the schema may not
 * declare, and stay as written. Returns how many documents it rendered.
 */
export async function renderStale(model: Model<any>, fields: Record<string, string>, versionField: string): Promise<number> {
  const collection = model.collection;
  const sources = Object.keys(fields);
  let after: unknown = null;
  let rendered = 0;
  for (;;) {
    const filter: Record<string, unknown> = { ...staleVersion(versionField), ...(after === null ? {} : { _id: { $gt: after } }) };
    const projection = Object.fromEntries([...sources, versionField].map((f) => [f, 1]));
    const batch = await collection.find(filter, { projection }).sort({ _id: 1 }).limit(MIGRATION_BATCH).toArray();
    if (!batch.length) return rendered;
    after = batch.at(-1)!._id;
    const texts = batch.flatMap((doc) => sources.map((f) => (typeof doc[f] === 'string' ? (doc[f] as string) : '')));
    const results = await renderTexts(texts);
    const writes = batch.map((doc, i) => {
      const $set: Record<string, unknown> = { [versionField]: RENDERER_VERSION };
      sources.forEach((f, j) => ($set[fields[f]!] = results[i * sources.length + j]!.html));
      const unchanged = Object.fromEntries(sources.map((f) => [f, doc[f] ?? null]));
      return { updateOne: { filter: { _id: doc._id, [versionField]: doc[versionField] ?? null, ...unchanged }, update: { $set } } };
    });
    const { modifiedCount } = await collection.bulkWrite(writes, { ordered: false });
    rendered += modifiedCount;
  }
}
