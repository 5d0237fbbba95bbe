import type { Viewer } from '../context.ts';
import { hasRole } from '../roles.ts';
import type { ReplyDoc, ThreadDoc } from './model.ts';

/* Who may do what in a thread. Pure functions; the service calls them. */

export const canEditReply = (viewer: Viewer, reply: Pick<ReplyDoc, 'author' | 'deleted'>) => !reply.deleted && String(reply.author) === viewer.id;

/** Authors remove their replies; moderators remove anyone's. */
export const canDeleteReply = (viewer: Viewer, reply: Pick<ReplyDoc, 'author'>) => String(reply.author) === viewer.id || hasRole(viewer, 'moderator');

/** The asker accepts an answer; a curator may do it for them. */
export const canAccept = (viewer: Viewer, thread: Pick<ThreadDoc, 'author'>) => String(thread.author) === viewer.id || hasRole(viewer, 'curator');

/** Moderators (and admins) lock, move, hide and restore threads and replies. */
export const canModerate = (viewer: Viewer | null) => hasRole(viewer, 'moderator');

/** Whether this is the viewer's own post, waiting for a moderator's approval. */
export const isOwnPendingPost = (viewer: Viewer | null, post: Pick<ThreadDoc, 'pendingAuthor'>) => Boolean(viewer && post.pendingAuthor && String(post.pendingAuthor) === viewer.id);

/**
 * A members-only group's thread is read by that group's members (`groups`: the viewer's groups),
 * and by moderators and admins, who handle its flags; every other thread by every member.
 */
export const canReadGroupThread = (viewer: Viewer | null, thread: Pick<ThreadDoc, 'restrictedTo'>, groups: readonly string[]) =>
  !thread.restrictedTo || canModerate(viewer) || (Boolean(viewer) && groups.includes(thread.restrictedTo));

/**
 * A hidden thread is refused to everyone but moderators, who open it to restore it, and its author
 * while it waits for approval; a members-only group's thread to those outside the group.
 */
export const canReadThread = (viewer: Viewer | null, thread: Pick<ThreadDoc, 'hiddenAt' | 'pendingAuthor' | 'restrictedTo'>, groups: readonly string[]) =>
  canReadGroupThread(viewer, thread, groups) && (!thread.hiddenAt || canModerate(viewer) || isOwnPendingPost(viewer, thread));

/** A hidden reply keeps its place; its text and author are shown to moderators only (and to its author while it waits for approval). */
export const canReadReplyText = (viewer: Viewer | null, reply: Pick<ReplyDoc, 'hiddenAt' | 'deleted' | 'pendingAuthor'>) =>
  !reply.deleted && (!reply.hiddenAt || canModerate(viewer) || isOwnPendingPost(viewer, reply));

/** A reply waiting for approval is seen by its author and moderators only (others' lists leave it out). */
export const canSeeReply = (viewer: Viewer | null, reply: Pick<ReplyDoc, 'pendingAuthor'>) => !reply.pendingAuthor || canModerate(viewer) || isOwnPendingPost(viewer, reply);

/** Whose waiting replies a thread's list shows the viewer: moderators all, a member only theirs. */
export const pendingRepliesShownTo = (viewer: Viewer | null): 'all' | string | null => (canModerate(viewer) ? 'all' : (viewer?.id ?? null));

/** Nobody votes for their own answer. */
export const canVote = (viewer: Viewer, reply: Pick<ReplyDoc, 'author'>) => String(reply.author) !== viewer.id;

/** The author edits a thread; a moderator may tidy anyone's. */
export const canEditThread = (viewer: Viewer, thread: Pick<ThreadDoc, 'author'>) => String(thread.author) === viewer.id || hasRole(viewer, 'moderator');
