import './discussion.css';
import { A, createAsync, useAction, useNavigate, useSearchParams } from '@solidjs/router';
import { createComputed, createSignal, on, Show, untrack } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { localName, t } from '../../i18n/i18n.ts';
import { getGroup, groupHref } from '../group/group.api.ts';
import { gt } from '../group/group-text.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { threadHref } from './discussion-links.ts';
import type { ThreadKind } from './thread-params.ts';
import { createThreadAction } from './thread-writes.api.ts';
import { ThreadForm } from './thread-form.tsx';

/** /threads/new: start a discussion, or ask a question (`?kind=question`). */
export default function NewThreadPage() {
  // The address is read here, in the route's component, beside its preload (see preloadThread).
  const [search] = useSearchParams();
  const forVisitors = () =>
    search.kind === 'question' ? { title: t('membersOnly.askTitle'), body: t('membersOnly.askBody') } : { title: t('membersOnly.threadsTitle'), body: t('membersOnly.threadsBody') };
  const group = () => (typeof search.group === 'string' && search.group ? search.group : null);
  return <RequireViewer forVisitors={forVisitors()}>{() => <NewThread question={search.kind === 'question'} group={group()} />}</RequireViewer>;
}

/** Where a thread started from a group's page goes: its group, named above the form. */
function GroupNote(props: { slug: string }) {
  const group = createAsync(() => getGroup(props.slug));
  return (
    <Show when={group()}>
      {(found) => (
        <p class="thread-group-note">
          {found().discussionAccess === 'MEMBERS' ? gt('startInMembersOnly', localName(found())) : gt('startIn', localName(found()))} <A href={groupHref(found().slug)}>{localName(found())}</A>
        </p>
      )}
    </Show>
  );
}

function NewThread(props: { question: boolean; group: string | null }) {
  const navigate = useNavigate();
  const kindOf = (question: boolean): ThreadKind => (question ? 'QUESTION' : 'DISCUSSION');
  const [kind, setKind] = createSignal<ThreadKind>(untrack(() => kindOf(props.question)));
  // "Ask a question" followed from this very page changes only the address: follow it.
  createComputed(
    on(
      () => props.question,
      (question) => setKind(kindOf(question)),
      { defer: true },
    ),
  );
  const create = useAction(createThreadAction);
  const heading = () => (kind() === 'QUESTION' ? t('discussion.askTitle') : t('discussion.startTitle'));

  return (
    <div class="thread-new">
      <DocumentTitle text={heading()} />
      <nav class="breadcrumb" aria-label={t('profile.breadcrumb')}>
        <ol>
          <li>
            <A href="/threads">{t('nav.discussions')}</A>
          </li>
          <li aria-current="page">{heading()}</li>
        </ol>
      </nav>
      <header class="page-header">
        <h1 id="page-title">{heading()}</h1>
        <p class="lead">{kind() === 'QUESTION' ? t('discussion.askIntro') : t('discussion.startIntro')}</p>
        <Show when={props.group}>{(slug) => <GroupNote slug={slug()} />}</Show>
      </header>
      <ThreadForm
        kind={kind()}
        onKindChange={setKind}
        submitLabel={kind() === 'QUESTION' ? t('discussion.postQuestion') : t('discussion.postDiscussion')}
        send={async (fields) => {
          const outcome = await create(kind(), fields, props.group);
          if (outcome.ok) navigate(threadHref(outcome.data.thread.id));
          return outcome;
        }}
        onCancel={() => navigate('/threads')}
      />
    </div>
  );
}
