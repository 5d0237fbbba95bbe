import './discussion.css';
import { A, revalidate, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FilterPanel } from '../../components/filter-panel.tsx';
import { createPageLoader, PagedResults, pageHref, ResultsSkeleton, RowSkeleton, type Loaded } from '../../components/paged-results.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { Tab, Tabs } from '../../components/tabs.tsx';
import { formatDateTime, localName, t } from '../../i18n/i18n.ts';
import { listAddress, useListParams, type ParamPatch } from '../../lib/list-params.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { PlaceOptions, SearchField, SelectField, TopicOptions } from '../expert/directory-filters.tsx';
import { FIRST_UNREAD, newThreadHref, threadHref } from './discussion-links.ts';
import { getThreads, THREAD_PAGE_SIZE, type ThreadPage, type ThreadSummary } from './thread-list.api.ts';
import { hasThreadFilters, THREAD_TABS, threadListParams, type ThreadFilterKey, type ThreadListParams, type ThreadTab } from './thread-params.ts';
import { CheckIcon, GroupBadge, KindBadge } from './thread-badges.tsx';

type FilterPatch = Partial<Record<ThreadFilterKey | 'show', string | undefined>>;
type Change = (patch: ParamPatch, options?: { replace?: boolean }) => void;

/** /threads: discussions and questions, most recently active first. Members only. */
export default function ThreadListPage() {
  // The address is read here, in the route's component, beside its preload (see preloadThread).
  const { params, change } = useListParams(threadListParams);
  const loaded = createPageLoader(() => getThreads(params()));
  return (
    <RequireViewer forVisitors={{ title: t('membersOnly.threadsTitle'), body: t('membersOnly.threadsBody') }}>{() => <ThreadList params={params()} loaded={loaded()} change={change} />}</RequireViewer>
  );
}

function ThreadList(props: { params: ThreadListParams; loaded: Loaded<ThreadPage> | undefined; change: Change }) {
  const navigate = useNavigate();
  const params = () => props.params;
  const change: Change = (patch, options) => props.change(patch, options);
  const clear = () => navigate(params().show ? `/threads?show=${params().show}` : '/threads');
  const tab = () => params().show ?? 'all';
  const tabHref = (next: ThreadTab) => listAddress('/threads', { show: next === 'all' ? undefined : next, topic: params().topic, place: params().place, q: params().q });

  return (
    <div class="directory thread-list-page">
      <DocumentTitle text={t('discussion.listTitle')} />
      <header class="page-header page-header-with-action">
        <div>
          <h1 id="page-title">{t('discussion.listTitle')}</h1>
          <p class="lead">{t('discussion.listIntro')}</p>
        </div>
        <div class="button-row">
          <A class="button" href={newThreadHref('question')}>
            {t('nav.ask')}
          </A>
          <A class="button button-secondary" href={newThreadHref()}>
            {t('discussion.startTitle')}
          </A>
        </div>
      </header>

      <Tabs label={t('discussion.tabsLabel')}>
        <For each={THREAD_TABS}>
          {(option) => (
            <Tab href={tabHref(option)} current={tab() === option}>
              {t(`discussion.tab.${option}`)}
            </Tab>
          )}
        </For>
      </Tabs>

      <div class="directory-layout">
        <ThreadFilters params={params()} onChange={change} onClear={clear} />
        <PagedResults
          loaded={props.loaded}
          skeleton={<ResultsSkeleton list="ul" class="thread-rows" count={Math.min(THREAD_PAGE_SIZE, 5)} item={() => <RowSkeleton class="thread-row" />} />}
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
                  <A class="button" href={newThreadHref('question')}>
                    {t('nav.ask')}
                  </A>
                </StateMessage>
              }
            >
              <StateMessage title={t('discussion.emptyTitle')} body={t('discussion.emptyBody')}>
                <A class="button" href="/threads">
                  {t('discussion.seeAll')}
                </A>
              </StateMessage>
            </Show>
          }
        >
          {(page) => (
            <ul class="thread-rows">
              <For each={page.edges}>
                {(edge) => (
                  <li>
                    <ThreadRow thread={edge.node} />
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

function ThreadFilters(props: { params: ThreadListParams; onChange: (patch: FilterPatch, options?: { replace?: boolean }) => void; onClear: () => void }) {
  const active = () => (['topic', 'place'] as const).filter((key) => props.params[key]).length;
  return (
    <FilterPanel
      role="search"
      search={<SearchField value={props.params.q} onChange={props.onChange} label={t('discussion.search')} hint={t('discussion.searchHint')} />}
      active={active()}
      filtered={hasThreadFilters(props.params)}
      onClear={props.onClear}
    >
      <SelectField id="filter-topic" label={t('practices.topic')} allLabel={t('practices.allTopics')} selected={props.params.topic} onChange={(topic) => props.onChange({ topic })}>
        <TopicOptions selected={props.params.topic} />
      </SelectField>
      <SelectField id="filter-place" label={t('directory.place')} allLabel={t('directory.allPlaces')} selected={props.params.place} onChange={(place) => props.onChange({ place })}>
        <PlaceOptions selected={props.params.place} />
      </SelectField>
    </FilterPanel>
  );
}

/** One thread in the list: what it is, who started it, where it stands. */
function ThreadRow(props: { thread: ThreadSummary }) {
  const answered = () => props.thread.kind === 'QUESTION' && Boolean(props.thread.acceptedAnswer);
  return (
    <article class="thread-row" classList={{ 'is-answered': answered(), 'is-unread': props.thread.viewerReading === null }}>
      <div class="thread-row-top">
        <KindBadge kind={props.thread.kind} />
        <GroupBadge thread={props.thread} />
        <Show when={answered()}>
          <span class="accepted-mark">
            <CheckIcon /> {t('discussion.answered')}
          </span>
        </Show>
        <Show when={props.thread.locked}>
          <span class="chip thread-locked-chip">{t('discussion.locked')}</span>
        </Show>
        <Show when={props.thread.viewerReading?.unreadReplyCount}>
          {(unread) => (
            <A class="chip chip-link thread-unread" href={`${threadHref(props.thread.id)}#${FIRST_UNREAD}`} aria-label={t('discussion.unreadRepliesLabel', unread())}>
              {t('discussion.unreadReplies', unread())}
            </A>
          )}
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
