import './notification.css';
import { MoreButton, createMorePages } from '../../lib/more-pages.tsx';
import { A, useAction } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { formatDateTime } from '../../i18n/i18n.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { getNotifications, markAllReadAction, markReadAction, type NotificationItem } from './notification.api.ts';
import { nt } from './notification-text.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/** /notifications: the viewer's notification centre, newest first, unread ones marked. */
export default function NotificationsPage() {
  return (
    <RequireViewer>
      {() => (
        <div class="notifications-page">
          <DocumentTitle text={nt('pageTitle')} />
          <header class="page-header">
            <h1 id="page-title">{nt('pageTitle')}</h1>
            <p class="lead">{nt('intro')}</p>
          </header>
          <SectionError>
            <Suspense fallback={<PageLoading />}>
              <NotificationList />
            </Suspense>
          </SectionError>
        </div>
      )}
    </RequireViewer>
  );
}

/** What the notification says, in the interface's language. */
export function notificationSentence(n: NotificationItem): string {
  return nt(`sentence.${n.kind}`, n.actor?.name ?? nt('someone'), n.targetTitle ?? '', n.detail ?? null);
}

function NotificationList() {
  const list = createMorePages(getNotifications);
  const { pages, items } = list;
  const markRead = useAction(markReadAction);
  const markAll = useAction(markAllReadAction);
  const [failed, setFailed] = createSignal(false);
  const run = async (write: Promise<{ ok: boolean }>) => setFailed(!(await write).ok);
  return (
    <Show when={pages()}>
      <div class="notification-tools">
        <Show when={items().some((n) => !n.read)}>
          <button type="button" class="button button-secondary" onClick={() => void run(markAll())}>
            {nt('markAll')}
          </button>
        </Show>
        <A href="/settings/notifications">{nt('preferencesLink')}</A>
        <Show when={failed()}>
          <p role="alert">{nt('failed')}</p>
        </Show>
      </div>
      <Show when={items().length} fallback={<StateMessage title={nt('emptyTitle')} body={nt('emptyBody')} />}>
        <ul class="notification-list" aria-labelledby="page-title">
          <For each={items()}>
            {(n) => (
              <li class="notification-item card" classList={{ 'is-unread': !n.read }}>
                <div>
                  <p>
                    <Show when={!n.read}>
                      <span class="notification-unread-mark">{nt('unread')}</span>
                    </Show>
                    {/* Opening it reads it. */}
                    <A href={n.url} onClick={() => !n.read && void markRead([n.id])}>
                      {notificationSentence(n)}
                    </A>
                  </p>
                  <p class="muted">
                    <time datetime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                  </p>
                </div>
                <Show when={!n.read}>
                  <button type="button" class="button button-small button-quiet" onClick={() => void run(markRead([n.id]))}>
                    {nt('markRead')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <MoreButton list={list} label={nt('more')} />
      </Show>
    </Show>
  );
}
