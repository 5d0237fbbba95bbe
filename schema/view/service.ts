import { createHash } from 'node:crypto';
import type { Context } from '../context.ts';
import type { IdWalk, StoredCounter } from '../stored-counter.ts';
import { getThread, walkThreadIds } from '../discussion/service.ts';
import { countPerValue, findByIds } from '../loading.ts';
import { insertOnce, setMark, updateCreating } from '../mark.ts';
import { findReadablePractice, walkPracticeIds } from '../practice/service.ts';
import { View, ViewCount, type ViewCountDoc, type ViewKind } from './model.ts';

const countKey = (kind: ViewKind, target: string) => `${kind}:${target}`;

/** Who is reading: the member, or an anonymous key that does not store the visitor's address. */
function readerOf(ctx: Context): string {
  if (ctx.viewer) return ctx.viewer.id;
  return `anon:${createHash('sha256').update(`${ctx.clientAddress}\n${ctx.userAgent}`).digest('base64url').slice(0, 22)}`;
}

/** One more reader on the target's counter, creating the counter (at 0) for its first reader. */
async function addReader(key: string): Promise<number> {
  return (await updateCreating<ViewCountDoc>(ViewCount, key, { count: 0 }, { $inc: { count: 1 } })).count;
}

/**
 * Counts the viewer as a reader of a practice or thread they may read, and returns the number of
 * readers. A reader counts once however often they come back: the counter moves only for a
 * reader record that this call created.
 */
export async function recordView(ctx: Context, kind: ViewKind, target: string): Promise<number> {
  // Reading rules first: a draft or a members-only thread is NOT_FOUND, and nothing is written.
  if (kind === 'practice') await findReadablePractice(ctx.viewer, target);
  else await getThread(ctx.viewer, target);
  if (await setMark(View, { kind, target, reader: readerOf(ctx) }, true)) return addReader(countKey(kind, target));
  return (await ViewCount.findById(countKey(kind, target)).lean<ViewCountDoc>())?.count ?? 0;
}

/** Readers of each target: one query for a page. */
export async function viewCounts(kind: ViewKind, targets: readonly string[]): Promise<number[]> {
  const counts = new Map(
    (
      await findByIds<ViewCountDoc>(
        ViewCount,
        targets.map((t) => countKey(kind, t)),
      )
    ).map((c) => [c._id, c.count]),
  );
  return targets.map((t) => counts.get(countKey(kind, t)) ?? 0);
}

/** The readers of practices, and of threads, for repairCounters() (schema/counters.ts). */
const viewCounter = (kind: ViewKind, targets: IdWalk): StoredCounter => ({
  targets,
  async stored(ids) {
    const counts = await viewCounts(kind, ids);
    return new Map(ids.map((id, i) => [id, counts[i]!]));
  },
  actual: (ids) => countPerValue(View, 'target', ids, { kind }),
  async replace(id, from, to) {
    const key = countKey(kind, id);
    if ((await ViewCount.updateOne({ _id: key, count: from }, { $set: { count: to } })).modifiedCount === 1) return true;
    // A crash between a first reader's two writes leaves readers and no counter: create it. If
    // one exists after all, it holds another value: it moved, and is left alone.
    return from === 0 && insertOnce(ViewCount, { _id: key, count: to });
  },
});

export const viewCounters = [viewCounter('practice', walkPracticeIds()), viewCounter('thread', walkThreadIds())];
