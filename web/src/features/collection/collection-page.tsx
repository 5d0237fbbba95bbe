import './collection-page.css';
import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { createRecord, RecordStates } from '../../components/record-states.tsx';
import { t } from '../../i18n/i18n.ts';
import { canCurate, getViewer } from '../account/account.api.ts';
import { PracticeCard } from '../practice/practice-card.tsx';
import { practiceHref } from '../practice/practice-links.ts';
import { CollectionScope } from './collection-parts.tsx';
import { collectionEditorHref, getCollection, type Collection } from './collection.api.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/** /collections/:slug: one collection, its practices in the curators' order, each with why it was chosen; printable as a briefing. */
export default function CollectionPage() {
  const params = useParams<{ slug: string }>();
  const loaded = createRecord(() => getCollection(params.slug));
  return (
    <div class="collection-page">
      <Suspense fallback={<PageLoading />}>
        <RecordStates
          loaded={loaded()}
          retry={() => revalidate(getCollection.keyFor(params.slug))}
          back={{ href: '/collections', label: t('nav.collections') }}
          errorTitle={t('collection.errorTitle')}
          notFound={{ title: t('collection.notFoundTitle'), body: t('collection.notFoundBody') }}
        >
          {(collection) => <CollectionView collection={collection()} />}
        </RecordStates>
      </Suspense>
    </div>
  );
}

function CollectionView(props: { collection: Collection }) {
  const viewer = createAsync(() => getViewer());
  // The public sees only items whose practice it may read; a null practice is one it may not.
  const items = () => props.collection.items.flatMap((item) => (item.practice ? [{ ...item, practice: item.practice }] : []));
  return (
    <article class="collection" aria-labelledby="page-title">
      <DocumentTitle text={props.collection.title} />
      <nav class="breadcrumb" aria-label={t('topicPage.breadcrumb')}>
        <ol>
          <li>
            <A href="/collections">{t('nav.collections')}</A>
          </li>
          <li aria-current="page">{props.collection.title}</li>
        </ol>
      </nav>
      <header class="page-header collection-header">
        <Show when={props.collection.edition}>
          <p class="collection-edition">{props.collection.edition}</p>
        </Show>
        <h1 id="page-title" lang="vi">
          {props.collection.title}
        </h1>
        <CollectionScope topics={props.collection.topics} places={props.collection.places} />
        {/* Sanitised by the server's one renderer, as a practice's sections are. */}
        <div class="prose collection-intro" lang="vi" innerHTML={props.collection.introHtml} />
        <button type="button" class="button button-secondary collection-print" title={t('collection.printTitle')} onClick={() => window.print()}>
          {t('collection.print')}
        </button>
        {/* Curators go from what the public sees to its editor. */}
        <Show when={canCurate(viewer()?.role)}>
          <A class="button button-secondary collection-print collection-edit-link" href={collectionEditorHref(props.collection.slug)}>
            {t('collection.edit')}
          </A>
        </Show>
      </header>
      <Show when={items().length} fallback={<p class="muted">{t('collection.noPractices')}</p>}>
        <ol class="collection-items">
          <For each={items()}>
            {(item) => (
              <li class="collection-item">
                <PracticeCard practice={item.practice} />
                <Show when={item.note}>
                  <aside class="collection-note" aria-label={t('collection.why')}>
                    <p class="collection-note-label">{t('collection.why')}</p>
                    <p lang="vi">{item.note}</p>
                  </aside>
                </Show>
                {/* On paper a link cannot be followed: the practice's full address is printed instead. */}
                <p class="collection-print-address">{`${location.origin}${practiceHref(item.practice.id)}`}</p>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </article>
  );
}
