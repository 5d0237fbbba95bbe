import type { PracticeDoc } from './model.ts';

/*
 * An edit of a published practice waits in `pendingEdit` until a curator publishes it; the public
 * keeps reading the published fields meanwhile. Pure functions; the practice and review services
 * call them.
 */

/** The fields an author writes (co-authors aside: naming people is not text, and stays immediate). */
export const EDITED_FIELDS = [
  'title',
  'summary',
  'problem',
  'solution',
  'results',
  'lessons',
  'organization',
  'place',
  'topics',
  'stage',
  'year',
  'links',
  'level',
  'partners',
  'costBand',
  'beneficiaries',
  'challenges',
  'conditions',
  'contact',
] as const;

/** The rendered HTML that travels with the markdown fields. */
export const RENDERED_FIELDS = ['problemHtml', 'solutionHtml', 'resultsHtml', 'lessonsHtml', 'challengesHtml', 'conditionsHtml', 'htmlVersion'] as const;

export type PendingEdit = { fields: Record<string, unknown>; submittedAt: Date | null; returnReason: string; savedAt: Date };

export const pendingEditOf = (practice: Pick<PracticeDoc, 'status'> & { pendingEdit?: unknown }): PendingEdit | null =>
  practice.status === 'published' || practice.status === 'hidden' ? ((practice.pendingEdit as PendingEdit | null | undefined) ?? null) : null;

/** The written and rendered fields of `source`, as an edit stores them. */
export const editableFieldsOf = (source: Record<string, unknown>) => Object.fromEntries([...EDITED_FIELDS, ...RENDERED_FIELDS].map((field) => [field, source[field] ?? null]));

/** The practice as it would read with its edit published (itself when it has none). */
export function withPendingEdit(practice: PracticeDoc): PracticeDoc {
  const edit = pendingEditOf(practice);
  return edit ? ({ ...practice, ...edit.fields, pendingEdit: null } as PracticeDoc) : practice;
}

/** Whether two versions of a practice say the same (the written fields; the HTML follows them). */
export const sameText = (a: Record<string, unknown>, b: Record<string, unknown>) => EDITED_FIELDS.every((field) => JSON.stringify(a[field] ?? null) === JSON.stringify(b[field] ?? null));

/**
 * When the practice's current round of review started: its submission, or its edit's; null when
 * nothing of it waits for a curator.
 */
export function reviewRoundStart(practice: Pick<PracticeDoc, 'status' | 'submittedAt'> & { pendingEdit?: unknown }): Date | null {
  if (practice.status === 'submitted') return practice.submittedAt ?? null;
  return practice.status === 'published' ? (pendingEditOf(practice)?.submittedAt ?? null) : null;
}

/** Whether the round under review is an edit of the published practice. */
export const isEditRound = (practice: Pick<PracticeDoc, 'status' | 'submittedAt'> & { pendingEdit?: unknown }) => practice.status === 'published' && reviewRoundStart(practice) !== null;
