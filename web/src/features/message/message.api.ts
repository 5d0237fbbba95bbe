import { query } from '@solidjs/router';
import { graphql, type ResultOf } from '../../graphql.ts';
import { MutationErrorFields } from '../../lib/fragments.ts';
import { mutate } from '../../lib/form.ts';
import { request } from '../../lib/graphql-client.ts';

/* Private messages: the API of the /messages pages, the header's count and the profile's button. */

const MessageFields = graphql(`
  fragment MessageFields on Message @_unmask {
    id
    html
    hidden
    mine
    createdAt
    author { id handle name }
  }
`);

const ConversationsQuery = graphql(`
  query Conversations {
    viewer {
      id
      unreadMessageCount
      conversations(first: 20) {
        edges {
          node {
            id
            kind
            unreadCount
            lastMessageAt
            participants { id handle name }
            lastMessage { id html hidden author { id name } }
          }
        }
      }
    }
  }
`);
export type ConversationSummary = NonNullable<NonNullable<ResultOf<typeof ConversationsQuery>['viewer']>['conversations']>['edges'][number]['node'];

export const getConversations = query(async () => {
  const data = await request(ConversationsQuery);
  return data.viewer?.conversations?.edges.map((e) => e.node) ?? [];
}, 'conversations');

const ConversationQuery = graphql(
  `
  query Conversation($id: ID!, $first: Int!) {
    conversation(id: $id) {
      id
      kind
      unreadCount
      participants { id handle name }
      messages(first: $first) { pageInfo { hasNextPage endCursor } edges { node { ...MessageFields } } }
    }
  }
`,
  [MessageFields],
);
export type Conversation = NonNullable<ResultOf<typeof ConversationQuery>['conversation']>;
export type Message = Conversation['messages']['edges'][number]['node'];

/** Messages a page: 20 keeps a page with its authors within the API's query cost limit (50 was refused). */
export const MESSAGES_PAGE = 20;

/** A conversation with its latest messages, oldest first, and the cursor to the ones before them. */
export const getConversation = query(async (id: string) => {
  const data = await request(ConversationQuery, { id, first: MESSAGES_PAGE });
  const conversation = data.conversation!;
  const { pageInfo } = conversation.messages;
  return { ...conversation, messages: conversation.messages.edges.map((e) => e.node).reverse(), olderCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null };
}, 'conversation');

const OlderMessagesQuery = graphql(
  `
  query OlderMessages($id: ID!, $first: Int!, $after: String!) {
    conversation(id: $id) {
      id
      messages(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ...MessageFields } } }
    }
  }
`,
  [MessageFields],
);

/** The page of messages before `cursor` (the API lists newest first), oldest first, and the cursor to the ones before those. */
export async function getOlderMessages(id: string, cursor: string): Promise<{ messages: Message[]; olderCursor: string | null }> {
  const { messages } = (await request(OlderMessagesQuery, { id, first: MESSAGES_PAGE, after: cursor })).conversation!;
  return { messages: messages.edges.map((e) => e.node).reverse(), olderCursor: messages.pageInfo.hasNextPage ? messages.pageInfo.endCursor : null };
}

const UnreadQuery = graphql(`
  query UnreadMessages { viewer { id unreadMessageCount } }
`);
export const getUnreadMessageCount = query(async () => (await request(UnreadQuery)).viewer?.unreadMessageCount ?? 0, 'unreadMessageCount');

export const UnreadMessagesSubscription = graphql(`
  subscription UnreadMessagesLive { unreadMessageCount }
`);

export const ConversationMessagesSubscription = graphql(
  `
  subscription ConversationMessagesLive($conversationId: ID!) { conversationMessages(conversationId: $conversationId) { ...MessageFields } }
`,
  [MessageFields],
);

const StartConversationMutation = graphql(
  `
  mutation StartConversation($recipientIds: [ID!]!, $body: String!) {
    startConversation(input: { recipientIds: $recipientIds, body: $body }) {
      __typename
      ...MutationErrorFields
      ... on StartConversationPayload { conversation { id } }
    }
  }
`,
  [MutationErrorFields],
);
export const startConversation = (recipientIds: string[], body: string) => mutate(StartConversationMutation, { recipientIds, body }, 'startConversation', 'StartConversationPayload');

const SendMessageMutation = graphql(
  `
  mutation SendMessage($conversationId: ID!, $body: String!) {
    sendMessage(input: { conversationId: $conversationId, body: $body }) {
      __typename
      ...MutationErrorFields
      ... on SendMessagePayload { sent { ...MessageFields } }
    }
  }
`,
  [MutationErrorFields, MessageFields],
);
export const sendMessage = (conversationId: string, body: string) => mutate(SendMessageMutation, { conversationId, body }, 'sendMessage', 'SendMessagePayload');

const MarkReadMutation = graphql(
  `
  mutation MarkConversationRead($conversationId: ID!) {
    markConversationRead(input: { conversationId: $conversationId }) { __typename ...MutationErrorFields }
  }
`,
  [MutationErrorFields],
);
export const markConversationRead = (conversationId: string) => request(MarkReadMutation, { conversationId });

const LeaveMutation = graphql(
  `
  mutation LeaveConversation($conversationId: ID!) {
    leaveConversation(input: { conversationId: $conversationId }) { __typename ...MutationErrorFields ... on DonePayload { done } }
  }
`,
  [MutationErrorFields],
);
export const leaveConversation = (conversationId: string) => mutate(LeaveMutation, { conversationId }, 'leaveConversation', 'DonePayload');

const ReportMutation = graphql(
  `
  mutation ReportMessage($messageId: ID!, $reason: MessageReportReason!, $note: String) {
    reportMessage(input: { messageId: $messageId, reason: $reason, note: $note }) { __typename ...MutationErrorFields ... on ReportMessagePayload { counted } }
  }
`,
  [MutationErrorFields],
);
export type ReportReason = 'SPAM' | 'HARASSMENT' | 'INAPPROPRIATE' | 'OTHER';
export const reportMessage = (messageId: string, reason: ReportReason, note: string) => mutate(ReportMutation, { messageId, reason, note }, 'reportMessage', 'ReportMessagePayload');

const MessagingStateQuery = graphql(`
  query MessagingState($handle: String!) { expert(handle: $handle) { id handle name viewerConversationId viewerBlocked } }
`);
/** The viewer's conversation with a person (if any) and whether they blocked them, for the profile's buttons. */
export const getMessagingState = query(async (handle: string) => (await request(MessagingStateQuery, { handle })).expert, 'messagingState');

const BlockMutation = graphql(
  `
  mutation BlockExpert($expertId: ID!) {
    blockExpert(input: { expertId: $expertId }) { __typename ...MutationErrorFields ... on BlockExpertPayload { expert { id viewerBlocked } } }
  }
`,
  [MutationErrorFields],
);
const UnblockMutation = graphql(
  `
  mutation UnblockExpert($expertId: ID!) {
    unblockExpert(input: { expertId: $expertId }) { __typename ...MutationErrorFields ... on UnblockExpertPayload { expert { id viewerBlocked } } }
  }
`,
  [MutationErrorFields],
);
export const blockExpert = (expertId: string) => mutate(BlockMutation, { expertId }, 'blockExpert', 'BlockExpertPayload');
export const unblockExpert = (expertId: string) => mutate(UnblockMutation, { expertId }, 'unblockExpert', 'UnblockExpertPayload');

const BlockedQuery = graphql(`
  query BlockedExperts { blockedExperts(first: 50) { edges { node { since expert { id handle name } } } } }
`);
export const getBlockedExperts = query(async () => (await request(BlockedQuery)).blockedExperts.edges.map((e) => e.node), 'blockedExperts');

const ReportsQuery = graphql(
  `
  query MessageReports($state: MessageReportState!) {
    messageReports(first: 10, state: $state) {
      edges {
        node {
          id
          reason
          note
          state
          createdAt
          decidedAt
          decisionReason
          decidedBy { id handle name }
          reporter { id handle name }
          author { id handle name }
          message { ...MessageFields }
          context { ...MessageFields }
        }
      }
    }
  }
`,
  [MessageFields],
);
export type MessageReport = ResultOf<typeof ReportsQuery>['messageReports']['edges'][number]['node'];
export type MessageReportState = 'OPEN' | 'HIDDEN' | 'DISMISSED';
/** Ten reports of one state, newest first: open ones wait for a decision; hidden and dismissed ones show it. */
export const getMessageReports = query(async (state: MessageReportState) => (await request(ReportsQuery, { state })).messageReports.edges.map((e) => e.node), 'messageReports');

const HideMutation = graphql(
  `
  mutation HideReportedMessage($reportId: ID!, $reason: String!) {
    hideReportedMessage(input: { reportId: $reportId, reason: $reason }) { __typename ...MutationErrorFields ... on HideReportedMessagePayload { report { id state } } }
  }
`,
  [MutationErrorFields],
);
const DismissMutation = graphql(
  `
  mutation DismissMessageReport($reportId: ID!, $reason: String!) {
    dismissMessageReport(input: { reportId: $reportId, reason: $reason }) { __typename ...MutationErrorFields ... on DismissMessageReportPayload { report { id state } } }
  }
`,
  [MutationErrorFields],
);
export const hideReportedMessage = (reportId: string, reason: string) => mutate(HideMutation, { reportId, reason }, 'hideReportedMessage', 'HideReportedMessagePayload');
export const dismissMessageReport = (reportId: string, reason: string) => mutate(DismissMutation, { reportId, reason }, 'dismissMessageReport', 'DismissMessageReportPayload');
