import { mt } from './message-text.ts';

export const conversationHref = (id: string) => `/messages/${encodeURIComponent(id)}`;

/** The people of a conversation other than the viewer, by name (a group says how many it holds). */
export function conversationName(conversation: { kind: string; participants: readonly { id: string; name: string }[] }, viewerId: string): string {
  const others = conversation.participants.filter((p) => p.id !== viewerId).map((p) => p.name);
  const names = others.join(', ') || mt('you');
  return conversation.kind === 'GROUP' ? `${names} (${mt('group', conversation.participants.length)})` : names;
}
