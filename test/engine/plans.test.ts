import { beforeAll, describe, expect, it } from 'vitest';
import { explainTargets, readPlan, unservedReads, type PlanReading } from '../helpers/index-usage.ts';
import { useEngine } from './engine.ts';

/*
 * The premise of the index proof in test/helpers/index-usage.ts, on the running engine: its plans
 * say whether an index is used, and they say the same for a collection of one document as for
 * one of thousands, so the API suite's small collections prove what large ones will do.
 */

const engine = useEngine();

const explain = async (collection: string, command: Record<string, unknown>): Promise<PlanReading> =>
  readPlan(await engine.db().command({ explain: { [Object.keys(command)[0]!]: collection, ...Object.fromEntries(Object.entries(command).slice(1)) }, verbosity: 'queryPlanner' }));

/** The reads whose plans are compared, and whether an index should serve each. */
const READS: [string, Record<string, unknown>, boolean][] = [
  ['equality on an indexed field', { find: 1, filter: { place: 'p3' } }, true],
  ['equality on the first field of a compound index, with its sort', { find: 1, filter: { place: 'p3' }, sort: { sortName: 1, _id: 1 }, limit: 5 }, true],
  ['$in on an indexed field', { find: 1, filter: { place: { $in: ['p1', 'p2'] } } }, true],
  ['an anchored prefix on an indexed field', { find: 1, filter: { handle: { $regex: '^h1' } } }, true],
  ['$all of array elements', { find: 1, filter: { tokens: { $all: ['t1', 'u1'] } } }, true],
  ['a range on an indexed date', { find: 1, filter: { at: { $lt: new Date(5000) } } }, true],
  ['an $or whose branches are all indexed', { find: 1, filter: { $or: [{ place: 'p1' }, { handle: 'h2' }] } }, true],
  ['a count with an indexed filter', { count: 1, query: { place: 'p3' } }, true],
  ['an aggregate led by an indexed $match', { aggregate: 1, pipeline: [{ $match: { place: 'p3' } }, { $group: { _id: null, n: { $sum: 1 } } }], cursor: {} }, true],
  ['lookups by _id', { find: 1, filter: { _id: { $in: [1, 2, 3] } } }, true],
  ['equality on a field no index has', { find: 1, filter: { bio: 'x' } }, false],
  ['an $or with one branch no index has', { find: 1, filter: { $or: [{ place: 'p1' }, { bio: 'x' }] } }, false],
  ['no filter at all', { find: 1, filter: {} }, false],
];

async function seed(name: string, count: number) {
  const collection = engine.db().collection(name);
  await collection.createIndexes([{ key: { place: 1, sortName: 1, _id: 1 } }, { key: { handle: 1 }, unique: true }, { key: { tokens: 1 } }, { key: { at: -1 } }]);
  const docs = Array.from({ length: count }, (_, i) => ({ _id: i, handle: `h${i}`, place: `p${i % 30}`, sortName: `n${i}`, tokens: [`t${i % 100}`, `u${i % 7}`], at: new Date(i * 1000), bio: '' }));
  for (let i = 0; i < docs.length; i += 1000) await collection.insertMany(docs.slice(i, i + 1000) as any[]);
}

describe('Engine query plans', () => {
  beforeAll(async () => {
    await seed('one', 1);
    await seed('many', 5000);
  }, 120_000);

  it.each(READS)('uses an index for %s on a collection of one document only when one applies', async (_, command, indexed) => {
    const reading = await explain('one', command);
    expect(reading.fullScans.length === 0, reading.outline).toBe(indexed);
    if (indexed) expect(reading.indexes.length, reading.outline).toBeGreaterThan(0);
  });

  it('plans each read on 5,000 documents as on one: index or whole collection alike', async () => {
    for (const [, command] of READS) {
      const small = await explain('one', command);
      const large = await explain('many', command);
      expect([command, large.fullScans.length === 0], large.outline).toEqual([command, small.fullScans.length === 0]);
    }
  });

  it('reports the reads a file made that no index serves, and passes whole passes and reference data', async () => {
    await engine
      .db()
      .collection('places')
      .insertOne({ _id: 'p1' as any, order: 1 });
    const targets = [
      ...explainTargets('find', {
        find: 'many',
        filter: { place: 'p1' },
        sort: new Map([
          ['sortName', 1],
          ['_id', 1],
        ]),
        limit: 21,
      }),
      ...explainTargets('find', { find: 'many', filter: { bio: 'x' }, limit: 21 }),
      ...explainTargets('update', { update: 'many', updates: [{ q: { bio: 'x' }, u: { $set: { bio: 'y' } } }] }),
      ...explainTargets('find', { find: 'many', filter: { place: 'p1' }, sort: new Map([['bio', 1]]), limit: 5 }),
      ...explainTargets('delete', { delete: 'many', deletes: [{ q: {}, limit: 0 }] }),
      ...explainTargets('find', { find: 'places', filter: {}, sort: { order: 1 } }),
    ];
    const declared = new Map([
      [
        'many',
        [
          [
            ['place', 1],
            ['sortName', 1],
            ['_id', 1],
          ],
          [['handle', 1]],
          [['tokens', 1]],
          [['at', -1]],
        ] as [string, number][][],
      ],
    ]);
    const unserved = await unservedReads(engine.db(), targets, declared);
    const whole = 'reads many whole (indexes many: _id_, place_1_sortName_1__id_1, handle_1, tokens_1, at_-1)';
    expect(unserved.map((u) => [u.sentAs, u.command.filter, u.problem])).toEqual([
      ['find', { bio: 'x' }, whole],
      ['update', { bio: 'x' }, whole],
      ['find', { place: 'p1' }, 'sorts by [["bio",1]] with no index in that order after its equality fields'],
    ]);
  });
});
