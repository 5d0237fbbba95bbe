import { shownOnItems } from '../connection.ts';
import { payload } from '../payload.ts';
import { builder, enumValues, type FieldsOf } from '../builder.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { writeErrors } from '../error/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { ExpertRef } from '../expert/types.ts';
import { OrganizationRef } from '../organization/types.ts';
import { PlaceRef } from '../place/types.ts';
import { TopicRef } from '../topic/types.ts';
import { searchTextArg, slugArg } from '../validation.ts';
import { practiceStages, practiceStatuses } from './model.ts';
import { canEdit, canRead } from './policy.ts';
import type { Context } from '../context.ts';
import {
  createPractice,
  createPracticeInput,
  featurePractice,
  featurePracticeInput,
  findReadablePractice,
  listOwnPractices,
  listPractices,
  listSubmittedPractices,
  practiceHistories,
  practiceIdInput,
  practiceLinkInput,
  practicesByIds,
  publishPractice,
  returnPractice,
  returnPracticeInput,
  submitPractice,
  updatePractice,
  updatePracticeInput,
  type PracticeDoc,
  type PracticeRevisionDoc,
} from './service.ts';

export const PracticeStage = builder.enumType('PracticeStage', { values: enumValues(practiceStages) });
export const PracticeStatus = builder.enumType('PracticeStatus', { values: enumValues(practiceStatuses) });

const LinkRef = builder.objectRef<{ label: string; url: string }>('PracticeLink').implement({
  fields: (t) => ({ label: t.exposeString('label'), url: t.exposeString('url') }),
});

/** The markdown as written, and the safe HTML the one renderer made of it when it was written (reads never render). */
const markdownFields = (t: FieldsOf<PracticeDoc>, field: 'problem' | 'solution' | 'results' | 'lessons') => ({
  [field]: t.string({ description: 'Markdown.', resolve: (p) => p[field] }),
  [`${field}Html`]: t.string({ description: 'Sanitised HTML.', resolve: (p) => p[`${field}Html`] ?? '' }),
});

export const PracticeRef = builder.loadableNodeRef('Practice', {
  id: { resolve: (p: PracticeDoc) => String(p._id) },
  // Every way of loading one (node(id), references) goes through the reader rule: drafts stay private.
  load: async (ids: string[], ctx: Context) => (await practicesByIds(ids)).filter((p) => canRead(ctx.viewer, p)),
  sort: (p) => String(p._id),
});

PracticeRef.implement({
  description: 'A good practice: how a ministry or province solved a problem, as a structured case record.',
  fields: (t) => ({
    title: t.exposeString('title'),
    summary: t.exposeString('summary'),
    ...markdownFields(t, 'problem'),
    ...markdownFields(t, 'solution'),
    ...markdownFields(t, 'results'),
    ...markdownFields(t, 'lessons'),
    organization: t.field({ type: OrganizationRef, nullable: true, resolve: (p) => p.organization ?? null }),
    place: t.field({ type: PlaceRef, nullable: true, resolve: (p) => p.place ?? null }),
    topics: t.field({ type: [TopicRef], resolve: (p) => p.topics }),
    stage: t.field({ type: PracticeStage, nullable: true, resolve: (p) => p.stage ?? null }),
    year: t.int({ nullable: true, resolve: (p) => p.year ?? null }),
    links: t.field({ type: [LinkRef], resolve: (p) => p.links }),
    authors: t.field({ type: [ExpertRef], resolve: (p) => p.authors.map(String) }),
    status: t.field({ type: PracticeStatus, resolve: (p) => p.status }),
    returnReason: t.exposeString('returnReason', { description: 'Why a curator returned it (empty otherwise).' }),
    featured: t.exposeBoolean('featured'),
    version: t.exposeInt('version', { description: 'How many times it has been published (0 before the first time).' }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.submittedAt ?? null }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (p) => p.publishedAt ?? null }),
    updatedAt: t.field({ type: 'DateTime', resolve: (p) => p.updatedAt }),
    viewerCanEdit: t.boolean({ resolve: (p, _, ctx) => canEdit(ctx.viewer, p) }),
    history: t.loadableList({
      type: PracticeRevisionRef,
      description: 'Earlier published versions, newest first.',
      load: (keys: string[]) => practiceHistories(keys),
      resolve: (p) => `${String(p._id)}:${p.version}`,
    }),
  }),
});

const PracticeRevisionRef = builder.objectRef<PracticeRevisionDoc>('PracticeRevision').implement({
  description: 'A published version that an edit replaced.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    title: t.string({ resolve: (r) => String((r.snapshot as PracticeDoc).title) }),
    summary: t.string({ resolve: (r) => String((r.snapshot as PracticeDoc).summary ?? '') }),
    editedBy: t.field({ type: ExpertRef, resolve: (r) => String(r.editedBy) }),
    replacedAt: t.field({ type: 'DateTime', resolve: (r) => r.createdAt }),
  }),
});

const PracticeFilter = builder.inputType('PracticeFilter', {
  fields: (t) => ({
    topic: t.string({ validate: slugArg }),
    place: t.string({ description: 'A place code; a current unit also finds its predecessors’ practices.', validate: slugArg }),
    organization: t.string({ description: 'Also finds its units’ practices.', validate: slugArg }),
    stage: t.field({ type: PracticeStage }),
    year: t.int(),
    featured: t.boolean(),
    query: t.string({ validate: searchTextArg }),
  }),
});

builder.queryFields((t) => ({
  practice: t.field({
    type: PracticeRef,
    description: 'A practice the viewer may read (published, or their own, or submitted for curators).',
    args: { id: t.arg.globalID({ required: true, for: PracticeRef }) },
    resolve: (_, { id }, ctx) => findReadablePractice(ctx.viewer, id.id),
  }),
  practices: t.connection(
    {
      type: PracticeRef,
      description: 'Published practices, newest first.',
      args: { filter: t.arg({ type: PracticeFilter }) },
      resolve: (_, args, _ctx, info) => listPractices(args.filter ?? {}, args, shownOnItems(info)),
    },
    { name: 'PracticeConnection' },
    { name: 'PracticeEdge' },
  ),
  practicesToReview: t.connection({
    type: PracticeRef,
    description: 'Curators: submitted practices, oldest first.',
    authScopes: { curator: true },
    resolve: (_, args, _ctx, info) => listSubmittedPractices(args, shownOnItems(info)),
  }),
  myPractices: t.connection({
    type: PracticeRef,
    description: 'The viewer’s own practices in every state, last edited first.',
    authScopes: { signedIn: true },
    resolve: (_, args, ctx, info) => listOwnPractices(ctx.viewer!, args, shownOnItems(info)),
  }),
}));

// Generated from the service's zod schemas, which hold each field's type, nullability and limits.
const PracticeLinkInput = inputTypeOf('PracticeLinkInput', practiceLinkInput);
const practiceTypes = { stage: PracticeStage, links: PracticeLinkInput, id: { globalIdOf: PracticeRef } };
const CreatePracticeInput = inputTypeOf('CreatePracticeInput', createPracticeInput, { types: practiceTypes });
const UpdatePracticeInput = inputTypeOf('UpdatePracticeInput', updatePracticeInput, { description: 'Only the given fields change.', types: practiceTypes });
const PracticeIdInput = (name: string) => inputTypeOf(name, practiceIdInput, { types: practiceTypes });
const ReturnPracticeInput = inputTypeOf('ReturnPracticeInput', returnPracticeInput, { types: practiceTypes });
const FeaturePracticeInput = inputTypeOf('FeaturePracticeInput', featurePracticeInput, { types: practiceTypes });

const PracticePayload = (name: string) => payload<'practice', PracticeDoc>(name, 'practice', PracticeRef);

/** What the client sent, as the service parses it: null clears the fields that may be empty (organization, place, stage, year) and means "not sent" elsewhere. */
const given = (input: Record<string, unknown>) => plainInput(updatePracticeInput, input);

const practiceErrors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) => ({
  createPractice: t.field({
    type: PracticePayload('CreatePracticePayload'),
    description: 'Starts a draft that only its authors see.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CreatePracticeInput, required: true }) },
    errors: { types: practiceErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await createPractice(ctx, given(input)) }),
  }),
  updatePractice: t.field({
    type: PracticePayload('UpdatePracticePayload'),
    description: 'Saves an author’s changes (autosave); a published practice keeps its earlier version in its history.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: UpdatePracticeInput, required: true }) },
    errors: { types: practiceErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await updatePractice(ctx, given(input)) }),
  }),
  submitPractice: t.field({
    type: PracticePayload('SubmitPracticePayload'),
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: PracticeIdInput('SubmitPracticeInput'), required: true }) },
    errors: { types: practiceErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await submitPractice(ctx, given(input)) }),
  }),
  publishPractice: t.field({
    type: PracticePayload('PublishPracticePayload'),
    authScopes: { curator: true },
    args: { input: t.arg({ type: PracticeIdInput('PublishPracticeInput'), required: true }) },
    errors: { types: practiceErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await publishPractice(ctx, given(input)) }),
  }),
  returnPractice: t.field({
    type: PracticePayload('ReturnPracticePayload'),
    authScopes: { curator: true },
    args: { input: t.arg({ type: ReturnPracticeInput, required: true }) },
    errors: { types: practiceErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await returnPractice(ctx, given(input)) }),
  }),
  featurePractice: t.field({
    type: PracticePayload('FeaturePracticePayload'),
    authScopes: { curator: true },
    args: { input: t.arg({ type: FeaturePracticeInput, required: true }) },
    errors: { types: practiceErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await featurePractice(ctx, given(input)) }),
  }),
}));
