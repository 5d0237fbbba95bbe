import type { Viewer } from '../context.ts';
import { hasRole } from '../roles.ts';
import type { ReplyDoc, ThreadDoc } from './model.ts';

/* Who may do what in a thread. Pure functions; the service calls them. */

export const canEditReply = (viewer: Viewer, reply: Pick<ReplyDoc, 'author' | 'deleted'>) => !reply.deleted && String(reply.author) === viewer.id;

/** Authors remove their replies; moderators remove anyone's. */
export const canDeleteReply = (viewer: Viewer, reply: Pick<ReplyDoc, 'author'>) => String(reply.author) === viewer.id || hasRole(viewer, 'moderator');

/** The asker accepts an answer; a curator may do it for them. */
export const canAccept = (viewer: Viewer, thread: Pick<ThreadDoc, 'author'>) => String(thread.author) === viewer.id || hasRole(viewer, 'curator');

export const canLock = (viewer: Viewer) => hasRole(viewer, 'moderator');

/** Nobody votes for their own answer. */
export const canVote = (viewer: Viewer, reply: Pick<ReplyDoc, 'author'>) => String(reply.author) !== viewer.id;

/** The author edits a thread; a moderator may tidy anyone's. */
export const canEditThread = (viewer: Viewer, thread: Pick<ThreadDoc, 'author'>) => String(thread.author) === viewer.id || hasRole(viewer, 'moderator');
