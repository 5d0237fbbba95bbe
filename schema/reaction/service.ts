import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotAuthorizedError } from '../errors.ts';
import { markedBy, setMark } from '../mark.ts';
import { countPerValue } from '../loading.ts';
import { findReadablePractice, moveEndorsementCount, practiceEndorsementCounter, type PracticeDoc } from '../practice/service.ts';
import { isAuthor } from '../practice/policy.ts';
import { objectId, parseInput } from '../validation.ts';
import { Endorsement } from './model.ts';

/** The practice endorsed; the GraphQL inputs are generated from this schema (schema/input.ts). */
export const endorsementInput = z.object({ id: objectId });

/** Says "this helped me" about a published practice of someone else; saying it twice counts once. */
export async function endorsePractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id } = parseInput(endorsementInput, input);
  // Published stays published and authors stay authors of a published practice: a read suffices.
  const practice = await findReadablePractice(viewer, id);
  if (practice.status !== 'published') throw new ConflictError('Only published practices can be endorsed.');
  if (isAuthor(viewer, practice)) throw new NotAuthorizedError('Authors cannot endorse their own practice.');
  const added = await setMark(Endorsement, { practice: id, expert: viewer.id }, true);
  return moveEndorsementCount(id, added ? 1 : 0);
}

export async function withdrawEndorsement(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id } = parseInput(endorsementInput, input);
  await findReadablePractice(viewer, id);
  const removed = await setMark(Endorsement, { practice: id, expert: viewer.id }, false);
  return moveEndorsementCount(id, removed ? -1 : 0);
}

/** Which of these practices the viewer endorsed: one query for a whole page. */
export const endorsedByViewer = (viewerId: string, practiceIds: readonly string[]) => markedBy(Endorsement, viewerId, practiceIds, (expert, practice) => ({ practice, expert }));

/** The endorsements of each of these practices, for the count kept on the practice. */
export const endorsementsOf = (practiceIds: readonly string[]) => countPerValue(Endorsement, 'practice', practiceIds);

export const endorsementCounter = practiceEndorsementCounter(endorsementsOf);
