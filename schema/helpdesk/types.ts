import { builder, enumValues } from '../builder.ts';
import type { Context } from '../context.ts';
import { ThreadRef } from '../discussion/types.ts';
import { writeErrors } from '../error/types.ts';
import { ConflictError, NotFoundError, SuspendedError } from '../errors.ts';
import { ExpertRef } from '../expert/types.ts';
import { GroupRef } from '../group/types.ts';
import { inputTypeOf, plainInput } from '../input.ts';
import { perRequest } from '../loading.ts';
import { OrganizationRef } from '../organization/types.ts';
import { payload } from '../payload.ts';
import { TopicRef } from '../topic/types.ts';
import { slugArg } from '../validation.ts';
import { helpdeskEvents, type HelpdeskEventKind } from './model.ts';
import { canClose, canReopen, mayClose, mayPublish, mayReopen, mayTriage } from './policy.ts';
import {
  askableOrganizations,
  calendarOf,
  closeHelpdeskRequest,
  closeHelpdeskRequestInput,
  type Dashboard,
  type FaqEntryDoc,
  faqEntriesByIds,
  type Figures,
  helpdeskDashboard,
  helpdeskQueue,
  helpdeskSettings,
  type HelpdeskRequestDoc,
  type HelpdeskSettingsDoc,
  helpdeskStatuses,
  listFaqEntries,
  type OverdueItem,
  publishFaqEntry,
  publishFaqEntryInput,
  reopenHelpdeskRequest,
  reopenHelpdeskRequestInput,
  requestsByIds,
  submitHelpdeskRequest,
  submitHelpdeskRequestInput,
  triageHelpdeskRequest,
  triageHelpdeskRequestInput,
  unpublishFaqEntry,
  unpublishFaqEntryInput,
  updateFaqEntry,
  updateFaqEntryInput,
  updateHelpdeskSettings,
  updateHelpdeskSettingsInput,
  viewerIsDesk,
  viewerOrganizationRequests,
} from './service.ts';
import { isOpenAt, nextOpening, serviceHoursBetween } from './service-hours.ts';

export const HelpdeskStatusEnum = builder.enumType('HelpdeskStatus', {
  description: 'new → assigned (triaged to a group and a responder) → answered (the group’s first answer) → closed; a reopened request goes back to assigned.',
  values: enumValues(helpdeskStatuses),
});
const HelpdeskEventKindEnum = builder.enumType('HelpdeskEventKind', { values: enumValues(helpdeskEvents) });
const OverdueKindEnum = builder.enumType('HelpdeskOverdueKind', { values: enumValues(['first-response', 'resolution'] as const) });

/** The settings in force, read once per request whoever asks. */
const settingsLoader = perRequest<string, HelpdeskSettingsDoc>(async (keys) => {
  const settings = await helpdeskSettings();
  return keys.map(() => settings);
});
const settingsOf = (ctx: Context) => settingsLoader(ctx).load('desk');
const isDeskFor = (ctx: Context) => viewerIsDesk(ctx);

export const HelpdeskRequestRef = builder.loadableNodeRef('HelpdeskRequest', {
  id: { resolve: (r: HelpdeskRequestDoc) => r._id },
  // Signed-in members only, like the question threads they track.
  load: async (ids: string[], ctx: Context) => (ctx.viewer ? requestsByIds(ids) : []),
  sort: (r) => r._id,
});

type HelpdeskEvent = HelpdeskRequestDoc['history'][number] & { kind: HelpdeskEventKind };
const HelpdeskEventRef = builder.objectRef<HelpdeskEvent>('HelpdeskEvent').implement({
  description: 'One step of a request’s life: opened, triaged, answered, closed, reopened (with the asker’s reason).',
  fields: (t) => ({
    kind: t.field({ type: HelpdeskEventKindEnum, resolve: (e) => e.kind }),
    actor: t.field({ type: ExpertRef, resolve: (e) => String(e.actor) }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    group: t.field({ type: GroupRef, nullable: true, resolve: (e) => e.group ?? null }),
    assignee: t.field({ type: ExpertRef, nullable: true, resolve: (e) => (e.assignee ? String(e.assignee) : null) }),
    reason: t.string({ resolve: (e) => e.reason ?? '' }),
  }),
});

const nullableDate = (value: Date | null | undefined) => value ?? null;

export const FaqEntryRef = builder.loadableNodeRef('HelpdeskFaqEntry', {
  id: { resolve: (e: FaqEntryDoc) => e._id },
  load: (ids: string[]) => faqEntriesByIds(ids),
  sort: (e) => e._id,
});

const faqLoader = perRequest<string, FaqEntryDoc | null>(async (ids) => {
  const found = await faqEntriesByIds(ids);
  return ids.map((id) => found.find((e) => e._id === id) ?? null);
});

HelpdeskRequestRef.implement({
  description: 'A ministry’s or province’s question to the help desk, tracked: its thread is an ordinary question.',
  fields: (t) => ({
    thread: t.field({ type: ThreadRef, nullable: true, description: 'The question (null while it waits for a moderator’s approval, to others).', resolve: (r) => r._id }),
    asker: t.field({ type: ExpertRef, resolve: (r) => String(r.asker) }),
    organization: t.field({ type: OrganizationRef, description: 'The body asked for.', resolve: (r) => r.organization }),
    anonymousInFaq: t.exposeBoolean('anonymousInFaq'),
    status: t.field({ type: HelpdeskStatusEnum, resolve: (r) => r.status }),
    group: t.field({ type: GroupRef, nullable: true, resolve: (r) => r.group ?? null }),
    assignee: t.field({ type: ExpertRef, nullable: true, resolve: (r) => (r.assignee ? String(r.assignee) : null) }),
    openedAt: t.field({ type: 'DateTime', resolve: (r) => r.openedAt }),
    triagedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => nullableDate(r.triagedAt) }),
    firstResponseAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => nullableDate(r.firstResponseAt) }),
    answeredAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => nullableDate(r.answeredAt) }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => nullableDate(r.closedAt) }),
    firstResponseHours: t.float({ nullable: true, description: 'Service hours from opening to the first answer.', resolve: (r) => r.firstResponseHours ?? null }),
    resolutionHours: t.float({ nullable: true, description: 'Service hours from the first opening to closing.', resolve: (r) => r.resolutionHours ?? null }),
    serviceHoursOpen: t.float({
      description: 'Service hours since it was opened: until now while it is open, until it was closed otherwise.',
      resolve: async (r, _, ctx) => Math.round(serviceHoursBetween(calendarOf(await settingsOf(ctx)), r.openedAt.getTime(), (r.closedAt ?? new Date()).getTime()) * 100) / 100,
    }),
    reopenCount: t.exposeInt('reopenCount'),
    version: t.exposeInt('version', { description: 'Moves with every change; a change may name the version it read.' }),
    history: t.field({ type: [HelpdeskEventRef], resolve: (r) => r.history as HelpdeskEvent[] }),
    faqEntry: t.field({ type: FaqEntryRef, nullable: true, description: 'Its FAQ entry, once the desk published it.', resolve: (r, _, ctx) => faqLoader(ctx).load(r._id) }),
    viewerCanTriage: t.boolean({ resolve: async (r, _, ctx) => mayTriage(r.status) && (await isDeskFor(ctx)) }),
    viewerCanClose: t.boolean({ resolve: async (r, _, ctx) => mayClose(r.status) && canClose(ctx.viewer, r, await isDeskFor(ctx)) }),
    viewerCanReopen: t.boolean({ resolve: (r, _, ctx) => mayReopen(r.status) && canReopen(ctx.viewer, r) }),
    viewerCanPublish: t.boolean({ resolve: async (r, _, ctx) => mayPublish(r.status) && (await isDeskFor(ctx)) }),
  }),
});

FaqEntryRef.implement({
  description: 'A public answer of the help desk: a snapshot of a question and its chosen answer, readable signed out.',
  fields: (t) => ({
    title: t.exposeString('title'),
    question: t.exposeString('question', { description: 'Markdown.' }),
    questionHtml: t.exposeString('questionHtml'),
    answer: t.exposeString('answer', { description: 'Markdown.' }),
    answerHtml: t.exposeString('answerHtml'),
    topics: t.field({ type: [TopicRef], resolve: (e) => e.topics }),
    organizationLabel: t.exposeString('organizationLabel', { description: 'The asking organisation, or only its kind ("Một bộ") when the asker asked for anonymity.' }),
    organizationLabelEn: t.exposeString('organizationLabelEn'),
    anonymous: t.boolean({ description: 'Whether the label names only the kind of organisation.', resolve: (e) => e.anonymous ?? false }),
    publishedAt: t.field({ type: 'DateTime', resolve: (e) => e.publishedAt }),
    version: t.exposeInt('version'),
    request: t.field({ type: HelpdeskRequestRef, nullable: true, description: 'The request (signed-in members only).', resolve: (e) => e._id }),
  }),
});

builder.objectFields(ThreadRef, (t) => ({
  helpdeskRequest: t.field({
    type: HelpdeskRequestRef,
    nullable: true,
    description: 'The help-desk request this question is, if it is one.',
    resolve: (thread) => String((thread as { _id: unknown })._id),
  }),
}));

const HelpdeskOpeningRef = builder.objectRef<HelpdeskSettingsDoc['openings'][number]>('HelpdeskOpening').implement({
  fields: (t) => ({
    weekday: t.exposeInt('weekday', { description: 'ISO weekday: 1 Monday … 7 Sunday.' }),
    opensAt: t.exposeInt('opensAt', { description: 'Minutes after local midnight.' }),
    closesAt: t.exposeInt('closesAt', { description: 'Minutes after local midnight.' }),
  }),
});

const HelpdeskSettingsRef = builder.objectRef<HelpdeskSettingsDoc>('HelpdeskSettings').implement({
  description: 'The desk’s calendar (service hours) and targets.',
  fields: (t) => ({
    timeZone: t.exposeString('timeZone'),
    openings: t.field({ type: [HelpdeskOpeningRef], resolve: (s) => s.openings }),
    holidays: t.stringList({ description: 'Local dates the desk is closed (YYYY-MM-DD).', resolve: (s) => s.holidays }),
    firstResponseTargetHours: t.exposeFloat('firstResponseTargetHours'),
    resolutionTargetHours: t.exposeFloat('resolutionTargetHours'),
    version: t.exposeInt('version', { description: '0 while the defaults are in force; an update names the version it read.' }),
    viewerIsDesk: t.boolean({ description: 'Whether the viewer is the desk (the standing group, admins): they triage, close and publish.', resolve: (_, __, ctx) => viewerIsDesk(ctx) }),
    openNow: t.boolean({ resolve: (s) => isOpenAt(calendarOf(s), Date.now()) }),
    nextOpeningAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it opens next (now, if it is open).',
      resolve: (s) => {
        const at = nextOpening(calendarOf(s), Date.now());
        return at === null ? null : new Date(at);
      },
    }),
  }),
});

const HelpdeskFiguresRef = builder.objectRef<Figures>('HelpdeskFigures').implement({
  description: 'A month’s measures in service hours: how many, the median and the 90th percentile (nearest rank).',
  fields: (t) => ({
    count: t.exposeInt('count'),
    median: t.float({ nullable: true, resolve: (f) => f.median }),
    p90: t.float({ nullable: true, resolve: (f) => f.p90 }),
  }),
});

const HelpdeskStatusCountsRef = builder.objectRef<Dashboard['counts']>('HelpdeskStatusCounts').implement({
  fields: (t) => ({
    new: t.exposeInt('new'),
    assigned: t.exposeInt('assigned'),
    answered: t.exposeInt('answered'),
    closed: t.exposeInt('closed'),
  }),
});

const HelpdeskOverdueRef = builder.objectRef<OverdueItem>('HelpdeskOverdue').implement({
  fields: (t) => ({
    request: t.field({ type: HelpdeskRequestRef, resolve: (o) => o.request }),
    kind: t.field({ type: OverdueKindEnum, description: 'Past the first-response target (not answered yet) or the resolution target (not closed yet).', resolve: (o) => o.kind }),
    serviceHours: t.float({ description: 'Service hours since it was opened.', resolve: (o) => o.serviceHours }),
  }),
});

const HelpdeskDashboardRef = builder.objectRef<Dashboard>('HelpdeskDashboard').implement({
  fields: (t) => ({
    month: t.exposeString('month'),
    group: t.field({ type: GroupRef, nullable: true, resolve: (d) => d.group }),
    counts: t.field({ type: HelpdeskStatusCountsRef, resolve: (d) => d.counts }),
    firstResponse: t.field({ type: HelpdeskFiguresRef, resolve: (d) => d.firstResponse }),
    resolution: t.field({ type: HelpdeskFiguresRef, resolve: (d) => d.resolution }),
    firstResponseTargetHours: t.exposeFloat('firstResponseTargetHours'),
    resolutionTargetHours: t.exposeFloat('resolutionTargetHours'),
    overdue: t.field({ type: [HelpdeskOverdueRef], description: 'Open requests past a target now, longest first: for the desk only (empty for others).', resolve: (d) => d.overdue }),
  }),
});

builder.queryFields((t) => ({
  helpdeskSettings: t.field({ type: HelpdeskSettingsRef, description: 'The desk’s hours, holidays and targets (public).', resolve: () => helpdeskSettings() }),
  helpdeskOrganizations: t.field({
    type: [OrganizationRef],
    description: 'The bodies the viewer may ask the desk for: their organisation and those above it (empty until they are verified).',
    authScopes: { signedIn: true },
    resolve: async (_, __, ctx) => (await askableOrganizations(ctx)).map((o) => o._id),
  }),
  helpdeskDashboard: t.field({
    type: HelpdeskDashboardRef,
    description: 'A month’s figures (requests opened that month, Vietnam time), for one group or all. Signed-in members; the overdue list is the desk’s.',
    authScopes: { signedIn: true },
    args: { month: t.arg.string({ required: true, description: 'YYYY-MM.' }), group: t.arg.string({ validate: slugArg }) },
    resolve: (_, args, ctx) => helpdeskDashboard(ctx, { month: args.month, group: args.group ?? null }),
  }),
  helpdeskQueue: t.connection(
    {
      type: HelpdeskRequestRef,
      description: 'The desk’s queue: requests in one status (new by default), oldest first. The desk only.',
      authScopes: { signedIn: true },
      args: { status: t.arg({ type: HelpdeskStatusEnum }), group: t.arg.string({ validate: slugArg }) },
      resolve: (_, args, ctx) => helpdeskQueue(ctx, { status: args.status ?? null, group: args.group ?? null }, args),
    },
    { name: 'HelpdeskRequestConnection' },
    { name: 'HelpdeskRequestEdge' },
  ),
  viewerOrganizationHelpdeskRequests: t.connection(
    {
      type: HelpdeskRequestRef,
      description: 'Requests asked for the viewer’s organisation or a body above it, newest first.',
      authScopes: { signedIn: true },
      resolve: (_, args, ctx) => viewerOrganizationRequests(ctx, args),
    },
    { name: 'ViewerHelpdeskRequestConnection' },
    { name: 'ViewerHelpdeskRequestEdge' },
  ),
  helpdeskFaq: t.connection(
    {
      type: FaqEntryRef,
      description: 'The desk’s public answers, newest first; by topic and by words (diacritics optional). Readable signed out.',
      args: { topic: t.arg.string({ validate: slugArg }), query: t.arg.string() },
      resolve: (_, args) => listFaqEntries({ topic: args.topic ?? null, query: args.query?.slice(0, 200) ?? null }, args),
    },
    { name: 'HelpdeskFaqConnection' },
    { name: 'HelpdeskFaqEdge' },
  ),
}));

const HelpdeskOpeningInput = builder.inputType('HelpdeskOpeningInput', {
  fields: (t) => ({
    weekday: t.int({ required: true, description: 'ISO weekday: 1 Monday … 7 Sunday.' }),
    opensAt: t.int({ required: true, description: 'Minutes after local midnight.' }),
    closesAt: t.int({ required: true, description: 'Minutes after local midnight.' }),
  }),
});

const idTypes = { requestId: { globalIdOf: HelpdeskRequestRef }, assigneeId: { globalIdOf: ExpertRef }, id: { globalIdOf: FaqEntryRef }, answerId: 'ID', openings: HelpdeskOpeningInput };
const SubmitInput = inputTypeOf('SubmitHelpdeskRequestInput', submitHelpdeskRequestInput, { types: idTypes });
const TriageInput = inputTypeOf('TriageHelpdeskRequestInput', triageHelpdeskRequestInput, { types: idTypes });
const CloseInput = inputTypeOf('CloseHelpdeskRequestInput', closeHelpdeskRequestInput, { types: idTypes });
const ReopenInput = inputTypeOf('ReopenHelpdeskRequestInput', reopenHelpdeskRequestInput, { types: idTypes });
const SettingsInput = inputTypeOf('UpdateHelpdeskSettingsInput', updateHelpdeskSettingsInput, { types: idTypes });
const PublishInput = inputTypeOf('PublishFaqEntryInput', publishFaqEntryInput, { types: idTypes });
const UpdateFaqInput = inputTypeOf('UpdateFaqEntryInput', updateFaqEntryInput, { description: 'Only the given fields change.', types: idTypes });
const UnpublishInput = inputTypeOf('UnpublishFaqEntryInput', unpublishFaqEntryInput, { types: idTypes });

const RequestPayload = (name: string) => payload<'request', HelpdeskRequestDoc>(name, 'request', HelpdeskRequestRef);
const FaqPayload = (name: string) => payload<'entry', FaqEntryDoc>(name, 'entry', FaqEntryRef);
const errors = [...writeErrors, ConflictError, NotFoundError];

builder.mutationFields((t) => ({
  submitHelpdeskRequest: t.field({
    type: RequestPayload('SubmitHelpdeskRequestPayload'),
    description: 'A verified member of a ministry’s or province’s body asks the desk on its behalf: a question thread, tracked.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: SubmitInput, required: true }) },
    errors: { types: [...errors, SuspendedError], directResult: true },
    resolve: async (_, { input }, ctx) => ({ request: await submitHelpdeskRequest(ctx, plainInput(submitHelpdeskRequestInput, input)) }),
  }),
  triageHelpdeskRequest: t.field({
    type: RequestPayload('TriageHelpdeskRequestPayload'),
    description: 'The desk (standing group, admins): sends a new or assigned request to a group and names its responder, a member of it (audited).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: TriageInput, required: true }) },
    errors: { types: errors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ request: await triageHelpdeskRequest(ctx, plainInput(triageHelpdeskRequestInput, input)) }),
  }),
  closeHelpdeskRequest: t.field({
    type: RequestPayload('CloseHelpdeskRequestPayload'),
    description: 'The asker or the desk closes an open request; its resolution time is measured then.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: CloseInput, required: true }) },
    errors: { types: errors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ request: await closeHelpdeskRequest(ctx, plainInput(closeHelpdeskRequestInput, input)) }),
  }),
  reopenHelpdeskRequest: t.field({
    type: RequestPayload('ReopenHelpdeskRequestPayload'),
    description: 'The asker reopens an answered or closed request with a reason: back to its group.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: ReopenInput, required: true }) },
    errors: { types: errors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ request: await reopenHelpdeskRequest(ctx, plainInput(reopenHelpdeskRequestInput, input)) }),
  }),
  updateHelpdeskSettings: t.field({
    type: payload<'settings', HelpdeskSettingsDoc>('UpdateHelpdeskSettingsPayload', 'settings', HelpdeskSettingsRef),
    description: 'Admins: the desk’s weekly hours, holidays and targets (audited).',
    authScopes: { admin: true },
    args: { input: t.arg({ type: SettingsInput, required: true }) },
    errors: { types: errors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ settings: await updateHelpdeskSettings(ctx, plainInput(updateHelpdeskSettingsInput, input)) }),
  }),
  publishFaqEntry: t.field({
    type: FaqPayload('PublishFaqEntryPayload'),
    description: 'The desk publishes an answered request in the public FAQ: its question and an answer (the accepted one by default), as a snapshot (audited).',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: PublishInput, required: true }) },
    errors: { types: errors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ entry: await publishFaqEntry(ctx, plainInput(publishFaqEntryInput, input)) }),
  }),
  updateFaqEntry: t.field({
    type: FaqPayload('UpdateFaqEntryPayload'),
    description: 'The desk edits an FAQ entry’s snapshot.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: UpdateFaqInput, required: true }) },
    errors: { types: errors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ entry: await updateFaqEntry(ctx, plainInput(updateFaqEntryInput, input)) }),
  }),
  unpublishFaqEntry: t.field({
    type: RequestPayload('UnpublishFaqEntryPayload'),
    description: 'The desk takes an entry out of the FAQ (audited). Answers the request.',
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: UnpublishInput, required: true }) },
    errors: { types: errors, directResult: true },
    resolve: async (_, { input }, ctx) => ({ request: await unpublishFaqEntry(ctx, plainInput(unpublishFaqEntryInput, input)) }),
  }),
}));
