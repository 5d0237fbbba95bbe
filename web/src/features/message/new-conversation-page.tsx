import './messages.css';
import { A, createAsync, Navigate, revalidate, useNavigate, useSearchParams } from '@solidjs/router';
import { Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { problemOf } from '../../lib/form.ts';
import { isMissing, orNull } from '../../lib/graphql-client.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { profileHref } from '../expert/expert-links.ts';
import { MessageComposer } from './message-composer.tsx';
import { conversationHref } from './message-links.ts';
import { getConversations, getMessagingState, startConversation } from './message.api.ts';
import { mt } from './message-text.ts';

/** /messages/new?to=<handle>: writing to someone; opens the conversation the two already have, if any. */
export default function NewConversationPage() {
  const [search] = useSearchParams<{ to: string }>();
  return (
    <RequireViewer>
      {() => (
        <div class="messages-page">
          <SectionError>
            <Suspense
              fallback={
                <p class="page-loading" role="status">
                  {t('app.loading')}
                </p>
              }
            >
              <NewConversation handle={search.to ?? ''} />
            </Suspense>
          </SectionError>
        </div>
      )}
    </RequireViewer>
  );
}

function NewConversation(props: { handle: string }) {
  const navigate = useNavigate();
  const person = createAsync(() => orNull(() => getMessagingState(props.handle), isMissing()));
  const send = async (body: string) => {
    const outcome = await startConversation([person()!.id], body);
    if (outcome.ok) {
      void revalidate(getConversations.key);
      navigate(conversationHref(outcome.data.conversation.id), { replace: true });
    }
    return problemOf(outcome);
  };
  return (
    <Show when={person()} fallback={<p>{t('formError.NOT_FOUND')}</p>}>
      {(found) => (
        <Show when={!found().viewerConversationId} fallback={<Navigate href={conversationHref(found().viewerConversationId!)} />}>
          <DocumentTitle text={mt('newTitle', found().name)} />
          <header class="page-header">
            <A href="/messages" class="back-link">
              ← {mt('back')}
            </A>
            <h1 id="page-title">
              {mt('newTitle', '')}
              <A href={profileHref(found().handle)}>{found().name}</A>
            </h1>
          </header>
          <MessageComposer onSend={send} />
        </Show>
      )}
    </Show>
  );
}
