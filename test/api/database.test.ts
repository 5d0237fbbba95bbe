import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { Expert } from '../../schema/expert/model.ts';
import { Follow } from '../../schema/follow/model.ts';
import { setMark } from '../../schema/mark.ts';
import { PracticeRevision } from '../../schema/practice/model.ts';
import { ensureIndexes } from '../../server/db/connection.ts';
import { useTestDatabase } from '../helpers/database.ts';

useTestDatabase();

const someone = (handle: string) => ({
  handle,
  name: 'Nguyễn Văn Hùng',
  sortName: 'hung nguyen van hung',
  joinedAt: new Date('2020-06-11'),
});

describe('Embedded database', () => {
  it('replaces an index the model now declares differently when the database is reopened', async () => {
    const revisions = PracticeRevision.collection;
    await revisions.dropIndexes();
    // An index of the same keys as one the model declares unique, as an earlier version made it.
    await revisions.createIndex({ practice: 1, version: -1 });
    await ensureIndexes();
    const indexes = await revisions.indexes();
    const sameKeys = indexes.filter((index) => JSON.stringify(index.key) === JSON.stringify({ practice: 1, version: -1 }));
    expect(sameKeys).toEqual([expect.objectContaining({ name: 'one_revision_per_version', unique: true })]);
    const practice = new mongoose.Types.ObjectId();
    await PracticeRevision.create({ practice, version: 1, snapshot: { title: 'v1' }, editedBy: practice });
    await expect(PracticeRevision.create({ practice, version: 1, snapshot: { title: 'v1' }, editedBy: practice })).rejects.toMatchObject({ code: 11000 });
  });

  it('gives follows stored by an earlier version their keyed id when the database is reopened, keeping when each began', async () => {
    const follower = new mongoose.Types.ObjectId();
    const since = new Date('2024-03-01T00:00:00Z');
    // As an earlier version stored them: an ObjectId, and a unique index over the key fields.
    await Follow.collection.createIndex({ follower: 1, kind: 1, target: 1 }, { unique: true });
    await Follow.collection.insertMany([
      { _id: new mongoose.Types.ObjectId(), follower, kind: 'topic', target: 'du-lieu-so', createdAt: since },
      { _id: new mongoose.Types.ObjectId(), follower, kind: 'expert', target: String(follower), createdAt: since },
    ] as any[]);
    await ensureIndexes();
    const stored = await Follow.find({ follower }).sort({ kind: 1 }).lean();
    expect(stored.map((f) => [f._id, f.createdAt])).toEqual([
      [`${follower}:expert:${follower}`, since],
      [`${follower}:topic:du-lieu-so`, since],
    ]);
    // The same follow again is no second record; unfollowing finds the moved one.
    expect(await setMark(Follow, { follower, kind: 'topic', target: 'du-lieu-so' }, true)).toBe(false);
    expect(await setMark(Follow, { follower, kind: 'topic', target: 'du-lieu-so' }, false)).toBe(true);
    expect(await Follow.countDocuments({ follower })).toBe(1);
  });

  it('stores and reads back a document through mongoose when connected', async () => {
    await Expert.create(someone('hungnv'));
    const found = await Expert.findOne({ handle: 'hungnv' }).lean();
    expect(found?.name).toBe('Nguyễn Văn Hùng');
  });

  it('rejects a duplicate handle with the unique index when a second expert takes it', async () => {
    await expect(Expert.create(someone('lanpt'))).resolves.toBeTruthy();
    await expect(Expert.create(someone('lanpt'))).rejects.toMatchObject({ code: 11000 });
    expect(await Expert.countDocuments({ handle: 'lanpt' })).toBe(1);
  });

  it('refuses an operator object smuggled into a filter instead of matching everyone', async () => {
    const hostile = { $ne: null } as unknown as string;
    expect(mongoose.get('sanitizeFilter')).toBe(true);
    await expect(Expert.countDocuments({ handle: hostile })).rejects.toThrow(/Cast to string failed/);
  });
});
