import { describe, expect, it } from 'vitest';
import { explainTargets, isWholePass, readPlan, shapeKey, sortServed, type IndexKeys } from '../helpers/index-usage.ts';

/* Plans in the shapes the engines answer (trimmed to what is read). */
const bitmap = (index: string, cond: string) => ({ 'Node Type': 'Bitmap Index Scan', 'Index Name': index, 'Index Cond': cond });
const BY_DOCUMENT = "(document OPERATOR(documentdb_api_catalog.@=) 'BSONHEX0c00'::documentdb_core.bson)";
const WHOLE = "(shard_key_value = '97'::bigint)";
const heap = (...children: object[]) => ({ 'Node Type': 'Bitmap Heap Scan', 'Relation Name': 'documents_97', Plans: children });
const documentdb = (plan: object) => ({ queryPlanner: { Plan: plan }, ok: 1 });

describe('Query plan reading', () => {
  it('finds no full scan when DocumentDB reads a declared index', () => {
    const reading = readPlan(documentdb({ 'Node Type': 'Limit', Plans: [{ 'Node Type': 'Sort', Plans: [heap(bitmap('place_1_sortName_1__id_1', BY_DOCUMENT))] }] }));
    expect(reading).toMatchObject({ engine: 'documentdb', fullScans: [], indexes: ['place_1_sortName_1__id_1'], blockingSort: null });
    expect(reading.outline).toBe('Limit > Sort > Bitmap Heap Scan documents_97 > Bitmap Index Scan [place_1_sortName_1__id_1]');
  });

  it('takes a DocumentDB scan of _id_ on the shard key alone, or a Seq Scan, for the whole collection', () => {
    expect(readPlan(documentdb(heap(bitmap('_id_', WHOLE)))).fullScans).toEqual(['documents_97']);
    expect(readPlan(documentdb({ 'Node Type': 'Seq Scan', 'Relation Name': 'documents_5' })).fullScans).toEqual(['documents_5']);
    expect(readPlan(documentdb({ 'Node Type': 'Index Scan', 'Index Name': '_id_', 'Relation Name': 'documents_5', 'Index Cond': WHOLE })).fullScans).toEqual(['documents_5']);
  });

  it('takes a DocumentDB lookup by _id for selective', () => {
    const byId = {
      'Node Type': 'Index Scan',
      'Index Name': '_id_',
      'Relation Name': 'documents_5',
      'Index Cond': "((shard_key_value = '5'::bigint) AND (object_id OPERATOR(documentdb_core.=) 'BSONHEX0d'::documentdb_core.bson))",
    };
    expect(readPlan(documentdb(byId)).fullScans).toEqual([]);
  });

  it("takes a partial index read without a condition for selective: it holds only its filter's documents", () => {
    const partialRead = heap({ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'one_pending' });
    expect(readPlan(documentdb(partialRead), new Set(['one_pending'])).fullScans).toEqual([]);
    expect(readPlan(documentdb(partialRead)).fullScans).toEqual(['documents_97']);
  });

  it('needs every branch of a BitmapOr selective, but one part of a BitmapAnd', () => {
    const or = (...parts: object[]) => ({ 'Node Type': 'BitmapOr', Plans: parts });
    const and = (...parts: object[]) => ({ 'Node Type': 'BitmapAnd', Plans: parts });
    expect(readPlan(documentdb(heap(or(bitmap('a_1', BY_DOCUMENT), bitmap('b_1', BY_DOCUMENT))))).fullScans).toEqual([]);
    expect(readPlan(documentdb(heap(or(bitmap('a_1', BY_DOCUMENT), bitmap('_id_', WHOLE))))).fullScans).toEqual(['documents_97']);
    expect(readPlan(documentdb(heap(and(bitmap('a_1', BY_DOCUMENT), bitmap('_id_', WHOLE))))).fullScans).toEqual([]);
  });

  it('reads MongoDB stage trees: COLLSCAN is a full scan, SORT a blocking sort, rejected plans ignored', () => {
    const find = {
      queryPlanner: {
        namespace: 't.experts',
        winningPlan: { stage: 'LIMIT', inputStage: { stage: 'SORT', inputStage: { stage: 'COLLSCAN' } } },
        rejectedPlans: [{ stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: 'place_1' } }],
      },
    };
    expect(readPlan(find)).toMatchObject({ engine: 'mongodb', fullScans: ['t.experts'], indexes: [], blockingSort: true, outline: 'LIMIT > SORT > COLLSCAN' });
    const served = { queryPlanner: { namespace: 't.experts', winningPlan: { queryPlan: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: 'place_1_sortName_1__id_1' } } } } };
    expect(readPlan(served)).toMatchObject({ fullScans: [], indexes: ['place_1_sortName_1__id_1'], blockingSort: false });
    const aggregate = { stages: [{ $cursor: { queryPlanner: { namespace: 't.replies', winningPlan: { stage: 'COLLSCAN' } } } }, { $group: {} }] };
    expect(readPlan(aggregate).fullScans).toEqual(['t.replies']);
  });
});

describe('Explained reads', () => {
  it('explains a findAndModify, a distinct, an update and a delete as the find selecting the same documents', () => {
    const sort = new Map([['at', 1]]);
    expect(explainTargets('findAndModify', { findAndModify: 'practices', query: { _id: 1, status: 'submitted' }, sort, update: {} })[0]!.command).toEqual({
      find: 'practices',
      filter: { _id: 1, status: 'submitted' },
      sort,
      limit: 1,
    });
    expect(explainTargets('distinct', { distinct: 'follows', key: 'target', query: { follower: 'x' } })[0]!.command).toEqual({ find: 'follows', filter: { follower: 'x' } });
    const updates = explainTargets('update', {
      update: 'views',
      updates: [
        { q: { a: 1 }, u: {}, upsert: true },
        { q: { b: 1 }, u: {}, multi: true },
      ],
    });
    expect(updates.map((t) => t.command)).toEqual([
      { find: 'views', filter: { a: 1 }, limit: 1 },
      { find: 'views', filter: { b: 1 } },
    ]);
    expect(explainTargets('delete', { delete: 'sessions', deletes: [{ q: { expiresAt: { $lt: 1 } }, limit: 0 }] })[0]!.command).toEqual({ find: 'sessions', filter: { expiresAt: { $lt: 1 } } });
  });

  it('drops what does not change a plan (sessions, batch sizes) and ignores commands that read nothing', () => {
    const [target] = explainTargets('find', { find: 'experts', filter: { place: 'x' }, batchSize: 5, lsid: {}, $db: 't', limit: 3 });
    expect(target!.command).toEqual({ find: 'experts', filter: { place: 'x' }, limit: 3 });
    expect(explainTargets('insert', { insert: 'experts', documents: [] })).toEqual([]);
    expect(explainTargets('getMore', { getMore: 1, collection: 'experts' })).toEqual([]);
  });

  it('gives reads the same shape key when only values differ, and different ones when the plan may differ', () => {
    const key = (filter: Record<string, unknown>) => shapeKey(explainTargets('find', { find: 'experts', filter })[0]!);
    expect(key({ place: 'a', n: { $in: ['x'] } })).toBe(key({ place: 'b', n: { $in: ['y'] } }));
    expect(key({ handle: { $regex: '^an' } })).not.toBe(key({ handle: { $regex: 'an' } }));
    expect(key({ n: { $in: [] } })).not.toBe(key({ n: { $in: ['x'] } }));
    expect(key({ place: null })).not.toBe(key({ place: 'a' }));
  });

  it('takes a read with neither filter nor limit for a whole pass, and a page or a filtered read not', () => {
    const target = (command: Record<string, unknown>) => explainTargets(Object.keys(command)[0]!, command)[0]!;
    expect(isWholePass(target({ find: 'experts', filter: {}, sort: { _id: 1 } }))).toBe(true);
    expect(isWholePass(target({ aggregate: 'votes', pipeline: [{ $group: { _id: '$reply' } }] }))).toBe(true);
    expect(isWholePass(target({ find: 'experts', filter: {}, sort: { sortName: 1 }, limit: 21 }))).toBe(false);
    expect(isWholePass(target({ find: 'experts', filter: { place: 'x' } }))).toBe(false);
    expect(isWholePass(target({ aggregate: 'votes', pipeline: [{ $match: { reply: 1 } }, { $group: { _id: null } }] }))).toBe(false);
  });
});

describe('Sort by declared index (ESR)', () => {
  const indexes: IndexKeys[] = [
    [['handle', 1]],
    [
      ['sortName', 1],
      ['_id', 1],
    ],
    [
      ['place', 1],
      ['sortName', 1],
      ['_id', 1],
    ],
  ];
  const sorted = (filter: Record<string, unknown>, sort: [string, number][]) => sortServed({ filter, sort }, indexes);

  it('accepts equality then the sort in index order, or exactly reversed', () => {
    expect(
      sorted({ place: { $in: ['da-nang', 'quang-nam'] } }, [
        ['sortName', 1],
        ['_id', 1],
      ]),
    ).toBe(true);
    expect(
      sorted({ place: 'hue' }, [
        ['sortName', -1],
        ['_id', -1],
      ]),
    ).toBe(true);
    expect(
      sorted({}, [
        ['sortName', 1],
        ['_id', 1],
      ]),
    ).toBe(true);
  });

  it('accepts keyset $or branches when each branch has its order', () => {
    const keyset = { $or: [{ sortName: { $gt: 'an' } }, { sortName: 'an', _id: { $gt: 'x' } }] };
    expect(
      sorted({ $and: [{ place: 'ha-noi' }, keyset] }, [
        ['sortName', 1],
        ['_id', 1],
      ]),
    ).toBe(true);
  });

  it('rejects a sort no index gives after the equality fields, or in mixed directions', () => {
    expect(sorted({ place: 'hue' }, [['joinedAt', -1]])).toBe(false);
    expect(
      sorted({}, [
        ['sortName', 1],
        ['_id', -1],
      ]),
    ).toBe(false);
    expect(
      sorted({ handle: { $regex: '^a' } }, [
        ['sortName', 1],
        ['place', 1],
      ]),
    ).toBe(false);
  });
});
