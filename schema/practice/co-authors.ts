import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { paginate, type PageArgs } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { isObjectId, objectId, parseInput } from '../validation.ts';
import { Practice, type PracticeDoc } from './model.ts';

/*
 * Nobody is named an author without saying yes. A writer lists co-authors by handle; those who
 * are authors already stay, the others are invited: they read the practice and accept (they
 * become authors) or decline (the invitation goes). Removing someone from the list removes them
 * as an author, or withdraws their invitation.
 */

const unique = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) === i);

/**
 * The authors and invitations after `writer` lists `listed` (ids) as co-authors of `practice`
 * (null: a new one). The writer and the first author always stay.
 */
export function coAuthorship(practice: Pick<PracticeDoc, 'authors'> | null, writer: string, listed: readonly string[]) {
  const current = practice ? practice.authors.map(String) : [writer];
  const first = current[0]!;
  const authors = unique(current.filter((id) => id === writer || id === first || listed.includes(id)));
  return { authors, invitedAuthors: unique(listed.filter((id) => !authors.includes(id))) };
}

/** Whether the co-authorship `next` differs from the practice's. */
export const coAuthorshipChanged = (practice: Pick<PracticeDoc, 'authors' | 'invitedAuthors'>, next: ReturnType<typeof coAuthorship>) =>
  JSON.stringify(practice.authors.map(String)) !== JSON.stringify(next.authors) || JSON.stringify((practice.invitedAuthors ?? []).map(String)) !== JSON.stringify(next.invitedAuthors);

export const isInvited = (viewer: Viewer | null, practice: Pick<PracticeDoc, 'invitedAuthors'>) => Boolean(viewer && (practice.invitedAuthors ?? []).some((id) => String(id) === viewer.id));

export const answerInvitationInput = z.object({ id: objectId, accept: z.boolean().describe('true: be named an author; false: decline.') });

/**
 * An invited person's answer. Accepting moves them from the invited to the authors in one
 * conditional write, and counts as a change (the authors' open editors then reload before
 * saving over it); one invitation is answered once.
 */
export async function answerCoAuthorInvitation(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id, accept } = parseInput(answerInvitationInput, input);
  const update = accept ? { $pull: { invitedAuthors: viewer.id }, $addToSet: { authors: viewer.id } } : { $pull: { invitedAuthors: viewer.id } };
  const answered = await Practice.findOneAndUpdate({ _id: id, invitedAuthors: viewer.id }, update, { returnDocument: 'after' }).lean<PracticeDoc>();
  if (answered) return answered;
  const practice = await Practice.findById(id, { authors: 1 }).lean<Pick<PracticeDoc, 'authors'>>();
  // Answered already (say so to the one who accepted), or never invited (not told it exists).
  if (practice?.authors.some((a) => String(a) === viewer.id)) throw new ConflictError('You are already an author of this practice.');
  throw new NotFoundError('id', 'invitation', id);
}

/** The practices the viewer is invited to co-author, last changed first. */
export const listCoAuthorInvitations = (viewer: Viewer, page: PageArgs) =>
  paginate<PracticeDoc>(
    Practice,
    { invitedAuthors: isObjectId(viewer.id) ? viewer.id : null },
    [
      { field: 'updatedAt', kind: 'date', direction: -1 },
      { field: '_id', kind: 'objectId', direction: -1 },
    ],
    page,
    { searchTokens: 0 },
  );
