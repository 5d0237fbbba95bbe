import { beforeEach, describe, expect, it } from 'vitest';
import { codeOf, ObjectId, useThings } from './engine.ts';

/*
 * Every read and write operation, operator and option the product's code relies on (found by
 * reading schema/, seeds/ and server/), each proven on the engine at the driver level. A query
 * that MongoDB runs and this engine answers differently fails here, not in a page.
 * Here the writes and indexes; the reads are in reads.test.ts.
 */

const { engine, things } = useThings();

describe('Engine writes', () => {
  it('applies $set, $inc, $push, $pull, $addToSet and $unset in one update', async () => {
    await things().insertOne({ _id: 1 as any, n: 1, list: ['a', 'b', 'a'], set: ['x'], gone: 1, history: [] });
    const result = await things().updateOne({ _id: 1 as any }, {
      $set: { title: 'new' },
      $inc: { n: 2 },
      $push: { history: { body: 'old', at: new Date(1) } },
      $pull: { list: 'a' },
      $addToSet: { set: { $each: ['x', 'y'] } },
      $unset: { gone: '' },
    } as any);
    expect([result.matchedCount, result.modifiedCount]).toEqual([1, 1]);
    expect(await things().findOne({ _id: 1 as any })).toEqual({ _id: 1, n: 3, list: ['b'], set: ['x', 'y'], history: [{ body: 'old', at: new Date(1) }], title: 'new' });
    const again = await things().updateOne({ _id: 1 as any }, { $addToSet: { set: 'y' } });
    expect(again.modifiedCount).toBe(0);
  });

  it('answers findOneAndUpdate with the document after or before, and null when the expected state is gone', async () => {
    await things().insertOne({ _id: 1 as any, status: 'submitted', version: 1 });
    const after = await things().findOneAndUpdate({ _id: 1 as any, status: 'submitted' }, { $set: { status: 'published' }, $inc: { version: 1 } }, { returnDocument: 'after' });
    expect(after).toEqual({ _id: 1, status: 'published', version: 2 });
    const before = await things().findOneAndUpdate({ _id: 1 as any }, { $set: { status: 'returned' } }, { returnDocument: 'before' });
    expect(before?.status).toBe('published');
    const stale = await things().findOneAndUpdate({ _id: 1 as any, status: 'submitted' }, { $set: { status: 'published' } }, { returnDocument: 'after' });
    expect(stale).toBeNull();
    expect((await things().findOne({ _id: 1 as any }))?.status).toBe('returned');
  });

  it('picks the first document of the sort in findOneAndUpdate and findOneAndDelete', async () => {
    await things().insertMany([
      { _id: 1, q: 'a', at: 3 },
      { _id: 2, q: 'a', at: 1 },
      { _id: 3, q: 'a', at: 2 },
    ] as any[]);
    expect((await things().findOneAndUpdate({ q: 'a' }, { $set: { taken: true } }, { sort: { at: 1 }, returnDocument: 'after' }))?._id).toBe(2);
    expect((await things().findOneAndDelete({ q: 'a', taken: { $ne: true } }, { sort: { at: -1 } }))?._id).toBe(1);
  });

  it('inserts on an upsert only when nothing matches, with $setOnInsert, and says which it did', async () => {
    const key = { kind: 'practice', target: 'p1', reader: 'r1' };
    const first = await things().updateOne(key, { $setOnInsert: key }, { upsert: true });
    const second = await things().updateOne(key, { $setOnInsert: key }, { upsert: true });
    expect([first.upsertedCount, first.matchedCount]).toEqual([1, 0]);
    expect([second.upsertedCount, second.matchedCount, second.modifiedCount]).toEqual([0, 1, 0]);
    const { _id, ...stored } = (await things().findOne(key))!;
    expect(stored).toEqual(key);
    const counted = await things().updateOne({ _id: 'view:p1' as any }, { $set: { count: 4 } }, { upsert: true });
    expect(counted.upsertedId).toBe('view:p1');
  });

  it('updates and deletes one or many and reports the counts', async () => {
    await things().insertMany(Array.from({ length: 5 }, (_, i) => ({ _id: i, expert: i < 3 ? 'a' : 'b', at: new Date(i) }) as any));
    expect((await things().updateMany({ expert: 'a' }, { $set: { seen: true } })).modifiedCount).toBe(3);
    expect((await things().deleteOne({ expert: 'a' })).deletedCount).toBe(1);
    expect((await things().deleteOne({ expert: 'nobody' })).deletedCount).toBe(0);
    expect((await things().deleteMany({ at: { $lt: new Date(4) } })).deletedCount).toBe(3);
    expect(await things().countDocuments({})).toBe(1);
  });

  it('runs an ordered bulk write of inserts and updates as the seed loader does', async () => {
    await things().insertOne({ _id: 'keep' as any, n: 1 });
    const result = await things().bulkWrite([{ insertOne: { document: { _id: 'new' as any, n: 1 } } }, { updateOne: { filter: { _id: 'keep' as any }, update: { $set: { n: 2 } } } }], {
      ordered: true,
    });
    expect([result.insertedCount, result.modifiedCount]).toEqual([1, 1]);
    expect(await things().find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'keep', n: 2 },
      { _id: 'new', n: 1 },
    ]);
  });

  it('accepts writes acknowledged by a majority and journaled', async () => {
    const durable = engine.db().collection('durable', { writeConcern: { w: 'majority', journal: true } });
    const result = await durable.insertOne({ n: 1 });
    expect(result.acknowledged).toBe(true);
    expect((await durable.updateOne({ _id: result.insertedId }, { $inc: { n: 1 } })).modifiedCount).toBe(1);
    expect((await durable.findOne({ _id: result.insertedId }))?.n).toBe(2);
  });

  it('drops a database with its collections and indexes', async () => {
    const other = engine.client().db(`${engine.db().databaseName}x`);
    await other.collection('c').createIndex({ a: 1 }, { unique: true });
    await other.collection('c').insertOne({ a: 1 });
    expect(await other.dropDatabase()).toBe(true);
    expect(await other.listCollections().toArray()).toEqual([]);
    await other.collection('c').insertOne({ a: 1 });
    await other.collection('c').insertOne({ a: 1 });
    expect(await other.collection('c').countDocuments({ a: 1 })).toBe(2);
    await other.dropDatabase();
  });
});

describe('Engine indexes', () => {
  const indexed = () => engine.db().collection<any>('indexed');
  beforeEach(async () => {
    await indexed()
      .drop()
      .catch(() => {});
  });

  it('creates compound indexes with directions and lists them back by key and name', async () => {
    await indexed().createIndexes([{ key: { status: 1, publishedAt: -1, _id: -1 } }, { key: { emailKey: 1 }, unique: true }]);
    const listed = await indexed().listIndexes().toArray();
    expect(listed.map((i) => [i.name, i.key, Boolean(i.unique)])).toEqual(
      expect.arrayContaining([
        ['_id_', { _id: 1 }, false],
        ['status_1_publishedAt_-1__id_-1', { status: 1, publishedAt: -1, _id: -1 }, false],
        ['emailKey_1', { emailKey: 1 }, true],
      ]),
    );
    // Creating the same indexes again, as every start-up does, changes nothing.
    await indexed().createIndexes([{ key: { status: 1, publishedAt: -1, _id: -1 } }, { key: { emailKey: 1 }, unique: true }]);
    expect(await indexed().listIndexes().toArray()).toHaveLength(3);
  });

  it('refuses a duplicate key with code 11000 naming the index key and value', async () => {
    await indexed().createIndex({ owner: 1, kind: 1, target: 1 }, { unique: true });
    await indexed().insertOne({ owner: 'o', kind: 'thread', target: 't' });
    const error = await indexed()
      .insertOne({ owner: 'o', kind: 'thread', target: 't' })
      .catch((e: unknown) => e);
    expect(codeOf(error)).toBe(11000);
    const { keyPattern, keyValue, message } = error as { keyPattern?: unknown; keyValue?: unknown; message: string };
    // Both engines name the index in the message; MongoDB alone also gives keyPattern and keyValue
    // (FerretDB leaves them out), so the product relies on the code and, at most, the index name.
    expect(message).toContain('owner_1_kind_1_target_1');
    if (keyPattern !== undefined)
      expect([keyPattern, keyValue]).toEqual([
        { owner: 1, kind: 1, target: 1 },
        { owner: 'o', kind: 'thread', target: 't' },
      ]);
    expect(await indexed().countDocuments({})).toBe(1);
  });

  it('refuses a duplicate in an upsert with 11000, leaving one document', async () => {
    await indexed().createIndex({ reply: 1, expert: 1 }, { unique: true });
    await indexed().insertOne({ reply: 'r', expert: 'e', n: 1 });
    // The filter misses (n differs), so the upsert inserts and meets the unique index.
    const error = await indexed()
      .updateOne({ reply: 'r', expert: 'e', n: 2 }, { $setOnInsert: { reply: 'r', expert: 'e' } }, { upsert: true })
      .catch((e: unknown) => e);
    expect(codeOf(error)).toBe(11000);
    expect(await indexed().countDocuments({})).toBe(1);
  });

  it('inserts the rest of an unordered batch past a duplicate and reports the duplicate', async () => {
    await indexed().createIndex({ handle: 1 }, { unique: true });
    await indexed().insertOne({ handle: 'b' });
    const error = await indexed()
      .insertMany([{ handle: 'a' }, { handle: 'b' }, { handle: 'c' }], { ordered: false })
      .catch((e: unknown) => e as { code?: number; writeErrors?: { code: number; index: number }[]; insertedCount?: number });
    expect(codeOf(error)).toBe(11000);
    const writeErrors = ([] as { code: number; index: number }[]).concat((error as { writeErrors?: any }).writeErrors ?? []);
    expect(writeErrors.map((e) => [e.index, e.code])).toEqual([[1, 11000]]);
    expect((await indexed().find({}).sort({ handle: 1 }).toArray()).map((d) => d.handle)).toEqual(['a', 'b', 'c']);
  });

  it('refuses to build a unique index over existing duplicates and leaves none half-built', async () => {
    await indexed().insertMany([{ k: 1 }, { k: 1 }]);
    // MongoDB answers 11000; FerretDB another code: a new one-of rule needs its duplicates gone first.
    await expect(indexed().createIndex({ k: 1 }, { unique: true })).rejects.toThrow();
    expect((await indexed().listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('keeps a partial unique index to the documents its filter selects', async () => {
    // One pending request per person, any number of decided ones; one discussion per practice.
    await indexed().createIndex({ expert: 1 }, { unique: true, partialFilterExpression: { status: 'pending' }, name: 'one_pending' });
    await indexed().createIndex({ practice: 1 }, { unique: true, partialFilterExpression: { practice: { $exists: true } }, name: 'one_per_practice' });
    await indexed().insertMany([
      { expert: 'e', status: 'declined' },
      { expert: 'e', status: 'declined' },
      { expert: 'e', status: 'pending' },
    ]);
    expect(
      codeOf(
        await indexed()
          .insertOne({ expert: 'e', status: 'pending' })
          .catch((e: unknown) => e),
      ),
    ).toBe(11000);
    await indexed().updateOne({ expert: 'e', status: 'pending' }, { $set: { status: 'approved' } });
    await indexed().insertOne({ expert: 'e', status: 'pending' });
    const practice = new ObjectId();
    await indexed().insertOne({ kind: 'thread', practice });
    expect(
      codeOf(
        await indexed()
          .insertOne({ kind: 'thread', practice })
          .catch((e: unknown) => e),
      ),
    ).toBe(11000);
    // Written as `$gt` the least id, the filter leaves out the threads whose practice is null.
    await indexed().createIndex({ discussed: 1 }, { unique: true, partialFilterExpression: { discussed: { $gt: new ObjectId('000000000000000000000000') } }, name: 'one_per_discussed' });
    await indexed().insertMany([{ discussed: null }, { discussed: null }, { discussed: practice }]);
    expect(
      codeOf(
        await indexed()
          .insertOne({ discussed: practice })
          .catch((e: unknown) => e),
      ),
    ).toBe(11000);
    expect(
      (
        await indexed()
          .find({ discussed: { $in: [practice, new ObjectId()] } })
          .toArray()
      ).map((d) => d.discussed),
    ).toEqual([practice]);
    expect(await indexed().countDocuments({ expert: 'e' })).toBe(4);
    expect(await indexed().countDocuments({ discussed: { $exists: true } })).toBe(3);
    const listed = await indexed().listIndexes().toArray();
    expect(listed.find((i) => i.name === 'one_pending')?.partialFilterExpression).toEqual({ status: 'pending' });
  });
});
