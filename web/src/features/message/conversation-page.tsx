import './messages.css';
import { A, createAsync, revalidate, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, onCleanup, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { problemOf } from '../../lib/form.ts';
import { isMissing, orNull } from '../../lib/graphql-client.ts';
import { subscribe } from '../../lib/live.ts';
import type { Viewer } from '../account/account.api.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { profileHref } from '../expert/expert-links.ts';
import { MessageComposer } from './message-composer.tsx';
import { conversationName } from './message-links.ts';
import { ReportMessageButton } from './report-message.tsx';
import { ConversationMessagesSubscription, getConversation, getConversations, getUnreadMessageCount, leaveConversation, markConversationRead, sendMessage, type Message } from './message.api.ts';
import { mt } from './message-text.ts';

/** /messages/:id: one conversation, its messages as they come, and a composer. */
export default function ConversationPage() {
  const params = useParams<{ id: string }>();
  return (
    <RequireViewer>
      {(viewer) => (
        <div class="messages-page">
          <SectionError>
            <Suspense
              fallback={
                <p class="page-loading" role="status">
                  {t('app.loading')}
                </p>
              }
            >
              <ConversationView id={params.id} viewer={viewer()} />
            </Suspense>
          </SectionError>
        </div>
      )}
    </RequireViewer>
  );
}

function ConversationView(props: { id: string; viewer: Viewer }) {
  const navigate = useNavigate();
  const conversation = createAsync(() => orNull(() => getConversation(props.id), isMissing()));
  // Messages that arrived live since the page was read (the next read includes them).
  const [arrived, setArrived] = createSignal<Message[]>([]);
  const messages = () => {
    const loaded = conversation()?.messages ?? [];
    const seen = new Set(loaded.map((m) => m.id));
    return [...loaded, ...arrived().filter((m) => !seen.has(m.id))];
  };
  const markRead = async () => {
    await markConversationRead(props.id).catch(() => undefined);
    void revalidate([getUnreadMessageCount.key, getConversations.key]);
  };

  createEffect(
    on(
      () => props.id,
      (id) => {
        setArrived([]);
        void markRead();
        onCleanup(
          subscribe(
            ConversationMessagesSubscription,
            { conversationId: id },
            {
              onEvent: (data) => {
                setArrived((list) => [...list, data.conversationMessages]);
                if (!data.conversationMessages.mine) void markRead();
              },
              onReconnected: () => void revalidate(getConversation.keyFor(id)),
            },
          ),
        );
      },
    ),
  );

  const send = async (body: string) => {
    const outcome = await sendMessage(props.id, body);
    if (outcome.ok) setArrived((list) => (list.some((m) => m.id === outcome.data.sent.id) ? list : [...list, outcome.data.sent]));
    return problemOf(outcome);
  };
  const leave = async () => {
    if (!window.confirm(mt('leaveConfirm'))) return;
    const outcome = await leaveConversation(props.id);
    if (outcome.ok) {
      await revalidate([getConversations.key, getUnreadMessageCount.key]);
      navigate('/messages');
    }
  };

  return (
    <Show
      when={conversation()}
      fallback={
        <StateMessage title={t('formError.NOT_FOUND')} body="" headingLevel={1}>
          <A href="/messages">{mt('back')}</A>
        </StateMessage>
      }
    >
      {(loaded) => (
        <article class="conversation" aria-labelledby="page-title">
          <DocumentTitle text={mt('with', conversationName(loaded(), props.viewer.id))} />
          <header class="page-header conversation-header">
            <A href="/messages" class="back-link">
              ← {mt('back')}
            </A>
            <h1 id="page-title">{mt('with', conversationName(loaded(), props.viewer.id))}</h1>
            <Show when={loaded().kind === 'GROUP'}>
              <button type="button" class="button button-secondary" onClick={leave}>
                {mt('leave')}
              </button>
            </Show>
          </header>
          <ol class="message-list" aria-live="polite" aria-label={mt('title')}>
            <For each={messages()} fallback={<li class="muted">{mt('noMessages')}</li>}>
              {(message) => (
                <li class="message" classList={{ 'is-mine': message.mine }} data-message-id={message.id}>
                  <p class="message-meta">
                    <A href={profileHref(message.author.handle)}>{message.mine ? mt('you') : message.author.name}</A>{' '}
                    <time class="muted" datetime={message.createdAt}>
                      {formatDateTime(message.createdAt)}
                    </time>
                  </p>
                  <Show when={!message.hidden} fallback={<p class="muted">{mt('hiddenMessage')}</p>}>
                    {/* Sanitised by the server when it was written (schema/markdown). */}
                    <div class="message-body markdown" innerHTML={message.html ?? ''} />
                  </Show>
                  <Show when={!message.mine && !message.hidden}>
                    <ReportMessageButton messageId={message.id} />
                  </Show>
                </li>
              )}
            </For>
          </ol>
          <MessageComposer onSend={send} />
        </article>
      )}
    </Show>
  );
}
