import './helpdesk.css';
import { createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { FilterPanel } from '../../components/filter-panel.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { formatDate, locale, localName } from '../../i18n/i18n.ts';
import { SearchField, SelectField as FilterSelect } from '../expert/directory-filters.tsx';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { getTopics } from '../topic/topic.api.ts';
import { type FaqEntry, type FaqPage, getFaq, getHelpdeskHome } from './helpdesk.api.ts';
import { FaqEditor } from './faq-editor.tsx';
import { ht } from './helpdesk-text.ts';

/** /helpdesk/faq: the desk's published answers by topic, searchable with or without diacritics; readable signed out, edited in place by the desk. */
export default function HelpdeskFaqPage() {
  const [params, setParams] = useSearchParams<{ q?: string; topic?: string }>();
  const topics = createAsync(() => getTopics());
  const home = createAsync(() => getHelpdeskHome());
  const first = createAsync(() => getFaq(params.q?.slice(0, 200) || null, params.topic || null, null));
  // Later pages are appended as they are asked for; a new search starts again.
  const [more, setMore] = createSignal<FaqPage['edges']>([]);
  const [cursor, setCursor] = createSignal<string | null | undefined>();
  createEffect(
    on(
      () => [params.q, params.topic],
      () => {
        setMore([]);
        setCursor(undefined);
      },
      { defer: true },
    ),
  );
  const entries = () => [...(first()?.edges ?? []), ...more()];
  const nextCursor = () => (cursor() === undefined ? (first()?.pageInfo.hasNextPage ? first()!.pageInfo.endCursor : null) : cursor());
  const loadMore = async () => {
    const page = await getFaq(params.q || null, params.topic || null, nextCursor() ?? null);
    setMore([...more(), ...page.edges]);
    setCursor(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
  };
  const [notice, setNotice] = createSignal<string>();
  return (
    <div class="helpdesk-page">
      <DocumentTitle text={ht('faqTitle')} />
      <WorkingGroupNav />
      <header class="page-header">
        <h1 id="page-title">{ht('faqTitle')}</h1>
        <p class="lead">{ht('faqIntro')}</p>
      </header>
      <div class="directory-layout">
        <FilterPanel
          role="search"
          search={<SearchField value={params.q} label={ht('faqSearch')} hint={ht('faqSearchHint')} onChange={(patch, options) => setParams({ q: patch.q }, options)} />}
          active={params.topic ? 1 : 0}
          filtered={Boolean(params.q || params.topic)}
          onClear={() => setParams({ q: undefined, topic: undefined })}
        >
          <FilterSelect id="faq-topic" label={ht('faqTopic')} allLabel={ht('faqAllTopics')} selected={params.topic} onChange={(topic) => setParams({ topic })}>
            <For each={topics() ?? []}>
              {(topic) => (
                <option value={topic.slug} selected={topic.slug === params.topic}>
                  {localName(topic)}
                </option>
              )}
            </For>
          </FilterSelect>
        </FilterPanel>
        <div class="directory-results">
          <Show when={notice()}>
            <p class="form-alert is-success helpdesk-notice" role="status">
              {notice()}
            </p>
          </Show>
          <SectionError>
            <Suspense fallback={<PageLoading />}>
              <Show when={first()}>
                <Show when={entries().length} fallback={<p class="empty-note">{ht('faqEmpty')}</p>}>
                  <ol class="helpdesk-faq">
                    <For each={entries()}>{(edge) => <FaqItem entry={edge.node} desk={home()?.helpdeskSettings.viewerIsDesk ?? false} onDone={setNotice} />}</For>
                  </ol>
                  <Show when={nextCursor()}>
                    <button type="button" class="button button-secondary" onClick={loadMore}>
                      {ht('faqMore')}
                    </button>
                  </Show>
                </Show>
              </Show>
            </Suspense>
          </SectionError>
        </div>
      </div>
    </div>
  );
}

/** One published answer; the desk edits it in place. */
function FaqItem(props: { entry: FaqEntry; desk: boolean; onDone: (message: string) => void }) {
  const [editing, setEditing] = createSignal(false);
  return (
    <li class="helpdesk-faq-entry">
      <article aria-labelledby={`faq-${props.entry.id}`}>
        <h2 id={`faq-${props.entry.id}`} lang="vi">
          {props.entry.title}
        </h2>
        <p class="muted">
          {ht('faqAsker')}: {locale() === 'en' ? props.entry.organizationLabelEn : props.entry.organizationLabel} ·{' '}
          <time datetime={props.entry.publishedAt}>{formatDate(props.entry.publishedAt)}</time>
          <For each={props.entry.topics}>{(topic) => <span class="chip">{localName(topic)}</span>}</For>
        </p>
        <Show
          when={editing()}
          fallback={
            <>
              {/* Rendered and sanitised by the server when the entry was written. */}
              <div class="prose" lang="vi" innerHTML={props.entry.questionHtml} />
              <h3>{ht('faqAnswer')}</h3>
              <div class="prose" lang="vi" innerHTML={props.entry.answerHtml} />
              <Show when={props.desk}>
                <button type="button" class="button button-small button-secondary" onClick={() => setEditing(true)}>
                  {ht('editEntry')}
                </button>
              </Show>
            </>
          }
        >
          <FaqEditor
            entry={props.entry}
            onCancel={() => setEditing(false)}
            onDone={(message) => {
              setEditing(false);
              props.onDone(message);
            }}
          />
        </Show>
      </article>
    </li>
  );
}
