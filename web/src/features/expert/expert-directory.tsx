import { revalidate, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, For, Index, Show } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { createPageLoader, PagedResults, pageHref } from '../../components/paged-results.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { DirectoryFilters, type FilterPatch } from './directory-filters.tsx';
import { ExpertCard } from './expert-card.tsx';
import {
  directoryParams,
  getExpertDirectory,
  hasFilters,
  PAGE_SIZE,
} from './expert.api.ts';

/** /experts: everyone in the network, filtered and paged through the URL. */
export default function ExpertDirectory() {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const params = createMemo(() => directoryParams(search), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  const loaded = createPageLoader(() => getExpertDirectory(params()));

  const changeFilters = (patch: FilterPatch, options?: { replace?: boolean }) =>
    // Any change of filters starts again at the first page.
    setSearch({ ...patch, after: undefined, before: undefined }, options);
  const clearFilters = () => navigate('/experts');

  return (
    <div class="directory">
      <DocumentTitle text={t('directory.title')} />
      <header class="page-header">
        <h1 id="page-title">{t('directory.title')}</h1>
        <p class="lead">{t('directory.intro')}</p>
      </header>

      <div class="directory-layout">
        <DirectoryFilters params={params()} onChange={changeFilters} onClear={clearFilters} />

        <PagedResults
          loaded={loaded()}
          skeleton={<ResultsSkeleton />}
          count={(total) => t('directory.count', total)}
          errorTitle={t('directory.errorTitle')}
          badFilterBody={t('directory.badFilterBody')}
          // Everything on the page, since the filters' choices may have failed with the results.
          onRetry={() => revalidate()}
          onClear={clearFilters}
          hrefFor={(cursor) => pageHref('/experts', params(), cursor)}
          empty={
            <StateMessage title={t('directory.emptyTitle')} body={hasFilters(params()) ? t('directory.emptyBody') : undefined}>
              <Show when={hasFilters(params())}>
                <button type="button" class="button" onClick={clearFilters}>{t('directory.clear')}</button>
              </Show>
            </StateMessage>
          }
        >
          {(page) => (
            <ul class="expert-grid">
              <For each={page.edges}>
                {(edge) => (
                  <li>
                    <ExpertCard expert={edge.node} />
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
      <ul class="expert-grid" aria-hidden="true">
        <Index each={Array.from({ length: Math.min(PAGE_SIZE, 6) })}>
          {() => (
            <li>
              <div class="expert-card skeleton-card">
                <div class="expert-card-head">
                  <span class="avatar skeleton" />
                  <div class="expert-card-identity">
                    <span class="skeleton skeleton-line skeleton-title" />
                    <span class="skeleton skeleton-line" />
                  </div>
                </div>
                <span class="skeleton skeleton-line" />
                <span class="skeleton skeleton-line skeleton-short" />
                <span class="skeleton skeleton-chips" />
              </div>
            </li>
          )}
        </Index>
      </ul>
    </div>
  );
}
