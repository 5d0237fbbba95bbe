import { liveEvents } from '../live/events.ts';

/* Live events of messages: ids only; each subscriber reads what they may (./types.ts). */

/** Tells a conversation's open pages of a new message. */
export const publishMessage = (conversationId: string, messageId: string) => liveEvents().publish('conversation:message', conversationId, { messageId });

/** Tells a person's open pages that their unread messages changed. */
export const publishUnreadMessages = (expertId: string) => liveEvents().publish('expert:unread-messages', expertId, { at: Date.now() });
