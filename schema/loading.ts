import type { Model } from 'mongoose';
import { anyOf } from './query.ts';

/**
 * One `$in` query for a batch of ids, in storage order; loaders put the results back in key
 * order (Pothos' `sort` option), and missing keys become null there.
 */
export function findByIds<T>(model: Model<any>, ids: readonly string[]): Promise<T[]> {
  return model.find({ _id: anyOf([...new Set(ids)]) }).lean() as Promise<T[]>;
}
