import { createAsync, useIsRouting } from '@solidjs/router';
import { Index, Match, Show, Suspense, Switch, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { t } from '../i18n/i18n.ts';
import { isErrorCode } from '../lib/graphql-client.ts';
import { Pager, type PageInfo } from './pager.tsx';
import { StateMessage } from './state-message.tsx';

export type Loaded<P> = { page: P; error?: undefined } | { page?: undefined; error: unknown };

/** Loads a page, turning a failure into a value: the list keeps its place and the next filter change recovers. */
export function createPageLoader<P>(load: () => Promise<P>) {
  return createAsync(async (): Promise<Loaded<P>> => {
    const request = load();
    try {
      return { page: await request };
    } catch (error) {
      return { error };
    }
  });
}

/**
 * The results' placeholder while the first page loads: `count` items the size of real ones,
 * so nothing moves when it arrives.
 */
export function ResultsSkeleton(props: {
  /** The results' list element and class, as the real list has them. */
  list: 'ul' | 'ol';
  class: string;
  count: number;
  /** One placeholder item. */
  item: () => JSX.Element;
}) {
  return (
    <div class="results is-loading">
      <div class="results-bar">
        <p class="result-count" role="status">
          {t('app.loading')}
        </p>
      </div>
      <Dynamic component={props.list} class={props.class} aria-hidden="true">
        <Index each={Array.from({ length: props.count })}>{() => <li>{props.item()}</li>}</Index>
      </Dynamic>
    </div>
  );
}

/** A row's placeholder (a short line, a title, a line), in the row's own class for its size. */
export function RowSkeleton(props: { class: string }) {
  return (
    <div class={`${props.class} skeleton-card`}>
      <span class="skeleton skeleton-line skeleton-short" />
      <span class="skeleton skeleton-line skeleton-title" />
      <span class="skeleton skeleton-line" />
    </div>
  );
}

type Cursor = { after: string } | { before: string };

/** The address of another page of a filtered list: its filters, and the cursor instead of the old one. */
export function pageHref(path: string, params: object, cursor: Cursor): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, after: undefined, before: undefined, ...cursor })) {
    if (value) query.set(key, String(value));
  }
  return `${path}?${query}`;
}

/**
 * The results half of a filtered list page (the directory, the practices): a count, the items,
 * the pager, and the loading, error, bad-filter and empty states.
 */
export function PagedResults<P extends { totalCount: number; edges: unknown[]; pageInfo: PageInfo }>(props: {
  loaded: Loaded<P> | undefined;
  /** Placeholders the size of real items, so nothing moves when the first page arrives. */
  skeleton: JSX.Element;
  count: (total: number) => string;
  errorTitle: string;
  badFilterBody: string;
  /** Shown when no item matches. */
  empty: JSX.Element;
  onRetry: () => void;
  onClear: () => void;
  hrefFor: (cursor: Cursor) => string;
  children: (page: P) => JSX.Element;
}) {
  const routing = useIsRouting();
  let results: HTMLElement | undefined;
  let heading: HTMLHeadingElement | undefined;
  // After paging: back to the top of the results, with focus on them for keyboard and screen readers.
  const showResultsTop = () => {
    if (results && results.getBoundingClientRect().top < 0) results.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };

  return (
    <section class="directory-results" aria-labelledby="results-heading" aria-busy={routing()} ref={results}>
      <h2 id="results-heading" class="visually-hidden" tabindex="-1" ref={heading}>
        {t('directory.results')}
      </h2>
      <Suspense fallback={props.skeleton}>
        <Switch>
          <Match when={props.loaded?.error}>
            {(error) => (
              <Show
                when={isErrorCode(error(), 'BAD_USER_INPUT')}
                fallback={
                  <StateMessage title={props.errorTitle} body={t('directory.errorBody')} tone="error">
                    <button type="button" class="button" onClick={() => props.onRetry()}>
                      {t('app.retry')}
                    </button>
                  </StateMessage>
                }
              >
                <StateMessage title={t('directory.badFilterTitle')} body={props.badFilterBody} tone="error">
                  <button type="button" class="button" onClick={() => props.onClear()}>
                    {t('directory.clear')}
                  </button>
                </StateMessage>
              </Show>
            )}
          </Match>
          <Match when={props.loaded?.page}>
            {(page) => (
              <div class="results" classList={{ 'is-updating': routing() }}>
                <div class="results-bar">
                  <p class="result-count" role="status">
                    {props.count(page().totalCount)}
                  </p>
                  <p class="results-updating" aria-hidden="true">
                    {t('directory.updating')}
                  </p>
                </div>
                <Show when={page().edges.length} fallback={props.empty}>
                  {props.children(page())}
                  <Pager pageInfo={page().pageInfo} hrefFor={(cursor) => props.hrefFor(cursor)} onNavigate={showResultsTop} />
                </Show>
              </div>
            )}
          </Match>
        </Switch>
      </Suspense>
    </section>
  );
}
