import './messages.css';
import { A, createAsync, Navigate, revalidate, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { MESSAGE_LIMITS } from '../../../../schema/field-limits.ts';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { problemOf } from '../../lib/form.ts';
import { isMissing, orNull } from '../../lib/graphql-client.ts';
import type { Viewer } from '../account/account.api.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { PersonSearch } from '../expert/person-search.tsx';
import { profileHref } from '../expert/expert-links.ts';
import { MessageComposer } from './message-composer.tsx';
import { conversationHref } from './message-links.ts';
import { getConversations, getMessagingState, startConversation } from './message.api.ts';
import { mt } from './message-text.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/**
 * /messages/new, or /messages/new?to=<handle>: writing to one person (opening the conversation
 * the two already have, if any) or to a small group chosen from the directory.
 */
export default function NewConversationPage() {
  const [search] = useSearchParams<{ to: string }>();
  return (
    <RequireViewer>
      {(viewer) => (
        <div class="messages-page">
          <SectionError>
            <Suspense fallback={<PageLoading />}>
              <Show when={search.to} keyed fallback={<NewConversation viewer={viewer()} />}>
                {(handle) => <NewConversationTo handle={handle} viewer={viewer()} />}
              </Show>
            </Suspense>
          </SectionError>
        </div>
      )}
    </RequireViewer>
  );
}

interface Person {
  id: string;
  handle: string;
  name: string;
}

/** Recipients besides the writer: a conversation holds at most MESSAGE_LIMITS.participants people. */
const MAX_RECIPIENTS = MESSAGE_LIMITS.participants - 1;

function NewConversationTo(props: { handle: string; viewer: Viewer }) {
  const person = createAsync(() => orNull(() => getMessagingState(props.handle), isMissing()));
  return (
    <Show when={person()} fallback={<p>{t('formError.NOT_FOUND')}</p>}>
      {(found) => (
        <Show when={!found().viewerConversationId} fallback={<Navigate href={conversationHref(found().viewerConversationId!)} />}>
          <NewConversation viewer={props.viewer} first={found()} />
        </Show>
      )}
    </Show>
  );
}

function NewConversation(props: { viewer: Viewer; first?: Person }) {
  const navigate = useNavigate();
  const [recipients, setRecipients] = createSignal<Person[]>(props.first ? [props.first] : []);
  const send = async (body: string) => {
    const chosen = recipients();
    if (!chosen.length) return mt('chooseRecipient');
    const outcome = await startConversation(
      chosen.map((p) => p.id),
      body,
    );
    if (outcome.ok) {
      void revalidate(getConversations.key);
      navigate(conversationHref(outcome.data.conversation.id), { replace: true });
    }
    const problem = problemOf(outcome);
    // The API refuses a group from a new member (or with someone who does not receive the writer's messages) as NOT_AUTHORIZED.
    if (chosen.length > 1 && problem?.form?.code === 'NOT_AUTHORIZED') return mt('groupNotAllowed');
    return problem;
  };
  const title = () => (recipients().length === 1 && props.first && recipients()[0]!.id === props.first.id ? mt('newTitle', props.first.name) : mt('newGroupTitle'));
  return (
    <>
      <DocumentTitle text={title()} />
      <header class="page-header">
        <A href="/messages" class="back-link">
          ← {mt('back')}
        </A>
        <h1 id="page-title">{title()}</h1>
      </header>
      <RecipientPicker viewer={props.viewer} recipients={recipients()} onChange={setRecipients} />
      <MessageComposer onSend={send} />
    </>
  );
}

/** The chosen people as chips with remove buttons, and a search of the directory by name to add more. */
function RecipientPicker(props: { viewer: Viewer; recipients: Person[]; onChange: (people: Person[]) => void }) {
  const full = () => props.recipients.length >= MAX_RECIPIENTS;
  const chosen = () => new Set(props.recipients.map((p) => p.id));
  let picker: HTMLDivElement | undefined;
  const remove = (person: Person) => {
    props.onChange(props.recipients.filter((p) => p.id !== person.id));
    picker?.querySelector('input')?.focus();
  };
  return (
    <section class="recipient-picker" aria-labelledby="recipients-title">
      <h2 id="recipients-title" class="recipient-picker-title">
        {mt('recipients')}
      </h2>
      <Show when={props.recipients.length} fallback={<p class="muted">{mt('noRecipients')}</p>}>
        <ul class="recipient-chips">
          <For each={props.recipients}>
            {(person) => (
              <li class="recipient-chip">
                <A href={profileHref(person.handle)}>{person.name}</A>
                <button type="button" class="recipient-remove" aria-label={mt('remove', person.name)} onClick={() => remove(person)}>
                  ×
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show
        when={!full()}
        fallback={
          <p class="muted" role="status">
            {mt('recipientLimit', MESSAGE_LIMITS.participants)}
          </p>
        }
      >
        <div ref={picker}>
          <PersonSearch
            id="recipient-search"
            label={mt('findPerson')}
            hint={mt('findPersonHint')}
            excluded={(id) => id === props.viewer.id || chosen().has(id)}
            actions={(person, done) => (
              <button
                type="button"
                class="button button-small button-secondary"
                aria-label={mt('add', person.name)}
                onClick={() => {
                  if (full()) return;
                  props.onChange([...props.recipients, { id: person.id, handle: person.handle, name: person.name }]);
                  done();
                }}
              >
                {mt('addShort')}
              </button>
            )}
          />
        </div>
      </Show>
    </section>
  );
}
