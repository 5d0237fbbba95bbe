import './search.css';
import { A, createAsync, revalidate, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FilterPanel } from '../../components/filter-panel.tsx';
import { createPageLoader, PagedResults, pageHref, ResultsSkeleton, RowSkeleton } from '../../components/paged-results.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { Tab, Tabs } from '../../components/tabs.tsx';
import { formatDate, t } from '../../i18n/i18n.ts';
import { useListParams } from '../../lib/list-params.ts';
import { createViewer, signInHref } from '../account/account.api.ts';
import { noOptions, OrganizationOptions, PlaceOptions, SelectField, TopicOptions } from '../expert/directory-filters.tsx';
import { getNationalOrganizations } from '../organization/organization.api.ts';
import { StageYearFields } from '../practice/practice-filters.tsx';
import { practiceHref } from '../practice/practice-links.ts';
import {
  getSearch,
  hasSearchFilters,
  SEARCH_KINDS,
  SEARCH_MAX_LENGTH,
  searchHref,
  searchParamsOf,
  type SearchHit,
  type SearchKind,
  type SearchResults,
  type SearchParamsOf,
  type Segments,
} from './search.api.ts';
import { profileHref } from '../expert/expert.api.ts';

/** Text with the query's matches in <mark>: segments are plain text, so nothing in them is markup. */
export function Highlighted(props: { segments: Segments }) {
  return <For each={props.segments}>{(segment) => (segment.match ? <mark>{segment.text}</mark> : segment.text)}</For>;
}

/** /search: one ranked list over practices, discussions and experts, with tabs and filters in the URL. */
export default function SearchPage() {
  const navigate = useNavigate();
  const { params, change } = useListParams(searchParamsOf);
  const viewer = createViewer();
  const loaded = createPageLoader(async () => (params().q && /[\p{L}\p{N}]/u.test(params().q!) ? getSearch(params()) : null));

  return (
    <div class="directory search-page">
      <DocumentTitle text={params().q ? t('search.titleFor', params().q!) : t('search.title')} />
      <header class="page-header">
        <h1 id="page-title">{t('search.title')}</h1>
        <SearchForm value={params().q} onSubmit={(q) => change({ q })} />
      </header>

      <Show
        when={params().q && /[\p{L}\p{N}]/u.test(params().q!)}
        fallback={
          <Show when={params().q} fallback={<StateMessage title={t('search.promptTitle')} body={t('search.promptBody')} />}>
            <StateMessage title={t('search.noWordsTitle')} body={t('search.promptBody')} tone="error" />
          </Show>
        }
      >
        <SearchTabs params={params()} page={loaded()?.page ?? undefined} signedIn={Boolean(viewer())} />
        <div class="directory-layout">
          <SearchFilters params={params()} onChange={change} onClear={() => navigate(searchHref({ q: params().q, kind: params().kind }))} />
          <PagedResults
            loaded={loaded() as { page: SearchResults } | { error: unknown } | undefined}
            skeleton={<ResultsSkeleton list="ol" class="search-results" count={4} item={() => <RowSkeleton class="search-result" />} />}
            count={(total) => t('search.count', total)}
            errorTitle={t('search.errorTitle')}
            badFilterBody={t('search.badInputBody')}
            onRetry={() => revalidate()}
            onClear={() => navigate('/search')}
            hrefFor={(cursor) => pageHref('/search', params(), cursor)}
            empty={
              <StateMessage title={t('search.emptyTitle')} body={hasSearchFilters(params()) || params().kind ? t('search.emptyFilteredBody') : t('search.emptyBody')}>
                <Show when={hasSearchFilters(params()) || params().kind}>
                  <A class="button" href={searchHref({ q: params().q })}>
                    {t('search.searchEverything')}
                  </A>
                </Show>
              </StateMessage>
            }
          >
            {(page) => (
              <ol class="search-results">
                <For each={page.edges}>
                  {(edge) => (
                    <li>
                      <SearchResult hit={edge.node} />
                    </li>
                  )}
                </For>
              </ol>
            )}
          </PagedResults>
        </div>
      </Show>
    </div>
  );
}

/** The page's own search box: submits on Enter or with the button. */
function SearchForm(props: { value: string | undefined; onSubmit: (q: string | undefined) => void }) {
  const [text, setText] = createSignal(props.value ?? '');
  createEffect(
    on(
      () => props.value,
      (value) => setText(value ?? ''),
      { defer: true },
    ),
  );
  return (
    <form
      class="search-form"
      role="search"
      aria-label={t('search.title')}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit(text().trim() || undefined);
      }}
    >
      <label for="search-q" class="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="search-q"
        type="search"
        name="q"
        autocomplete="off"
        spellcheck={false}
        maxLength={SEARCH_MAX_LENGTH}
        aria-describedby="search-q-hint"
        value={text()}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <button type="submit" class="button">
        {t('search.submit')}
      </button>
      <p id="search-q-hint" class="field-hint">
        {t('search.hint')}
      </p>
    </form>
  );
}

/** All / practices / discussions / experts, each with its count; links, so each tab has an address. */
function SearchTabs(props: { params: SearchParamsOf; page: SearchResults | null | undefined; signedIn: boolean }) {
  const location = useLocation();
  const counts = () => props.page?.counts;
  const countOf = (kind: SearchKind | undefined) => {
    const c = counts();
    if (!c) return undefined;
    if (kind === 'practice') return c.practices;
    if (kind === 'thread') return c.threads;
    if (kind === 'expert') return c.experts;
    return c.practices + c.threads + c.experts;
  };
  const tabs = () => [undefined, ...SEARCH_KINDS.filter((k) => k !== 'thread' || props.signedIn)] as (SearchKind | undefined)[];
  return (
    <>
      <Tabs label={t('search.kinds')}>
        <For each={tabs()}>
          {(kind) => (
            <Tab href={searchHref({ ...props.params, kind, after: undefined, before: undefined })} current={props.params.kind === kind}>
              {kind ? t(`search.kind.${kind}`) : t('search.all')}
              <Show when={countOf(kind) !== undefined}>
                <span class="tab-count">{countOf(kind)}</span>
              </Show>
            </Tab>
          )}
        </For>
      </Tabs>
      <Show when={!props.signedIn}>
        <p class="search-tabs-note">
          {/* Signing in comes back to these results, discussions included. */}
          {t('search.signInForThreads')} <A href={signInHref(location.pathname + location.search)}>{t('search.signIn')}</A>
        </p>
      </Show>
    </>
  );
}

function SearchFilters(props: { params: SearchParamsOf; onChange: (patch: Partial<Record<keyof SearchParamsOf, string | undefined>>) => void; onClear: () => void }) {
  const national = createAsync(() => getNationalOrganizations().catch(noOptions));
  const practicesOnly = () => !props.params.kind || props.params.kind === 'practice';
  const activeChoices = () => (['topic', 'place', 'org', 'stage', 'year'] as const).filter((key) => props.params[key]).length;
  return (
    // Not a search landmark: the page's search box is one already.
    <FilterPanel idPrefix="search-filters" active={activeChoices()} filtered={hasSearchFilters(props.params)} onClear={props.onClear}>
      <SelectField id="search-topic" label={t('practices.topic')} allLabel={t('practices.allTopics')} selected={props.params.topic} onChange={(topic) => props.onChange({ topic })}>
        <TopicOptions selected={props.params.topic} />
      </SelectField>
      <SelectField id="search-place" label={t('directory.place')} allLabel={t('directory.allPlaces')} selected={props.params.place} onChange={(place) => props.onChange({ place, org: undefined })}>
        <PlaceOptions selected={props.params.place} />
      </SelectField>
      <Show when={props.params.kind !== 'thread'}>
        <SelectField id="search-org" label={t('directory.organization')} allLabel={t('directory.allOrganizations')} selected={props.params.org} onChange={(org) => props.onChange({ org })}>
          <OrganizationOptions selected={props.params.org} place={props.params.place} national={national() ?? []} />
        </SelectField>
      </Show>
      <Show when={practicesOnly()}>
        <StageYearFields idPrefix="search" params={props.params} onChange={props.onChange} />
        <p class="field-hint">{t('search.practiceFiltersHint')}</p>
      </Show>
    </FilterPanel>
  );
}

/** One result: what kind it is, its highlighted title as a link, a highlighted snippet, a few facts. */
function SearchResult(props: { hit: SearchHit }) {
  const node = () => props.hit.node;
  return (
    <article class="search-result" data-kind={props.hit.kind.toLowerCase()}>
      <Switch>
        <Match when={node().__typename === 'Practice' && (node() as Extract<SearchHit['node'], { __typename: 'Practice' }>)}>
          {(practice) => (
            <>
              <p class="search-result-kind">{t('search.kind.practice')}</p>
              <h3 class="search-result-title">
                <A href={practiceHref(practice().id)}>
                  <Highlighted segments={props.hit.title} />
                </A>
              </h3>
              <Show when={props.hit.snippet.length}>
                <p class="search-result-snippet">
                  <Highlighted segments={props.hit.snippet} />
                </p>
              </Show>
              <p class="search-result-meta">{[practice().organization?.shortName || practice().organization?.name, practice().place?.name, practice().year].filter(Boolean).join(' · ')}</p>
            </>
          )}
        </Match>
        <Match when={node().__typename === 'Thread' && (node() as Extract<SearchHit['node'], { __typename: 'Thread' }>)}>
          {(thread) => (
            <>
              <p class="search-result-kind">{thread().threadKind === 'QUESTION' ? t('search.question') : t('search.discussion')}</p>
              <h3 class="search-result-title">
                <A href={`/threads/${encodeURIComponent(thread().id)}`}>
                  <Highlighted segments={props.hit.title} />
                </A>
              </h3>
              <Show when={props.hit.snippet.length}>
                <p class="search-result-snippet">
                  <Highlighted segments={props.hit.snippet} />
                </p>
              </Show>
              <p class="search-result-meta">{[thread().author.name, t('search.replies', thread().replyCount), formatDate(thread().lastActivityAt as string)].join(' · ')}</p>
            </>
          )}
        </Match>
        <Match when={node().__typename === 'Expert' && (node() as Extract<SearchHit['node'], { __typename: 'Expert' }>)}>
          {(expert) => (
            <>
              <p class="search-result-kind">{t('search.kind.expert')}</p>
              <h3 class="search-result-title">
                <A href={profileHref(expert().handle)}>
                  <Highlighted segments={props.hit.title} />
                </A>
                <Show when={expert().verified}>
                  <span class="search-result-badge">{t('search.verified')}</span>
                </Show>
              </h3>
              <Show when={props.hit.snippet.length}>
                <p class="search-result-snippet">
                  <Highlighted segments={props.hit.snippet} />
                </p>
              </Show>
              <p class="search-result-meta">{[`@${expert().handle}`, expert().place?.name].filter(Boolean).join(' · ')}</p>
            </>
          )}
        </Match>
      </Switch>
    </article>
  );
}
