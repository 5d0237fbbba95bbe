import { describe, expect, it } from 'vitest';
import { unservedQueries, type IndexKeys, type QueryShape } from '../helpers/index-usage.ts';

const indexes = new Map<string, IndexKeys[]>([
  ['experts', [[['handle', 1]], [['sortName', 1], ['_id', 1]], [['place', 1], ['sortName', 1], ['_id', 1]]]],
]);
const query = (filter: Record<string, unknown>, sort: Record<string, number> = {}, collection = 'experts'): QueryShape => ({ collection, command: 'find', filter, sort });
const served = (q: QueryShape) => unservedQueries([q], indexes).length === 0;

describe('Index usage check', () => {
  it('accepts equality then sort in index order (ESR)', () => {
    expect(served(query({ place: { $in: ['da-nang', 'quang-nam'] } }, { sortName: 1, _id: 1 }))).toBe(true);
  });

  it('accepts keyset $or branches when each is served', () => {
    const keyset = { $or: [{ sortName: { $gt: 'an' } }, { sortName: 'an', _id: { $gt: 'x' } }] };
    expect(served(query({ $and: [{ place: 'ha-noi' }, keyset] }, { sortName: 1, _id: 1 }))).toBe(true);
  });

  it('rejects a filter on a field no index starts with', () => {
    expect(served(query({ bio: 'x' }))).toBe(false);
  });

  it('rejects a sort that would need a blocking in-memory sort', () => {
    expect(served(query({ place: 'ha-noi' }, { joinedAt: -1 }))).toBe(false);
  });

  it('rejects an unfiltered read of a large collection but allows reference data', () => {
    expect(served(query({}))).toBe(false);
    expect(served(query({}, {}, 'places'))).toBe(true);
  });

  it('accepts lookups by _id and anchored prefixes on an indexed field', () => {
    expect(served(query({ _id: { $in: ['a', 'b'] } }))).toBe(true);
    expect(served(query({ handle: /^bulk/ }))).toBe(true);
  });
});
