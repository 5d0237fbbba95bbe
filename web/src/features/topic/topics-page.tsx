import { A, createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { localName, t } from '../../i18n/i18n.ts';
import { Counts } from './browse-sections.tsx';
import { getTopicsWithCounts, localDescription, topicHref, type TopicWithCounts } from './topic.api.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/** /topics: every field of digital government, with what the network holds on it. */
export default function TopicsPage() {
  const topics = createAsync(() => getTopicsWithCounts());
  return (
    <div class="browse-page">
      <DocumentTitle text={t('topicPage.title')} />
      <header class="page-header">
        <h1 id="page-title">{t('topicPage.title')}</h1>
        <p class="lead">{t('topicPage.intro')}</p>
      </header>
      <SectionError>
        <Suspense fallback={<PageLoading />}>
          <ul class="topic-grid">
            <For each={topics()}>{(topic) => <TopicCard topic={topic} />}</For>
          </ul>
        </Suspense>
      </SectionError>
    </div>
  );
}

/** One topic: its name (the link), its description, and its counts. */
export function TopicCard(props: {
  topic: Pick<TopicWithCounts, 'slug' | 'name' | 'nameEn' | 'description' | 'descriptionEn' | 'practiceCount' | 'expertCount' | 'threadCount'>;
  headingLevel?: 2 | 3;
}) {
  const name = () => <A href={topicHref(props.topic.slug)}>{localName(props.topic)}</A>;
  return (
    <li class="topic-card">
      <Show when={props.headingLevel === 3} fallback={<h2 class="topic-card-title">{name()}</h2>}>
        <h3 class="topic-card-title">{name()}</h3>
      </Show>
      <Show when={localDescription(props.topic)}>
        <p class="topic-card-description">{localDescription(props.topic)}</p>
      </Show>
      <Counts class="topic-card-counts" practices={props.topic.practiceCount} experts={props.topic.expertCount} threads={props.topic.threadCount} />
    </li>
  );
}
