import { createAsync, revalidate, useIsRouting, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, For, Index, Match, Show, Suspense, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { Pager } from '../../components/pager.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { isErrorCode } from '../../lib/graphql-client.ts';
import { DirectoryFilters, type FilterPatch } from './directory-filters.tsx';
import { ExpertCard } from './expert-card.tsx';
import {
  directoryParams,
  getExpertDirectory,
  hasFilters,
  PAGE_SIZE,
  type DirectoryParams,
  type ExpertPage,
} from './expert.api.ts';

type Loaded = { page: ExpertPage; error?: undefined } | { page?: undefined; error: unknown };

/** /experts: everyone in the network, filtered and paged through the URL. */
export default function ExpertDirectory() {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const routing = useIsRouting();
  const params = createMemo(() => directoryParams(search), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  // Errors become values, so the list keeps its place and the next filter change recovers.
  const loaded = createAsync(async (): Promise<Loaded> => {
    const request = getExpertDirectory(params());
    try {
      return { page: await request };
    } catch (error) {
      return { error };
    }
  });

  const changeFilters = (patch: FilterPatch, options?: { replace?: boolean }) =>
    // Any change of filters starts again at the first page.
    setSearch({ ...patch, after: undefined, before: undefined }, options);
  const clearFilters = () => navigate('/experts');
  // Everything on the page, since the filters' choices may have failed with the results.
  const retry = () => revalidate();

  let results: HTMLElement | undefined;
  let resultsHeading: HTMLHeadingElement | undefined;
  const showResultsTop = () => {
    if (results && results.getBoundingClientRect().top < 0) results.scrollIntoView({ block: 'start' });
    resultsHeading?.focus({ preventScroll: true });
  };

  return (
    <div class="directory">
      <DocumentTitle text={t('directory.title')} />
      <header class="page-header">
        <h1 id="page-title">{t('directory.title')}</h1>
        <p class="lead">{t('directory.intro')}</p>
      </header>

      <div class="directory-layout">
        <DirectoryFilters params={params()} onChange={changeFilters} onClear={clearFilters} />

        <section class="directory-results" aria-labelledby="results-heading" aria-busy={routing()} ref={results}>
          <h2 id="results-heading" class="visually-hidden" tabindex="-1" ref={resultsHeading}>
            {t('directory.results')}
          </h2>
          <Suspense fallback={<ResultsSkeleton />}>
            <Switch>
              <Match when={loaded()?.error}>
                {(error) => (
                  <Show
                    when={isErrorCode(error(), 'BAD_USER_INPUT')}
                    fallback={
                      <StateMessage title={t('directory.errorTitle')} body={t('directory.errorBody')} tone="error">
                        <button type="button" class="button" onClick={retry}>{t('app.retry')}</button>
                      </StateMessage>
                    }
                  >
                    <StateMessage title={t('directory.badFilterTitle')} body={t('directory.badFilterBody')} tone="error">
                      <button type="button" class="button" onClick={clearFilters}>{t('directory.clear')}</button>
                    </StateMessage>
                  </Show>
                )}
              </Match>
              <Match when={loaded()?.page}>
                {(page) => (
                  <div class="results" classList={{ 'is-updating': routing() }}>
                    <div class="results-bar">
                      <p class="result-count" role="status">{t('directory.count', page().totalCount)}</p>
                      <p class="results-updating" aria-hidden="true">{t('directory.updating')}</p>
                    </div>
                    <Show
                      when={page().edges.length}
                      fallback={
                        <StateMessage title={t('directory.emptyTitle')} body={hasFilters(params()) ? t('directory.emptyBody') : undefined}>
                          <Show when={hasFilters(params())}>
                            <button type="button" class="button" onClick={clearFilters}>{t('directory.clear')}</button>
                          </Show>
                        </StateMessage>
                      }
                    >
                      <ul class="expert-grid">
                        <For each={page().edges}>
                          {(edge) => (
                            <li>
                              <ExpertCard expert={edge.node} />
                            </li>
                          )}
                        </For>
                      </ul>
                      <Pager pageInfo={page().pageInfo} hrefFor={(cursor) => pageHref(params(), cursor)} onNavigate={showResultsTop} />
                    </Show>
                  </div>
                )}
              </Match>
            </Switch>
          </Suspense>
        </section>
      </div>
    </div>
  );
}

function pageHref(params: DirectoryParams, cursor: { after: string } | { before: string }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, after: undefined, before: undefined, ...cursor })) {
    if (value) query.set(key, value);
  }
  return `/experts?${query}`;
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
