import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record, type AuditAction } from '../audit/service.ts';
import type { PageArgs } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, NotAuthorizedError } from '../errors.ts';
import { findExpertById } from '../expert/service.ts';
import { PRACTICE_LIMITS, REVIEW_LIMITS } from '../field-limits.ts';
import { insertOnce } from '../mark.ts';
import { notifyOfPublication } from '../notification/producers.ts';
import { notify } from '../notification/service.ts';
import {
  correctClassification,
  countPracticesByStatus,
  decideOnPractice,
  findDuplicateTarget,
  findReadablePractice,
  findReviewablePractice,
  countEditsWaiting,
  listSubmittedPractices,
  publishPendingEdit,
  returnPendingEdit,
  reviewDecision,
  reviewRoundsOf,
  type PracticeDoc,
} from '../practice/service.ts';
import { isEditRound, pendingEditOf, reviewRoundStart } from '../practice/pending-edit.ts';
import { isAuthor } from '../practice/policy.ts';
import { anyOf, greaterThan, notEqual } from '../query.ts';
import { hasRole } from '../roles.ts';
import { objectId, parseInput, slug, text } from '../validation.ts';
import {
  decisionKinds,
  ReviewClaim,
  ReviewComment,
  ReviewEvent,
  reviewChecks,
  reviewSections,
  type ReviewClaimDoc,
  type ReviewCommentDoc,
  type ReviewEventDoc,
  type ReviewEventKind,
} from './model.ts';

export type { ReviewClaimDoc, ReviewCommentDoc, ReviewEventDoc };

/*
 * The review desk: curators claim a submitted practice (or a published practice's submitted edit: a
 * round of its own, from the edit's submission), tick a checklist, comment on its
 * sections, and decide (publish, return, mark as duplicate; unpublish a published one; correct
 * its topics and place). Each step goes into the practice's review history, which its authors and
 * curators read; each curator action also goes into the audit log.
 */

/** Who reads a practice's review (its claim, comments and history): its authors and curators. */
export const canSeeReview = (viewer: Viewer | null, practice: Pick<PracticeDoc, 'authors'>) => isAuthor(viewer, practice) || hasRole(viewer, 'curator');

const base = z.date().optional().describe('The updatedAt the curator’s page showed: if the practice changed since, nothing is done and CONFLICT comes back.');
const reason = text(REVIEW_LIMITS.reasonMin, REVIEW_LIMITS.reason, { multiline: true });

/** A claim belongs to the round it was made in: one older than the latest submission (of the practice or its edit) is over. */
const isOfThisRound = (claim: ReviewClaimDoc, roundStart: Date | null) => Boolean(roundStart && claim.claimedAt >= roundStart);

async function claimOf(practice: PracticeDoc): Promise<ReviewClaimDoc | null> {
  const claim = await ReviewClaim.findById(String(practice._id)).lean<ReviewClaimDoc>();
  return claim && isOfThisRound(claim, reviewRoundStart(practice)) ? claim : null;
}

/** A practice under review the viewer may review: a submitted one, or a published one whose edit was submitted. */
async function findInReview(viewer: Viewer, id: string): Promise<PracticeDoc> {
  const practice = await findReviewablePractice(viewer, id, ['submitted', 'published']);
  if (!reviewRoundStart(practice)) throw new ConflictError('This practice is published and has no edit waiting for review; reload it.');
  return practice;
}

/** CONFLICT naming the curator who holds the claim. */
async function claimedByOther(claim: ReviewClaimDoc): Promise<never> {
  const curator = await findExpertById(String(claim.curator));
  throw new ConflictError(`${curator?.name ?? 'Another curator'} has claimed this practice; only they can act on it until they release it.`);
}

export const practiceReviewInput = z.object({ id: objectId });

/** Claims a submitted practice for the viewer; claiming one's own claim again changes nothing. */
export async function claimPractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id } = parseInput(practiceReviewInput, input);
  const practice = await findInReview(viewer, id);
  // The primary key decides between racing claims; a claim left from an earlier round (its
  // decision was cut short) is cleared once and the claim tried again.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await insertOnce(ReviewClaim, { practice: practice._id, curator: viewer.id, claimedAt: new Date() })) {
      await recordStep(viewer, practice, 'claimed', 'practice.claimed');
      return practice;
    }
    const claim = await ReviewClaim.findById(id).lean<ReviewClaimDoc>();
    if (!claim) continue;
    if (!isOfThisRound(claim, reviewRoundStart(practice))) {
      await ReviewClaim.deleteOne({ _id: id, claimedAt: claim.claimedAt });
      continue;
    }
    if (String(claim.curator) === viewer.id) return practice;
    await claimedByOther(claim);
  }
  throw new ConflictError('The claim on this practice kept changing; reload it.');
}

/** Gives a claim up: the curator who holds it, or an admin (someone away for long). */
export async function releasePractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id } = parseInput(practiceReviewInput, input);
  const practice = await findInReview(viewer, id);
  const claim = await claimOf(practice);
  if (!claim) throw new ConflictError('Nobody has claimed this practice.');
  if (String(claim.curator) !== viewer.id && !hasRole(viewer, 'admin')) throw new NotAuthorizedError('Only the curator who claimed it, or an admin, can release it.');
  // Only this claim: one released and taken again meanwhile is someone else's now.
  const { deletedCount } = await ReviewClaim.deleteOne({ _id: id, curator: claim.curator, claimedAt: claim.claimedAt });
  if (deletedCount) await recordStep(viewer, practice, 'released', 'practice.released');
  return practice;
}

export const checklistInput = z.object({ id: objectId, checks: z.array(z.enum(reviewChecks)).max(reviewChecks.length, 'TOO_LONG').describe('The checks ticked; the others are unticked.') });

/** Sets the checks the claiming curator ticked. */
export async function setReviewChecklist(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id, checks } = parseInput(checklistInput, input);
  const practice = await findInReview(viewer, id);
  const claim = await claimOf(practice);
  if (!claim) throw new ConflictError('Claim this practice before ticking its checklist.');
  if (String(claim.curator) !== viewer.id) await claimedByOther(claim);
  const ticked = reviewChecks.filter((check) => checks.includes(check));
  const updated = await ReviewClaim.updateOne({ _id: id, curator: viewer.id, claimedAt: claim.claimedAt }, { $set: { checklist: ticked } });
  if (!updated.matchedCount) throw new ConflictError('Your claim on this practice ended meanwhile; reload it.');
  return practice;
}

export const reviewCommentInput = z.object({ id: objectId, section: z.enum(reviewSections), body: text(1, REVIEW_LIMITS.comment, { multiline: true }) });

/**
 * A comment on a section, by a curator reviewing the practice or by one of its authors
 * answering, while it is under review or back with its authors.
 */
export async function addReviewComment(ctx: Context, input: unknown): Promise<ReviewCommentDoc> {
  const viewer = requireViewer(ctx);
  const { id, section, body } = parseInput(reviewCommentInput, input);
  const practice = await findReadablePractice(viewer, id);
  const reviewer = hasRole(viewer, 'curator') && !isAuthor(viewer, practice);
  if (!reviewer && !isAuthor(viewer, practice)) throw new NotAuthorizedError('Curators and the practice’s authors comment on its review.');
  const editUnderReview = practice.status === 'published' && pendingEditOf(practice) !== null;
  if (practice.status !== 'submitted' && practice.status !== 'returned' && !editUnderReview) throw new ConflictError(`A ${practice.status} practice is not under review.`);
  if (reviewer && reviewRoundStart(practice)) {
    const claim = await claimOf(practice);
    if (claim && String(claim.curator) !== viewer.id) await claimedByOther(claim);
  }
  const comment = await ReviewComment.create({ practice: practice._id, section, body, author: viewer.id });
  return comment.toObject() as ReviewCommentDoc;
}

/** A practice the viewer may act on now: under review (or in one of `statuses`), and nobody else holds its claim. */
async function forDecision(viewer: Viewer, id: string, statuses?: readonly PracticeDoc['status'][]): Promise<{ practice: PracticeDoc; claim: ReviewClaimDoc | null }> {
  const practice = statuses ? await findReviewablePractice(viewer, id, statuses) : await findInReview(viewer, id);
  const claim = await claimOf(practice);
  if (claim && String(claim.curator) !== viewer.id) await claimedByOther(claim);
  return { practice, claim };
}

/** Ends a round of review: the claim goes, the history and the audit log get the decision. */
async function concluded(
  viewer: Viewer,
  practice: PracticeDoc,
  claim: ReviewClaimDoc | null,
  kind: ReviewEventKind,
  action: AuditAction,
  details: { reason?: string; duplicateOf?: PracticeDoc } = {},
) {
  await ReviewClaim.deleteOne({ _id: String(practice._id) });
  const roundStart = reviewRoundStart(practice);
  const waitedMs = roundStart ? Date.now() - roundStart.getTime() : null;
  await ReviewEvent.create({
    practice: practice._id,
    kind,
    actor: viewer.id,
    reason: details.reason ?? '',
    checklist: claim?.checklist ?? [],
    waitedMs,
    duplicateOf: details.duplicateOf?._id ?? null,
  });
  await record(action, viewer.id, practice.authors[0]!, { practice: practice._id, reason: details.reason, to: details.duplicateOf ? String(details.duplicateOf._id) : null });
  // The authors hear of the decision (and a topic's followers of a first publication).
  if (kind === 'published' || kind === 'edit-published') await notifyOfPublication(practice, viewer.id, kind === 'published');
  if (kind === 'returned' || kind === 'edit-returned' || kind === 'duplicate')
    await notify({ kind: 'practice_returned', actorId: viewer.id, recipientIds: practice.authors.map(String), target: { type: 'practice', id: String(practice._id) } });
}

/** A step that is not a decision: into the history, and (for curators' steps) the audit log. */
async function recordStep(viewer: Viewer, practice: PracticeDoc, kind: ReviewEventKind, action: AuditAction | null, details: { reason?: string; from?: string; to?: string } = {}) {
  await ReviewEvent.create({ practice: practice._id, kind, actor: viewer.id, reason: details.reason ?? '', from: details.from ?? null, to: details.to ?? null });
  if (action) await record(action, viewer.id, practice.authors[0]!, { practice: practice._id, ...details });
}

/** Written by the practice's submit: the round of review starts (of the practice, or of its edit). */
export const recordSubmission = (viewer: Viewer, practice: PracticeDoc) => recordStep(viewer, practice, isEditRound(practice) ? 'edit-submitted' : 'submitted', null);

export const publishPracticeInput = z.object({ id: objectId, baseUpdatedAt: base });

export async function publishPractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id, baseUpdatedAt } = parseInput(publishPracticeInput, input);
  const { practice, claim } = await forDecision(viewer, id);
  if (isEditRound(practice)) {
    // The edit replaces the published text; the practice stays published throughout.
    const edited = await publishPendingEdit(practice, viewer.id, baseUpdatedAt);
    await concluded(viewer, practice, claim, 'edit-published', 'practice.published');
    return edited;
  }
  const published = await decideOnPractice(practice, reviewDecision.publish(practice), baseUpdatedAt);
  await concluded(viewer, practice, claim, 'published', 'practice.published');
  return published;
}

export const returnPracticeInput = z.object({
  id: objectId,
  reason: text(PRACTICE_LIMITS.returnReasonMin, PRACTICE_LIMITS.returnReason, { multiline: true }).describe('What to improve; the authors read it.'),
  baseUpdatedAt: base,
});

/** Sends a submitted practice back to its authors with what to improve. */
export async function returnPractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id, reason, baseUpdatedAt } = parseInput(returnPracticeInput, input);
  const { practice, claim } = await forDecision(viewer, id);
  if (isEditRound(practice)) {
    // Only the edit goes back to the authors: the public keeps reading the published text.
    const kept = await returnPendingEdit(practice, reason, baseUpdatedAt);
    await concluded(viewer, practice, claim, 'edit-returned', 'practice.returned', { reason });
    return kept;
  }
  const returned = await decideOnPractice(practice, reviewDecision.return(reason), baseUpdatedAt);
  await concluded(viewer, practice, claim, 'returned', 'practice.returned', { reason });
  return returned;
}

export const markDuplicateInput = z.object({ id: objectId, duplicateOf: objectId.describe('The published practice it repeats.'), reason, baseUpdatedAt: base });

/** Returns a submitted practice as a repeat of a published one, which its authors are shown. */
export async function markPracticeDuplicate(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id, duplicateOf, reason, baseUpdatedAt } = parseInput(markDuplicateInput, input);
  const { practice, claim } = await forDecision(viewer, id);
  if (isEditRound(practice)) throw new ConflictError('An edit of a published practice cannot be a duplicate: publish or return it.');
  const original = await findDuplicateTarget(viewer, practice, duplicateOf);
  const returned = await decideOnPractice(practice, reviewDecision.duplicate(reason, original), baseUpdatedAt);
  await concluded(viewer, practice, claim, 'duplicate', 'practice.duplicate', { reason, duplicateOf: original });
  return returned;
}

export const unpublishPracticeInput = z.object({ id: objectId, reason, baseUpdatedAt: base });

/** Takes a published practice back from the public (and from collections) to its authors, with why. */
export async function unpublishPractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id, reason, baseUpdatedAt } = parseInput(unpublishPracticeInput, input);
  const practice = await findReviewablePractice(viewer, id, ['published']);
  const returned = await decideOnPractice(practice, reviewDecision.unpublish(reason, practice), baseUpdatedAt);
  await recordStep(viewer, practice, 'unpublished', 'practice.unpublished', { reason });
  return returned;
}

export const correctPracticeInput = z.object({
  id: objectId,
  topics: z.array(slug).min(1, 'REQUIRED').max(PRACTICE_LIMITS.topics, 'TOO_LONG').optional(),
  place: slug.nullable().optional(),
  reason,
  baseUpdatedAt: base,
});

const classification = (p: { topics?: readonly string[]; place?: string | null }) => `topics: ${(p.topics ?? []).join(', ') || '—'}; place: ${p.place ?? '—'}`;

/** A curator's correction of the topics and place of a submitted or published practice. */
export async function correctPractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id, reason, baseUpdatedAt, ...fields } = parseInput(correctPracticeInput, input);
  const { practice } = await forDecision(viewer, id, ['submitted', 'published']);
  const corrected = await correctClassification(practice, fields, baseUpdatedAt);
  await recordStep(viewer, practice, 'corrected', 'practice.corrected', { reason, from: classification(practice), to: classification(corrected) });
  return corrected;
}

/** The current claims on practices under review, with whether each is of an edit (a claim of an earlier round no longer counts). */
async function currentClaims(): Promise<(ReviewClaimDoc & { ofEdit: boolean })[]> {
  const claims = await ReviewClaim.find({}).lean<ReviewClaimDoc[]>();
  const rounds = new Map((await reviewRoundsOf(claims.map((c) => String(c.practice)))).map((p) => [String(p._id), p]));
  return claims.flatMap((claim) => {
    const round = rounds.get(String(claim.practice));
    return round && isOfThisRound(claim, round.roundStart) ? [{ ...claim, ofEdit: round.status === 'published' }] : [];
  });
}

export const claimFilters = ['any', 'unclaimed', 'mine', 'others'] as const;
export const reviewKinds = ['new', 'edit'] as const;
export interface ReviewQueueArgs {
  kind?: (typeof reviewKinds)[number] | null;
  claim?: (typeof claimFilters)[number] | null;
  topic?: string | null;
  place?: string | null;
}

/** The desk's queue: submitted practices (or edits of published ones), oldest first, by claim, topic and place. */
export async function listReviewQueue(viewer: Viewer, filter: ReviewQueueArgs, page: PageArgs, shown: ReadonlySet<string> | null = null) {
  const which = filter.claim ?? 'any';
  if (which === 'any') return listSubmittedPractices(filter, page, shown);
  const claims = (await currentClaims()).filter((c) => c.ofEdit === (filter.kind === 'edit'));
  const mine = claims.filter((c) => String(c.curator) === viewer.id).map((c) => String(c.practice));
  const others = claims.filter((c) => String(c.curator) !== viewer.id).map((c) => String(c.practice));
  const ids = { mine: { ids: mine }, others: { ids: others }, unclaimed: { notIds: [...mine, ...others] } }[which];
  return listSubmittedPractices({ ...filter, ...ids }, page, shown);
}

/** Decisions of the last 90 days count towards the desk's median. */
const MEDIAN_WINDOW_MS = 90 * 86_400_000;
/** At most this many (the newest) are read for it. */
const MEDIAN_SAMPLE = 1000;

/** The review desk's figures: the queue by claim, practices back with their authors, and the median wait. */
export async function reviewDeskSummary(viewer: Viewer) {
  const [counts, claims, editsWaiting, waits] = await Promise.all([
    countPracticesByStatus(['submitted', 'returned']),
    currentClaims(),
    countEditsWaiting(),
    ReviewEvent.find({ kind: anyOf(decisionKinds), createdAt: greaterThan(new Date(Date.now() - MEDIAN_WINDOW_MS)), waitedMs: notEqual(null) }, { waitedMs: 1 })
      .sort({ createdAt: -1 })
      .limit(MEDIAN_SAMPLE)
      .lean<{ waitedMs: number }[]>(),
  ]);
  const sorted = waits.map((w) => w.waitedMs).sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length === 0 ? null : sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return {
    waiting: counts.submitted ?? 0,
    unclaimed: Math.max(0, (counts.submitted ?? 0) - claims.filter((c) => !c.ofEdit).length),
    editsWaiting,
    claimedByViewer: claims.filter((c) => String(c.curator) === viewer.id).length,
    returned: counts.returned ?? 0,
    decisionsCounted: sorted.length,
    medianDecisionHours: median === null ? null : Math.round((median / 3_600_000) * 10) / 10,
  };
}

/** Each practice's current claim (null when none), for a page of practices at once. */
export async function claimsOfPractices(ids: readonly string[]): Promise<(ReviewClaimDoc | null)[]> {
  const [claims, rounds] = await Promise.all([ReviewClaim.find({ _id: anyOf(ids) }).lean<ReviewClaimDoc[]>(), reviewRoundsOf(ids)]);
  const claimById = new Map(claims.map((c) => [String(c._id), c]));
  const roundById = new Map(rounds.map((p) => [String(p._id), p.roundStart]));
  return ids.map((id) => {
    const claim = claimById.get(id);
    return claim && isOfThisRound(claim, roundById.get(id) ?? null) ? claim : null;
  });
}

/** Oldest first, by creation (the loaders sort in memory: a few records per practice). */
const inOrder = <T extends { createdAt: Date; _id: unknown }>(records: T[]) => records.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || String(a._id).localeCompare(String(b._id)));

/** Each practice's review comments, oldest first. */
export async function commentsOfPractices(ids: readonly string[]): Promise<ReviewCommentDoc[][]> {
  const comments = inOrder(await ReviewComment.find({ practice: anyOf(ids) }).lean<ReviewCommentDoc[]>());
  return ids.map((id) => comments.filter((c) => String(c.practice) === id));
}

/** Each practice's review history, oldest first. */
export async function historiesOfPractices(ids: readonly string[]): Promise<ReviewEventDoc[][]> {
  const events = inOrder(await ReviewEvent.find({ practice: anyOf(ids) }).lean<ReviewEventDoc[]>());
  return ids.map((id) => events.filter((e) => String(e.practice) === id));
}
