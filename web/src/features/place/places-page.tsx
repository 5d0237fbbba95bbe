import './places.css';
import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { t } from '../../i18n/i18n.ts';
import { Counts } from '../topic/browse-sections.tsx';
import { getPlacesWithCounts, placeHref, type PlaceWithCounts, type Region } from './place.api.ts';
import { PageLoading } from '../../components/page-loading.tsx';

const REGIONS: readonly Region[] = ['NORTH', 'CENTRAL', 'SOUTH'];

/** /places: the 34 provinces and cities in force since 1 July 2025, by region, north to south. */
export default function PlacesPage() {
  const places = createAsync(() => getPlacesWithCounts());
  const inRegion = (region: Region) => (places() ?? []).filter((place) => place.region === region);
  return (
    <div class="browse-page">
      <DocumentTitle text={t('placePage.title')} />
      <header class="page-header">
        <h1 id="page-title">{t('placePage.title')}</h1>
        <p class="lead">{t('placePage.intro')}</p>
      </header>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <For each={REGIONS}>
            {(region) => (
              <Show when={inRegion(region).length}>
                <section class="browse-section" aria-labelledby={`region-${region.toLowerCase()}`}>
                  <div class="browse-section-head">
                    <h2 id={`region-${region.toLowerCase()}`}>{t(`placePage.region.${region}`)}</h2>
                  </div>
                  <ul class="place-grid">
                    <For each={inRegion(region)}>{(place) => <PlaceCard place={place} />}</For>
                  </ul>
                </section>
              </Show>
            )}
          </For>
        </Suspense>
      </SectionError>
    </div>
  );
}

function PlaceCard(props: { place: PlaceWithCounts }) {
  const formerNames = () => props.place.predecessors.map((p) => p.name).join(', ');
  return (
    <li class="place-card">
      <h3 class="place-card-title">
        <A href={placeHref(props.place.code)}>{props.place.name}</A>
      </h3>
      <p class="place-card-merged">{props.place.predecessors.length ? t('placePage.mergedFrom', formerNames()) : t('placePage.unchanged')}</p>
      <Counts class="topic-card-counts" practices={props.place.practiceCount} experts={props.place.expertCount} threads={props.place.threadCount} />
    </li>
  );
}
