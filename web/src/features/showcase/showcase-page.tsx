import '../collection/collection-page.css';
import './showcase.css';
import { createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { listAddress } from '../../lib/list-params.ts';
import { CollectionCard } from '../collection/collection-parts.tsx';
import { BrowseSection, PracticeGrid } from '../topic/browse-sections.tsx';
import { ProvinceMap, ProvinceTable } from './province-map.tsx';
import { getShowcase, type Showcase } from './showcase.api.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/* Feeds are the server's files, not app pages: rel="external" keeps the router's hands off them. */
const FEEDS = [
  { href: '/feeds/collections.atom', label: 'showcase.collectionsFeed' },
  { href: '/feeds/practices.atom', label: 'showcase.practicesFeed' },
] as const;

/** /showcase: the ministry's showcase for everyone: current collections, featured practices and the 34 units on a map. */
export default function ShowcasePage() {
  const showcase = createAsync(() => getShowcase());
  return (
    <div class="browse-page showcase-page">
      <DocumentTitle text={t('showcase.title')} />
      <header class="page-header">
        <h1 id="page-title">{t('showcase.title')}</h1>
        <p class="lead">{t('showcase.intro')}</p>
        <p class="showcase-feeds">
          {t('showcase.feeds')}{' '}
          <For each={FEEDS}>
            {(feed, i) => (
              <>
                {i() ? ' · ' : ''}
                <a href={feed.href} rel="external" type="application/atom+xml">
                  {t(feed.label)}
                </a>
              </>
            )}
          </For>
        </p>
      </header>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <Show when={showcase()}>{(data) => <ShowcaseSections showcase={data()} />}</Show>
        </Suspense>
      </SectionError>
    </div>
  );
}

function ShowcaseSections(props: { showcase: Showcase }) {
  const collections = () => props.showcase.collections.edges.map((edge) => edge.node);
  return (
    <>
      <BrowseSection id="showcase-collections" title={t('nav.collections')} more={{ href: '/collections', label: t('showcase.allCollections') }}>
        <Show when={collections().length} fallback={<p class="empty-note">{t('collection.empty')}</p>}>
          <ul class="collection-grid">
            <For each={collections()}>{(collection) => <CollectionCard collection={collection} headingLevel={3} />}</For>
          </ul>
        </Show>
      </BrowseSection>
      <BrowseSection id="showcase-featured" title={t('home.featured')} more={{ href: listAddress('/practices', { featured: '1' }), label: t('home.allFeatured') }}>
        <PracticeGrid practices={props.showcase.featured.edges.map((edge) => edge.node)} empty={t('home.noPractices')} />
      </BrowseSection>
      <BrowseSection id="showcase-places" title={t('showcase.map')}>
        <div class="showcase-places">
          <ProvinceMap places={props.showcase.places} />
          <ProvinceTable places={props.showcase.places} />
        </div>
      </BrowseSection>
    </>
  );
}
