import { A, revalidate, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, For, Index, Show } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { createPageLoader, PagedResults, pageHref } from '../../components/paged-results.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { PracticeCard } from './practice-card.tsx';
import { PracticeFilters, type PracticeFilterPatch } from './practice-filters.tsx';
import {
  getPractices,
  hasPracticeFilters,
  PRACTICE_PAGE_SIZE,
  practiceListParams,
} from './practice.api.ts';

/** /practices: published good practices, newest first, filtered and paged through the URL. */
export default function PracticeListPage() {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const params = createMemo(() => practiceListParams(search), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const loaded = createPageLoader(() => getPractices(params()));

  const changeFilters = (patch: PracticeFilterPatch, options?: { replace?: boolean }) =>
    setSearch({ ...patch, after: undefined, before: undefined }, options);
  const clearFilters = () => navigate('/practices');

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
        <PracticeFilters params={params()} onChange={changeFilters} onClear={clearFilters} />

        <PagedResults
          loaded={loaded()}
          skeleton={<ResultsSkeleton />}
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
                  <A class="button" href="/practices/new">{t('practices.write')}</A>
                </StateMessage>
              }
            >
              <StateMessage title={t('practices.emptyTitle')} body={t('practices.emptyBody')}>
                <button type="button" class="button" onClick={clearFilters}>{t('directory.clear')}</button>
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

/** Placeholders the size of real cards, so nothing moves when the first page arrives. */
function ResultsSkeleton() {
  return (
    <div class="results is-loading">
      <div class="results-bar">
        <p class="result-count" role="status">{t('app.loading')}</p>
      </div>
      <ul class="practice-grid" aria-hidden="true">
        <Index each={Array.from({ length: Math.min(PRACTICE_PAGE_SIZE, 4) })}>
          {() => (
            <li>
              <div class="practice-card skeleton-card">
                <span class="skeleton skeleton-line skeleton-short" />
                <span class="skeleton skeleton-line skeleton-title" />
                <span class="skeleton skeleton-line" />
                <span class="skeleton skeleton-line" />
                <span class="skeleton skeleton-chips" />
              </div>
            </li>
          )}
        </Index>
      </ul>
    </div>
  );
}
