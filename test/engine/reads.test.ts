import { describe, expect, it } from 'vitest';
import { Binary, ObjectId, useThings } from './engine.ts';

/*
 * Every read and write operation, operator and option the product's code relies on (found by
 * reading schema/, seeds/ and server/), each proven on the engine at the driver level. A query
 * that MongoDB runs and this engine answers differently fails here, not in a page.
 * Here the reads; the writes and indexes are in writes.test.ts.
 */

const { things } = useThings();

describe('Engine reads', () => {
  it('matches equality on scalars, array elements and null (null also matches a missing field)', async () => {
    await things().insertMany([
      { _id: 1 as any, place: 'ha-noi', topics: ['cds', 'attt'], practice: null },
      { _id: 2 as any, place: 'hue', topics: ['cds'] },
      { _id: 3 as any, place: null, topics: [], practice: new ObjectId() },
    ]);
    const ids = async (filter: Record<string, unknown>) => (await things().find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ place: 'ha-noi' })).toEqual([1]);
    expect(await ids({ topics: 'cds' })).toEqual([1, 2]);
    expect(await ids({ practice: null })).toEqual([1, 2]);
    expect(await ids({ place: null })).toEqual([3]);
  });

  it('applies $in (also empty), $nin, $ne, $gt, $gte, $lt, $lte, $exists and $all', async () => {
    const day = (d: number) => new Date(Date.UTC(2025, 0, d));
    await things().insertMany([
      { _id: 1 as any, n: 1, at: day(1), tokens: ['chuyen', 'doi', 'so'], author: 'a' },
      { _id: 2 as any, n: 2, at: day(2), tokens: ['chuyen', 'doi'], author: 'b' },
      { _id: 3 as any, n: 3, at: day(3), tokens: ['so'], author: 'c', extra: true },
    ]);
    const ids = async (filter: Record<string, unknown>) => (await things().find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ author: { $in: ['a', 'c'] } })).toEqual([1, 3]);
    expect(await ids({ author: { $in: [] } })).toEqual([]);
    expect(await ids({ _id: { $in: [3, 1, 9] } })).toEqual([1, 3]);
    expect(await ids({ author: { $nin: ['a'] } })).toEqual([2, 3]);
    expect(await ids({ author: { $ne: 'b' } })).toEqual([1, 3]);
    expect(await ids({ n: { $gt: 1, $lte: 3 } })).toEqual([2, 3]);
    expect(await ids({ at: { $lt: day(3), $gte: day(2) } })).toEqual([2]);
    expect(await ids({ extra: { $exists: true } })).toEqual([3]);
    expect(await ids({ extra: { $exists: false } })).toEqual([1, 2]);
    expect(await ids({ tokens: { $all: ['doi', 'chuyen'] } })).toEqual([1, 2]);
    expect(await ids({ $and: [{ tokens: 'so' }, { tokens: 'doi' }] })).toEqual([1]);
  });

  it('combines $and and $or to any depth, as keyset pages after a cursor do', async () => {
    await things().insertMany(['an', 'an', 'binh', 'chi'].map((name, i) => ({ _id: i + 1, name, place: i % 2 ? 'hue' : 'ha-noi' }) as any));
    // After ("an", 1) in (name, _id) order.
    const keyset = { $or: [{ name: { $gt: 'an' } }, { name: 'an', _id: { $gt: 1 } }] };
    const after = await things()
      .find({ $and: [{}, keyset] })
      .sort({ name: 1, _id: 1 })
      .toArray();
    expect(after.map((d) => d._id)).toEqual([2, 3, 4]);
    const filtered = await things()
      .find({ $and: [{ $or: [{ place: 'hue' }, { name: 'binh' }] }, keyset] })
      .sort({ name: 1, _id: 1 })
      .toArray();
    expect(filtered.map((d) => d._id)).toEqual([2, 3, 4]);
  });

  it('matches an anchored $regex prefix with escaped special characters, on strings and array elements', async () => {
    await things().insertMany([
      { _id: 1 as any, handle: 'an.nguyen', tokens: ['nguyen', 'an'] },
      { _id: 2 as any, handle: 'anxnguyen', tokens: ['nguyet'] },
      { _id: 3 as any, handle: 'ban.an', tokens: ['ban'] },
    ]);
    const ids = async (filter: Record<string, unknown>) => (await things().find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ handle: { $regex: '^an\\.' } })).toEqual([1]);
    expect(await ids({ handle: /^an/ })).toEqual([1, 2]);
    expect(await ids({ tokens: { $regex: '^nguy' } })).toEqual([1, 2]);
  });

  it('matches $elemMatch on arrays of documents and of scalars', async () => {
    await things().insertMany([
      {
        _id: 1 as any,
        links: [
          { label: 'a', url: 'x' },
          { label: 'b', url: 'y' },
        ],
        scores: [1, 5],
      },
      { _id: 2 as any, links: [{ label: 'a', url: 'y' }], scores: [3] },
    ]);
    expect(
      (
        await things()
          .find({ links: { $elemMatch: { label: 'a', url: 'y' } } })
          .toArray()
      ).map((d) => d._id),
    ).toEqual([2]);
    expect(
      (
        await things()
          .find({ scores: { $elemMatch: { $gt: 2, $lt: 4 } } })
          .toArray()
      ).map((d) => d._id),
    ).toEqual([2]);
  });

  it('sorts on compound keys with mixed directions, strings by code point and nulls first', async () => {
    await things().insertMany([
      { _id: 1 as any, at: new Date(2), name: 'b' },
      { _id: 2 as any, at: new Date(2), name: 'a' },
      { _id: 3 as any, at: new Date(1), name: 'B' },
      { _id: 4 as any, at: null, name: 'a.b' },
      { _id: 5 as any, at: new Date(3), name: 'a-b' },
    ]);
    expect((await things().find({}).sort({ at: -1, _id: -1 }).toArray()).map((d) => d._id)).toEqual([5, 2, 1, 3, 4]);
    expect((await things().find({}).sort({ at: 1, _id: 1 }).toArray()).map((d) => d._id)).toEqual([4, 3, 1, 2, 5]);
    expect((await things().find({}).sort({ name: 1 }).toArray()).map((d) => d.name)).toEqual(['B', 'a', 'a-b', 'a.b', 'b']);
  });

  it('pages with sort, skip and limit, and projects by inclusion and by exclusion', async () => {
    await things().insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: i, n: i, tokens: ['x'], title: `t${i}` }) as any));
    const page = await things()
      .find({ n: { $gte: 5 } }, { projection: { tokens: 0 } })
      .sort({ n: -1 })
      .skip(2)
      .limit(3)
      .toArray();
    expect(page).toEqual([
      { _id: 27, n: 27, title: 't27' },
      { _id: 26, n: 26, title: 't26' },
      { _id: 25, n: 25, title: 't25' },
    ]);
    expect(await things().findOne({ _id: 7 as any }, { projection: { title: 1 } })).toEqual({ _id: 7, title: 't7' });
  });

  it('counts by filter, estimates the whole collection and lists distinct values', async () => {
    await things().insertMany([
      { kind: 'a', topics: ['x', 'y'] },
      { kind: 'a', topics: ['y'] },
      { kind: 'b', topics: [] },
    ]);
    expect(await things().countDocuments({ kind: 'a' })).toBe(2);
    expect(await things().countDocuments({ kind: 'z' })).toBe(0);
    expect(await things().estimatedDocumentCount()).toBe(3);
    expect((await things().distinct('topics', { kind: 'a' })).sort()).toEqual(['x', 'y']);
  });

  it('groups with $match, $unwind, $group with $sum and $sort, as the counter repair counts', async () => {
    await things().insertMany([
      { thread: 'a', deleted: false, tags: ['p', 'q'] },
      { thread: 'a', deleted: true, tags: ['p'] },
      { thread: 'a', deleted: false, tags: [] },
      { thread: 'b', deleted: false, tags: ['q'] },
    ]);
    const counts = await things()
      .aggregate([{ $match: { deleted: false } }, { $group: { _id: '$thread', count: { $sum: 1 } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(counts).toEqual([
      { _id: 'a', count: 2 },
      { _id: 'b', count: 1 },
    ]);
    const perTag = await things()
      .aggregate([{ $unwind: '$tags' }, { $group: { _id: '$tags', n: { $sum: 1 } } }, { $sort: { n: -1, _id: 1 } }, { $limit: 1 }, { $project: { _id: 1, n: 1 } }])
      .toArray();
    expect(perTag).toEqual([{ _id: 'p', n: 2 }]);
    expect(
      await things()
        .aggregate([{ $match: { thread: 'a' } }, { $count: 'n' }])
        .toArray(),
    ).toEqual([{ n: 3 }]);
  });

  it('counts per requested value with $match $in, $unwind and $group, as the browse pages count', async () => {
    await things().insertMany([
      { status: 'published', topics: ['cds', 'attt'], place: 'hue' },
      { status: 'published', topics: ['cds'], place: 'hue' },
      { status: 'draft', topics: ['cds'], place: 'hue' },
      { status: 'published', topics: [], place: 'ha-noi' },
    ]);
    const perTopic = await things()
      .aggregate([{ $match: { status: 'published', topics: { $in: ['cds', 'attt'] } } }, { $unwind: '$topics' }, { $group: { _id: '$topics', count: { $sum: 1 } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(perTopic).toEqual([
      { _id: 'attt', count: 1 },
      { _id: 'cds', count: 2 },
    ]);
    const perPlace = await things()
      .aggregate([{ $match: { place: { $in: ['hue', 'da-nang'] } } }, { $group: { _id: '$place', count: { $sum: 1 } } }])
      .toArray();
    expect(perPlace).toEqual([{ _id: 'hue', count: 3 }]);
  });

  it('stores Vietnamese text, dates to the millisecond, ObjectIds, binary data and nested documents unchanged', async () => {
    const doc = {
      _id: new ObjectId(),
      title: 'Chuyển đổi số ở Đà Nẵng: “Một cửa” — 100%',
      at: new Date('2025-07-01T08:09:10.123Z'),
      data: new Binary(Buffer.from([0, 1, 2, 255])),
      history: [{ body: 'trước', editedAt: new Date(5) }],
      nested: { a: { b: [1, 'hai', null, true] } },
    };
    await things().insertOne(doc);
    expect(await things().findOne({ _id: doc._id })).toEqual(doc);
  });
});
