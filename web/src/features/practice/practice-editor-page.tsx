import './practice-editor.css';
import { A, createAsync, revalidate, useNavigate, useParams } from '@solidjs/router';
import { createMemo, Match, Show, Suspense, Switch, type Accessor } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import type { Viewer } from '../account/account.api.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { PracticeEditor } from './practice-editor.tsx';
import { practiceEditHref, practiceHref } from './practice-links.ts';
import { getPracticeDraft, type PracticeDraft } from './practice-record.api.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/**
 * One editing session: of the practice `id`, or of a new one. A new one gets its address
 * (`createdId`) once its draft is first saved, and the session goes on under it.
 */
interface Session {
  id: string | undefined;
  createdId?: string;
}

/**
 * /practices/new and /practices/:id/edit (one route, so the editor stays mounted when a new
 * draft moves to its own address), signed in only.
 */
export default function PracticeEditorPage() {
  const params = useParams<{ id?: string }>();
  const navigate = useNavigate();
  const session = createMemo<Session>((previous) => {
    const id = params.id;
    if (previous && id === (previous.id ?? previous.createdId)) return previous;
    return { id };
  });

  const created = (current: Session, id: string) => {
    current.createdId = id;
    // Only the address changes: focus and scroll stay with the person typing.
    navigate(practiceEditHref(id), { replace: true, scroll: false, state: { keepFocus: true } });
  };

  return (
    <RequireViewer forVisitors={{ title: t('membersOnly.writeTitle'), body: t('membersOnly.writeBody') }}>
      {(viewer) => (
        <Show when={session()} keyed>
          {(current) => (
            <Show
              when={current.id}
              fallback={
                <>
                  <DocumentTitle text={t('practiceEditor.newTitle')} />
                  <PracticeEditor practice={null} viewer={viewer()} onCreated={(id) => created(current, id)} />
                </>
              }
            >
              {(id) => <ExistingPractice id={id()} viewer={viewer} />}
            </Show>
          )}
        </Show>
      )}
    </RequireViewer>
  );
}

type Loaded = { practice: PracticeDraft | null; error?: undefined } | { practice?: undefined; error: unknown };

function ExistingPractice(props: { id: string; viewer: Accessor<Viewer> }) {
  const loaded = createAsync(async (): Promise<Loaded> => {
    const request = getPracticeDraft(props.id);
    try {
      return { practice: await request };
    } catch (error) {
      return { error };
    }
  });
  return (
    <Suspense fallback={<PageLoading />}>
      <Switch>
        <Match when={loaded()?.error !== undefined}>
          <DocumentTitle text={t('practicePage.errorTitle')} />
          <StateMessage title={t('practicePage.errorTitle')} body={t('profile.errorBody')} tone="error" headingLevel={1}>
            <button type="button" class="button" onClick={() => revalidate(getPracticeDraft.keyFor(props.id))}>
              {t('app.retry')}
            </button>
          </StateMessage>
        </Match>
        <Match when={loaded()?.practice === null}>
          <DocumentTitle text={t('practicePage.notFoundTitle')} />
          <StateMessage title={t('practicePage.notFoundTitle')} body={t('practicePage.notFoundBody')} headingLevel={1}>
            <A class="button" href="/practices/mine">
              {t('myPractices.title')}
            </A>
          </StateMessage>
        </Match>
        <Match when={loaded()?.practice}>
          {(practice) => (
            <Show
              when={practice().viewerCanEdit}
              fallback={
                <>
                  <DocumentTitle text={t('practiceEditor.notEditableTitle')} />
                  <StateMessage title={t('practiceEditor.notEditableTitle')} body={t('practiceEditor.notEditableBody')} headingLevel={1}>
                    <A class="button" href={practiceHref(props.id)}>
                      {t('practiceEditor.view')}
                    </A>
                  </StateMessage>
                </>
              }
            >
              <DocumentTitle text={`${t('practiceEditor.editTitle')}: ${practice().title}`} />
              {/* The form starts from what was loaded; later reloads of it change nothing under the person typing. */}
              <PracticeEditor practice={practice()} viewer={props.viewer()} />
            </Show>
          )}
        </Match>
      </Switch>
    </Suspense>
  );
}
