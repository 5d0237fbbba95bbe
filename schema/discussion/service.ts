// Over 400 lines: threads and replies share their finders and rules; what other features read of them is at the end.
import { Types, type QueryFilter } from 'mongoose';
import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { findNewestFirstPage, firstAndCount, listProjection, paginate, paginateEach, type ListSkips, type NewestFirstPage, type PageArgs, type SortKey } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError } from '../errors.ts';
import { THREAD_LIMITS } from '../field-limits.ts';
import { walkIdsOf, type IdWalk } from '../stored-counter.ts';
import { countPerValue, findByIds } from '../loading.ts';
import { createOnce, insertOnce, markedBy, retryingDeadlocks, setMark } from '../mark.ts';
import { refuseOversized, renderText } from '../markdown/pool.ts';
import { mentionedHandles } from '../markdown/render.ts';
import { textConditions } from '../organization/service.ts';
import { placeCodesFor, placesByCodes } from '../place/service.ts';
import { findReadablePractice } from '../practice/service.ts';
import { anyOf, greaterThan, notEqual } from '../query.ts';
import { searchTokens } from '../search/fold.ts';
import type { SearchScope } from '../search/service.ts';
import { requireTopic, unknownTopicErrors } from '../topic/service.ts';
import { isObjectId, objectId, parseInput, slug, text } from '../validation.ts';
import { postWaitsForApproval } from '../moderation/new-members.ts';
import { expertsByHandles } from '../expert/service.ts';
import { groupSlugsOf, membersAmong, requireGroup } from '../group/service.ts';
import { moveEmbeddedHistory } from './migrate.ts';
import { QuestionVote, Reply, ReplyRevision, Thread, ThreadRevision, threadKinds, Vote, type ReplyDoc, type ReplyRevisionDoc, type ThreadDoc, type ThreadRevisionDoc } from './model.ts';
import { canAccept, canDeleteReply, canEditReply, canEditThread, canReadThread, canSeeReply, canVote } from './policy.ts';

export type { ReplyDoc, ReplyRevisionDoc, ThreadDoc, ThreadRevisionDoc };

const body = text(1, THREAD_LIMITS.markdown, { multiline: true });

export const threadsByIds = (ids: readonly string[]) => findByIds<ThreadDoc>(Thread, ids.filter(isObjectId));
export const repliesByIds = (ids: readonly string[]) => findByIds<ReplyDoc>(Reply, ids.filter(isObjectId));

/** Every thread's id in turn, for counters kept about threads elsewhere (readers). */
export function walkThreadIds(): IdWalk {
  return walkIdsOf(Thread);
}

async function findThread(id: string, argument = 'threadId'): Promise<ThreadDoc> {
  const thread = isObjectId(id) ? await Thread.findById(id).lean<ThreadDoc>() : null;
  if (!thread) throw new NotFoundError(argument, 'thread', id);
  return thread;
}

async function findReply(id: string): Promise<ReplyDoc> {
  const reply = isObjectId(id) ? await Reply.findById(id).lean<ReplyDoc>() : null;
  if (!reply) throw new NotFoundError('replyId', 'reply', id);
  return reply;
}

/**
 * The groups of the viewer that matter to these threads: read (one indexed read) only when one of
 * them is a members-only group's thread, as most are not.
 */
export async function readerGroupsFor(viewer: Viewer | null, threads: readonly Pick<ThreadDoc, 'restrictedTo'>[]): Promise<string[]> {
  return viewer && threads.some((th) => th.restrictedTo) ? groupSlugsOf(viewer.id) : [];
}

/**
 * What a viewer in `groups` may list: the threads every member reads, and those of their
 * members-only groups. An equality (or a short `$in`) beside the lists' own, so their indexes serve it.
 */
export const readableIn = (groups: readonly string[]): QueryFilter<ThreadDoc> => ({ restrictedTo: groups.length ? anyOf([null, ...groups]) : null });

/**
 * A thread the viewer may open: a hidden one is NOT_FOUND, as if it did not exist, but for
 * moderators; a members-only group's thread is NOT_FOUND to those outside the group.
 */
export async function findVisibleThread(viewer: Viewer | null, id: string, argument = 'threadId'): Promise<ThreadDoc> {
  const thread = await findThread(id, argument);
  if (!canReadThread(viewer, thread, await readerGroupsFor(viewer, [thread]))) throw new NotFoundError(argument, 'thread', id);
  return thread;
}

/** A thread that takes writes: one the viewer may open, and not hidden (a moderator restores or approves it first). */
async function findWritableThread(viewer: Viewer, id: string, argument = 'threadId'): Promise<ThreadDoc> {
  const thread = await findVisibleThread(viewer, id, argument);
  refuseHidden(thread, 'thread');
  return thread;
}

/** A reply of a thread the viewer may open (a reply of a hidden thread, or one waiting for someone else's approval, is NOT_FOUND but for moderators). */
export async function findVisibleReply(viewer: Viewer, id: string): Promise<{ reply: ReplyDoc; thread: ThreadDoc }> {
  const reply = await findReply(id);
  const thread = await findThread(String(reply.thread), 'replyId');
  if (!canReadThread(viewer, thread, await readerGroupsFor(viewer, [thread])) || !canSeeReply(viewer, reply)) throw new NotFoundError('replyId', 'reply', id);
  return { reply, thread };
}

/** Hidden content takes nothing: no edit, vote, acceptance or reply under it (a post waiting for approval neither, until approved). */
function refuseHidden(post: Pick<ReplyDoc, 'hiddenAt' | 'pendingAuthor'>, kind: 'thread' | 'reply' = 'reply') {
  if (post.pendingAuthor) throw new ConflictError(`This ${kind} is waiting for a moderator’s approval.`);
  if (post.hiddenAt) throw new ConflictError(kind === 'thread' ? 'This thread is hidden by a moderator.' : 'That reply was hidden by a moderator.');
}

/**
 * How a new post of the viewer starts: shown, or (a new member's first posts) hidden and waiting
 * for a moderator's approval. Their posts shown so far are counted, practices' discussions aside
 * (the first comment on a practice starts one in the commenter's name).
 */
async function approvalState(ctx: Context, viewer: Viewer): Promise<{ hiddenAt: Date | null; pendingAuthor: string | null }> {
  const rule = ctx.newMembers;
  if (!postWaitsForApproval(viewer, rule, 0)) return { hiddenAt: null, pendingAuthor: null };
  const [threads, replies] = await Promise.all([
    Thread.countDocuments({ author: viewer.id, hiddenAt: null, practice: null }).limit(rule.postsToApprove),
    Reply.countDocuments({ author: viewer.id, hiddenAt: null }).limit(rule.postsToApprove),
  ]);
  return postWaitsForApproval(viewer, rule, threads + replies) ? { hiddenAt: new Date(), pendingAuthor: viewer.id } : { hiddenAt: null, pendingAuthor: null };
}

/** A new thread; the GraphQL inputs are generated from these schemas (schema/input.ts). */
export const createThreadInput = z.object({
  kind: z.enum(threadKinds),
  title: text(THREAD_LIMITS.titleMin, THREAD_LIMITS.title),
  body: text(0, THREAD_LIMITS.markdown, { multiline: true }).default('').describe('Markdown.'),
  topics: z.array(slug).max(THREAD_LIMITS.topics, 'TOO_LONG').default([]),
  place: slug.nullish(),
  group: slug.nullish().describe('The working group’s group to start it in (its slug); only its members may.'),
});

/** Topics must be known and the place a current province or city. */
async function checkReferences(data: { topics: string[]; place?: string | null }): Promise<void> {
  const errors = await unknownTopicErrors(data.topics);
  if (data.place && !(await placesByCodes([data.place]))[0]?.current) errors.push({ path: 'place', code: 'UNKNOWN', message: 'place is not a current province or city' });
  if (errors.length) throw new ValidationError(errors);
}

/** At most this many people are told of one text's mentions (a list of 200 handles is spam). */
const MAX_MENTIONS = 20;

/** The handles a text mentions, its writer aside (the demo loader stores them the same way). */
export const mentionsOf = (markdown: string, writerHandle: string) =>
  mentionedHandles(markdown)
    .filter((handle) => handle !== writerHandle)
    .slice(0, MAX_MENTIONS);
/** The same from the handles the renderer found (rendering runs off the event loop, and finds them too). */
const mentionsFrom = (handles: string[], writer: Viewer) => handles.filter((handle) => handle !== writer.handle).slice(0, MAX_MENTIONS);

/**
 * In a members-only group's thread, only the group's members count as mentioned: the others
 * cannot read it, so they hear nothing of it (no notification, no update).
 */
async function mentionsReading(thread: Pick<ThreadDoc, 'restrictedTo'>, handles: string[]): Promise<string[]> {
  if (!thread.restrictedTo || !handles.length) return handles;
  const experts = await expertsByHandles(handles);
  const members = await membersAmong(
    thread.restrictedTo,
    experts.map((e) => String(e._id)),
  );
  const memberHandles = new Set(experts.filter((e) => members.has(String(e._id))).map((e) => e.handle));
  return handles.filter((handle) => memberHandles.has(handle));
}

/** Where a new thread belongs: a group the viewer is in (lead or member), members-only or not as the group is. */
async function groupPlacement(viewer: Viewer, groupSlug: string | null | undefined): Promise<{ group: string | null; restrictedTo: string | null }> {
  if (!groupSlug) return { group: null, restrictedTo: null };
  const group = await requireGroup(groupSlug, 'group');
  if (!(await groupSlugsOf(viewer.id)).includes(group._id)) throw new NotAuthorizedError('Only the group’s members start discussions in it.');
  return { group: group._id, restrictedTo: group.discussionAccess === 'members' ? group._id : null };
}

/** Starts a thread (its author following it is commands/start-thread.ts's part). */
export async function createThread(ctx: Context, input: unknown): Promise<ThreadDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(createThreadInput, input);
  await checkReferences(data);
  const placement = await groupPlacement(viewer, data.group);
  const rendered = refuseOversized('body', await renderText(data.body));
  const thread = await Thread.create({
    ...data,
    ...(await approvalState(ctx, viewer)),
    ...placement,
    bodyHtml: rendered.html,
    bodyVersion: rendered.version,
    place: data.place ?? null,
    author: viewer.id,
    lastActivityAt: new Date(),
    searchTokens: searchTokens(`${data.title} ${data.body}`),
    mentions: await mentionsReading(placement, mentionsFrom(rendered.mentions, viewer)),
  });
  return thread.toObject() as ThreadDoc;
}

export const editThreadInput = createThreadInput.omit({ kind: true, group: true }).extend({ threadId: objectId });

/**
 * A thread or reply stored before earlier versions had their own collection (no editCount yet):
 * its history moves out first (the start-up migration does so for all; this covers one written
 * meanwhile by a server of the earlier release).
 */
async function withOwnHistory<T extends { editCount?: number | null }>(kind: 'thread' | 'reply', doc: T, reread: () => Promise<T>): Promise<T> {
  if (typeof doc.editCount === 'number') return doc;
  await moveEmbeddedHistory(kind, doc as never);
  return reread();
}

/** The author (or a moderator) edits a thread; the earlier title and body are kept, oldest first. */
export async function editThread(ctx: Context, input: unknown): Promise<ThreadDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(editThreadInput, input);
  const thread = await withOwnHistory('thread', await findWritableThread(viewer, data.threadId), () => findThread(data.threadId));
  if (!canEditThread(viewer, thread)) throw new NotAuthorizedError('Only its author or a moderator can edit a thread.');
  if (thread.locked) throw new ConflictError('This thread is locked.');
  await checkReferences(data);
  const rendered = refuseOversized('body', await renderText(data.body));
  const changes = {
    title: data.title,
    body: data.body,
    bodyHtml: rendered.html,
    bodyVersion: rendered.version,
    topics: data.topics,
    place: data.place ?? null,
    searchTokens: searchTokens(`${data.title} ${data.body}`),
    mentions: await mentionsReading(thread, mentionsFrom(rendered.mentions, viewer)),
    editCount: thread.editCount + 1,
  };
  // The version being replaced first, numbered by the count read: of edits racing from the same
  // version, the one that wins below wrote (or found) exactly this copy.
  await insertOnce(ThreadRevision, {
    thread: thread._id,
    seq: thread.editCount,
    title: thread.title,
    body: thread.body,
    bodyHtml: thread.bodyHtml,
    bodyVersion: thread.bodyVersion,
    editedAt: new Date(),
  });
  // Only over the version it read, so the history keeps every version, and only while unlocked.
  // Racing edits move many index entries (search tokens) and PostgreSQL may end one as a deadlock,
  // which changed nothing: it is tried again, and its condition then says whether it still applies.
  const edited = await retryingDeadlocks(() =>
    Thread.findOneAndUpdate({ _id: thread._id, title: thread.title, body: thread.body, editCount: thread.editCount, locked: false }, { $set: changes }, { returnDocument: 'after' }).lean<ThreadDoc>(),
  );
  if (!edited) throw new ConflictError('This thread changed or was locked meanwhile; reload it.');
  return edited;
}

export const practiceDiscussionInput = z.object({ practiceId: objectId });

/**
 * The comments of a published practice live in one discussion thread: this returns it, or starts
 * it with the practice's title, topics and place (the viewer as its author).
 */
export async function startPracticeDiscussion(ctx: Context, input: unknown): Promise<ThreadDoc> {
  const viewer = requireViewer(ctx);
  const { practiceId } = parseInput(practiceDiscussionInput, input);
  const practice = await findReadablePractice(viewer, practiceId, 'practiceId');
  if (practice.status !== 'published') throw new ConflictError('Only a published practice takes comments.');
  const existing = () => Thread.findOne({ practice: practice._id }).lean<ThreadDoc>();
  const created =
    (await existing()) ??
    (await createOnce<ThreadDoc>(Thread, {
      kind: 'discussion',
      title: practice.title,
      body: '',
      author: viewer.id,
      topics: practice.topics,
      place: practice.place ?? null,
      practice: practice._id,
      lastActivityAt: new Date(),
      searchTokens: searchTokens(practice.title),
    }));
  // Someone started it at the same moment: the unique index kept theirs, which is the one.
  const discussion = created ?? (await existing())!;
  if (discussion.hiddenAt) throw new ConflictError('This practice’s discussion is hidden by a moderator.');
  return discussion;
}

/** The discussion of each practice, in key order (null where none was started): one query for a page. */
export async function discussionsOfPractices(practiceIds: readonly string[]): Promise<(ThreadDoc | null)[]> {
  // Bounded by the keys: a practice has at most one discussion (a unique index).
  const threads = await Thread.find({ practice: anyOf(practiceIds.filter(isObjectId)) }, listProjection(THREAD_LIST_SKIPS, null)).lean<ThreadDoc[]>();
  const byPractice = new Map(threads.map((t) => [String(t.practice), t]));
  return practiceIds.map((id) => byPractice.get(id) ?? null);
}

export const replyInput = z.object({ threadId: objectId, parentId: objectId.nullish(), body });

/**
 * Replies to the thread or to one of its replies; not in a locked thread, not under a removed
 * reply (the writer following the thread is commands/reply-to-thread.ts's part).
 */
export async function replyToThread(ctx: Context, input: unknown): Promise<ReplyDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(replyInput, input);
  const thread = await findWritableThread(viewer, data.threadId);
  if (thread.locked) throw new ConflictError('This thread is locked.');
  let depth = 0;
  if (data.parentId) {
    const parent = await findReply(data.parentId);
    if (String(parent.thread) !== data.threadId) throw ValidationError.field('parentId', 'INVALID', 'parentId is a reply of another thread');
    if (parent.deleted) throw new ConflictError('That reply was removed.');
    refuseHidden(parent);
    depth = parent.depth + 1;
  }
  const rendered = refuseOversized('body', await renderText(data.body));
  const approval = await approvalState(ctx, viewer);
  // The reply, then its count: a crash between leaves the count one short, for the repair.
  const reply = await Reply.create({
    thread: thread._id,
    parent: data.parentId ?? null,
    depth,
    author: viewer.id,
    body: data.body,
    bodyHtml: rendered.html,
    bodyVersion: rendered.version,
    mentions: await mentionsReading(thread, mentionsFrom(rendered.mentions, viewer)),
    ...approval,
  });
  // One waiting for approval counts (and moves the thread up) when it is approved.
  if (!approval.pendingAuthor) await Thread.updateOne({ _id: thread._id }, { $inc: { replyCount: 1 }, $set: { lastActivityAt: new Date() } });
  return reply.toObject() as ReplyDoc;
}

export const editReplyInput = z.object({ replyId: objectId, body });

/** Authors edit their replies; the earlier text is kept. */
export async function editReply(ctx: Context, input: unknown): Promise<ReplyDoc> {
  const viewer = requireViewer(ctx);
  const data = parseInput(editReplyInput, input);
  const reply = await withOwnHistory('reply', await findReply(data.replyId), () => findReply(data.replyId));
  if (!canEditReply(viewer, reply)) throw new NotAuthorizedError('Only its author can edit a reply.');
  refuseHidden(reply);
  const thread = await findWritableThread(viewer, String(reply.thread), 'replyId');
  if (thread.locked) throw new ConflictError('This thread is locked.');
  if (reply.deleted) throw new ConflictError('This reply changed or was removed meanwhile; reload it.');
  const rendered = refuseOversized('body', await renderText(data.body));
  const mentions = await mentionsReading(thread, mentionsFrom(rendered.mentions, viewer));
  // The version being replaced first, numbered by the count read (see editThread).
  await insertOnce(ReplyRevision, { reply: reply._id, seq: reply.editCount, body: reply.body, bodyHtml: reply.bodyHtml, bodyVersion: reply.bodyVersion, editedAt: new Date() });
  // Only over the version it read, so the history keeps every version, and never a removed reply.
  // A deadlock with a racing edit changed nothing: tried again under the same condition (see editThread).
  const edited = await retryingDeadlocks(() =>
    Reply.findOneAndUpdate(
      { _id: reply._id, body: reply.body, editCount: reply.editCount, deleted: false, hiddenAt: null },
      { $set: { body: data.body, bodyHtml: rendered.html, bodyVersion: rendered.version, mentions, editCount: reply.editCount + 1 } },
      { returnDocument: 'after' },
    ).lean<ReplyDoc>(),
  );
  if (!edited) throw new ConflictError('This reply changed or was removed meanwhile; reload it.');
  return edited;
}

export const replyIdInput = z.object({ replyId: objectId });
export const threadIdInput = z.object({ threadId: objectId });

/** What removing a reply did: the reply, and the question it was the accepted answer of (then no longer). */
export interface RemovedReply {
  reply: ReplyDoc;
  unacceptedFrom: ThreadDoc | null;
}

/** Removes a reply but keeps its place in the thread ("reply removed"), and its replies. */
export async function deleteReply(ctx: Context, input: unknown): Promise<RemovedReply> {
  const viewer = requireViewer(ctx);
  const { replyId } = parseInput(replyIdInput, input);
  const { reply } = await findVisibleReply(viewer, replyId);
  if (!canDeleteReply(viewer, reply)) throw new NotAuthorizedError();
  const removed = await Reply.findOneAndUpdate({ _id: reply._id, deleted: false }, { $set: { deleted: true } }, { returnDocument: 'after' }).lean<ReplyDoc>();
  if (!removed) throw new ConflictError('That reply was already removed.');
  // Then the thread: a crash between leaves what repairCounters() finishes (the count, and a
  // removed reply as the accepted answer). A hidden reply no longer counted: this same write
  // read whether it was hidden, so a racing hide and removal take it off the count once.
  if (!removed.hiddenAt) await Thread.updateOne({ _id: reply.thread }, { $inc: { replyCount: -1 } });
  const unacceptedFrom = await Thread.findOneAndUpdate({ _id: reply.thread, acceptedReply: reply._id }, { $set: { acceptedReply: null } }).lean<ThreadDoc>();
  return { reply: removed, unacceptedFrom };
}

/** What a vote did: the post after it, and whether this call cast or took back a vote (a repeated one did nothing). */
export interface VoteOutcome<T> {
  post: T;
  counted: boolean;
}

/** Votes for an answer to a question (or takes the vote back); one vote per person, counted exactly; not once locked. */
export async function voteForAnswer(ctx: Context, input: unknown, up: boolean): Promise<VoteOutcome<ReplyDoc>> {
  const viewer = requireViewer(ctx);
  const { replyId } = parseInput(replyIdInput, input);
  const { reply } = await findVisibleReply(viewer, replyId);
  const thread = await findWritableThread(viewer, String(reply.thread), 'replyId');
  if (thread.kind !== 'question' || reply.parent || reply.deleted) throw new ConflictError('Only answers to a question take votes.');
  refuseHidden(reply);
  if (thread.locked) throw new ConflictError('This thread is locked.');
  if (!canVote(viewer, reply)) throw new NotAuthorizedError('Nobody votes for their own answer.');
  // The count moves only for a vote this call cast or took back: a repeated one changes nothing.
  // A vote is not an edit of the reply: its updatedAt stays.
  const counted = await setMark(Vote, { reply: replyId, expert: viewer.id }, up);
  const after = counted ? Reply.findByIdAndUpdate(replyId, { $inc: { voteCount: up ? 1 : -1 } }, { returnDocument: 'after', timestamps: false }) : Reply.findById(replyId);
  return { post: (await after.lean<ReplyDoc>())!, counted };
}

/** Votes for a question (or takes the vote back), by the rules of answers' votes. */
export async function voteForQuestion(ctx: Context, input: unknown, up: boolean): Promise<VoteOutcome<ThreadDoc>> {
  const viewer = requireViewer(ctx);
  const { threadId } = parseInput(threadIdInput, input);
  const thread = await findWritableThread(viewer, threadId);
  if (thread.kind !== 'question') throw new ConflictError('Only questions take votes.');
  if (thread.locked) throw new ConflictError('This thread is locked.');
  if (!canVote(viewer, thread)) throw new NotAuthorizedError('Nobody votes for their own question.');
  const counted = await setMark(QuestionVote, { thread: threadId, expert: viewer.id }, up);
  // Not an edit, nor activity: updatedAt and lastActivityAt stay.
  const after = counted ? Thread.findByIdAndUpdate(threadId, { $inc: { voteCount: up ? 1 : -1 } }, { returnDocument: 'after', timestamps: false }) : Thread.findById(threadId);
  return { post: (await after.lean<ThreadDoc>())!, counted };
}

/** An answer that became or stopped being a question's accepted answer. */
export interface AcceptanceChange {
  answerAuthor: Types.ObjectId;
  accepted: boolean;
}

/**
 * What accepting (or unaccepting) did: the question after it, each answer that gained or lost
 * the acceptance through this call's own writes, and an error to report once those are
 * accounted for (the answer was removed meanwhile).
 */
export interface AcceptanceOutcome {
  thread: ThreadDoc;
  changes: AcceptanceChange[];
  failure: ConflictError | null;
}

/** The answer and its question, if the viewer may accept or unaccept it. */
async function findAcceptable(viewer: Viewer, replyId: string): Promise<{ reply: ReplyDoc; thread: ThreadDoc }> {
  const { reply } = await findVisibleReply(viewer, replyId);
  const thread = await findWritableThread(viewer, String(reply.thread), 'replyId');
  if (!canAccept(viewer, thread)) throw new NotAuthorizedError('Only the asker or a curator accepts an answer.');
  if (thread.kind !== 'question' || reply.parent || reply.deleted) throw new ConflictError('Only an answer to this question can be accepted.');
  refuseHidden(reply);
  if (thread.locked) throw new ConflictError('This thread is locked.');
  return { reply, thread };
}

/** The asker (or a curator) accepts one answer; accepting another replaces it. */
export async function acceptAnswer(ctx: Context, input: unknown): Promise<AcceptanceOutcome> {
  const viewer = requireViewer(ctx);
  const { replyId } = parseInput(replyIdInput, input);
  const { reply, thread } = await findAcceptable(viewer, replyId);
  if (String(thread.acceptedReply) === replyId) return { thread, changes: [], failure: null };
  const previous = thread.acceptedReply ? await Reply.findById(thread.acceptedReply, { author: 1 }).lean<ReplyDoc>() : null;
  // Over the answer the viewer saw accepted (or none): of two people accepting at once, one wins.
  const accepted = await Thread.findOneAndUpdate(
    { _id: thread._id, acceptedReply: thread.acceptedReply ?? null, locked: false },
    { $set: { acceptedReply: reply._id } },
    { returnDocument: 'after' },
  ).lean<ThreadDoc>();
  if (!accepted) throw new ConflictError('The accepted answer changed or the thread was locked meanwhile; reload it.');
  const changes: AcceptanceChange[] = [...(previous ? [{ answerAuthor: previous.author, accepted: false }] : []), { answerAuthor: reply.author, accepted: true }];
  // Removing a reply marks it first and then clears it as accepted: if that happened meanwhile,
  // this sees the mark, whichever order the two writes of each took. Whichever write clears it
  // reports the change (the removal, or this one).
  if ((await findReply(replyId)).deleted) {
    const cleared = await Thread.findOneAndUpdate({ _id: thread._id, acceptedReply: reply._id }, { $set: { acceptedReply: null } }, { returnDocument: 'after' }).lean<ThreadDoc>();
    if (cleared) changes.push({ answerAuthor: reply.author, accepted: false });
    return { thread: cleared ?? accepted, changes, failure: new ConflictError('That reply was removed.') };
  }
  return { thread: accepted, changes, failure: null };
}

/** The asker (or a curator) takes the acceptance back: the question has no accepted answer again. */
export async function unacceptAnswer(ctx: Context, input: unknown): Promise<AcceptanceOutcome> {
  const viewer = requireViewer(ctx);
  const { replyId } = parseInput(replyIdInput, input);
  const { reply, thread } = await findAcceptable(viewer, replyId);
  const cleared = await Thread.findOneAndUpdate({ _id: thread._id, acceptedReply: reply._id, locked: false }, { $set: { acceptedReply: null } }, { returnDocument: 'after' }).lean<ThreadDoc>();
  if (!cleared) throw new ConflictError('That answer is not the accepted one (any more); reload the question.');
  return { thread: cleared, changes: [{ answerAuthor: reply.author, accepted: false }], failure: null };
}

export interface ThreadFilter {
  kind?: (typeof threadKinds)[number] | null;
  topic?: string | null;
  place?: string | null;
  /** Questions without an accepted answer. */
  unanswered?: boolean | null;
  query?: string | null;
}

const mostActiveFirst: SortKey[] = [
  { field: 'lastActivityAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
];

/**
 * What thread lists leave out unless the query shows them (stored field -> the Thread fields that
 * read it; see connection.ts listProjection). Single-thread reads (thread, node) read everything.
 */
export const THREAD_LIST_SKIPS: ListSkips = { searchTokens: [], mentions: [], body: ['body'], bodyHtml: ['bodyHtml'] };
/** The same for a thread's replies. */
export const REPLY_LIST_SKIPS: ListSkips = { mentions: [] };

/** Threads for a viewer in `groups` (see readableIn): a members-only group's threads show only to its members. */
export async function listThreads(filter: ThreadFilter, page: PageArgs, shown: ReadonlySet<string> | null, groups: readonly string[]) {
  const conditions: QueryFilter<ThreadDoc>[] = [];
  if (filter.unanswered) conditions.push({ kind: 'question', acceptedReply: null });
  else if (filter.kind) conditions.push({ kind: filter.kind });
  if (filter.topic) conditions.push({ topics: await requireTopic(filter.topic, 'filter.topic') });
  if (filter.place) conditions.push({ place: anyOf(await placeCodesFor(filter.place, 'filter.place')) });
  conditions.push(...textConditions(filter.query));
  // Hidden threads leave every list, moderators' too (they reach them through the flag queue), and
  // so do members-only groups' threads, but for their members (moderators open them by address).
  conditions.push({ hiddenAt: null }, readableIn(groups));
  return paginate<ThreadDoc>(Thread, { $and: conditions }, mostActiveFirst, page, listProjection(THREAD_LIST_SKIPS, shown));
}

/** Each group's threads, most recently active first, for a viewer who may read them (Group.threads checks): one command for a page of groups. */
export const threadsOfGroups = (groups: readonly string[], page: PageArgs, shown: ReadonlySet<string> | null) =>
  paginateEach<ThreadDoc>(Thread, 'group', groups, mostActiveFirst, page, listProjection(THREAD_LIST_SKIPS, shown), { hiddenAt: null });

/** A thread the viewer may open (threads are for members: signed out, none is found). */
export async function getThread(viewer: Viewer | null, id: string): Promise<ThreadDoc> {
  if (!viewer) throw new NotFoundError('id', 'thread', id);
  return findVisibleThread(viewer, id, 'id');
}

/**
 * The same page of replies of each thread, in the order they were written (the client nests them
 * by `parent`): one command for a page of threads, each thread's read cut at the page size.
 * Replies waiting for approval are left out, but for moderators (`pendingShown` 'all') and their
 * own author (`pendingShown` their id).
 */
export const repliesOfThreads = (threadIds: readonly string[], page: PageArgs, shown: ReadonlySet<string> | null = null, pendingShown: 'all' | string | null = null) =>
  paginateEach<ReplyDoc>(
    Reply,
    'thread',
    threadIds,
    [
      { field: 'createdAt', kind: 'date' },
      { field: '_id', kind: 'objectId' },
    ],
    page,
    listProjection(REPLY_LIST_SKIPS, shown),
    // Aggregates (which these reads are) do not cast: the id goes as an ObjectId.
    pendingShown === 'all' ? {} : { pendingAuthor: anyOf([null, ...(pendingShown ? [new Types.ObjectId(pendingShown)] : [])]) },
  );

/**
 * Earlier versions, oldest first, for keys `<id>:<its editCount>`: one query for a page of
 * threads or replies. Versions numbered from editCount on (an edit that lost a race, or a crash
 * before its text moved on) are not shown.
 */
async function histories<T extends { seq: number }>(kind: 'thread' | 'reply', keys: readonly string[]): Promise<T[][]> {
  const wanted = keys.map((key) => key.split(':') as [string, string]);
  const asked = wanted.filter(([id, count]) => isObjectId(id) && Number(count) > 0).map(([id]) => id);
  const model = kind === 'thread' ? ThreadRevision : ReplyRevision;
  const revisions = asked.length
    ? await (model as typeof ReplyRevision)
        .find({ [kind]: anyOf([...new Set(asked)]) })
        .sort({ [kind]: 1, seq: 1 })
        .lean<T[]>()
    : [];
  const byOwner = new Map<string, T[]>();
  for (const revision of revisions) {
    const owner = String((revision as Record<string, unknown>)[kind]);
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), revision]);
  }
  return wanted.map(([id, count]) => (byOwner.get(id) ?? []).filter((r) => r.seq < Number(count)));
}

export const threadHistories = (keys: readonly string[]) => histories<ThreadRevisionDoc>('thread', keys);
export const replyHistories = (keys: readonly string[]) => histories<ReplyRevisionDoc>('reply', keys);

/** Which of these answers the viewer voted for: one query for a page. */
export const votedByViewer = (viewer: Viewer | null, replyIds: readonly string[]) => markedBy(Vote, viewer?.id ?? null, replyIds, (expert, reply) => ({ reply, expert }));

/** Which of these questions the viewer voted for: one query for a page. */
export const questionsVotedByViewer = (viewer: Viewer | null, threadIds: readonly string[]) => markedBy(QuestionVote, viewer?.id ?? null, threadIds, (expert, thread) => ({ thread, expert }));

/**
 * Threads per value of `field` (a topic slug, or a place code as recorded), for the given values
 * only: one aggregate whatever their number, served by the field's index. Callers show it to
 * members only, like the threads themselves.
 */
/** Every thread and reply waiting for approval (few: a new member's first posts), for the repair that queues them. */
export async function postsWaitingForApproval(): Promise<{ kind: 'thread' | 'reply'; post: { _id: Types.ObjectId; thread?: Types.ObjectId; createdAt: Date } }[]> {
  const waiting = { pendingAuthor: greaterThan(new Types.ObjectId('000000000000000000000000')) };
  const [threads, replies] = await Promise.all([Thread.find(waiting, { createdAt: 1 }).lean<ThreadDoc[]>(), Reply.find(waiting, { thread: 1, createdAt: 1 }).lean<ReplyDoc[]>()]);
  return [...threads.map((post) => ({ kind: 'thread' as const, post })), ...replies.map((post) => ({ kind: 'reply' as const, post }))];
}

/** Counts the threads every member reads: members-only groups' threads are not counted (the same figure for everyone). */
export const countThreads = (field: 'topics' | 'place', values: readonly string[]) => countPerValue(Thread, field, values, { hiddenAt: null, restrictedTo: null });

/** Which of these threads got a live reply from someone other than `notBy` after `since` (one's own replies are no news to one): one aggregate. */
export async function threadsRepliedToByOthersSince(threadIds: readonly string[], notBy: string, since: Date): Promise<Set<string>> {
  const counts = await countPerValue(Reply, 'thread', threadIds, { author: notEqual(notBy), createdAt: greaterThan(since), deleted: false, hiddenAt: null });
  return new Set([...counts].filter(([, count]) => count > 0).map(([id]) => id));
}

/** What following brings of threads (commands/follow-updates.ts): of whom, in which topics, and mentioning whom. */
interface ThreadReach {
  topics: readonly string[];
  authors: readonly string[];
  /** Their own threads are no news to the follower. */
  notBy: string;
  /** The follower's handle: a thread that mentions them reaches them. */
  mentioning: string;
  /** The follower's groups: a members-only group's thread reaches only its members. */
  groups: readonly string[];
}

/** Threads in one of the topics (not by `notBy`), by one of the authors, or mentioning the handle. */
const reachingBranches = ({ topics, authors, notBy, mentioning }: ThreadReach): QueryFilter<ThreadDoc>[] => [
  ...(topics.length ? [{ topics: anyOf(topics), author: notEqual(notBy) }] : []),
  ...(authors.length ? [{ author: anyOf(authors) }] : []),
  { mentions: mentioning },
];

/** One page of those threads, most recently active first. */
export const threadsReaching = (reach: ThreadReach, page: NewestFirstPage) =>
  findNewestFirstPage<ThreadDoc>(Thread, { $or: reachingBranches(reach), hiddenAt: null, ...readableIn(reach.groups) }, 'lastActivityAt', page);

/** How many threads those are, with the threads of `alsoIds` (followed one by one). */
export const countThreadsReaching = (reach: ThreadReach, alsoIds: readonly string[]) =>
  Thread.countDocuments({ $or: [...reachingBranches(reach), ...(alsoIds.length ? [{ _id: anyOf(alsoIds) }] : [])], hiddenAt: null, ...readableIn(reach.groups) });

const mentioning = (handle: string) => ({ mentions: handle, deleted: false, hiddenAt: null });

/** One page of the live replies that mention `handle`, newest first. */
export const repliesMentioning = (handle: string, page: NewestFirstPage) => findNewestFirstPage<ReplyDoc>(Reply, mentioning(handle), 'createdAt', page);

export const countRepliesMentioning = (handle: string) => Reply.countDocuments(mentioning(handle));

/** The threads that match a search (commands/search.ts), most recently active first, and how many in all. */
export function searchThreads(scope: Pick<SearchScope, 'tokens' | 'topic' | 'places'>, shown: boolean, limit: number, groups: readonly string[]) {
  const conditions: QueryFilter<ThreadDoc>[] = [...scope.tokens.map((token) => ({ searchTokens: token })), { hiddenAt: null }, readableIn(groups)];
  if (scope.topic) conditions.push({ topics: scope.topic });
  if (scope.places) conditions.push({ place: anyOf(scope.places) });
  return firstAndCount<ThreadDoc>(Thread, { $and: conditions }, { lastActivityAt: -1, _id: -1 }, limit, shown, { searchTokens: 0 });
}

/**
 * Each author's threads of one kind, most active first, as their profile shows them: those
 * anyone signed in may read, and for `ownerId` (the viewer, on their own profile) also their own
 * threads waiting for approval. One command for a page of authors.
 */
export const threadsOfAuthors = (
  authorIds: readonly string[],
  kind: (typeof threadKinds)[number],
  page: PageArgs,
  shown: ReadonlySet<string> | null,
  ownerId: string | null,
  groups: readonly string[],
) =>
  paginateEach<ThreadDoc>(
    Thread,
    'author',
    authorIds,
    mostActiveFirst,
    page,
    listProjection(THREAD_LIST_SKIPS, shown),
    // Aggregates (which these reads are) do not cast inside $or: the id goes as an ObjectId.
    { ...(ownerId ? { kind, $or: [{ hiddenAt: null }, { pendingAuthor: new Types.ObjectId(ownerId) }] } : { kind, hiddenAt: null }), ...readableIn(groups) },
  );

/** An answer as a profile lists it: the reply and its question. */
export interface AuthoredAnswer {
  reply: ReplyDoc;
  question: ThreadDoc;
}

/** What makes a reply an answer others may read: top level, live, shown. */
const readableTopLevel = { parent: null, deleted: false, hiddenAt: null };

/**
 * Each author's answers (top-level replies in questions that anyone signed in may read), newest
 * first: one command for the pages and one for their questions, for a page of authors. A page
 * may hold fewer than asked where replies in discussions or hidden questions were skipped; its
 * cursors still move on.
 */
export async function answersOfAuthors(authorIds: readonly string[], page: PageArgs, groups: readonly string[]) {
  const pages = await paginateEach<ReplyDoc>(Reply, 'author', authorIds, [{ field: '_id', kind: 'objectId', direction: -1 }], page, listProjection(REPLY_LIST_SKIPS, null), readableTopLevel);
  const threadIds = [...new Set(pages.flatMap((p) => p.edges.map((e) => String(e.node.thread))))];
  const questions = new Map(
    threadIds.length
      ? (await Thread.find({ _id: anyOf(threadIds), kind: 'question', hiddenAt: null, ...readableIn(groups) }, { searchTokens: 0, mentions: 0 }).lean<ThreadDoc[]>()).map((th) => [String(th._id), th])
      : [],
  );
  let counts: Promise<number[]> | null = null;
  return pages.map((p, i) => ({
    ...p,
    edges: p.edges.flatMap((e) => {
      const question = questions.get(String(e.node.thread));
      return question ? [{ cursor: e.cursor, node: { reply: e.node, question } as AuthoredAnswer }] : [];
    }),
    totalCount: async () => (await (counts ??= answerCounts(authorIds, groups)))[i]!,
  }));
}

/** How many answers each author has in questions others may read: one aggregate for a page of authors. */
async function answerCounts(authorIds: readonly string[], groups: readonly string[]): Promise<number[]> {
  const match = Reply.find({ author: anyOf([...new Set(authorIds)]), ...readableTopLevel }).cast(Reply);
  const rows = await Reply.aggregate<{ _id: unknown; count: number }>([
    { $match: match },
    { $lookup: { from: Thread.collection.collectionName, localField: 'thread', foreignField: '_id', as: 'question' } },
    { $match: { question: { $elemMatch: { kind: 'question', hiddenAt: null, restrictedTo: { $in: [null, ...groups] } } } } },
    { $group: { _id: '$author', count: { $sum: 1 } } },
  ]);
  const counts = new Map(rows.map((row) => [String(row._id), row.count]));
  return authorIds.map((id) => counts.get(String(id)) ?? 0);
}
