import mongoose, { type Model } from 'mongoose';
import { renderTexts } from './pool.ts';
import { RENDERER_VERSION } from './render.ts';

/*
 * The start-up step that brings stored HTML up to RENDERER_VERSION, shared by the features that
 * store rendered markdown (schema/discussion/migrate.ts, schema/practice/migrate.ts, schema/collection/migrate.ts).
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

/**
 * Calls `handle` with the documents of `model` that `needed` picks, MIGRATION_BATCH at a time,
 * each read whole by `_id` with `fields`. The pass reads every document's `_id` and `probe`
 * fields once, as a repair pass does (no filter the indexes could serve: a one-off, at the first
 * start of a release), then only the documents that need work. Uses the driver's collection:
 * fields the schema no longer declares (an embedded `history`) stay readable.
 */
export async function forEachNeeding(
  model: Model<any>,
  probe: string[],
  needed: (doc: Record<string, unknown>) => boolean,
  fields: string[],
  handle: (docs: Record<string, any>[]) => Promise<void>,
): Promise<void> {
  const collection = model.collection;
  const flush = async (ids: unknown[]) => {
    const projection = Object.fromEntries(fields.map((f) => [f, 1]));
    const docs = await collection.find({ _id: { $in: ids } } as never, { projection }).toArray();
    if (docs.length) await handle(docs);
  };
  let ids: unknown[] = [];
  const cursor = collection.find({}, { projection: Object.fromEntries(probe.map((f) => [f, 1])), batchSize: 1000 });
  for await (const doc of cursor) {
    if (!needed(doc)) continue;
    ids.push(doc._id);
    if (ids.length === MIGRATION_BATCH) {
      await flush(ids);
      ids = [];
    }
  }
  if (ids.length) await flush(ids);
}

/** Not rendered, or rendered by an older renderer. */
export const isStale = (version: unknown) => typeof version !== 'number' || version < RENDERER_VERSION;

/**
 * Renders `fields` (markdown field -> its HTML field) of every document of `model` whose
 * `versionField` is stale. Each write is conditional on the version and the texts read, so a
 * concurrent edit (which stores its own, current rendering) or another server doing the same at
 * once is never overwritten. Returns how many documents it rendered.
 */
export async function renderStale(model: Model<any>, fields: Record<string, string>, versionField: string): Promise<number> {
  const sources = Object.keys(fields);
  let rendered = 0;
  await forEachNeeding(
    model,
    [versionField],
    (doc) => isStale(doc[versionField]),
    [...sources, versionField],
    async (batch) => {
      const texts = batch.flatMap((doc) => sources.map((f) => (typeof doc[f] === 'string' ? (doc[f] as string) : '')));
      const results = await renderTexts(texts);
      const writes = batch.map((doc, i) => {
        const $set: Record<string, unknown> = { [versionField]: RENDERER_VERSION };
        for (const [j, f] of sources.entries()) $set[fields[f]!] = results[i * sources.length + j]!.html;
        const unchanged = Object.fromEntries(sources.map((f) => [f, doc[f] ?? null]));
        return { updateOne: { filter: { _id: doc._id, [versionField]: doc[versionField] ?? null, ...unchanged }, update: { $set } } };
      });
      const { modifiedCount } = await model.collection.bulkWrite(writes as never, { ordered: false });
      rendered += modifiedCount;
    },
  );
  return rendered;
}
