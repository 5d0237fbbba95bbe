import './collection-page.css';
import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { CollectionScope } from './collection-parts.tsx';
import { collectionHref, getCollections, type CollectionSummary } from './collection.api.ts';

/** /collections: the published collections, newest first. */
export default function CollectionsPage() {
  const collections = createAsync(() => getCollections());
  return (
    <div class="browse-page">
      <DocumentTitle text={t('nav.collections')} />
      <header class="page-header">
        <h1 id="page-title">{t('nav.collections')}</h1>
        <p class="lead">{t('collection.intro')}</p>
      </header>
      <SectionError>
        <Suspense
          fallback={
            <p class="page-loading" role="status">
              {t('app.loading')}
            </p>
          }
        >
          <Show when={collections()?.length !== 0} fallback={<p class="muted">{t('collection.empty')}</p>}>
            <ul class="collection-grid">
              <For each={collections()}>{(collection) => <CollectionCard collection={collection} />}</For>
            </ul>
          </Show>
        </Suspense>
      </SectionError>
    </div>
  );
}

/** The introduction's opening paragraph as plain text (the stored HTML is the server's sanitised rendering). */
function firstParagraph(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  return (document.querySelector('p') ?? document.body).textContent?.trim() ?? '';
}

function CollectionCard(props: { collection: CollectionSummary }) {
  return (
    <li class="collection-card">
      <Show when={props.collection.edition}>
        <p class="collection-edition">{props.collection.edition}</p>
      </Show>
      <h2 class="collection-card-title" lang="vi">
        <A href={collectionHref(props.collection.slug)}>{props.collection.title}</A>
      </h2>
      <p class="collection-card-intro" lang="vi">
        {firstParagraph(props.collection.introHtml)}
      </p>
      <p class="collection-count">{t('topicPage.practiceCount', props.collection.items.length)}</p>
      <CollectionScope topics={props.collection.topics} places={props.collection.places} />
    </li>
  );
}
