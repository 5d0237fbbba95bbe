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

/** A hidden thread is refused to everyone but moderators, who open it to restore it. */
export const canReadThread = (viewer: Viewer | null, thread: Pick<ThreadDoc, 'hiddenAt'>) => !thread.hiddenAt || canModerate(viewer);

/** A hidden reply keeps its place; its text and author are shown to moderators only. */
export const canReadReplyText = (viewer: Viewer | null, reply: Pick<ReplyDoc, 'hiddenAt' | 'deleted'>) => !reply.deleted && (!reply.hiddenAt || canModerate(viewer));

/** Nobody votes for their own answer. */
export const canVote = (viewer: Viewer, reply: Pick<ReplyDoc, 'author'>) => String(reply.author) !== viewer.id;

/** The author edits a thread; a moderator may tidy anyone's. */
export const canEditThread = (viewer: Viewer, thread: Pick<ThreadDoc, 'author'>) => String(thread.author) === viewer.id || hasRole(viewer, 'moderator');
