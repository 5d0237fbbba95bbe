import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotAuthorizedError } from '../errors.ts';
import { exclusively } from '../lock.ts';
import { anyOf } from '../query.ts';
import { findReadablePractice, replaceEndorsementCounts, setEndorsementCount, type PracticeDoc } from '../practice/service.ts';
import { isAuthor } from '../practice/policy.ts';
import { parseInput } from '../validation.ts';
import { Endorsement } from './model.ts';

const idInput = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/, 'INVALID') });

/*
 * Counters are stored on the practice for cheap lists, but never incremented: after each change
 * the count is recounted from the endorsements under the practice's lock (FerretDB 1.24 loses
 * concurrent $inc), so it cannot drift; repairEndorsementCounts() recomputes all of them.
 */
async function recount(practiceId: string): Promise<PracticeDoc> {
  return setEndorsementCount(practiceId, await Endorsement.countDocuments({ practice: practiceId }));
}

/** Says "this helped me" about a published practice of someone else; saying it twice counts once. */
export async function endorsePractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id } = parseInput(idInput, input);
  return exclusively(`practice:${id}`, async () => {
    const practice = await findReadablePractice(viewer, id);
    if (practice.status !== 'published') throw new ConflictError('Only published practices can be endorsed.');
    if (isAuthor(viewer, practice)) throw new NotAuthorizedError('Authors cannot endorse their own practice.');
    await Endorsement.updateOne({ practice: id, expert: viewer.id }, { $setOnInsert: { practice: id, expert: viewer.id } }, { upsert: true }).catch((error: { code?: number }) => {
      if (error.code !== 11000) throw error;
    });
    return recount(id);
  });
}

export async function withdrawEndorsement(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id } = parseInput(idInput, input);
  return exclusively(`practice:${id}`, async () => {
    await findReadablePractice(viewer, id);
    await Endorsement.deleteOne({ practice: id, expert: viewer.id });
    return recount(id);
  });
}

/** Which of these practices the viewer endorsed: one query for a whole page. */
export async function endorsedByViewer(viewerId: string, practiceIds: readonly string[]): Promise<boolean[]> {
  const found = await Endorsement.find({ expert: viewerId, practice: anyOf(practiceIds) }, { practice: 1 }).lean();
  const endorsed = new Set(found.map((e) => String(e.practice)));
  return practiceIds.map((id) => endorsed.has(id));
}

/** Recomputes every practice's endorsement count from the endorsements themselves. */
export async function repairEndorsementCounts(): Promise<number> {
  // Sorted by practice first, so MongoDB walks the (practice, expert) index instead of scanning.
  const counts = await Endorsement.aggregate<{ _id: unknown; n: number }>([{ $sort: { practice: 1 } }, { $group: { _id: '$practice', n: { $sum: 1 } } }]);
  return replaceEndorsementCounts(new Map(counts.map((c) => [String(c._id), c.n])));
}
