import { z } from 'zod';
import { requireViewer } from '../account/service.ts';
import { record } from '../audit/service.ts';
import type { Context } from '../context.ts';
import { ConflictError, NotAuthorizedError, NotFoundError, ValidationError } from '../errors.ts';
import { STAFF_LIMITS, THREAD_LIMITS } from '../field-limits.ts';
import { notEqual } from '../query.ts';
import { unknownTopicErrors } from '../topic/service.ts';
import { isObjectId, objectId, parseInput, slug, text } from '../validation.ts';
import { Reply, Thread, type ReplyDoc, type ThreadDoc } from './model.ts';
import { canModerate } from './policy.ts';

/*
 * What moderators do to threads and replies: lock, move, hide, restore. Each change is one
 * conditional write from the state the moderator saw (of two moderators at once, one wins), and
 * the audit entry follows it. Hiding and restoring are decided with the flags (schema/flag/),
 * which records them; this file makes the change to the content.
 */

/** A moderator's reason, kept in the audit log. */
export const moderationReason = text(STAFF_LIMITS.reasonMin, STAFF_LIMITS.reason);

async function moderatedThread(ctx: Context, threadId: string) {
  const viewer = requireViewer(ctx);
  if (!canModerate(viewer)) throw new NotAuthorizedError('Only moderators do this.');
  const thread = isObjectId(threadId) ? await Thread.findById(threadId).lean<ThreadDoc>() : null;
  if (!thread) throw new NotFoundError('threadId', 'thread', threadId);
  return { viewer, thread };
}

// The reason is optional here only because locking predates it (scripts and clients send none); the web app asks for one.
export const lockThreadInput = z.object({ threadId: objectId, locked: z.boolean(), reason: moderationReason.optional().describe('Kept in the audit log.') });

/** Locks a thread (it takes nothing new and says so) or unlocks it; audited with the reason. */
export async function lockThread(ctx: Context, input: unknown): Promise<ThreadDoc> {
  const { threadId, locked, reason } = parseInput(lockThreadInput, input);
  const { viewer, thread } = await moderatedThread(ctx, threadId);
  // From the other state only: of two moderators doing the same at once, one wins.
  const changed = await Thread.findOneAndUpdate({ _id: threadId, locked: !locked }, { $set: { locked } }, { returnDocument: 'after' }).lean<ThreadDoc>();
  if (!changed) throw new ConflictError(locked ? 'This thread is already locked.' : 'This thread is not locked.');
  await record(locked ? 'thread.locked' : 'thread.unlocked', viewer.id, thread.author, { thread: thread._id, reason: reason ?? '' });
  return changed;
}

export const moveThreadInput = z.object({
  threadId: objectId,
  topics: z.array(slug).min(1, 'REQUIRED').max(THREAD_LIMITS.topics, 'TOO_LONG').describe('The topics it belongs in instead.'),
  reason: moderationReason,
});

/** Moves a thread to other topics (its lists, counts and followers' updates follow); audited with from and to. */
export async function moveThread(ctx: Context, input: unknown): Promise<ThreadDoc> {
  const data = parseInput(moveThreadInput, input);
  const { viewer, thread } = await moderatedThread(ctx, data.threadId);
  const errors = await unknownTopicErrors(data.topics);
  if (errors.length) throw new ValidationError(errors);
  const topics = [...new Set(data.topics)];
  if (topics.join() === thread.topics.join()) throw new ConflictError('The thread is in these topics already.');
  // Over the topics the moderator saw: a racing edit or move is not undone silently. Not an edit
  // of its text: updatedAt (which an author's edit does not read) may move, lastActivityAt stays.
  const moved = await Thread.findOneAndUpdate({ _id: thread._id, topics: thread.topics }, { $set: { topics } }, { returnDocument: 'after' }).lean<ThreadDoc>();
  if (!moved) throw new ConflictError('The thread changed meanwhile; reload it.');
  await record('thread.moved', viewer.id, thread.author, { thread: thread._id, from: thread.topics.join(', '), to: topics.join(', '), reason: data.reason });
  return moved;
}

const hiddenIs = (hidden: boolean) => (hidden ? notEqual(null) : null);

/** Hides or shows a thread; null when it already was so. */
export const setThreadHidden = (threadId: string, hidden: boolean) =>
  Thread.findOneAndUpdate(
    { _id: threadId, hiddenAt: hiddenIs(!hidden) },
    { $set: { hiddenAt: hidden ? new Date() : null, hiddenWithPractice: false } },
    { returnDocument: 'after', timestamps: false },
  ).lean<ThreadDoc>();

/**
 * Hides the discussion of a practice being hidden (its comments go with it), or shows it again
 * when the practice is restored, only if it went with the practice: a thread a moderator hid on
 * its own stays hidden.
 */
export async function setPracticeDiscussionHidden(practiceId: string, hidden: boolean): Promise<void> {
  if (hidden) await Thread.updateOne({ practice: practiceId, hiddenAt: null }, { $set: { hiddenAt: new Date(), hiddenWithPractice: true } }, { timestamps: false });
  else await Thread.updateOne({ practice: practiceId, hiddenWithPractice: true }, { $set: { hiddenAt: null, hiddenWithPractice: false } }, { timestamps: false });
}

/**
 * Hides a reply (it keeps its place as "hidden by a moderator") or shows it again; null when it
 * already was so. The thread's reply count moves with it, as for a removal.
 */
export async function setReplyHidden(replyId: string, hidden: boolean): Promise<ReplyDoc | null> {
  const changed = await Reply.findOneAndUpdate(
    { _id: replyId, hiddenAt: hiddenIs(!hidden) },
    { $set: { hiddenAt: hidden ? new Date() : null } },
    { returnDocument: 'after', timestamps: false },
  ).lean<ReplyDoc>();
  // Counted only while neither removed nor hidden: this write read whether it was removed, so a
  // racing removal and hide take it off the count once (deleteReply reads the other way round).
  // A crash between leaves the count for repairCounters().
  if (changed && !changed.deleted) await Thread.updateOne({ _id: changed.thread }, { $inc: { replyCount: hidden ? -1 : 1 } }, { timestamps: false });
  return changed;
}

/*
 * A new member's post waiting for approval (schema/moderation/new-members.ts) is hidden and
 * names its author in `pendingAuthor`. Approving shows it as if just posted; rejecting leaves it
 * hidden for good. Each is one conditional write: of two moderators at once, one decides.
 */
const waiting = notEqual(null);

/** Shows a thread that waited for approval, at the top of the lists; null when it no longer waits. */
export const approvePendingThread = (threadId: string) =>
  Thread.findOneAndUpdate(
    { _id: threadId, pendingAuthor: waiting },
    { $set: { pendingAuthor: null, hiddenAt: null, lastActivityAt: new Date() } },
    { returnDocument: 'after', timestamps: false },
  ).lean<ThreadDoc>();

/** Shows a reply that waited for approval; its thread counts it and moves up. Null when it no longer waits. */
export async function approvePendingReply(replyId: string): Promise<ReplyDoc | null> {
  const approved = await Reply.findOneAndUpdate(
    { _id: replyId, pendingAuthor: waiting },
    { $set: { pendingAuthor: null, hiddenAt: null } },
    { returnDocument: 'after', timestamps: false },
  ).lean<ReplyDoc>();
  // Removed by its author meanwhile: shown as "reply removed", and not counted.
  if (approved && !approved.deleted) await Thread.updateOne({ _id: approved.thread }, { $inc: { replyCount: 1 }, $set: { lastActivityAt: new Date() } }, { timestamps: false });
  return approved;
}

/** Keeps a waiting thread or reply hidden for good; null when it no longer waits. */
export async function rejectPendingPost(kind: 'thread' | 'reply', id: string): Promise<boolean> {
  const filter = { _id: id, pendingAuthor: waiting };
  const update = { $set: { pendingAuthor: null } };
  const changed = kind === 'thread' ? await Thread.updateOne(filter, update, { timestamps: false }) : await Reply.updateOne(filter, update, { timestamps: false });
  return changed.modifiedCount === 1;
}
