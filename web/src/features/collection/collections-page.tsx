import './collection-page.css';
import { createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { CollectionCard } from './collection-parts.tsx';
import { getCollections } from './collection.api.ts';
import { PageLoading } from '../../components/page-loading.tsx';

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
        <Suspense fallback={<PageLoading />}>
          <Show when={collections()?.length !== 0} fallback={<p class="muted">{t('collection.empty')}</p>}>
            <ul class="collection-grid">
              <For each={collections()}>{(collection) => <CollectionCard collection={collection} headingLevel={2} />}</For>
            </ul>
          </Show>
        </Suspense>
      </SectionError>
    </div>
  );
}
