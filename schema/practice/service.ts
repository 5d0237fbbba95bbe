// Long (over 400 lines): one practice's whole life (fields, edits, review steps, lists, counters) in the one service other features call.
import type { QueryFilter } from 'mongoose';
import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import { findNewestFirstPage, firstAndCount, listProjection, newestFirstKeys, paginate, paginateEach, type ListSkips, type NewestFirstPage, type PageArgs } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import { findExpertByHandle } from '../expert/service.ts';
import { HANDLE_MAX, PRACTICE_LIMITS, PRACTICE_REQUIRED_TO_SUBMIT } from '../field-limits.ts';
import { fieldCounter, walkIdsOf, type IdWalk, type StoredCounter } from '../stored-counter.ts';
import { countPerValue, findByIds } from '../loading.ts';
import { insertOnce } from '../mark.ts';
import { refuseOversized, renderTexts } from '../markdown/pool.ts';
import { notify } from '../notification/service.ts';
import { organizationsBySlugs } from '../organization/service.ts';
import { placeCodesFor, placesByCodes } from '../place/service.ts';
import { anyOf, greaterThan, noneOf, notEqual } from '../query.ts';
import { hasRole } from '../roles.ts';
import { searchTokens } from '../search/fold.ts';
import type { SearchScope } from '../search/service.ts';
import { requireTopic, unknownTopicErrors } from '../topic/service.ts';
import { isObjectId, objectId, parseInput, slug, text, webAddress } from '../validation.ts';
import { Practice, PracticeRevision, practiceStages, type PracticeDoc, type PracticeRevisionDoc, type PracticeStatus } from './model.ts';
import { coAuthorship, coAuthorshipChanged } from './co-authors.ts';
import { canEdit, canRead, canReview } from './policy.ts';
import { practiceCostBands, practiceLevels } from './model.ts';
import { practiceListFilter, practiceSortKeys, type PracticeFilter, type PracticeSort } from './list-filter.ts';
import { editableFieldsOf, pendingEditOf, reviewRoundStart, sameText, withPendingEdit } from './pending-edit.ts';

export type PracticeStage = (typeof practiceStages)[number];
export type PracticeLevel = (typeof practiceLevels)[number];
export type { PracticeDoc, PracticeRevisionDoc };

const markdownText = text(0, PRACTICE_LIMITS.markdown, { multiline: true }).describe('Markdown.');

export const practiceLinkInput = z.object({ label: text(1, PRACTICE_LIMITS.linkLabel), url: webAddress });

/**
 * The fields an author writes; a draft may leave any of them empty except the title. The
 * GraphQL inputs are generated from these (schema/input.ts).
 */
export const practiceFields = z.object({
  title: text(PRACTICE_LIMITS.titleMin, PRACTICE_LIMITS.title),
  summary: text(0, PRACTICE_LIMITS.summary, { multiline: true }),
  problem: markdownText,
  solution: markdownText,
  results: markdownText.describe('Markdown; include figures.'),
  lessons: markdownText,
  organization: slug.nullable(),
  place: slug.nullable(),
  topics: z.array(slug).max(PRACTICE_LIMITS.topics, 'TOO_LONG'),
  stage: z.enum(practiceStages).nullable(),
  year: z
    .number()
    .int('INVALID')
    .min(PRACTICE_LIMITS.yearMin, 'INVALID')
    .max(new Date().getFullYear() + 1, 'INVALID')
    .nullable(),
  links: z.array(practiceLinkInput).max(PRACTICE_LIMITS.links, 'TOO_LONG'),
  /** The writer is always an author. */
  coAuthors: z.array(z.string().max(HANDLE_MAX, 'INVALID')).max(PRACTICE_LIMITS.coAuthors, 'TOO_LONG').describe('Handles of co-authors.'),
  // What a reader needs to reuse it (the OPSI case library's record); all optional, see PRACTICE_REQUIRED_TO_SUBMIT.
  level: z.enum(practiceLevels).nullable().describe('The level of government that carried it out.'),
  partners: z.array(text(1, PRACTICE_LIMITS.partnerName)).max(PRACTICE_LIMITS.partners, 'TOO_LONG').describe('Partners and enterprises involved, by name.'),
  costBand: z.enum(practiceCostBands).nullable().describe('What it cost, as a band of VND.'),
  beneficiaries: text(0, PRACTICE_LIMITS.beneficiaries).describe('Who benefits, and how many.'),
  challenges: markdownText.describe('Markdown: the difficulties met and what failed.'),
  conditions: markdownText.describe('Markdown: what another ministry or province needs to replicate it.'),
  contact: z.string().max(HANDLE_MAX, 'INVALID').nullable().describe('The handle of the member to ask about it.'),
});
type PracticeFields = z.output<typeof practiceFields>;

/** A new draft: GraphQL lets any field be left out, and a missing title gets the typed REQUIRED. */
export const createPracticeInput = practiceFields.partial();
const newDraft = createPracticeInput.required({ title: true });

export const practicesByIds = (ids: readonly string[]) => findByIds<PracticeDoc>(Practice, ids.filter(isObjectId));

/** References must exist: a known organisation, a current place, known topics and co-authors. */
async function resolveReferences(fields: Partial<PracticeFields>): Promise<{ coAuthorIds: string[]; contactId?: string | null }> {
  const errors: FieldError[] = [];
  if (fields.organization && !(await organizationsBySlugs([fields.organization]))[0]) errors.push({ path: 'organization', code: 'UNKNOWN', message: 'organization is not a known organisation' });
  if (fields.place && !(await placesByCodes([fields.place]))[0]?.current) errors.push({ path: 'place', code: 'UNKNOWN', message: 'place is not a current province or city' });
  errors.push(...(await unknownTopicErrors(fields.topics ?? [])));
  const coAuthorIds: string[] = [];
  for (const [i, handle] of (fields.coAuthors ?? []).entries()) {
    const expert = await findExpertByHandle(handle);
    if (expert) coAuthorIds.push(String(expert._id));
    else errors.push({ path: `coAuthors.${i}`, code: 'UNKNOWN', message: 'coAuthors holds an unknown handle' });
  }
  // The contact is stored by id, so a later change of handle keeps the link.
  const contact = fields.contact ? await findExpertByHandle(fields.contact) : null;
  if (fields.contact && !contact) errors.push({ path: 'contact', code: 'UNKNOWN', message: 'contact is not a member’s handle' });
  if (errors.length) throw new ValidationError(errors);
  return { coAuthorIds, ...(fields.contact === undefined ? {} : { contactId: contact ? String(contact._id) : null }) };
}

/**
 * What search and the practice list's text filter match: the folded words of the title, the
 * summary and the long fields (problem, solution, results, lessons), acronyms expanded.
 */
export const practiceSearchTokens = (p: {
  title: string;
  summary?: string | null;
  problem?: string | null;
  solution?: string | null;
  results?: string | null;
  lessons?: string | null;
  challenges?: string | null;
  conditions?: string | null;
  beneficiaries?: string | null;
  partners?: readonly string[] | null;
}) => searchTokens([p.title, p.summary, p.problem, p.solution, p.results, p.lessons, p.challenges, p.conditions, p.beneficiaries, ...(p.partners ?? [])].filter(Boolean).join('\n'));

const MARKDOWN_FIELDS = ['problem', 'solution', 'results', 'lessons', 'challenges', 'conditions'] as const;

/**
 * The stored HTML of the four markdown fields, rendered off the event loop when they are written
 * (reads serve it; schema/markdown/pool.ts), and the renderer version that made it.
 */
async function renderedFields(p: Partial<Record<(typeof MARKDOWN_FIELDS)[number], string | null>>): Promise<Record<string, unknown>> {
  const rendered = await renderTexts(MARKDOWN_FIELDS.map((field) => p[field] ?? ''));
  for (const [i, r] of rendered.entries()) refuseOversized(MARKDOWN_FIELDS[i]!, r);
  const html: Record<string, unknown> = Object.fromEntries(MARKDOWN_FIELDS.map((field, i) => [`${field}Html`, rendered[i]!.html]));
  html.htmlVersion = rendered[0]!.version;
  return html;
}

/** The practice, if the viewer may see it; otherwise NOT_FOUND, so its existence is not told. */
export async function findReadablePractice(viewer: Viewer | null, id: string, argument = 'id'): Promise<PracticeDoc> {
  const practice = isObjectId(id) ? await Practice.findById(id).lean<PracticeDoc>() : null;
  if (!practice || !canRead(viewer, practice)) throw new NotFoundError(argument, 'practice', id);
  return practice;
}

export async function createPractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const fields = parseInput(newDraft, input);
  const { coAuthorIds, contactId } = await resolveReferences(fields);
  const { coAuthors, ...rest } = fields;
  const practice = await Practice.create({
    ...rest,
    contact: contactId ?? null,
    ...(await renderedFields(rest)),
    ...coAuthorship(null, viewer.id, coAuthorIds),
    status: 'draft',
    searchTokens: practiceSearchTokens(fields),
  });
  return practice.toObject() as PracticeDoc;
}

export const updatePracticeInput = practiceFields.partial().extend({
  id: objectId,
  baseUpdatedAt: z.date().optional().describe('The updatedAt the editor started from: if the practice changed since (a co-author, a curator), nothing is saved and CONFLICT comes back.'),
});

/**
 * Saves an author's changes (the editor autosaves drafts through this). The text of a published
 * practice does not change: the changes go into its pending edit, which a curator publishes
 * (./pending-edit.ts); co-authors change at once.
 */
export async function updatePractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id, coAuthors, baseUpdatedAt, ...fields } = parseInput(updatePracticeInput, input);
  const practice = await findReadablePractice(viewer, id);
  if (!canEdit(viewer, practice)) throw new NotAuthorizedError('Only its authors can edit a practice.');
  // Already moved on from the version the editor opened: say so before writing anything.
  if (baseUpdatedAt && baseUpdatedAt.getTime() !== new Date(practice.updatedAt).getTime()) conflict(baseUpdatedAt);
  const { coAuthorIds, contactId } = await resolveReferences({ ...fields, coAuthors });
  if (contactId !== undefined) fields.contact = contactId;
  const authorship = coAuthors ? coAuthorship(practice, viewer.id, coAuthorIds) : null;
  // What the author sees in their editor: a published practice's edit, if it has one.
  const current = withPendingEdit(practice);
  // Nothing different: nothing to save.
  const unchanged = Object.entries(fields).every(([k, v]) => JSON.stringify(v) === JSON.stringify(current[k as keyof PracticeDoc]));
  if (unchanged && !(authorship && coAuthorshipChanged(practice, authorship))) return practice;
  const written: Record<string, unknown> = { ...fields };
  if (MARKDOWN_FIELDS.some((field) => field in fields)) Object.assign(written, await renderedFields({ ...current, ...fields }));
  const $set: Record<string, unknown> = authorship ? { ...authorship } : {};
  if (practice.status !== 'published') Object.assign($set, written, { searchTokens: practiceSearchTokens({ ...practice, ...fields }) });
  else if (!unchanged) {
    const proposed = { ...editableFieldsOf(current), ...written };
    // Editing withdraws an edit sent to the curators; one back to the published text is no edit.
    const edit = pendingEditOf(practice);
    $set.pendingEdit = sameText(proposed, practice) ? null : { fields: proposed, submittedAt: null, returnReason: edit?.returnReason ?? '', savedAt: new Date() };
  }
  return (await changeIfUnchanged(practice, $set, baseUpdatedAt)) ?? conflict(baseUpdatedAt);
}

/**
 * Publishes a published practice's edit that a curator reviewed: the version it replaces is kept
 * in the history first (once, however many publishes race), then the edit becomes the text, if
 * the practice is still as the curator saw it (`base`).
 */
export async function publishPendingEdit(practice: PracticeDoc, editor: string, base?: Date): Promise<PracticeDoc> {
  if (base && base.getTime() !== new Date(practice.updatedAt).getTime()) conflict(base);
  const edit = pendingEditOf(practice);
  if (practice.status !== 'published' || !edit?.submittedAt) conflict(base);
  const { _id, createdAt, updatedAt, searchTokens, pendingEdit, ...snapshot } = practice;
  await insertOnce(PracticeRevision, { practice: practice._id, version: practice.version, snapshot, editedBy: editor });
  const edited = withPendingEdit(practice);
  const $set = { ...edit.fields, searchTokens: practiceSearchTokens(edited), version: practice.version + 1, pendingEdit: null, revisedAt: new Date() };
  return (await changeIfUnchanged(practice, $set, base)) ?? conflict(base);
}

/** Gives a submitted edit back to its authors with what to improve; the practice stays published. */
export async function returnPendingEdit(practice: PracticeDoc, reason: string, base?: Date): Promise<PracticeDoc> {
  if (base && base.getTime() !== new Date(practice.updatedAt).getTime()) conflict(base);
  if (!pendingEditOf(practice)?.submittedAt) conflict(base);
  return (await changeIfUnchanged(practice, { 'pendingEdit.submittedAt': null, 'pendingEdit.returnReason': reason }, base)) ?? conflict(base);
}

/**
 * Writes `$set` only if the practice is still as the writer saw it: at `base` (the version an
 * author's editor opened; two authors editing at once would otherwise undo each other's words),
 * or else as read just before. null when it moved meanwhile.
 */
const changeIfUnchanged = (practice: PracticeDoc, $set: Record<string, unknown>, base?: Date) =>
  Practice.findOneAndUpdate({ _id: practice._id, status: practice.status, updatedAt: base ?? practice.updatedAt }, { $set }, { returnDocument: 'after' }).lean<PracticeDoc>();

function conflict(base?: Date): never {
  throw new ConflictError(base ? 'Someone else changed this practice after you opened it; reload it to see their changes.' : 'The practice changed meanwhile; reload it.');
}

export const practiceIdInput = z.object({ id: objectId });

/** A field left empty: unset, blank, or a list with nothing in it. */
const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Sends a draft (or a returned practice) to the curators, or a published practice's edit; what
 * is sent must tell the whole case.
 */
export async function submitPractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id } = parseInput(practiceIdInput, input);
  const practice = await findReadablePractice(viewer, id);
  if (!canEdit(viewer, practice)) throw new NotAuthorizedError('Only its authors can submit a practice.');
  const edit = pendingEditOf(practice);
  if (practice.status === 'published') {
    if (!edit) throw new ConflictError('This practice is published and has no edit to send for review.');
    if (edit.submittedAt) throw new ConflictError('This edit is already waiting for a curator.');
  } else if (practice.status !== 'draft' && practice.status !== 'returned') throw new ConflictError(`A ${practice.status} practice cannot be submitted.`);
  // The list the editor checks too (schema/field-limits.ts), so one submit names every gap.
  const sent = withPendingEdit(practice);
  const missing: FieldError[] = PRACTICE_REQUIRED_TO_SUBMIT.filter((f) => isEmpty(sent[f])).map((f) => ({ path: f, code: 'REQUIRED', message: `${f} is required to submit` }));
  if (missing.length) throw new ValidationError(missing);
  if (edit) return transition(practice, { 'pendingEdit.submittedAt': new Date(), 'pendingEdit.returnReason': '' });
  return transition(practice, { status: 'submitted', submittedAt: new Date(), returnReason: '' });
}

/**
 * Moves a practice on, provided nobody moved or edited it first: what is submitted is what was
 * checked, and what a curator publishes is what they read.
 */
const transition = async (practice: PracticeDoc, $set: Record<string, unknown>) => (await changeIfUnchanged(practice, $set)) ?? conflict();

/**
 * A practice the viewer may review (a curator, and not one of its authors) that is in one of
 * `statuses`. NOT_FOUND when they may not read it, CONFLICT when it is in another state.
 */
export async function findReviewablePractice(viewer: Viewer, id: string, statuses: readonly PracticeStatus[]): Promise<PracticeDoc> {
  const practice = await findReadablePractice(viewer, id);
  if (!canReview(viewer, practice)) throw new NotAuthorizedError('Curators review practices, and not their own.');
  if (!statuses.includes(practice.status)) throw new ConflictError(`This practice is ${practice.status} now, so this cannot be done; reload it.`);
  return practice;
}

/**
 * What each curator decision writes. Unpublishing and returning give the practice back to its
 * authors with the reason; a duplicate also names the published practice it repeats.
 */
export const reviewDecision = {
  // publishedAt stays the first publication; revisedAt says the public text changed (again).
  publish: (p: PracticeDoc) => ({ status: 'published', publishedAt: p.publishedAt ?? new Date(), revisedAt: new Date(), version: p.version + 1, returnReason: '', duplicateOf: null }),
  return: (reason: string) => ({ status: 'returned', returnReason: reason, duplicateOf: null }),
  duplicate: (reason: string, of: PracticeDoc) => ({ status: 'returned', returnReason: reason, duplicateOf: of._id }),
  // An edit the authors were writing becomes their working text: the published one is kept in the history.
  unpublish: (reason: string, p: PracticeDoc) => {
    const edit = pendingEditOf(p);
    const text = edit ? { ...edit.fields, searchTokens: practiceSearchTokens(withPendingEdit(p)) } : {};
    return { ...text, status: 'returned', returnReason: reason, featured: false, pendingEdit: null };
  },
} satisfies Record<string, (...args: never[]) => Record<string, unknown>>;

/**
 * Writes a curator's decision, provided the practice is still as the curator saw it (`base`, the
 * updatedAt their page opened; else as read just before): a practice edited or decided on
 * meanwhile answers CONFLICT and is left as it is.
 */
export async function decideOnPractice(practice: PracticeDoc, $set: Record<string, unknown>, base?: Date): Promise<PracticeDoc> {
  if (base && base.getTime() !== new Date(practice.updatedAt).getTime()) conflict(base);
  if (practice.status === 'published' && $set.status !== 'published') {
    // The published text leaves the public; kept first, so that a revision by the authors
    // while it is back with them never loses the version readers saw.
    const { _id, createdAt, updatedAt, searchTokens, pendingEdit, ...snapshot } = practice;
    await insertOnce(PracticeRevision, { practice: practice._id, version: practice.version, snapshot, editedBy: practice.authors[0] });
  }
  return (await changeIfUnchanged(practice, $set, base)) ?? conflict(base);
}

/** A published practice that `other` may be marked a duplicate of (not itself). */
export async function findDuplicateTarget(viewer: Viewer, other: PracticeDoc, id: string): Promise<PracticeDoc> {
  const original = await findReadablePractice(viewer, id, 'duplicateOf');
  if (original.status !== 'published' || String(original._id) === String(other._id)) throw ValidationError.field('duplicateOf', 'INVALID', 'duplicateOf is not another published practice');
  return original;
}

/**
 * A curator's correction of a practice's topics and place: checked like the authors' own, and
 * written only over the version the curator saw.
 */
export async function correctClassification(practice: PracticeDoc, fields: { topics?: string[]; place?: string | null }, base?: Date): Promise<PracticeDoc> {
  await resolveReferences(fields);
  // A pending edit gets the correction too, or publishing it would undo it.
  const inEdit = pendingEditOf(practice) ? Object.fromEntries(Object.entries(fields).map(([field, value]) => [`pendingEdit.fields.${field}`, value])) : {};
  // A published practice's page shows its topics and place: the public text changed.
  const revised = practice.status === 'published' ? { revisedAt: new Date() } : {};
  return decideOnPractice(practice, { ...fields, ...inEdit, ...revised }, base);
}

export const featurePracticeInput = z.object({ id: objectId, featured: z.boolean() });

export async function featurePractice(ctx: Context, input: unknown): Promise<PracticeDoc> {
  const viewer = requireViewer(ctx);
  const { id, featured } = parseInput(featurePracticeInput, input);
  const practice = await findReadablePractice(viewer, id);
  if (!hasRole(viewer, 'curator')) throw new NotAuthorizedError();
  if (practice.status !== 'published') throw new ConflictError('Only published practices can be featured.');
  const changed = (await Practice.findOneAndUpdate({ _id: practice._id, status: 'published' }, { $set: { featured } }, { returnDocument: 'after' }).lean<PracticeDoc>())!;
  await record(featured ? 'practice.featured' : 'practice.unfeatured', viewer.id, practice.authors[0]!, { practice: practice._id });
  if (featured && !practice.featured)
    await notify({ kind: 'practice_featured', actorId: viewer.id, recipientIds: practice.authors.map(String), target: { type: 'practice', id: String(practice._id) } });
  return changed;
}

export type { PracticeFilter, PracticeSort } from './list-filter.ts';

/**
 * What practice lists leave out unless the query shows them: stored field -> the Practice fields
 * that read it (see connection.ts listProjection). A list shows title and summary; the long
 * markdown sections are read by practice(id) and node, which read everything.
 */
export const PRACTICE_LIST_SKIPS: ListSkips = {
  searchTokens: [],
  pendingEdit: ['pendingEdit'],
  problem: ['problem', 'problemHtml'],
  solution: ['solution', 'solutionHtml'],
  results: ['results', 'resultsHtml'],
  lessons: ['lessons', 'lessonsHtml'],
  problemHtml: ['problemHtml'],
  solutionHtml: ['solutionHtml'],
  resultsHtml: ['resultsHtml'],
  lessonsHtml: ['lessonsHtml'],
  challenges: ['challenges', 'challengesHtml'],
  conditions: ['conditions', 'conditionsHtml'],
  challengesHtml: ['challengesHtml'],
  conditionsHtml: ['conditionsHtml'],
};

/**
 * Published practices in the given order (newest first by default), filtered by facets
 * (./list-filter.ts); a current province also finds its predecessors' practices.
 */
export async function listPractices(filter: PracticeFilter, page: PageArgs, shown: ReadonlySet<string> | null = null, sort: PracticeSort = 'newest') {
  return paginate<PracticeDoc>(Practice, await practiceListFilter(filter), practiceSortKeys[sort], page, listProjection(PRACTICE_LIST_SKIPS, shown));
}

/** Which submitted practices (or edits) the review queue shows: by topic, by place (predecessors too), by id. */
export interface ReviewQueueFilter {
  /** `edit`: published practices with an edit waiting; else new submissions. */
  kind?: 'new' | 'edit' | null;
  topic?: string | null;
  place?: string | null;
  /** Only these practices (e.g. the ones a curator claimed). */
  ids?: readonly string[];
  /** Not these (e.g. the claimed ones, for what nobody has claimed). */
  notIds?: readonly string[];
}

/** A published practice's edit sent to the curators (a date, so that the index serves it as a range). */
const editWaiting = { status: 'published' as const, 'pendingEdit.submittedAt': greaterThan(new Date(0)) };

/** The curators' queue: submitted practices (or edits), oldest first. */
export async function listSubmittedPractices(filter: ReviewQueueFilter, page: PageArgs, shown: ReadonlySet<string> | null = null) {
  const edits = filter.kind === 'edit';
  const conditions: QueryFilter<PracticeDoc>[] = [edits ? editWaiting : { status: 'submitted' }];
  if (filter.topic) conditions.push({ topics: await requireTopic(filter.topic, 'filter.topic') });
  if (filter.place) conditions.push({ place: anyOf(await placeCodesFor(filter.place, 'filter.place')) });
  if (filter.ids) conditions.push({ _id: anyOf(filter.ids) });
  if (filter.notIds?.length) conditions.push({ _id: noneOf(filter.notIds) });
  const { pendingEdit, ...projection } = listProjection(PRACTICE_LIST_SKIPS, shown);
  return paginate<PracticeDoc>(
    Practice,
    { $and: conditions },
    [
      { field: edits ? 'pendingEdit.submittedAt' : 'submittedAt', kind: 'date' },
      { field: '_id', kind: 'objectId' },
    ],
    page,
    // The edits' cursors are made of their submission times.
    edits ? projection : { ...projection, ...(pendingEdit === undefined ? {} : { pendingEdit }) },
  );
}

/** How many practices are in each of `statuses` (the review desk's counts). */
export async function countPracticesByStatus(statuses: readonly PracticeStatus[]): Promise<Record<string, number>> {
  const counts = await countPerValue(Practice, 'status', statuses);
  return Object.fromEntries(statuses.map((status) => [status, counts.get(status) ?? 0]));
}

/** How many published practices have an edit waiting for a curator. */
export const countEditsWaiting = () => Practice.countDocuments(editWaiting);

/** Each practice among `ids` under review now, with when its round started (to tell a claim of an earlier round). */
export async function reviewRoundsOf(ids: readonly string[]): Promise<{ _id: PracticeDoc['_id']; status: PracticeStatus; roundStart: Date }[]> {
  const practices = await Practice.find({ _id: anyOf(ids), status: anyOf(['submitted', 'published']) }, { status: 1, submittedAt: 1, 'pendingEdit.submittedAt': 1 }).lean<PracticeDoc[]>();
  return practices.flatMap((p) => {
    const roundStart = reviewRoundStart(p);
    return roundStart ? [{ _id: p._id, status: p.status, roundStart }] : [];
  });
}

/** The viewer's own practices in every state, last edited first. */
export const listOwnPractices = (viewer: Viewer, page: PageArgs, shown: ReadonlySet<string> | null = null) =>
  paginate<PracticeDoc>(
    Practice,
    { authors: viewer.id },
    [
      { field: 'updatedAt', kind: 'date', direction: -1 },
      { field: '_id', kind: 'objectId', direction: -1 },
    ],
    page,
    listProjection(PRACTICE_LIST_SKIPS, shown),
  );

/**
 * Each practice's earlier published versions, newest first, for keys `<practice id>:<its current
 * version>`: one query for a whole page. A revision is written before the edit that replaces its
 * version, so one of the current version (an edit that lost a race, or a crash) is not shown.
 */
export async function practiceHistories(keys: readonly string[]): Promise<PracticeRevisionDoc[][]> {
  const current = keys.map((key) => key.split(':') as [string, string]);
  const revisions = await PracticeRevision.find({ practice: anyOf(current.map(([id]) => id)) })
    .sort({ practice: 1, version: -1 })
    .lean<PracticeRevisionDoc[]>();
  return current.map(([id, version]) => revisions.filter((r) => String(r.practice) === id && r.version < Number(version)));
}

/**
 * Published practices per value of `field` (a topic slug, or a place code as recorded), for the
 * given values only: one aggregate whatever their number, served by the (status, field) index.
 */
export const countPublishedPractices = (field: 'topics' | 'place', values: readonly string[]) => countPerValue(Practice, field, values, { status: 'published' });

/**
 * Moves the practice's stored endorsement count by `by` (the reaction service says when an
 * endorsement really came or went) and returns the practice; `by` 0 only reads it. A count is
 * not an edit: updatedAt is what an author's editor saves against (baseUpdatedAt), so bumping it
 * would make their next autosave a CONFLICT.
 */
/** The published practices that match a search (commands/search.ts), newest first, and how many in all. */
export function searchPractices(scope: SearchScope, shown: boolean, limit: number) {
  const conditions: QueryFilter<PracticeDoc>[] = [{ status: 'published' }, ...scope.tokens.map((token) => ({ searchTokens: token }))];
  if (scope.topic) conditions.push({ topics: scope.topic });
  if (scope.places) conditions.push({ place: anyOf(scope.places) });
  if (scope.organizations) conditions.push({ organization: anyOf(scope.organizations) });
  if (scope.stage) conditions.push({ stage: scope.stage });
  if (scope.year !== null) conditions.push({ year: scope.year });
  return firstAndCount<PracticeDoc>(Practice, { $and: conditions }, { publishedAt: -1, _id: -1 }, limit, shown, { searchTokens: 0 });
}

/**
 * Published practices in one of `topics` but not by `notBy` (one's own are no news to one), or by
 * one of `authors`: what following topics and people brings (commands/follow-updates.ts). Null
 * when neither is given.
 */
function publishedReaching({ topics, authors, notBy }: { topics: readonly string[]; authors: readonly string[]; notBy: string }): QueryFilter<PracticeDoc> | null {
  const branches = [
    ...(topics.length ? [{ status: 'published' as const, topics: anyOf(topics), authors: notEqual(notBy) }] : []),
    ...(authors.length ? [{ status: 'published' as const, authors: anyOf(authors) }] : []),
  ];
  return branches.length ? { $or: branches } : null;
}

/** One newest-first page of those practices, by publication. */
export async function publishedPracticesReaching(reach: Parameters<typeof publishedReaching>[0], page: NewestFirstPage): Promise<PracticeDoc[]> {
  const filter = publishedReaching(reach);
  return filter ? findNewestFirstPage<PracticeDoc>(Practice, filter, 'publishedAt', page) : [];
}

/** How many practices those are. */
export async function countPublishedPracticesReaching(reach: Parameters<typeof publishedReaching>[0]): Promise<number> {
  const filter = publishedReaching(reach);
  return filter ? Practice.countDocuments(filter) : 0;
}

/**
 * When a published practice's public text last changed: revisedAt, or for a practice published
 * before it was kept (and not migrated yet), its publication.
 */
export const publicTextDate = (practice: Pick<PracticeDoc, 'publishedAt'> & { revisedAt?: Date | null }): Date | null => practice.revisedAt ?? practice.publishedAt ?? null;

/** Every published practice's id and dates, newest first (the sitemap), at most `limit`. */
export const publishedPracticeDates = (limit: number) =>
  Practice.find({ status: 'published' }, { publishedAt: 1, revisedAt: 1 }).sort({ publishedAt: -1, _id: -1 }).limit(limit).lean<Pick<PracticeDoc, '_id' | 'publishedAt' | 'revisedAt'>[]>();

/** Every practice these people are authors of, with its authors (the reputation repair counts their endorsements). */
export const practicesAuthoredBy = (expertIds: readonly string[]) => Practice.find({ authors: anyOf(expertIds) }, { authors: 1 }).lean<Pick<PracticeDoc, '_id' | 'authors'>[]>();

/** The endorsement count kept on each practice, for the repair; `actual` counts the endorsements (reaction's). */
export function practiceEndorsementCounter(actual: StoredCounter['actual']): StoredCounter {
  return fieldCounter(Practice, 'endorsementCount', actual);
}

/** Every practice's id in turn, for counters kept about practices elsewhere (readers). */
export function walkPracticeIds(): IdWalk {
  return walkIdsOf(Practice);
}

/**
 * Moves the stored count of live replies in a practice's discussion (the "most discussed" order)
 * by `by`, right after a reply in it was written, removed or hidden (the callers say when one
 * really came or went). Not an edit: updatedAt stays.
 */
export async function moveDiscussionCount(practiceId: string, by: 1 | -1): Promise<void> {
  await Practice.updateOne({ _id: practiceId }, { $inc: { discussionCount: by } }, { timestamps: false });
}

/** The discussion count kept on each practice, for the repair; `actual` counts the live replies of its discussion (discussion's). */
export function practiceDiscussionCounter(actual: StoredCounter['actual']): StoredCounter {
  return fieldCounter(Practice, 'discussionCount', actual);
}

export async function moveEndorsementCount(practiceId: string, by: 1 | -1 | 0): Promise<PracticeDoc> {
  const practice = by
    ? await Practice.findByIdAndUpdate(practiceId, { $inc: { endorsementCount: by } }, { returnDocument: 'after', timestamps: false }).lean<PracticeDoc>()
    : await Practice.findById(practiceId).lean<PracticeDoc>();
  return practice!;
}

/**
 * A moderator hides a published practice (`hidden`: out of every public list, search, count,
 * feed and collection, which all read `published`) or restores it; the practice after, or null
 * when it was not in the state to leave. Not an edit: updatedAt, which editors save against, stays.
 */
export const setPracticeHidden = (practiceId: string, hidden: boolean) =>
  Practice.findOneAndUpdate(
    { _id: practiceId, status: hidden ? 'published' : 'hidden' },
    { $set: { status: hidden ? 'hidden' : 'published' } },
    { returnDocument: 'after', timestamps: false },
  ).lean<PracticeDoc>();

/**
 * Each author's published practices, newest first (their profiles): one command for a page of
 * authors; `endorsedOnly` keeps those someone endorsed.
 */
export const publishedPracticesOfAuthors = (authorIds: readonly string[], page: PageArgs, shown: ReadonlySet<string> | null, endorsedOnly = false) =>
  paginateEach<PracticeDoc>(Practice, 'authors', authorIds, newestFirstKeys('publishedAt'), page, listProjection(PRACTICE_LIST_SKIPS, shown), {
    status: 'published',
    ...(endorsedOnly ? { endorsementCount: greaterThan(0) } : {}),
  });

/** An author's practices that are not public (drafts, submitted, returned), last edited first: for the author alone. */
export const unpublishedPracticesOf = (authorId: string, page: PageArgs, shown: ReadonlySet<string> | null) =>
  paginate<PracticeDoc>(Practice, { authors: authorId, status: anyOf(['draft', 'submitted', 'returned']) }, newestFirstKeys('updatedAt'), page, listProjection(PRACTICE_LIST_SKIPS, shown));

/** How many endorsements each author's published practices received in all: one aggregate for a page of authors. */
export async function endorsementsReceivedBy(authorIds: readonly string[]): Promise<number[]> {
  if (!authorIds.length) return [];
  const match = Practice.find({ status: 'published', authors: anyOf([...new Set(authorIds)]) }).cast(Practice);
  const rows = await Practice.aggregate<{ _id: unknown; total: number }>([{ $match: match }, { $unwind: '$authors' }, { $group: { _id: '$authors', total: { $sum: '$endorsementCount' } } }]);
  const totals = new Map(rows.map((row) => [String(row._id), row.total]));
  return authorIds.map((id) => totals.get(String(id)) ?? 0);
}
