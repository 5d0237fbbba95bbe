import { A, revalidate, useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Index, Show, untrack } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { createPageLoader, PagedResults, pageHref, type Loaded } from '../../components/paged-results.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { formatDateTime, localName, t } from '../../i18n/i18n.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { PlaceOptions, SearchField, SelectField, TopicOptions } from '../expert/directory-filters.tsx';
import {
  getThreads,
  hasThreadFilters,
  newThreadHref,
  THREAD_PAGE_SIZE,
  THREAD_TABS,
  threadHref,
  threadListParams,
  type ThreadFilterKey,
  type ThreadListParams,
  type ThreadPage,
  type ThreadSummary,
  type ThreadTab,
} from './discussion.api.ts';
import { CheckIcon, KindBadge } from './thread-badges.tsx';

type SetSearchParams = ReturnType<typeof useSearchParams>[1];
type FilterPatch = Partial<Record<ThreadFilterKey | 'show', string | undefined>>;

/** /threads: discussions and questions, most recently active first. Members only. */
export default function ThreadListPage() {
  // The address is read here, in the route's component, beside its preload (see preloadThread).
  const [search, setSearch] = useSearchParams();
  const params = createMemo(() => threadListParams(search), undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const loaded = createPageLoader(() => getThreads(params()));
  return <RequireViewer>{() => <ThreadList params={params()} loaded={loaded()} setSearch={setSearch} />}</RequireViewer>;
}

function ThreadList(props: { params: ThreadListParams; loaded: Loaded<ThreadPage> | undefined; setSearch: SetSearchParams }) {
  const navigate = useNavigate();
  const params = () => props.params;
  const setSearch: SetSearchParams = (patch, options) => props.setSearch(patch, options);
  const change = (patch: FilterPatch, options?: { replace?: boolean }) => setSearch({ ...patch, after: undefined, before: undefined }, options);
  const clear = () => navigate(params().show ? `/threads?show=${params().show}` : '/threads');
  const tab = () => params().show ?? 'all';
  const tabHref = (next: ThreadTab) => {
    const query = new URLSearchParams();
    if (next !== 'all') query.set('show', next);
    for (const key of ['topic', 'place', 'q'] as const) {
      const value = params()[key];
      if (value) query.set(key, value);
    }
    const text = query.toString();
    return text ? `/threads?${text}` : '/threads';
  };

  return (
    <div class="directory thread-list-page">
      <DocumentTitle text={t('discussion.listTitle')} />
      <header class="page-header page-header-with-action">
        <div>
          <h1 id="page-title">{t('discussion.listTitle')}</h1>
          <p class="lead">{t('discussion.listIntro')}</p>
        </div>
        <div class="button-row">
          <A class="button" href={newThreadHref('question')}>{t('nav.ask')}</A>
          <A class="button button-secondary" href={newThreadHref()}>{t('discussion.startTitle')}</A>
        </div>
      </header>

      <nav class="thread-tabs" aria-label={t('discussion.tabsLabel')}>
        <ul>
          <For each={THREAD_TABS}>
            {(option) => (
              <li>
                <A href={tabHref(option)} aria-current={tab() === option ? 'page' : undefined} classList={{ 'is-active': tab() === option }}>
                  {t(`discussion.tab.${option}`)}
                </A>
              </li>
            )}
          </For>
        </ul>
      </nav>

      <div class="directory-layout">
        <ThreadFilters params={params()} onChange={change} onClear={clear} />
        <PagedResults
          loaded={props.loaded}
          skeleton={<ResultsSkeleton />}
          count={(total) => t('discussion.count', total)}
          errorTitle={t('discussion.listErrorTitle')}
          badFilterBody={t('discussion.badFilterBody')}
          onRetry={() => revalidate()}
          onClear={clear}
          hrefFor={(cursor) => pageHref('/threads', params(), cursor)}
          empty={
            <Show
              when={hasThreadFilters(params()) || params().show}
              fallback={
                <StateMessage title={t('discussion.noneYetTitle')} body={t('discussion.noneYetBody')}>
                  <A class="button" href={newThreadHref('question')}>{t('nav.ask')}</A>
                </StateMessage>
              }
            >
              <StateMessage title={t('discussion.emptyTitle')} body={t('discussion.emptyBody')}>
                <A class="button" href="/threads">{t('discussion.seeAll')}</A>
              </StateMessage>
            </Show>
          }
        >
          {(page) => (
            <ul class="thread-rows">
              <For each={page.edges}>{(edge) => <li><ThreadRow thread={edge.node} /></li>}</For>
            </ul>
          )}
        </PagedResults>
      </div>
    </div>
  );
}

function ThreadFilters(props: { params: ThreadListParams; onChange: (patch: FilterPatch, options?: { replace?: boolean }) => void; onClear: () => void }) {
  const active = () => (['topic', 'place'] as const).filter((key) => props.params[key]).length;
  const [expanded, setExpanded] = createSignal(untrack(active) > 0);
  return (
    <form class="filters" role="search" aria-labelledby="filters-heading" onSubmit={(event) => event.preventDefault()}>
      <h2 id="filters-heading" class="filters-heading">{t('directory.filters')}</h2>
      <SearchField value={props.params.q} onChange={props.onChange} label={t('discussion.search')} hint={t('discussion.searchHint')} />
      <button type="button" class="filters-toggle" aria-expanded={expanded()} aria-controls="filters-more" onClick={() => setExpanded(!expanded())}>
        {t('directory.moreFilters', active())}
        <svg class="filters-toggle-icon" viewBox="0 0 12 8" width="12" height="8" aria-hidden="true">
          <path d="M1 1.5 6 6.5l5-5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      </button>
      <div id="filters-more" class="filters-more" classList={{ 'is-collapsed': !expanded() }}>
        <SelectField id="filter-topic" label={t('practices.topic')} allLabel={t('practices.allTopics')} selected={props.params.topic} onChange={(topic) => props.onChange({ topic })}>
          <TopicOptions selected={props.params.topic} />
        </SelectField>
        <SelectField id="filter-place" label={t('directory.place')} allLabel={t('directory.allPlaces')} selected={props.params.place} onChange={(place) => props.onChange({ place })}>
          <PlaceOptions selected={props.params.place} />
        </SelectField>
      </div>
      <Show when={hasThreadFilters(props.params)}>
        <button type="button" class="button button-secondary filters-clear" onClick={() => props.onClear()}>
          {t('directory.clear')}
        </button>
      </Show>
    </form>
  );
}

/** One thread in the list: what it is, who started it, where it stands. */
function ThreadRow(props: { thread: ThreadSummary }) {
  const answered = () => props.thread.kind === 'QUESTION' && Boolean(props.thread.acceptedAnswer);
  return (
    <article class="thread-row" classList={{ 'is-answered': answered() }}>
      <div class="thread-row-top">
        <KindBadge kind={props.thread.kind} />
        <Show when={answered()}>
          <span class="accepted-mark"><CheckIcon /> {t('discussion.answered')}</span>
        </Show>
        <Show when={props.thread.locked}>
          <span class="chip thread-locked-chip">{t('discussion.locked')}</span>
        </Show>
      </div>
      <h3 class="thread-row-title" lang="vi">
        <A href={threadHref(props.thread.id)}>{props.thread.title}</A>
      </h3>
      <Show when={props.thread.practice}>
        {(practice) => (
          <p class="thread-practice">
            {t('discussion.aboutPractice')} <span lang="vi">{practice().title}</span>
          </p>
        )}
      </Show>
      <p class="thread-row-meta">
        <span>{t('discussion.by', props.thread.author.name)}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('discussion.repliesShort', props.thread.replyCount)}</span>
        <span aria-hidden="true"> · </span>
        <span>
          {t('discussion.lastActivity')} <time datetime={props.thread.lastActivityAt}>{formatDateTime(props.thread.lastActivityAt)}</time>
        </span>
      </p>
      <Show when={props.thread.topics.length || props.thread.place}>
        <ul class="chip-list thread-row-tags" aria-label={t('discussion.topicsAndPlace')}>
          <For each={props.thread.topics}>{(topic) => <li class="chip">{localName(topic)}</li>}</For>
          <Show when={props.thread.place}>{(place) => <li class="chip chip-place">{place().name}</li>}</Show>
        </ul>
      </Show>
    </article>
  );
}

function ResultsSkeleton() {
  return (
    <div class="results is-loading">
      <div class="results-bar">
        <p class="result-count" role="status">{t('app.loading')}</p>
      </div>
      <ul class="thread-rows" aria-hidden="true">
        <Index each={Array.from({ length: Math.min(THREAD_PAGE_SIZE, 5) })}>
          {() => (
            <li>
              <div class="thread-row skeleton-card">
                <span class="skeleton skeleton-line skeleton-short" />
                <span class="skeleton skeleton-line skeleton-title" />
                <span class="skeleton skeleton-line" />
              </div>
            </li>
          )}
        </Index>
      </ul>
    </div>
  );
}
