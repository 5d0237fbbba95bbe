import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub, type PubSub } from 'graphql-yoga';
import type { Redis } from 'ioredis';

/*
 * What happens now, for GraphQL subscriptions (served over server-sent events by Yoga). Within
 * one process by default; with REDIS_URL, through Redis pub/sub, so that a subscriber on one
 * server instance hears what was written through another. Events carry ids only: each
 * subscriber loads what they name and sees it only if they may (schema/live/types.ts).
 */

export type LiveTopics = {
  /** A reply became visible in a thread (posted, or approved after waiting). */
  'thread:reply': [threadId: string, event: { replyId: string }];
  /** A message was sent in a conversation (its participants' open pages load it, if they still may). */
  'conversation:message': [conversationId: string, event: { messageId: string }];
  /** A person's unread messages changed (a message came, they read or left a conversation). */
  'expert:unread-messages': [expertId: string, event: { at: number }];
  /** A person's notifications changed (a new one, some read): their open pages read the unread count again. */
  'notification:count': [expertId: string, event: Record<string, never>];
};

let events: PubSub<LiveTopics> = createPubSub<LiveTopics>();

/**
 * Carries events through Redis instead of this process alone (a connection in subscriber mode
 * takes no other command, hence two). Called at start-up, before any subscription.
 */
export function carryEventsThroughRedis(publishClient: Redis, subscribeClient: Redis): void {
  events = createPubSub<LiveTopics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
}

export const liveEvents = () => events;

/** Tells the thread's open pages of a reply everyone may now read. */
export function publishReply(reply: { _id: unknown; thread: unknown; pendingAuthor?: unknown }): void {
  if (reply.pendingAuthor) return;
  events.publish('thread:reply', String(reply.thread), { replyId: String(reply._id) });
}

/** Tells the person's open pages that their unread notifications changed. */
export function publishUnreadCount(expertId: unknown): void {
  events.publish('notification:count', String(expertId), {});
}
