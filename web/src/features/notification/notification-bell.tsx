import './notification.css';
import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { subscribe } from '../../lib/live.ts';
import { getUnreadCount, UnreadCountSubscription } from './notification.api.ts';
import { nt } from './notification-text.ts';

/** The bell in every page's header: the unread count, kept current over a live subscription. */
export default function NotificationBell() {
  const read = createAsync(() => getUnreadCount().catch(() => null));
  const [live, setLive] = createSignal<number | null>(null);
  onMount(() => {
    // The subscription sends the count at once and after each change; a reconnection sends it anew.
    onCleanup(
      subscribe(
        UnreadCountSubscription,
        {},
        {
          onEvent: (data) => {
            setLive(data.unreadNotificationCount);
            void revalidate(getUnreadCount.key);
          },
        },
      ),
    );
  });
  const count = () => live() ?? read() ?? 0;
  return (
    <A href="/notifications" class="notification-bell" activeClass="is-active" aria-label={nt('bellLabel', count())} title={nt('bell')}>
      <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
        <path d="M10 2.5a5 5 0 0 0-5 5v3.2L3.5 13.5h13L15 10.7V7.5a5 5 0 0 0-5-5ZM8 15.5a2 2 0 0 0 4 0" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
      </svg>
      <Show when={count() > 0}>
        <span class="notification-badge" aria-hidden="true">
          {count() > 99 ? '99+' : count()}
        </span>
      </Show>
    </A>
  );
}
