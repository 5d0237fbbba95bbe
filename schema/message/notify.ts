import { notify } from '../notification/service.ts';

/**
 * A new message, for its other participants who have not blocked the sender (the caller leaves
 * those out), through the notification feature's service (the bell, and email per preference).
 */
export async function notifyOfMessage(senderId: string, recipientIds: string[], conversationId: string): Promise<void> {
  if (!recipientIds.length) return;
  await notify({ kind: 'message', actorId: senderId, recipientIds, target: { type: 'conversation', id: conversationId } });
}
