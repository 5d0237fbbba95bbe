import { builder, enumValues } from '../builder.ts';
import { shownOnItems } from '../connection.ts';
import { ExpertRef } from '../expert/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { payload } from '../payload.ts';
import type { PracticeDoc } from '../practice/service.ts';
import { PracticePayload, PracticeRef, practiceErrors } from '../practice/types.ts';
import { slugArg } from '../validation.ts';
import { reviewRoundStart } from '../practice/pending-edit.ts';
import { reviewChecks, reviewEventKinds, reviewSections } from './model.ts';
import {
  addReviewComment,
  canSeeReview,
  checklistInput,
  claimFilters,
  claimPractice,
  claimsOfPractices,
  commentsOfPractices,
  correctPractice,
  correctPracticeInput,
  historiesOfPractices,
  listReviewQueue,
  markDuplicateInput,
  markPracticeDuplicate,
  practiceReviewInput,
  publishPractice,
  publishPracticeInput,
  releasePractice,
  returnPractice,
  returnPracticeInput,
  reviewCommentInput,
  reviewDeskSummary,
  reviewKinds,
  setReviewChecklist,
  unpublishPractice,
  unpublishPracticeInput,
  type ReviewClaimDoc,
  type ReviewCommentDoc,
  type ReviewEventDoc,
} from './service.ts';

const ReviewCheck = builder.enumType('ReviewCheck', { values: enumValues(reviewChecks) });
const ReviewSection = builder.enumType('ReviewSection', { values: enumValues(reviewSections) });
const ReviewEventKind = builder.enumType('ReviewEventKind', { values: enumValues(reviewEventKinds) });
const ReviewClaimFilter = builder.enumType('ReviewClaimFilter', { values: enumValues(claimFilters) });
const ReviewKind = builder.enumType('ReviewKind', { description: 'NEW: practices submitted for publication; EDIT: edits of published practices.', values: enumValues(reviewKinds) });

const ReviewClaimRef = builder.objectRef<ReviewClaimDoc>('ReviewClaim').implement({
  description: 'A curator’s claim on a submitted practice: the others see who has it.',
  fields: (t) => ({
    curator: t.field({ type: ExpertRef, resolve: (c) => String(c.curator) }),
    claimedAt: t.field({ type: 'DateTime', resolve: (c) => c.claimedAt }),
    checklist: t.field({ type: [ReviewCheck], description: 'The checks ticked so far.', resolve: (c) => c.checklist as (typeof reviewChecks)[number][] }),
  }),
});

const ReviewCommentRef = builder.objectRef<ReviewCommentDoc>('ReviewComment').implement({
  description: 'A remark on one section of a practice under review, by a curator or an author.',
  fields: (t) => ({
    id: t.id({ resolve: (c) => String(c._id) }),
    section: t.field({ type: ReviewSection, resolve: (c) => c.section }),
    body: t.exposeString('body', { description: 'Plain text.' }),
    author: t.field({ type: ExpertRef, resolve: (c) => String(c.author) }),
    createdAt: t.field({ type: 'DateTime', resolve: (c) => c.createdAt }),
  }),
});

const ReviewEventRef = builder.objectRef<ReviewEventDoc>('ReviewEvent').implement({
  description: 'One step of a practice’s review: submitted, claimed, decided…',
  fields: (t) => ({
    id: t.id({ resolve: (e) => String(e._id) }),
    kind: t.field({ type: ReviewEventKind, resolve: (e) => e.kind }),
    actor: t.field({ type: ExpertRef, resolve: (e) => String(e.actor) }),
    reason: t.exposeString('reason'),
    checklist: t.field({ type: [ReviewCheck], description: 'For decisions: the checks ticked when it was taken.', resolve: (e) => e.checklist as (typeof reviewChecks)[number][] }),
    duplicateOf: t.field({ type: PracticeRef, nullable: true, resolve: (e) => (e.duplicateOf ? String(e.duplicateOf) : null) }),
    from: t.string({ nullable: true, resolve: (e) => e.from ?? null }),
    to: t.string({ nullable: true, resolve: (e) => e.to ?? null }),
    createdAt: t.field({ type: 'DateTime', resolve: (e) => e.createdAt }),
  }),
});

/**
 * The practice's own id, for its review's loaders; null for a viewer who may not read its review:
 * the dataloader plugin then answers null without loading (its types for lists do not say so).
 */
const reviewKey = (p: PracticeDoc, viewer: Parameters<typeof canSeeReview>[0]) => (canSeeReview(viewer, p) ? String(p._id) : null) as string;

builder.objectFields(PracticeRef, (t) => ({
  duplicateOf: t.field({
    type: PracticeRef,
    nullable: true,
    description: 'When a curator returned it as a duplicate: the published practice it repeats.',
    resolve: (p) => (p.duplicateOf ? String(p.duplicateOf) : null),
  }),
  reviewClaim: t.loadable({
    type: ReviewClaimRef,
    nullable: true,
    description: 'Its authors and curators: who has claimed it for review (null when nobody, and for others).',
    load: (ids: string[]) => claimsOfPractices(ids),
    resolve: (p, _, ctx) => (reviewRoundStart(p) ? reviewKey(p, ctx.viewer) : null),
  }),
  reviewComments: t.loadableList({
    type: ReviewCommentRef,
    nullable: true,
    description: 'Its authors and curators: comments on its sections during review, oldest first (null for others).',
    load: (ids: string[]) => commentsOfPractices(ids),
    resolve: (p, _, ctx) => reviewKey(p, ctx.viewer),
  }),
  reviewHistory: t.loadableList({
    type: ReviewEventRef,
    nullable: true,
    description: 'Its authors and curators: every step of its review, oldest first (null for others).',
    load: (ids: string[]) => historiesOfPractices(ids),
    resolve: (p, _, ctx) => reviewKey(p, ctx.viewer),
  }),
}));

const ReviewDeskRef = builder
  .objectRef<{ waiting: number; unclaimed: number; claimedByViewer: number; returned: number; editsWaiting: number; decisionsCounted: number; medianDecisionHours: number | null }>('ReviewDesk')
  .implement({
    description: 'The review desk’s figures.',
    fields: (t) => ({
      waiting: t.exposeInt('waiting', { description: 'Submitted practices waiting for a decision.' }),
      unclaimed: t.exposeInt('unclaimed', { description: 'Of those, the ones nobody has claimed.' }),
      claimedByViewer: t.exposeInt('claimedByViewer'),
      returned: t.exposeInt('returned', { description: 'Practices back with their authors.' }),
      editsWaiting: t.exposeInt('editsWaiting', { description: 'Edits of published practices waiting for a decision.' }),
      decisionsCounted: t.exposeInt('decisionsCounted', { description: 'Decisions of the last 90 days behind the median.' }),
      medianDecisionHours: t.float({ nullable: true, description: 'Median hours from submission to decision over the last 90 days (null before any).', resolve: (d) => d.medianDecisionHours }),
    }),
  });

const ReviewQueueFilter = builder.inputType('ReviewQueueFilter', {
  fields: (t) => ({
    kind: t.field({ type: ReviewKind, description: 'New submissions (default) or edits of published practices.' }),
    claim: t.field({ type: ReviewClaimFilter, description: 'Whose claim: any (default), unclaimed, mine, others.' }),
    topic: t.string({ validate: slugArg }),
    place: t.string({ description: 'A current unit also finds its predecessors’ practices.', validate: slugArg }),
  }),
});

builder.queryFields((t) => ({
  reviewDesk: t.field({
    type: ReviewDeskRef,
    description: 'Curators: the review desk’s counts and median decision time.',
    authScopes: { curator: true },
    resolve: (_, __, ctx) => reviewDeskSummary(ctx.viewer!),
  }),
  practicesToReview: t.connection({
    type: PracticeRef,
    description: 'Curators: submitted practices (or, by kind, edits of published ones), oldest first.',
    authScopes: { curator: true },
    args: { filter: t.arg({ type: ReviewQueueFilter }) },
    resolve: (_, args, ctx, info) => listReviewQueue(ctx.viewer!, args.filter ?? {}, args, shownOnItems(info)),
  }),
}));

// Generated from the service's zod schemas, which hold each field's type, nullability and limits.
const reviewTypes = { id: { globalIdOf: PracticeRef }, duplicateOf: { globalIdOf: PracticeRef }, checks: ReviewCheck, section: ReviewSection };
const input = (name: string, schema: Parameters<typeof inputTypeOf>[1]) => inputTypeOf(name, schema, { types: reviewTypes });

const ReviewCommentPayload = payload<'comment', ReviewCommentDoc>('AddReviewCommentPayload', 'comment', ReviewCommentRef);

/** The curators' practice mutations: each takes its input, returns `{ practice }`. */
const reviewMutations = {
  claimPractice: {
    run: claimPractice,
    schema: practiceReviewInput,
    input: 'ClaimPracticeInput',
    description: 'Takes a submitted practice for review; the other curators see it is taken and cannot act on it.',
  },
  releasePractice: { run: releasePractice, schema: practiceReviewInput, input: 'ReleasePracticeInput', description: 'Gives a claim up (the curator who holds it, or an admin).' },
  setReviewChecklist: { run: setReviewChecklist, schema: checklistInput, input: 'SetReviewChecklistInput', description: 'The claiming curator’s ticked checks.' },
  publishPractice: {
    run: publishPractice,
    schema: publishPracticeInput,
    input: 'PublishPracticeInput',
    description: 'Publishes a submitted practice, or a published practice’s submitted edit (which then replaces its text).',
  },
  returnPractice: {
    run: returnPractice,
    schema: returnPracticeInput,
    input: 'ReturnPracticeInput',
    description: 'Sends a submitted practice (or an edit, the practice staying published) back to its authors with what to improve.',
  },
  markPracticeDuplicate: {
    run: markPracticeDuplicate,
    schema: markDuplicateInput,
    input: 'MarkPracticeDuplicateInput',
    description: 'Returns a submitted practice as a repeat of a published one.',
  },
  unpublishPractice: {
    run: unpublishPractice,
    schema: unpublishPracticeInput,
    input: 'UnpublishPracticeInput',
    description: 'Takes a published practice back to its authors (and out of collections), with the reason.',
  },
  correctPractice: { run: correctPractice, schema: correctPracticeInput, input: 'CorrectPracticeInput', description: 'Corrects the topics and place of a submitted or published practice.' },
} as const;

builder.mutationFields((t) => ({
  ...Object.fromEntries(
    Object.entries(reviewMutations).map(([name, m]) => [
      name,
      t.field({
        type: PracticePayload(`${name[0]!.toUpperCase()}${name.slice(1)}Payload`),
        description: m.description,
        authScopes: { curator: true },
        args: { input: t.arg({ type: input(m.input, m.schema), required: true }) },
        errors: { types: practiceErrors, directResult: true },
        resolve: async (_, args, ctx) => ({ practice: await m.run(ctx, plainInput(m.schema, args.input as Record<string, unknown>)) }),
      }),
    ]),
  ),
  addReviewComment: t.field({
    type: ReviewCommentPayload,
    description: 'A comment on a section of a practice under review (curators reviewing it, or its authors).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: input('AddReviewCommentInput', reviewCommentInput), required: true }) },
    errors: { types: practiceErrors, directResult: true },
    resolve: async (_, { input: given }, ctx) => ({ comment: await addReviewComment(ctx, plainInput(reviewCommentInput, given)) }),
  }),
}));
