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
import { practiceCostBands, practiceLevels, practiceStages, practiceStatuses } from './model.ts';
import { FACET_VALUES_MAX, practiceFacets, practiceSorts, type FacetCount } from './list-filter.ts';
import { z } from 'zod';
import { canEdit, canRead, isAuthor } from './policy.ts';
import { hasRole } from '../roles.ts';
import { pendingEditOf, withPendingEdit, type PendingEdit } from './pending-edit.ts';
import type { Context } from '../context.ts';
import { submitPractice } from '../commands/submit-practice.ts';
import {
  createPractice,
  createPracticeInput,
  featurePractice,
  featurePracticeInput,
  findReadablePractice,
  listOwnPractices,
  listPractices,
  practiceHistories,
  practiceIdInput,
  practiceLinkInput,
  practicesByIds,
  updatePractice,
  updatePracticeInput,
  type PracticeDoc,
  type PracticeRevisionDoc,
} from './service.ts';

export const PracticeStage = builder.enumType('PracticeStage', { values: enumValues(practiceStages) });
export const PracticeStatus = builder.enumType('PracticeStatus', { values: enumValues(practiceStatuses) });
export const PracticeLevel = builder.enumType('PracticeLevel', { description: 'The level of government that carried a practice out.', values: enumValues(practiceLevels) });
export const PracticeCostBand = builder.enumType('PracticeCostBand', {
  description: 'What a practice cost, in VND: under 500 million, 500 million to 2 billion, 2 to 10 billion, over 10 billion, or not disclosed.',
  values: enumValues(practiceCostBands),
});
const PracticeSort = builder.enumType('PracticeSort', {
  description: 'NEWEST: by publication; MOST_HELPFUL: most "this helped me"; MOST_DISCUSSED: most replies in its discussion. Ties newest first.',
  values: enumValues(practiceSorts),
});

const LinkRef = builder.objectRef<{ label: string; url: string }>('PracticeLink').implement({
  fields: (t) => ({ label: t.exposeString('label'), url: t.exposeString('url') }),
});

/** The markdown as written, and the safe HTML the one renderer made of it when it was written (reads never render). */
const markdownFields = (t: FieldsOf<PracticeDoc>, field: 'problem' | 'solution' | 'results' | 'lessons' | 'challenges' | 'conditions') => ({
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
    level: t.field({ type: PracticeLevel, nullable: true, resolve: (p) => p.level ?? null }),
    partners: t.stringList({ description: 'Partners and enterprises involved, by name.', resolve: (p) => p.partners ?? [] }),
    costBand: t.field({ type: PracticeCostBand, nullable: true, resolve: (p) => p.costBand ?? null }),
    beneficiaries: t.string({ description: 'Who benefits, and how many.', resolve: (p) => p.beneficiaries ?? '' }),
    ...markdownFields(t, 'challenges'),
    ...markdownFields(t, 'conditions'),
    contact: t.field({ type: ExpertRef, nullable: true, description: 'The member to ask about it.', resolve: (p) => (p.contact ? String(p.contact) : null) }),
    discussionCount: t.int({ description: 'Replies in its discussion.', resolve: (p) => p.discussionCount ?? 0 }),
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
    pendingEdit: t.field({
      type: PracticeEditRef,
      nullable: true,
      description: 'Its authors and curators: the edit of a published practice that waits to replace its text (null when none, and for others).',
      resolve: (p, _, ctx) => {
        const edit = pendingEditOf(p);
        return edit && (isAuthor(ctx.viewer, p) || hasRole(ctx.viewer, 'curator')) ? { ...edit, practice: p } : null;
      },
    }),
    history: t.loadableList({
      type: PracticeRevisionRef,
      description: 'Earlier published versions, newest first.',
      load: (keys: string[]) => practiceHistories(keys),
      resolve: (p) => `${String(p._id)}:${p.version}`,
    }),
  }),
});

const PracticeEditRef = builder.objectRef<PendingEdit & { practice: PracticeDoc }>('PracticeEdit').implement({
  description: 'An edit of a published practice: the public reads the published text until a curator publishes the edit.',
  fields: (t) => ({
    submittedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was sent to the curators; null while it is written, or after they returned it.',
      resolve: (e) => e.submittedAt ?? null,
    }),
    returnReason: t.string({ description: 'Why a curator returned it (empty otherwise).', resolve: (e) => e.returnReason ?? '' }),
    savedAt: t.field({ type: 'DateTime', resolve: (e) => e.savedAt }),
    preview: t.field({ type: PracticeRef, description: 'The practice as it will read once the edit is published.', resolve: (e) => withPendingEdit(e.practice) }),
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
    // Several values of one facet: any of them (with the single one above too); facets combine with "and".
    topics: t.stringList({ validate: facetValues }),
    places: t.stringList({ description: 'Place codes, each with its predecessors.', validate: facetValues }),
    organizations: t.stringList({ description: 'Each also finds its units’ practices.', validate: facetValues }),
    levels: t.field({ type: [PracticeLevel] }),
    stages: t.field({ type: [PracticeStage] }),
    years: t.intList(),
    featured: t.boolean(),
    query: t.string({ validate: searchTextArg }),
  }),
});

const facetValues = z.array(slugArg).max(FACET_VALUES_MAX, `takes at most ${FACET_VALUES_MAX} values`);

/** One value of a facet and how many practices hold it. */
const facetCount = <T>(name: string, valueField: string, type: any, description: string) =>
  builder.objectRef<FacetCount<T>>(name).implement({
    description,
    fields: (t) => ({ [valueField]: t.field({ type, resolve: (c: FacetCount<T>) => c.value as never }), count: t.exposeInt('count') }),
  });

const PracticeFacets = builder.objectRef<Awaited<ReturnType<typeof practiceFacets>>>('PracticeFacets').implement({
  description:
    'Each facet’s values with how many published practices the list would show with that value ticked (the other facets’ selections applied, not its own). Values no practice holds are left out, unless ticked (with 0).',
  fields: (t) => ({
    topics: t.field({ type: [facetCount<string>('TopicFacetCount', 'topic', TopicRef, 'A topic and its practices.')], resolve: (f) => f.topics }),
    places: t.field({ type: [facetCount<string>('PlaceFacetCount', 'place', PlaceRef, 'A current province or city and its practices, its predecessors’ included.')], resolve: (f) => f.places }),
    organizations: t.field({
      type: [facetCount<string>('OrganizationFacetCount', 'organization', OrganizationRef, 'A current organisation and its practices, its units’ and predecessors’ included.')],
      resolve: (f) => f.organizations,
    }),
    levels: t.field({ type: [facetCount<string>('LevelFacetCount', 'level', PracticeLevel, 'A level of government and its practices.')], resolve: (f) => f.levels }),
    stages: t.field({ type: [facetCount<string>('StageFacetCount', 'stage', PracticeStage, 'A stage and its practices.')], resolve: (f) => f.stages }),
    years: t.field({ type: [facetCount<number>('YearFacetCount', 'year', 'Int', 'A year and its practices.')], resolve: (f) => f.years }),
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
      description: 'Published practices, newest first unless `sort` says otherwise.',
      args: { filter: t.arg({ type: PracticeFilter }), sort: t.arg({ type: PracticeSort }) },
      resolve: (_, args, _ctx, info) => listPractices(args.filter ?? {}, args, shownOnItems(info), args.sort ?? 'newest'),
    },
    { name: 'PracticeConnection' },
    { name: 'PracticeEdge' },
  ),
  practiceFacets: t.field({
    type: PracticeFacets,
    description: 'The counts beside each facet value of the practice list, for the same filter: all facets in one request.',
    args: { filter: t.arg({ type: PracticeFilter }) },
    resolve: (_, args) => practiceFacets(args.filter ?? {}),
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
const practiceTypes = { stage: PracticeStage, level: PracticeLevel, costBand: PracticeCostBand, links: PracticeLinkInput, id: { globalIdOf: PracticeRef } };
const CreatePracticeInput = inputTypeOf('CreatePracticeInput', createPracticeInput, { types: practiceTypes });
const UpdatePracticeInput = inputTypeOf('UpdatePracticeInput', updatePracticeInput, { description: 'Only the given fields change.', types: practiceTypes });
const PracticeIdInput = (name: string) => inputTypeOf(name, practiceIdInput, { types: practiceTypes });
const FeaturePracticeInput = inputTypeOf('FeaturePracticeInput', featurePracticeInput, { types: practiceTypes });

export const PracticePayload = (name: string) => payload<'practice', PracticeDoc>(name, 'practice', PracticeRef);

/** What the client sent, as the service parses it: null clears the fields that may be empty (organization, place, stage, year) and means "not sent" elsewhere. */
const given = (input: Record<string, unknown>) => plainInput(updatePracticeInput, input);

export const practiceErrors = [...writeErrors, ConflictError, NotFoundError];

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
    description: 'Saves an author’s changes (autosave); those to a published practice go into its pending edit, which a curator publishes.',
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
  featurePractice: t.field({
    type: PracticePayload('FeaturePracticePayload'),
    authScopes: { curator: true },
    args: { input: t.arg({ type: FeaturePracticeInput, required: true }) },
    errors: { types: practiceErrors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ practice: await featurePractice(ctx, given(input)) }),
  }),
}));
