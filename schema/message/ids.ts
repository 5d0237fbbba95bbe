import { Types } from 'mongoose';

/** A one-to-one conversation's id: its two people's ids in order, so both ways round name the same one. */
export const directConversationId = (a: string, b: string) => `direct-${[a, b].sort().join('-')}`;

/** A group conversation's id: a fresh ObjectId's hex. */
export const groupConversationId = () => new Types.ObjectId().toHexString();

/** What a conversation id can look like; anything else names nothing. */
export const CONVERSATION_ID = /^(?:[0-9a-f]{24}|direct-[0-9a-f]{24}-[0-9a-f]{24})$/;
