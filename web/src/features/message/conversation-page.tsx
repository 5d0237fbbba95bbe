import './messages.css';
import { A, createAsync, revalidate, useNavigate, useParams } from '@solidjs/router';
import { batch, createEffect, createSignal, For, on, onCleanup, Show, Suspense } from 'solid-js';
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
import {
  ConversationMessagesSubscription,
  getConversation,
  getConversations,
  getOlderMessages,
  getUnreadMessageCount,
  leaveConversation,
  markConversationRead,
  sendMessage,
  type Message,
} from './message.api.ts';
import { mt } from './message-text.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/** /messages/:id: one conversation, its messages as they come, and a composer. */
export default function ConversationPage() {
  const params = useParams<{ id: string }>();
  return (
    <RequireViewer>
      {(viewer) => (
        <div class="messages-page">
          <SectionError>
            <Suspense fallback={<PageLoading />}>
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
  // One's own message comes twice, as the send's answer and as a live event, in either order.
  const addArrived = (message: Message) => setArrived((list) => (list.some((m) => m.id === message.id) ? list : [...list, message]));
  const messages = () => {
    const loaded = conversation()?.messages ?? [];
    const seen = new Set(loaded.map((m) => m.id));
    return [...loaded, ...arrived().filter((m) => !seen.has(m.id))];
  };
  // Pages of earlier messages the reader asked for, oldest first; undefined cursor: ask the latest page's.
  const [older, setOlder] = createSignal<Message[]>([]);
  const [olderCursor, setOlderCursor] = createSignal<string | null | undefined>(undefined);
  const [loadingOlder, setLoadingOlder] = createSignal(false);
  const [olderProblem, setOlderProblem] = createSignal(false);
  const [olderStatus, setOlderStatus] = createSignal('');
  const nextOlderCursor = () => (olderCursor() === undefined ? conversation()?.olderCursor : olderCursor());
  const loadOlder = async () => {
    const cursor = nextOlderCursor();
    if (!cursor || loadingOlder()) return;
    setLoadingOlder(true);
    setOlderProblem(false);
    try {
      const page = await getOlderMessages(props.id, cursor);
      // The reader's place: the message now at the top stays where it is on the screen.
      const anchor = document.querySelector<HTMLElement>('.conversation .message');
      const anchorTop = anchor?.getBoundingClientRect().top;
      const shown = new Set(older().map((m) => m.id));
      batch(() => {
        setOlder((list) => [...page.messages.filter((m) => !shown.has(m.id)), ...list]);
        setOlderCursor(page.olderCursor);
        setOlderStatus(mt('olderLoaded', page.messages.length));
      });
      if (anchor && anchorTop !== undefined) window.scrollBy(0, anchor.getBoundingClientRect().top - anchorTop);
      // Focus the message just before the ones read (the button may be gone with the last page).
      const newest = page.messages.at(-1);
      if (newest) document.querySelector<HTMLElement>(`.older-message-list [data-message-id="${CSS.escape(newest.id)}"]`)?.focus({ preventScroll: true });
    } catch {
      setOlderProblem(true);
    } finally {
      setLoadingOlder(false);
    }
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
        setOlder([]);
        setOlderCursor(undefined);
        setOlderStatus('');
        void markRead();
        onCleanup(
          subscribe(
            ConversationMessagesSubscription,
            { conversationId: id },
            {
              onEvent: (data) => {
                addArrived(data.conversationMessages);
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
    if (outcome.ok) addArrived(outcome.data.sent);
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
              <p class="conversation-participants">
                {mt('participants')}:{' '}
                <For each={loaded().participants}>
                  {(person, index) => (
                    <>
                      {index() > 0 ? ', ' : ''}
                      <A href={profileHref(person.handle)}>{person.id === props.viewer.id ? mt('you') : person.name}</A>
                    </>
                  )}
                </For>
              </p>
            </Show>
          </header>
          <Show when={nextOlderCursor()}>
            <p class="older-messages">
              <button type="button" class="button button-secondary" onClick={loadOlder} disabled={loadingOlder()} aria-describedby="older-messages-status">
                {loadingOlder() ? t('app.loading') : mt('older')}
              </button>
            </p>
          </Show>
          <p id="older-messages-status" class="visually-hidden" role="status">
            {olderStatus()}
          </p>
          <Show when={olderProblem()}>
            <p class="form-error" role="alert">
              {mt('olderFailed')}
            </p>
          </Show>
          {/* Earlier pages sit in a list of their own, outside the live region: loading 20 old messages is not news to announce. */}
          <Show when={older().length}>
            <ol class="message-list older-message-list" aria-label={mt('olderList')}>
              <For each={older()}>{(message) => <MessageItem message={message} focusable />}</For>
            </ol>
          </Show>
          <ol class="message-list" aria-live="polite" aria-label={mt('title')}>
            <For each={messages()} fallback={<li class="muted">{mt('noMessages')}</li>}>
              {(message) => <MessageItem message={message} />}
            </For>
          </ol>
          <MessageComposer onSend={send} />
        </article>
      )}
    </Show>
  );
}

/** One message; `focusable` ones take the focus after an earlier page loads. */
function MessageItem(props: { message: Message; focusable?: boolean }) {
  return (
    <li class="message" tabindex={props.focusable ? -1 : undefined} classList={{ 'is-mine': props.message.mine }} data-message-id={props.message.id}>
      <p class="message-meta">
        <A href={profileHref(props.message.author.handle)}>{props.message.mine ? mt('you') : props.message.author.name}</A>{' '}
        <time class="muted" datetime={props.message.createdAt}>
          {formatDateTime(props.message.createdAt)}
        </time>
      </p>
      <Show when={!props.message.hidden} fallback={<p class="muted">{mt('hiddenMessage')}</p>}>
        {/* Sanitised by the server when it was written (schema/markdown). */}
        <div class="message-body markdown" innerHTML={props.message.html ?? ''} />
      </Show>
      <Show when={!props.message.mine && !props.message.hidden}>
        <ReportMessageButton messageId={props.message.id} />
      </Show>
    </li>
  );
}
