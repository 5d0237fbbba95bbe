import { paginateEach, type PageArgs, type SortKey } from '../connection.ts';
import { firstOfEach } from '../loading.ts';
import { lessThan } from '../query.ts';
import { Message, type MessageDoc } from './model.ts';

/* Reads of messages for a page of parents at once (conversations, reports): one command each. */

const newestFirst: SortKey[] = [
  { field: 'createdAt', kind: 'date', direction: -1 },
  { field: '_id', kind: 'objectId', direction: -1 },
];

/** Each conversation's messages, newest first (the web app shows them oldest at the top). */
export const messagesOfConversations = (conversationIds: readonly string[], page: PageArgs) => paginateEach<MessageDoc>(Message, 'conversation', conversationIds, newestFirst, page, { body: 0 });

/** Each conversation's latest message (null when it has none). */
export async function latestMessages(conversationIds: readonly string[]): Promise<(MessageDoc | null)[]> {
  const lists = await firstOfEach<MessageDoc>(
    Message,
    conversationIds.map((conversation) => ({ conversation })),
    { createdAt: -1, _id: -1 },
    1,
    { body: 0 },
  );
  return lists.map((list) => list[0] ?? null);
}

/** How many earlier messages a moderator reads around a reported one, for its context. */
export const REPORT_CONTEXT_MESSAGES = 5;

/** The few messages before each of these, oldest first: what a moderator reads with a report. */
export async function messagesBefore(messages: readonly Pick<MessageDoc, 'conversation' | 'createdAt'>[]): Promise<MessageDoc[][]> {
  const lists = await firstOfEach<MessageDoc>(
    Message,
    messages.map((m) => ({ conversation: m.conversation, createdAt: lessThan(m.createdAt) })),
    { createdAt: -1, _id: -1 },
    REPORT_CONTEXT_MESSAGES,
    { body: 0 },
  );
  return lists.map((list) => list.reverse());
}
