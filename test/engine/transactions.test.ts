import { describe, expect, it } from 'vitest';
import { codeOf, useEngine } from './engine.ts';

/*
 * Multi-document transactions differ by engine, and the difference is dangerous: FerretDB 2 takes
 * `startTransaction` and then applies each write at once, refuses `commitTransaction` (code 59,
 * CommandNotFound) and "aborts" without undoing anything. Code that wants a transaction must
 * therefore ask what the engine is before writing, never try one and rely on the abort. A MongoDB
 * replica set runs them all-or-nothing; a standalone MongoDB refuses the first write in one.
 */

const engine = useEngine();

type Kind = 'ferretdb' | 'replica set' | 'standalone';

async function engineKind(): Promise<Kind> {
  const admin = engine.db().admin();
  if ((await admin.command({ buildInfo: 1 })).ferretdb) return 'ferretdb';
  return (await admin.command({ hello: 1 })).setName ? 'replica set' : 'standalone';
}

/** Writes one document to each of two collections inside a transaction, then commits or aborts. */
async function twoWrites(tag: string, end: 'commit' | 'abort') {
  const session = engine.client().startSession();
  try {
    session.startTransaction();
    await engine.db().collection('left').insertOne({ tag }, { session });
    await engine.db().collection('right').insertOne({ tag }, { session });
    if (end === 'commit') await session.commitTransaction();
    else await session.abortTransaction();
    return null;
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction().catch(() => {});
    return error;
  } finally {
    await session.endSession();
  }
}

const stored = async (tag: string) => [await engine.db().collection('left').countDocuments({ tag }), await engine.db().collection('right').countDocuments({ tag })];

describe('Engine transactions', () => {
  it('commits two documents together on a replica set; elsewhere refuses as the engine kind predicts', async () => {
    const kind = await engineKind();
    const error = await twoWrites('commit', 'commit');
    if (kind === 'replica set') {
      expect(error).toBeNull();
      expect(await stored('commit')).toEqual([1, 1]);
    } else if (kind === 'ferretdb') {
      expect(codeOf(error)).toBe(59);
      // The writes were applied one by one before the refused commit.
      expect(await stored('commit')).toEqual([1, 1]);
    } else {
      expect(codeOf(error)).toBe(20);
      expect(await stored('commit')).toEqual([0, 0]);
    }
  });

  it('undoes both writes on abort only on a replica set; FerretDB keeps them', async () => {
    const kind = await engineKind();
    const error = await twoWrites('abort', 'abort');
    if (kind === 'standalone') expect(codeOf(error)).toBe(20);
    else expect(error).toBeNull();
    expect(await stored('abort')).toEqual(kind === 'ferretdb' ? [1, 1] : [0, 0]);
  });
});
