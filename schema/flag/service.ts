import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import { announceReply } from '../commands/announce-reply.ts';
import { countForPractice } from '../commands/practice-discussion-count.ts';
import { paginate, type PageArgs, type SortKey } from '../connection.ts';
import type { Context, Viewer } from '../context.ts';
import { findVisibleReply, findVisibleThread } from '../discussion/service.ts';
import { approvePendingReply, approvePendingThread, moderationReason, rejectPendingPost, setPracticeDiscussionHidden, setReplyHidden, setThreadHidden } from '../discussion/moderation.ts';
import { ConflictError, NotAuthorizedError, ValidationError } from '../errors.ts';
import { FLAG_LIMITS } from '../field-limits.ts';
import { notifyOfThread } from '../notification/producers.ts';
import { insertOnce } from '../mark.ts';
import { findReadablePractice, setPracticeHidden } from '../practice/service.ts';
import { anyOf } from '../query.ts';
import { objectId, parseInput, text } from '../validation.ts';
import { Flag, FlaggedItem, flaggedItemStates, flagReasons, type FlagDoc, type FlaggedItemDoc, type FlaggedItemState, type FlagTargetKind } from './model.ts';
import { canFlag, canModerate } from './policy.ts';

export type { FlagDoc, FlaggedItemDoc };

/*
 * Members flag what they read; moderators decide. A flag is a record keyed by (item, round,
 * person), so a person's second flag of an item is refused by the primary key however the two
 * race, and the item's counts move only for a flag that was really recorded. A decision (hide,
 * dismiss) moves the item's round on, which closes its open flags; flags that come after it are
 * a new round.
 */

/** Exactly one of these names what is flagged or moderated: a practice, a thread or a reply. */
const targetFields = { practiceId: objectId.optional(), threadId: objectId.optional(), replyId: objectId.optional() };

interface Target {
  kind: FlagTargetKind;
  id: string;
  /** Who wrote it (a practice's authors, first first): the audit entry's subject is the first. */
  authors: string[];
  /** The thread a reply belongs to (for the audit entry). */
  thread: string | null;
}

function targetOf(input: { practiceId?: string; threadId?: string; replyId?: string }): { kind: FlagTargetKind; id: string } {
  const given = (['practice', 'thread', 'reply'] as const).filter((kind) => input[`${kind}Id`]);
  if (given.length !== 1) throw ValidationError.field('practiceId', 'REQUIRED', 'name exactly one of practiceId, threadId and replyId');
  const kind = given[0]!;
  return { kind, id: input[`${kind}Id`]! };
}

/** What the viewer names, if they may read it (otherwise NOT_FOUND, as for anything unknown). */
async function readTarget(viewer: Viewer, kind: FlagTargetKind, id: string): Promise<Target & { hidden: boolean; removed: boolean; pending: boolean }> {
  if (kind === 'practice') {
    const practice = await findReadablePractice(viewer, id, 'practiceId');
    return {
      kind,
      id,
      authors: practice.authors.map(String),
      thread: null,
      hidden: practice.status === 'hidden',
      removed: practice.status !== 'published' && practice.status !== 'hidden',
      pending: false,
    };
  }
  if (kind === 'thread') {
    const thread = await findVisibleThread(viewer, id);
    return { kind, id, authors: [String(thread.author)], thread: id, hidden: Boolean(thread.hiddenAt), removed: false, pending: Boolean(thread.pendingAuthor) };
  }
  const { reply, thread } = await findVisibleReply(viewer, id);
  return { kind, id, authors: [String(reply.author)], thread: String(thread._id), hidden: Boolean(reply.hiddenAt), removed: reply.deleted, pending: Boolean(reply.pendingAuthor) };
}

const itemIdOf = (kind: FlagTargetKind, id: string) => String(new FlaggedItem({ kind, target: id })._id);

/** The item's row, made the first time something happens to it (an insert: racing makers leave one). */
async function itemFor(target: Target): Promise<FlaggedItemDoc> {
  const _id = itemIdOf(target.kind, target.id);
  const existing = await FlaggedItem.findById(_id).lean<FlaggedItemDoc>();
  if (existing) return existing;
  await insertOnce(FlaggedItem, { kind: target.kind, target: target.id, thread: target.thread });
  return (await FlaggedItem.findById(_id).lean<FlaggedItemDoc>())!;
}

export const flagContentInput = z
  .object({
    ...targetFields,
    reason: z.enum(flagReasons),
    note: text(0, FLAG_LIMITS.note, { multiline: true }).default('').describe('Required when the reason is OTHER.'),
  })
  .describe('Name exactly one of practiceId, threadId, replyId.');

export interface FlagResult {
  /** False when the viewer had flagged it already (since the last decision): it counts once. */
  counted: boolean;
  item: FlaggedItemDoc;
}

/** A rounds' race lost to a decision more often than this is not a race: give up rather than spin. */
const MAX_ROUND_TRIES = 5;

/**
 * A member flags something they can read and did not write. Their second flag of the same item
 * (until a moderator decides on it) changes nothing and says so.
 */
export async function flagContent(ctx: Context, input: unknown): Promise<FlagResult> {
  const viewer = requireViewer(ctx);
  const data = parseInput(flagContentInput, input);
  if (data.reason === 'other' && data.note.length < FLAG_LIMITS.noteMin) throw ValidationError.field('note', 'REQUIRED', 'say what is wrong when the reason is "other"');
  const { kind, id } = targetOf(data);
  const target = await readTarget(viewer, kind, id);
  if (!canFlag(viewer, target)) throw new NotAuthorizedError('Nobody flags what they wrote themselves.');
  if (target.removed) throw new ConflictError('This was removed or is not published.');
  if (target.pending) throw new ConflictError('This waits for a moderator’s approval already.');
  if (target.hidden) throw new ConflictError('A moderator has hidden this already.');
  for (let attempt = 1; ; attempt++) {
    const item = await itemFor(target);
    const at = new Date();
    const counted = await insertOnce(Flag, { item: item._id, round: item.round, flagger: viewer.id, reason: data.reason, note: data.note });
    if (!counted) return { counted: false, item };
    // The first flag after a decision starts the counts afresh; the others add to them. Both only
    // in the round the flag was recorded in: a decision meanwhile closed that round.
    const fresh = item.state !== 'open';
    const counts = fresh
      ? { $set: { state: 'open', flaggerCount: 1, reasonCounts: { [data.reason]: 1 }, firstFlaggedAt: at, lastFlaggedAt: at, activityAt: at } }
      : { $inc: { flaggerCount: 1, [`reasonCounts.${data.reason}`]: 1 }, $set: { lastFlaggedAt: at, activityAt: at } };
    const updated = await FlaggedItem.findOneAndUpdate({ _id: item._id, round: item.round, state: item.state }, counts, { returnDocument: 'after' }).lean<FlaggedItemDoc>();
    if (updated) return { counted: true, item: updated };
    // A decision or another first flag came between: this flag goes again, into the round as it is now.
    await Flag.deleteOne({ item: item._id, round: item.round, flagger: viewer.id });
    if (attempt >= MAX_ROUND_TRIES) throw new ConflictError('Moderators are deciding on this right now; try again in a moment.');
  }
}

export const moderationInput = z.object({ ...targetFields, reason: moderationReason }).describe('Name exactly one of practiceId, threadId, replyId.');

export interface ModerationResult {
  kind: FlagTargetKind;
  id: string;
  item: FlaggedItemDoc;
}

const ANY_STATE = flaggedItemStates;

/** Closes the item's open flags (if any) with a decision, from one of the states `from`. */
async function decide(viewer: Viewer, target: Target, to: FlaggedItemState, from: readonly FlaggedItemState[], reason: string): Promise<FlaggedItemDoc | null> {
  for (let attempt = 1; ; attempt++) {
    const item = await itemFor(target);
    if (!from.includes(item.state)) return null;
    const at = new Date();
    const decided = await FlaggedItem.findOneAndUpdate(
      { _id: item._id, state: item.state, round: item.round },
      { $set: { state: to, decidedBy: viewer.id, decidedAt: at, decisionReason: reason, activityAt: at }, $inc: { round: 1 } },
      { returnDocument: 'after' },
    ).lean<FlaggedItemDoc>();
    // A flag counted meanwhile: decide again over it, so that it closes too.
    if (decided || attempt >= MAX_ROUND_TRIES) return decided;
  }
}

async function moderated(ctx: Context, input: unknown, schema: z.ZodType<{ practiceId?: string; threadId?: string; replyId?: string; reason?: string }> = moderationInput) {
  const viewer = requireViewer(ctx);
  const data = parseInput(schema, input);
  if (!canModerate(viewer)) throw new NotAuthorizedError('Only moderators do this.');
  const { kind, id } = targetOf(data);
  const target = await readTarget(viewer, kind, id);
  return { viewer, target, reason: data.reason ?? '' };
}

const WAITING_MESSAGE = 'This waits for approval: approve or reject it.';

const auditDetails = (target: Target, reason: string) => ({
  reason,
  ...(target.kind === 'practice' ? { practice: target.id } : {}),
  ...(target.thread ? { thread: target.thread } : {}),
  ...(target.kind === 'reply' ? { reply: target.id } : {}),
});

/** Hides or shows the content itself; false when it already was so. */
async function setHidden(target: Target, hidden: boolean): Promise<boolean> {
  if (target.kind === 'practice') {
    const changed = await setPracticeHidden(target.id, hidden);
    // Its comments go and come back with it.
    if (changed) await setPracticeDiscussionHidden(target.id, hidden);
    return Boolean(changed);
  }
  if (target.kind === 'thread') return Boolean(await setThreadHidden(target.id, hidden));
  const reply = await setReplyHidden(target.id, hidden);
  // A practice's discussion counts its live replies, as the thread does ("most discussed").
  if (reply && !reply.deleted) await countForPractice(reply, hidden ? -1 : 1);
  return Boolean(reply);
}

/**
 * A moderator hides a published practice, a thread or a reply, with a reason: it leaves every
 * list, search, count and feed, its open flags close, and the audit log keeps it.
 */
export async function hideContent(ctx: Context, input: unknown): Promise<ModerationResult> {
  const { viewer, target, reason } = await moderated(ctx, input);
  if (target.pending) throw new ConflictError(WAITING_MESSAGE);
  if (target.removed) throw new ConflictError('This was removed, or is a practice that is not published: there is nothing to hide.');
  if (!(await setHidden(target, true))) throw new ConflictError('This is hidden already.');
  // Then its flags: a crash between leaves them open on hidden content, for the next decision.
  const item = (await decide(viewer, target, 'hidden', ANY_STATE, reason)) ?? (await itemFor(target));
  await record(`${target.kind}.hidden` as const, viewer.id, target.authors[0]!, auditDetails(target, reason));
  return { kind: target.kind, id: target.id, item };
}

/** A moderator shows hidden content again, with a reason; audited. */
export async function restoreContent(ctx: Context, input: unknown): Promise<ModerationResult> {
  const { viewer, target, reason } = await moderated(ctx, input);
  if (target.pending) throw new ConflictError(WAITING_MESSAGE);
  if (!(await setHidden(target, false))) throw new ConflictError('This is not hidden.');
  const item = (await decide(viewer, target, 'restored', ANY_STATE, reason)) ?? (await itemFor(target));
  await record(`${target.kind}.restored` as const, viewer.id, target.authors[0]!, auditDetails(target, reason));
  return { kind: target.kind, id: target.id, item };
}

/** A moderator keeps flagged content ("keep it"), with a reason: its open flags close; audited. */
export async function dismissFlags(ctx: Context, input: unknown): Promise<ModerationResult> {
  const { viewer, target, reason } = await moderated(ctx, input);
  const item = await decide(viewer, target, 'dismissed', ['open'], reason);
  if (!item) throw new ConflictError('This has no open flags (a moderator may have decided on it meanwhile).');
  await record('flags.dismissed', viewer.id, target.authors[0]!, auditDetails(target, reason));
  return { kind: target.kind, id: target.id, item };
}

/**
 * Puts a new member's post that waits for approval in the moderators' queue (its item is new:
 * the post was just written). A crash before this leaves the post waiting outside the queue,
 * for `npm run repair-counters` to queue.
 */
export async function queueForApproval(kind: 'thread' | 'reply', post: { _id: unknown; thread?: unknown; createdAt: Date }): Promise<void> {
  const thread = kind === 'thread' ? post._id : post.thread;
  await insertOnce(FlaggedItem, { kind, target: post._id, thread, state: 'awaiting', activityAt: post.createdAt });
}

export const postDecisionInput = z.object({ threadId: objectId.optional(), replyId: objectId.optional() }).describe('Name exactly one of threadId and replyId.');
export const rejectPostInput = postDecisionInput.extend({ reason: moderationReason }).describe('Name exactly one of threadId and replyId; the reason goes to the audit log.');

async function waitingPost(ctx: Context, input: unknown, schema: typeof postDecisionInput | typeof rejectPostInput) {
  const moderation = await moderated(ctx, input, schema);
  if (!moderation.target.pending) throw new ConflictError('This does not wait for approval (a moderator may have decided on it meanwhile).');
  return moderation as typeof moderation & { target: Target & { kind: 'thread' | 'reply' } };
}

/** A moderator approves a new member's waiting thread or reply: it shows as if just posted; audited. */
export async function approvePost(ctx: Context, input: unknown): Promise<ModerationResult> {
  const { viewer, target } = await waitingPost(ctx, input, postDecisionInput);
  if (target.kind === 'thread') {
    const thread = await approvePendingThread(target.id);
    if (!thread) throw new ConflictError('A moderator decided on it meanwhile.');
    await notifyOfThread(thread);
  } else {
    const reply = await approvePendingReply(target.id);
    if (!reply) throw new ConflictError('A moderator decided on it meanwhile.');
    if (!reply.deleted) await announceReply(reply);
  }
  const item = (await decide(viewer, target, 'approved', ['awaiting'], '')) ?? (await itemFor(target));
  await record(`${target.kind}.approved` as const, viewer.id, target.authors[0]!, auditDetails(target, ''));
  return { kind: target.kind, id: target.id, item };
}

/** A moderator rejects a new member's waiting thread or reply, with a reason: it stays hidden; audited. */
export async function rejectPost(ctx: Context, input: unknown): Promise<ModerationResult> {
  const { viewer, target, reason } = await waitingPost(ctx, input, rejectPostInput);
  if (!(await rejectPendingPost(target.kind, target.id))) throw new ConflictError('A moderator decided on it meanwhile.');
  const item = (await decide(viewer, target, 'hidden', ['awaiting'], reason)) ?? (await itemFor(target));
  await record(`${target.kind}.rejected` as const, viewer.id, target.authors[0]!, auditDetails(target, reason));
  return { kind: target.kind, id: target.id, item };
}

const queueOrder: SortKey[] = [
  { field: 'activityAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'string', direction: -1 },
];

/**
 * The queue: items with open flags, newest flagged first (or, with `hidden`, what moderators keep
 * hidden, latest first; with `awaiting`, new members' posts waiting for approval, newest first).
 */
export const listFlaggedItems = (state: 'open' | 'hidden' | 'awaiting', page: PageArgs) => paginate<FlaggedItemDoc>(FlaggedItem, { state }, queueOrder, page);

/** How many items wait in the queue with open flags, or (`awaiting`) for approval: the staff menu's counts. */
export const countItems = (state: 'open' | 'awaiting') => FlaggedItem.countDocuments({ state });

/** The flags of each item's current round (for keys `<item id>|<round>`), oldest first, at most a screenful each. */
export async function flagsOfItems(keys: readonly string[]): Promise<FlagDoc[][]> {
  const wanted = keys.map((key) => {
    const cut = key.lastIndexOf('|');
    return { item: key.slice(0, cut), round: Number(key.slice(cut + 1)) };
  });
  if (!wanted.length) return [];
  const flags = await Flag.find({ $or: wanted.map(({ item, round }) => ({ item, round })) })
    .sort({ item: 1, round: 1, createdAt: 1 })
    .lean<FlagDoc[]>();
  return wanted.map(({ item, round }) => flags.filter((f) => f.item === item && f.round === round).slice(0, FLAG_LIMITS.notesShown));
}

/** Whether the viewer flagged each of these practices, threads or replies (one kind) since the last decision on it: one query each way for a page. */
export async function flaggedByViewer(viewer: Viewer | null, kind: FlagTargetKind, ids: readonly string[]): Promise<boolean[]> {
  if (!viewer || !ids.length) return ids.map(() => false);
  const items = await FlaggedItem.find({ _id: anyOf(ids.map((id) => itemIdOf(kind, id))) }, { round: 1 }).lean<Pick<FlaggedItemDoc, '_id' | 'round'>[]>();
  const roundOf = new Map(items.map((i) => [i._id, i.round]));
  const flagIds = ids.map((id) => {
    const item = itemIdOf(kind, id);
    return roundOf.has(item) ? String(new Flag({ item, round: roundOf.get(item), flagger: viewer.id })._id) : null;
  });
  const found = new Set((await Flag.find({ _id: anyOf(flagIds.filter(Boolean)) }, { _id: 1 }).lean<{ _id: string }[]>()).map((f) => f._id));
  return flagIds.map((id) => Boolean(id && found.has(id)));
}
