import { beforeEach, describe, expect, it } from 'vitest';
import { isDeadlock } from '../../schema/mark.ts';
import { CLIENTS, codeOf, outcomes, useEngine } from './engine.ts';

/*
 * The writes the product's correctness rests on (DESIGN.md section 3, convention 15), each sent by
 * CLIENTS separate clients at once, as many server processes would: nothing may be lost, and a
 * write that states the expected state in its filter may succeed only once.
 */

const engine = useEngine();
const on = (i: number) => engine.dbs()[i]!.collection<any>('race');
const each = <T>(fn: (i: number) => Promise<T>) => outcomes(Array.from({ length: CLIENTS }, (_, i) => fn(i)));

beforeEach(async () => {
  await engine
    .db()
    .collection('race')
    .drop()
    .catch(() => {});
});

describe('Engine under concurrent writes', () => {
  it(`ends at ${CLIENTS} when ${CLIENTS} clients $inc one counter at once`, async () => {
    await on(0).insertOne({ _id: 'c' as any, n: 0 });
    const { errors } = await each((i) => on(i).updateOne({ _id: 'c' as any }, { $inc: { n: 1 } }));
    expect(errors).toEqual([]);
    expect((await on(0).findOne({ _id: 'c' as any }))?.n).toBe(CLIENTS);
  });

  it('has exactly one winner when every client moves one document out of the state its filter expects', async () => {
    await on(0).insertOne({ _id: 'p' as any, status: 'submitted', by: null });
    const { values, errors } = await each((i) => on(i).findOneAndUpdate({ _id: 'p' as any, status: 'submitted' }, { $set: { status: 'published', by: i } }, { returnDocument: 'after' }));
    expect(errors).toEqual([]);
    const winners = values.filter((doc) => doc !== null);
    expect(winners).toHaveLength(1);
    expect(await on(0).findOne({ _id: 'p' as any })).toEqual({ _id: 'p', status: 'published', by: winners[0]!.by });
  });

  it('keeps every field when each client $sets a different field of one document at once', async () => {
    await on(0).insertOne({ _id: 'd' as any });
    const { errors } = await each((i) => on(i).updateOne({ _id: 'd' as any }, { $set: { [`f${i}`]: i } }));
    expect(errors).toEqual([]);
    const stored = (await on(0).findOne({ _id: 'd' as any }))!;
    expect(Object.keys(stored).filter((k) => k.startsWith('f'))).toHaveLength(CLIENTS);
    for (let i = 0; i < CLIENTS; i++) expect(stored[`f${i}`]).toBe(i);
  });

  it('keeps every element when each client $pushes to one array at once, and one when all $addToSet the same', async () => {
    await on(0).insertOne({ _id: 'a' as any, list: [], set: [] });
    const { errors } = await each((i) => on(i).updateOne({ _id: 'a' as any }, { $push: { list: i }, $addToSet: { set: 'same' } } as any));
    expect(errors).toEqual([]);
    const stored = (await on(0).findOne({ _id: 'a' as any }))!;
    expect([...stored.list].sort((a, b) => a - b)).toEqual(Array.from({ length: CLIENTS }, (_, i) => i));
    expect(stored.set).toEqual(['same']);
  });

  it('lets exactly one of many clients insert the same unique key; the others write nothing', async () => {
    await on(0).createIndex({ practice: 1, expert: 1 }, { unique: true });
    const { values, errors } = await each((i) => on(i).insertOne({ practice: 'p', expert: 'e', by: i }));
    expect(values).toHaveLength(1);
    // A duplicate key, or on DocumentDB at times a deadlock (the insert was rolled back).
    expect(errors.filter((error) => codeOf(error) !== 11000 && !isDeadlock(error))).toEqual([]);
    expect(await on(0).countDocuments({ practice: 'p', expert: 'e' })).toBe(1);
  });

  it('writes one document when many clients insert one unique key into a collection of several indexes, and nothing for the others', async () => {
    // With several indexes PostgreSQL may end a racing insert as a deadlock instead of a
    // duplicate key: it wrote nothing either way, so the product tries it again (schema/mark.ts).
    await on(0).createIndex({ practice: 1 }, { unique: true });
    await on(0).createIndex({ kind: 1, at: -1, _id: -1 });
    await on(0).createIndex({ words: 1 });
    for (let round = 0; round < 5; round++) {
      const { values, errors } = await each((i) => on(i).insertOne({ practice: `p${round}`, kind: 'discussion', at: new Date(), words: ['a', 'b', `c${i}`] }));
      expect(values).toHaveLength(1);
      expect(errors.filter((error) => codeOf(error) !== 11000 && !isDeadlock(error))).toEqual([]);
      expect(await on(0).countDocuments({ practice: `p${round}` })).toBe(1);
    }
  });

  it(`ends at ${CLIENTS} when ${CLIENTS} first readers each create a missing counter by insert, then $inc it`, async () => {
    // The product's way to move a counter that may not exist yet (schema/mark.ts updateCreating):
    // concurrent upserts of one missing document are what DocumentDB gets wrong (below).
    const { errors } = await each(async (i) => {
      const bump = () => on(i).findOneAndUpdate({ _id: 'v' as any }, { $inc: { n: 1 } }, { returnDocument: 'after' });
      if (await bump()) return;
      await on(i)
        .insertOne({ _id: 'v' as any, n: 0 })
        .catch((error) => {
          if (codeOf(error) !== 11000) throw error;
        });
      if (!(await bump())) throw new Error('the counter is missing after its insert');
    });
    expect(errors).toEqual([]);
    expect((await on(0).findOne({ _id: 'v' as any }))?.n).toBe(CLIENTS);
  });

  it('removes once when many clients delete the same document, and says so to exactly one of them', async () => {
    await on(0).insertOne({ _id: 'gone' as any });
    const { values, errors } = await each((i) => on(i).deleteOne({ _id: 'gone' as any }));
    expect(errors).toEqual([]);
    expect(values.map((r) => r.deletedCount).sort()).toEqual([...Array(CLIENTS - 1).fill(0), 1]);
  });

  it('loses no increment when clients $inc and conditionally $set the same document at once', async () => {
    // A counter moving while a lifecycle change (the expected state in the filter) lands on the same record.
    await on(0).insertOne({ _id: 'mix' as any, n: 0, locked: false });
    const { values, errors } = await each((i) =>
      i % 2 ? on(i).updateOne({ _id: 'mix' as any }, { $inc: { n: 1 } }) : on(i).updateOne({ _id: 'mix' as any, locked: false }, { $set: { locked: true, by: i } }),
    );
    expect(errors).toEqual([]);
    const locks = values.filter((_, i) => i % 2 === 0);
    expect(locks.filter((r) => r.modifiedCount === 1)).toHaveLength(1);
    expect((await on(0).findOne({ _id: 'mix' as any }))?.n).toBe(CLIENTS / 2);
  });
});
