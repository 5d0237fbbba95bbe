import { createAsync, revalidate, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { createPageLoader, PagedResults, pageHref, ResultsSkeleton } from '../../components/paged-results.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { useListParams } from '../../lib/list-params.ts';
import { DirectoryFilters } from './directory-filters.tsx';
import { ExpertCard } from './expert-card.tsx';
import { directoryParams, getDirectoryCounts, getExpertDirectory, hasFilters, PAGE_SIZE } from './expert.api.ts';
import { te } from './expert-text.ts';

/** /experts: everyone in the network, filtered and paged through the URL. */
export default function ExpertDirectory() {
  const navigate = useNavigate();
  const { params, change: changeFilters } = useListParams(directoryParams);
  const loaded = createPageLoader(() => getExpertDirectory(params()));
  // The counts beside the choices: without them (loading, failed) the choices still work.
  const counts = createAsync(() => getDirectoryCounts(params()).catch(() => undefined));
  // The select follows the address (Back and Forward included), as a property: a selected attribute would not move it once used.
  const sortChoice = () => (params().sort === 'activity' || params().sort === 'reputation' ? params().sort! : 'name');
  // Clearing the filters keeps the order the person chose.
  const clearFilters = () => navigate(params().sort ? `/experts?sort=${encodeURIComponent(params().sort!)}` : '/experts');

  return (
    <div class="directory">
      <DocumentTitle text={t('directory.title')} />
      <header class="page-header">
        <h1 id="page-title">{t('directory.title')}</h1>
        <p class="lead">{t('directory.intro')}</p>
      </header>

      <div class="directory-layout">
        <DirectoryFilters params={params()} onChange={changeFilters} onClear={clearFilters} counts={counts()} />

        <div class="directory-results">
          <div class="field field-inline directory-sort">
            <label for="directory-sort">{te('sort')}</label>
            <select id="directory-sort" class="select" value={sortChoice()} onChange={(event) => changeFilters({ sort: event.currentTarget.value === 'name' ? undefined : event.currentTarget.value })}>
              <option value="name" selected={sortChoice() === 'name'}>
                {te('sortName')}
              </option>
              <option value="activity" selected={sortChoice() === 'activity'}>
                {te('sortActivity')}
              </option>
              <option value="reputation" selected={sortChoice() === 'reputation'}>
                {te('sortReputation')}
              </option>
            </select>
          </div>
          <PagedResults
            loaded={loaded()}
            skeleton={<ResultsSkeleton list="ul" class="expert-grid" count={Math.min(PAGE_SIZE, 6)} item={ExpertCardSkeleton} />}
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
                  <button type="button" class="button" onClick={clearFilters}>
                    {t('directory.clear')}
                  </button>
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
    </div>
  );
}

function ExpertCardSkeleton() {
  return (
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
  );
}
