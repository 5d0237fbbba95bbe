import DataLoader from 'dataloader';
import type mongoose from 'mongoose';
import type { Model, QueryFilter } from 'mongoose';
import { anyOf } from './query.ts';

/*
 * Every field that reads other documents for its parent reads them for a whole page of parents
 * at once: loadable refs and `t.loadable` fields through Pothos' DataLoaders, connections and
 * arguments-taking lists through `perRequest` below. test/api/batching.test.ts walks the schema
 * and fails any such field whose cost grows with the number of parents.
 *
 * The helpers take `Model<any>`: they serve every model, and callers name the documents they
 * get back through `T`.
 */

/**
 * One `$in` query for a batch of ids, in storage order; loaders put the results back in key
 * order (Pothos' `sort` option), and missing keys become null there.
 */
export function findByIds<T>(model: Model<any>, ids: readonly string[], projection: Record<string, 0 | 1> = {}): Promise<T[]> {
  return model.find({ _id: anyOf([...new Set(ids)]) }, projection).lean() as Promise<T[]>;
}

/**
 * A DataLoader per request and per `variant` (e.g. a connection's page arguments): the parents of
 * a page that ask the same question share one batch, answered by `batch(keys, variant)` in key order.
 */
export function perRequest<K, V>(batch: (keys: readonly K[], variant: string) => Promise<V[]>) {
  const loaders = new WeakMap<object, Map<string, DataLoader<K, V, string>>>();
  return (context: object, variant = ''): DataLoader<K, V, string> => {
    let byVariant = loaders.get(context);
    if (!byVariant) loaders.set(context, (byVariant = new Map()));
    let loader = byVariant.get(variant);
    if (!loader) byVariant.set(variant, (loader = new DataLoader<K, V, string>((keys) => batch(keys, variant), { cacheKeyFn: String })));
    return loader;
  };
}

const BRANCH = '_batchBranch';

/**
 * The first `limit` documents of each filter in the order `sort`, in one command: an aggregate
 * whose branches (`$unionWith`) each read their own filter through its index and stop at the
 * limit, so a page of parents costs one round trip and no parent's long list is read whole.
 */
export async function firstOfEach<T>(model: Model<any>, filters: readonly QueryFilter<any>[], sort: Record<string, 1 | -1>, limit: number, projection: Record<string, 0> = {}): Promise<T[][]> {
  const found: T[][] = filters.map(() => []);
  if (!filters.length || limit <= 0) return found;
  // Aggregates skip mongoose's casting: cast each filter as a find would (ids, dates).
  const branch = (filter: QueryFilter<any>, i: number) => [
    { $match: model.find(filter).cast(model) },
    { $sort: sort },
    { $limit: limit },
    ...(Object.keys(projection).length ? [{ $project: projection }] : []),
    { $set: { [BRANCH]: i } },
  ];
  const [first, ...rest] = filters;
  const pipeline: mongoose.PipelineStage[] = [
    ...branch(first!, 0),
    ...rest.map((filter, i) => ({ $unionWith: { coll: model.collection.collectionName, pipeline: branch(filter, i + 1) } }) as mongoose.PipelineStage),
  ] as mongoose.PipelineStage[];
  for (const doc of await model.aggregate<Record<string, unknown>>(pipeline)) {
    const index = doc[BRANCH] as number;
    delete doc[BRANCH];
    found[index]!.push(doc as T);
  }
  return found;
}

/**
 * How many documents of `model` (that match `where`) hold each of `values` in `field`, for these
 * values only, keyed by the value as text (ids as hex): one aggregate whatever their number,
 * served by an index that starts with the field. An array field counts a document once for each
 * value it holds. Every count of records per parent (follower, reader, endorsement, reply,
 * vote counts; topics' and places' tallies; connections' totalCount) is this one.
 */
export async function countPerValue(model: Model<any>, field: string, values: readonly unknown[], where: Record<string, unknown> = {}): Promise<Map<string, number>> {
  if (!values.length) return new Map();
  const isArray = model.schema.path(field)?.instance === 'Array';
  // Aggregates skip mongoose's casting: cast the match as a find would (ids as ObjectIds).
  const match = model.find({ ...where, [field]: anyOf([...new Set(values)]) }).cast(model);
  const rows = await model.aggregate<{ _id: unknown; count: number }>([{ $match: match }, ...(isArray ? [{ $unwind: `$${field}` }] : []), { $group: { _id: `$${field}`, count: { $sum: 1 } } }]);
  return new Map(rows.map((row) => [String(row._id), row.count]));
}

/** countPerValue in the order of `values` (0 for a value nothing holds), for loaders. */
export async function countsInOrder(model: Model<any>, field: string, values: readonly unknown[], where: Record<string, unknown> = {}): Promise<number[]> {
  const counts = await countPerValue(model, field, values, where);
  return values.map((value) => counts.get(String(value)) ?? 0);
}
