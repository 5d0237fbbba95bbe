/*
 * A new message for its other participants (those who have not blocked the sender), through the
 * notification feature's service (bell, email per preference).
 */
const NOTIFICATION_SERVICE = '../notification/service.ts';

export async function notifyOfMessage(senderId: string, recipientIds: string[], conversationId: string): Promise<void> {
  if (!recipientIds.length) return;
  const service = (await import(NOTIFICATION_SERVICE).catch(() => null)) as { notify?: (input: unknown) => Promise<unknown> } | null;
  await service?.notify?.({ kind: 'message', actorId: senderId, recipientIds, target: { type: 'conversation', id: conversationId } });
}
