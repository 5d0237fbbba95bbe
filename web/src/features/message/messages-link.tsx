import './messages.css';
import { A, createAsync, revalidate } from '@solidjs/router';
import { onCleanup, onMount, Show } from 'solid-js';
import { subscribe } from '../../lib/live.ts';
import { getConversations, getUnreadMessageCount, UnreadMessagesSubscription } from './message.api.ts';
import { mt } from './message-text.ts';

/** The header's link to /messages with the viewer's unread count, kept live. Signed-in people only. */
export default function MessagesLink() {
  const unread = createAsync(() => getUnreadMessageCount().catch(() => 0));
  onMount(() => {
    onCleanup(
      subscribe(
        UnreadMessagesSubscription,
        {},
        {
          onEvent: () => void revalidate([getUnreadMessageCount.key, getConversations.key]),
          onReconnected: () => void revalidate(getUnreadMessageCount.key),
        },
      ),
    );
  });
  return (
    <A href="/messages" class="messages-link" activeClass="is-active" aria-label={unread() ? mt('headerUnread', unread()!) : mt('headerLink')}>
      <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
        <path d="M3 4h14v9H8l-4 3v-3H3z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
      </svg>
      <span class="messages-link-label">{mt('headerLink')}</span>
      <Show when={unread()}>
        <span class="messages-link-count" data-testid="unread-messages">
          {unread()}
        </span>
      </Show>
    </A>
  );
}
