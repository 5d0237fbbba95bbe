import './collection-editor.css';
import { A, useParams } from '@solidjs/router';
import { createSignal, Match, Show, Suspense, Switch, untrack } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { createRecord } from '../../components/record-states.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { formErrorText, type FormProblem } from '../../lib/form.ts';
import { canCurate } from '../account/account.api.ts';
import { StaffOnly } from '../staff/staff-layout.tsx';
import { type EditedCollection, getEditedCollection, loadEditedCollection } from './collection-admin.api.ts';
import { CollectionDetailsForm } from './collection-editor-details.tsx';
import { PracticeFinder } from './collection-editor-finder.tsx';
import { CollectionItemsEditor } from './collection-editor-items.tsx';
import { CollectionStatusPanel } from './collection-editor-status.tsx';
import { ct } from './collection-editor-text.ts';
import { collectionHref } from './collection.api.ts';

/** /staff/collections/:slug: a curator composes one collection (curators and admins). */
export default function CollectionEditorPage() {
  const params = useParams<{ slug: string }>();
  return (
    <StaffOnly allowed={canCurate}>
      <EditorLoader slug={params.slug} />
    </StaffOnly>
  );
}

function EditorLoader(props: { slug: string }) {
  const loaded = createRecord(() => getEditedCollection(props.slug));
  // A reload replaces the copy the editor works on, which starts it afresh from the server's.
  const [reloaded, setReloaded] = createSignal<EditedCollection>();
  const [reloadFailed, setReloadFailed] = createSignal(false);
  const reload = async () => {
    setReloadFailed(false);
    try {
      const fresh = await loadEditedCollection(props.slug);
      if (fresh) setReloaded(fresh);
      else setReloadFailed(true);
    } catch {
      setReloadFailed(true);
    }
  };
  return (
    <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
      <Switch>
        <Match when={loaded()?.error !== undefined}>
          <StateMessage title={t('collection.errorTitle')} tone="error">
            <A class="button" href="/staff/collections">
              {ct('allCollections')}
            </A>
          </StateMessage>
        </Match>
        <Match when={loaded()?.value === null}>
          <DocumentTitle text={t('collection.notFoundTitle')} />
          <StateMessage title={t('collection.notFoundTitle')}>
            <A class="button" href="/staff/collections">
              {ct('allCollections')}
            </A>
          </StateMessage>
        </Match>
        <Match when={loaded()?.value}>
          {/* Started once from the first answer; the cache being refreshed after a save does not start it again, a reload does. */}
          {(first) => (
            <Show when={reloaded() ?? untrack(first)} keyed>
              {(collection) => <CollectionEditor initial={collection} reload={reload} reloadFailed={reloadFailed()} />}
            </Show>
          )}
        </Match>
      </Switch>
    </Suspense>
  );
}

/**
 * The editor of one collection. `current` is the server's copy as last answered; every write
 * answers with the whole collection, which replaces it. The details form names the version it
 * started from, so an edit made over someone else's is refused (CONFLICT) instead of undoing it.
 */
function CollectionEditor(props: { initial: EditedCollection; reload: () => Promise<void>; reloadFailed: boolean }) {
  const initial = untrack(() => props.initial);
  const [current, setCurrent] = createSignal(initial);
  // The version the details form started from, and the details as they were then.
  let detailsVersion = initial.version;
  let detailsSeen = detailsOf(initial);
  const [conflict, setConflict] = createSignal<'details' | 'list' | undefined>();

  /** Takes in a write's answer; the details form may move on to its version only if nobody else changed the details meanwhile. */
  const adopt = (collection: EditedCollection) => {
    setCurrent(collection);
    if (detailsOf(collection) === detailsSeen) detailsVersion = collection.version;
  };
  const detailsSaved = (collection: EditedCollection) => {
    detailsVersion = collection.version;
    detailsSeen = detailsOf(collection);
    setCurrent(collection);
  };
  const problemSeen = (problem: FormProblem) => {
    if (problem.form?.code === 'CONFLICT') setConflict('details');
    else if (problem.fields.itemIds === 'NOT_A_PERMUTATION' || problem.form?.code === 'NOT_FOUND') setConflict('list');
  };

  return (
    <article class="collection-editor" aria-labelledby="collection-editor-title">
      <DocumentTitle text={`${current().title} · ${t('nav.collections')}`} />
      <header class="collection-editor-head">
        <p>
          <A href="/staff/collections">
            <span aria-hidden="true">← </span>
            {ct('allCollections')}
          </A>
        </p>
        <p class="editor-kicker">
          <span class="status-chip" data-status={current().status.toLowerCase()}>
            {ct(`status.${current().status}`)}
          </span>
          <span class="muted">{ct('address', collectionHref(current().slug))}</span>
          <Show when={current().status === 'PUBLISHED'}>
            <A href={collectionHref(current().slug)}>{ct('viewPublic')}</A>
          </Show>
        </p>
        <h2 id="collection-editor-title" class="collection-editor-title" lang="vi">
          {current().title}
        </h2>
      </header>
      <Show when={conflict()}>
        {(kind) => (
          <div class="form-alert is-error collection-conflict" role="alert" tabindex="-1">
            <div>
              <p>{kind() === 'details' ? ct('conflict') : ct('listChanged')}</p>
              <Show when={props.reloadFailed}>
                <p>{formErrorText({ code: 'NETWORK_ERROR' })}</p>
              </Show>
              <button type="button" class="button button-small" onClick={() => void props.reload()}>
                {ct('reload')}
              </button>
            </div>
          </div>
        )}
      </Show>
      <CollectionDetailsForm collection={initial} version={() => detailsVersion} onSaved={detailsSaved} onProblem={problemSeen} />
      <CollectionItemsEditor collection={current} adopt={adopt} onProblem={problemSeen} />
      <PracticeFinder collection={current} adopt={adopt} />
      <CollectionStatusPanel collection={current} adopt={adopt} onProblem={problemSeen} />
    </article>
  );
}

/** The details as one string, to tell whether someone else changed them. */
const detailsOf = (c: EditedCollection) => JSON.stringify([c.title, c.intro, c.edition, c.topics.map((topic) => topic.slug), c.places.map((place) => place.code)]);
