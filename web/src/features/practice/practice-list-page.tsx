import { A, createAsync, revalidate, useIsRouting, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, For, Index, Match, Show, Suspense, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { Pager } from '../../components/pager.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { t } from '../../i18n/i18n.ts';
import { isErrorCode } from '../../lib/graphql-client.ts';
import { PracticeCard } from './practice-card.tsx';
import { PracticeFilters, type PracticeFilterPatch } from './practice-filters.tsx';
import {
  getPractices,
  hasPracticeFilters,
  PRACTICE_PAGE_SIZE,
  practiceListParams,
  type PracticeListParams,
  type PracticePage,
} from './practice.api.ts';

type Loaded = { page: PracticePage; error?: undefined } | { page?: undefined; error: unknown };

const listHref = (params: PracticeListParams, cursor: { after: string } | { before: string }) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, after: undefined, before: undefined, ...cursor })) {
    if (value) query.set(key, value);
  }
  return `/practices?${query}`;
};

/** /practices: published good practices, newest first, filtered and paged through the URL. */
export default function PracticeListPage() {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const routing = useIsRouting();
  const params = createMemo(() => practiceListParams(search), undefined, {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  // Errors become values, so the list keeps its place and the next filter change recovers.
  const loaded = createAsync(async (): Promise<Loaded> => {
    const request = getPractices(params());
    try {
      return { page: await request };
    } catch (error) {
      return { error };
    }
  });

  const changeFilters = (patch: PracticeFilterPatch, options?: { replace?: boolean }) =>
    setSearch({ ...patch, after: undefined, before: undefined }, options);
  const clearFilters = () => navigate('/practices');
  const retry = () => revalidate();

  let results: HTMLElement | undefined;
  let resultsHeading: HTMLHeadingElement | undefined;
  const showResultsTop = () => {
    if (results && results.getBoundingClientRect().top < 0) results.scrollIntoView({ block: 'start' });
    resultsHeading?.focus({ preventScroll: true });
  };

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
                      <StateMessage title={t('practices.errorTitle')} body={t('directory.errorBody')} tone="error">
                        <button type="button" class="button" onClick={retry}>{t('app.retry')}</button>
                      </StateMessage>
                    }
                  >
                    <StateMessage title={t('directory.badFilterTitle')} body={t('practices.badFilterBody')} tone="error">
                      <button type="button" class="button" onClick={clearFilters}>{t('directory.clear')}</button>
                    </StateMessage>
                  </Show>
                )}
              </Match>
              <Match when={loaded()?.page}>
                {(page) => (
                  <div class="results" classList={{ 'is-updating': routing() }}>
                    <div class="results-bar">
                      <p class="result-count" role="status">{t('practices.count', page().totalCount)}</p>
                      <p class="results-updating" aria-hidden="true">{t('directory.updating')}</p>
                    </div>
                    <Show
                      when={page().edges.length}
                      fallback={
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
                      <ul class="practice-grid">
                        <For each={page().edges}>
                          {(edge) => (
                            <li>
                              <PracticeCard practice={edge.node} />
                            </li>
                          )}
                        </For>
                      </ul>
                      <Pager pageInfo={page().pageInfo} hrefFor={(cursor) => listHref(params(), cursor)} onNavigate={showResultsTop} />
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
