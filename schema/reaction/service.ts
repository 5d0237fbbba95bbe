import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotAuthorizedError } from '../errors.ts';
import { markedBy, setMark } from '../mark.ts';
import { countPerValue } from '../loading.ts';
import { findReadablePractice, moveEndorsementCount, practiceEndorsementCounter, practicesAuthoredBy, type PracticeDoc } from '../practice/service.ts';
import { isAuthor } from '../practice/policy.ts';
import { objectId, parseInput } from '../validation.ts';
import { Endorsement } from './model.ts';

/** The practice endorsed; the GraphQL inputs are generated from this schema (schema/input.ts). */
export const endorsementInput = z.object({ id: objectId });

/** The practice after an endorsement came or went, and whether this call made it so. */
export interface EndorsementOutcome {
  practice: PracticeDoc;
  counted: boolean;
}

/** Says "this helped me" about a published practice of someone else; saying it twice counts once. */
export async function endorsePractice(ctx: Context, input: unknown): Promise<EndorsementOutcome> {
  const viewer = requireViewer(ctx);
  const { id } = parseInput(endorsementInput, input);
  // Published stays published and authors stay authors of a published practice: a read suffices.
  const practice = await findReadablePractice(viewer, id);
  if (practice.status !== 'published') throw new ConflictError('Only published practices can be endorsed.');
  if (isAuthor(viewer, practice)) throw new NotAuthorizedError('Authors cannot endorse their own practice.');
  const added = await setMark(Endorsement, { practice: id, expert: viewer.id }, true);
  return { practice: await moveEndorsementCount(id, added ? 1 : 0), counted: added };
}

export async function withdrawEndorsement(ctx: Context, input: unknown): Promise<EndorsementOutcome> {
  const viewer = requireViewer(ctx);
  const { id } = parseInput(endorsementInput, input);
  await findReadablePractice(viewer, id);
  const removed = await setMark(Endorsement, { practice: id, expert: viewer.id }, false);
  return { practice: await moveEndorsementCount(id, removed ? -1 : 0), counted: removed };
}

/** Which of these practices the viewer endorsed: one query for a whole page. */
export const endorsedByViewer = (viewerId: string, practiceIds: readonly string[]) => markedBy(Endorsement, viewerId, practiceIds, (expert, practice) => ({ practice, expert }));

/** The endorsements of each of these practices, for the count kept on the practice. */
export const endorsementsOf = (practiceIds: readonly string[]) => countPerValue(Endorsement, 'practice', practiceIds);

export const endorsementCounter = practiceEndorsementCounter(endorsementsOf);

/** Per member: the endorsements of every practice they are an author of (the reputation repair). */
export async function endorsementsReceivedBy(expertIds: string[]): Promise<Map<string, number>> {
  const received = new Map(expertIds.map((id) => [id, 0]));
  if (!expertIds.length) return received;
  const practices = await practicesAuthoredBy(expertIds);
  const counts = await endorsementsOf(practices.map((p) => String(p._id)));
  for (const practice of practices) {
    for (const author of practice.authors) {
      const id = String(author);
      if (received.has(id)) received.set(id, received.get(id)! + (counts.get(String(practice._id)) ?? 0));
    }
  }
  return received;
}
