import './helpdesk.css';
import { createAsync, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { formatDate, locale, localName } from '../../i18n/i18n.ts';
import { WorkingGroupNav } from '../group/working-group-nav.tsx';
import { getTopics } from '../topic/topic.api.ts';
import { type FaqPage, getFaq } from './helpdesk.api.ts';
import { ht } from './helpdesk-text.ts';

/** /helpdesk/faq: the desk's published answers by topic, searchable with or without diacritics; readable signed out. */
export default function HelpdeskFaqPage() {
  const [params, setParams] = useSearchParams<{ q?: string; topic?: string }>();
  const topics = createAsync(() => getTopics());
  const first = createAsync(() => getFaq(params.q?.slice(0, 200) || null, params.topic || null, null));
  // Later pages are appended as they are asked for; a new search starts again.
  const [more, setMore] = createSignal<FaqPage['edges']>([]);
  const [cursor, setCursor] = createSignal<string | null | undefined>();
  const entries = () => [...(first()?.edges ?? []), ...more()];
  const nextCursor = () => (cursor() === undefined ? (first()?.pageInfo.hasNextPage ? first()!.pageInfo.endCursor : null) : cursor());
  const loadMore = async () => {
    const page = await getFaq(params.q || null, params.topic || null, nextCursor() ?? null);
    setMore([...more(), ...page.edges]);
    setCursor(page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
  };
  const search = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setMore([]);
    setCursor(undefined);
    setParams({ q: String(data.get('q') ?? '').trim() || undefined, topic: String(data.get('topic') ?? '') || undefined });
  };
  return (
    <div class="helpdesk-page">
      <DocumentTitle text={ht('faqTitle')} />
      <WorkingGroupNav />
      <header class="page-header">
        <h1 id="page-title">{ht('faqTitle')}</h1>
        <p class="lead">{ht('faqIntro')}</p>
      </header>
      <form class="helpdesk-filters" role="search" onSubmit={search}>
        <label>
          {ht('faqSearch')} <input type="search" name="q" value={params.q ?? ''} maxLength={200} />
        </label>
        <label>
          {ht('faqTopic')}{' '}
          <select name="topic">
            <option value="">{ht('faqAllTopics')}</option>
            <For each={topics() ?? []}>
              {(topic) => (
                <option value={topic.slug} selected={topic.slug === params.topic}>
                  {localName(topic)}
                </option>
              )}
            </For>
          </select>
        </label>
        <button type="submit" class="button button-small">
          {ht('faqSearch')}
        </button>
      </form>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <Show when={first()}>
            <Show when={entries().length} fallback={<p class="empty-note">{ht('faqEmpty')}</p>}>
              <ol class="helpdesk-faq">
                <For each={entries()}>
                  {(edge) => (
                    <li class="helpdesk-faq-entry">
                      <article aria-labelledby={`faq-${edge.node.id}`}>
                        <h2 id={`faq-${edge.node.id}`} lang="vi">
                          {edge.node.title}
                        </h2>
                        <p class="muted">
                          {ht('faqAsker')}: {locale() === 'en' ? edge.node.organizationLabelEn : edge.node.organizationLabel} ·{' '}
                          <time datetime={edge.node.publishedAt}>{formatDate(edge.node.publishedAt)}</time>
                          <For each={edge.node.topics}>{(topic) => <span class="chip">{localName(topic)}</span>}</For>
                        </p>
                        {/* Rendered and sanitised by the server when the entry was written. */}
                        <div class="prose" lang="vi" innerHTML={edge.node.questionHtml} />
                        <h3>{ht('faqAnswer')}</h3>
                        <div class="prose" lang="vi" innerHTML={edge.node.answerHtml} />
                      </article>
                    </li>
                  )}
                </For>
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
  );
}
