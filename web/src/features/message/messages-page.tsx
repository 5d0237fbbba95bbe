import './messages.css';
import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { formatDateTime } from '../../i18n/i18n.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import type { Viewer } from '../account/account.api.ts';
import { conversationHref, conversationName } from './message-links.ts';
import { getConversations } from './message.api.ts';
import { mt } from './message-text.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/** /messages: the viewer's conversations, latest message first, unread ones marked. */
export default function MessagesPage() {
  return (
    <RequireViewer>
      {(viewer) => (
        <div class="messages-page">
          <DocumentTitle text={mt('title')} />
          <header class="page-header">
            <h1 id="page-title">{mt('title')}</h1>
            <A class="button" href="/messages/new">
              {mt('newMessage')}
            </A>
          </header>
          <SectionError>
            <Suspense fallback={<PageLoading />}>
              <ConversationList viewer={viewer()} />
            </Suspense>
          </SectionError>
        </div>
      )}
    </RequireViewer>
  );
}

function ConversationList(props: { viewer: Viewer }) {
  const conversations = createAsync(() => getConversations());
  return (
    <Show
      when={conversations()?.length}
      fallback={
        <div class="card">
          <p>{mt('empty')}</p>
          <A class="button" href="/experts">
            {mt('findPeople')}
          </A>
        </div>
      }
    >
      <ul class="conversation-list" aria-labelledby="page-title">
        <For each={conversations()}>
          {(conversation) => (
            <li class="conversation-row" classList={{ 'is-unread': conversation.unreadCount > 0 }}>
              <A href={conversationHref(conversation.id)} class="conversation-link">
                <span class="conversation-name">{conversationName(conversation, props.viewer.id)}</span>
                <Show when={conversation.unreadCount > 0}>
                  <span class="badge conversation-unread">{mt('unread', conversation.unreadCount)}</span>
                </Show>
                <span class="conversation-last muted">
                  <Show when={conversation.lastMessage} fallback={mt('noMessages')}>
                    {(last) => (
                      <>
                        {last().author.id === props.viewer.id ? `${mt('you')}: ` : `${last().author.name}: `}
                        {last().hidden ? mt('hiddenMessage') : plainText(last().html ?? '')}
                      </>
                    )}
                  </Show>
                </span>
                <time class="conversation-time muted" datetime={conversation.lastMessageAt}>
                  {formatDateTime(conversation.lastMessageAt)}
                </time>
              </A>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** A message's first words as text, for the list (its HTML is shown whole only in the conversation). */
function plainText(html: string): string {
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
