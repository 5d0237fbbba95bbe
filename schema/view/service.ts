import { createHash } from 'node:crypto';
import type { Context } from '../context.ts';
import { getThread } from '../discussion/service.ts';
import { findByIds } from '../loading.ts';
import { exclusively } from '../lock.ts';
import { findReadablePractice } from '../practice/service.ts';
import { View, ViewCount, type ViewCountDoc, type ViewKind } from './model.ts';

const countKey = (kind: ViewKind, target: string) => `${kind}:${target}`;

/** Who is reading: the member, or an anonymous key that does not store the visitor's address. */
function readerOf(ctx: Context): string {
  if (ctx.viewer) return ctx.viewer.id;
  return `anon:${createHash('sha256').update(`${ctx.clientAddress}\n${ctx.userAgent}`).digest('base64url').slice(0, 22)}`;
}

/**
 * Counts the viewer as a reader of a practice or thread they may read. A reader counts once
 * however often they come back; the stored count is recounted from the readers under the
 * target's lock (FerretDB 1.24 loses concurrent $inc), and repairViewCounts() recomputes all.
 */
export async function recordView(ctx: Context, kind: ViewKind, target: string): Promise<number> {
  // Reading rules first: a draft or a members-only thread is NOT_FOUND, and nothing is written.
  if (kind === 'practice') await findReadablePractice(ctx.viewer, target);
  else await getThread(target);
  const key = { kind, target, reader: readerOf(ctx) };
  const { upsertedCount } = await View.updateOne(key, { $setOnInsert: key }, { upsert: true }).catch((error: { code?: number }) => {
    if (error.code !== 11000) throw error;
    return { upsertedCount: 0 };
  });
  return exclusively(`views:${countKey(kind, target)}`, async () => {
    if (!upsertedCount) return (await ViewCount.findById(countKey(kind, target)).lean<ViewCountDoc>())?.count ?? 0;
    const count = await View.countDocuments({ kind, target });
    await ViewCount.updateOne({ _id: countKey(kind, target) }, { $set: { count } }, { upsert: true });
    return count;
  });
}

/** Readers of each target: one query for a page. */
export async function viewCounts(kind: ViewKind, targets: readonly string[]): Promise<number[]> {
  const counts = new Map((await findByIds<ViewCountDoc>(ViewCount, targets.map((t) => countKey(kind, t)))).map((c) => [c._id, c.count]));
  return targets.map((t) => counts.get(countKey(kind, t)) ?? 0);
}

/** Recomputes every stored view count from the readers; returns how many were wrong. */
export async function repairViewCounts(): Promise<number> {
  // Sorted first, so MongoDB walks the (kind, target, reader) index instead of scanning.
  const actual = await View.aggregate<{ _id: { kind: ViewKind; target: unknown }; n: number }>([
    { $sort: { kind: 1, target: 1, reader: 1 } },
    { $group: { _id: { kind: '$kind', target: '$target' }, n: { $sum: 1 } } },
  ]);
  const right = new Map(actual.map((a) => [countKey(a._id.kind, String(a._id.target)), a.n]));
  let fixed = 0;
  for (const stored of await ViewCount.find({}).sort({ _id: 1 }).lean<ViewCountDoc[]>()) {
    const count = right.get(stored._id) ?? 0;
    right.delete(stored._id);
    if (stored.count === count) continue;
    await ViewCount.updateOne({ _id: stored._id }, { $set: { count } });
    fixed++;
  }
  // Readers whose count was never stored (a crash between the two writes).
  for (const [_id, count] of right) {
    await ViewCount.updateOne({ _id }, { $set: { count } }, { upsert: true });
    fixed++;
  }
  return fixed;
}
