import { A, revalidate, useNavigate } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { createPageLoader, PagedResults, pageHref, ResultsSkeleton } from '../../components/paged-results.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { useListParams } from '../../lib/list-params.ts';
import { PracticeCard, PracticeCardSkeleton } from './practice-card.tsx';
import { PracticeFilters } from './practice-filters.tsx';
import { getPractices, PRACTICE_PAGE_SIZE, type PracticeFacets } from './practice-list.api.ts';
import { hasPracticeFilters, practiceListParams } from './practice-params.ts';

/** /practices: published good practices, newest first or as sorted, filtered by facets and paged through the URL. */
export default function PracticeListPage() {
  const navigate = useNavigate();
  const { params, change: changeFilters } = useListParams(practiceListParams);
  const loaded = createPageLoader(() => getPractices(params()));
  const clearFilters = () => navigate('/practices');
  // The counts of the last page that arrived, kept while the next one loads so the facets stay put.
  const facets = createMemo<PracticeFacets | undefined>((previous) => loaded()?.page?.facets ?? previous);

  return (
    <div class="directory practice-list">
      <DocumentTitle text={t('practices.title')} />
      <header class="page-header page-header-with-action">
        <div>
          <h1 id="page-title">{t('practices.title')}</h1>
          <p class="lead">{t('practices.intro')}</p>
        </div>
        <A class="button" href="/practices/new">
          <span aria-hidden="true">+</span> {t('practices.write')}
        </A>
      </header>

      <div class="directory-layout">
        <PracticeFilters params={params()} facets={facets()} onChange={changeFilters} onClear={clearFilters} />

        <PagedResults
          loaded={loaded()}
          skeleton={<ResultsSkeleton list="ul" class="practice-grid" count={Math.min(PRACTICE_PAGE_SIZE, 4)} item={PracticeCardSkeleton} />}
          count={(total) => t('practices.count', total)}
          errorTitle={t('practices.errorTitle')}
          badFilterBody={t('practices.badFilterBody')}
          onRetry={() => revalidate()}
          onClear={clearFilters}
          hrefFor={(cursor) => pageHref('/practices', params(), cursor)}
          empty={
            <Show
              when={hasPracticeFilters(params())}
              fallback={
                <StateMessage title={t('practices.noneYetTitle')} body={t('practices.noneYetBody')}>
                  <A class="button" href="/practices/new">
                    {t('practices.write')}
                  </A>
                </StateMessage>
              }
            >
              <StateMessage title={t('practices.emptyTitle')} body={t('practices.emptyBody')}>
                <button type="button" class="button" onClick={clearFilters}>
                  {t('directory.clear')}
                </button>
              </StateMessage>
            </Show>
          }
        >
          {(page) => (
            <ul class="practice-grid">
              <For each={page.edges}>
                {(edge) => (
                  <li>
                    <PracticeCard practice={edge.node} />
                  </li>
                )}
              </For>
            </ul>
          )}
        </PagedResults>
      </div>
    </div>
  );
}
