import { A, createAsync, useParams } from '@solidjs/router';
import { Match, Show, Suspense, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import NotFoundPage from '../../components/not-found-page.tsx';
import { localName, t } from '../../i18n/i18n.ts';
import { BrowseSection, Counts, ExpertGrid, listHref, PracticeGrid, ThreadSection } from './browse-sections.tsx';
import { getViewer } from '../account/account.api.ts';
import { FollowButton } from '../follow/follow-buttons.tsx';
import { getTopicPage, getTopicThreads, localDescription, type TopicPageData } from './topic.api.ts';

/** /topics/:slug: a topic's latest practices, its threads (members) and its experts. */
export default function TopicPage() {
  const params = useParams<{ slug: string }>();
  const page = createAsync(() => getTopicPage(params.slug));
  return (
    <SectionError>
      <Suspense fallback={<p class="page-loading" role="status">{t('app.loading')}</p>}>
        <Switch>
          <Match when={page() === null}>
            <NotFoundPage />
          </Match>
          <Match when={page()}>{(data) => <TopicView data={data()} />}</Match>
        </Switch>
      </Suspense>
    </SectionError>
  );
}

function TopicView(props: { data: TopicPageData }) {
  const topic = () => props.data.topic;
  const practices = () => props.data.practices;
  const experts = () => props.data.experts;
  const viewer = createAsync(() => getViewer().catch(() => null));
  return (
    <div class="browse-page">
      <DocumentTitle text={localName(topic())} />
      <nav class="breadcrumb" aria-label={t('topicPage.breadcrumb')}>
        <ol>
          <li><A href="/topics">{t('topicPage.title')}</A></li>
          <li aria-current="page">{localName(topic())}</li>
        </ol>
      </nav>
      <header class="page-header browse-header">
        <p class="browse-kicker">{t('topicPage.kicker')}</p>
        <h1 id="page-title">{localName(topic())}</h1>
        <Show when={localDescription(topic())}>
          <p class="lead">{localDescription(topic())}</p>
        </Show>
        <Counts class="browse-counts" practices={topic().practiceCount} experts={topic().expertCount} threads={topic().threadCount} />
        <Show when={viewer.latest !== undefined}>
          <FollowButton kind="topic" id={topic().slug} name={localName(topic())} target={topic()} signedIn={Boolean(viewer.latest)} />
        </Show>
      </header>

      <BrowseSection
        id="topic-practices"
        title={t('topicPage.latestPractices')}
        more={practices().totalCount ? { href: listHref('/practices', { topic: topic().slug }), label: t('topicPage.seeAllPractices', practices().totalCount) } : undefined}
      >
        <PracticeGrid practices={practices().edges.map((edge) => edge.node)} empty={t('topicPage.noPractices')} />
      </BrowseSection>

      <ThreadSection
        id="topic-threads"
        filter={topic().slug}
        load={getTopicThreads}
        moreHref={listHref('/threads', { topic: topic().slug })}
        empty={t('topicPage.noThreads')}
      />

      <BrowseSection
        id="topic-experts"
        title={t('topicPage.experts')}
        more={experts().totalCount ? { href: listHref('/experts', { specialty: topic().slug }), label: t('topicPage.seeAllExperts', experts().totalCount) } : undefined}
      >
        <ExpertGrid experts={experts().edges.map((edge) => edge.node)} empty={t('topicPage.noExperts')} />
      </BrowseSection>
    </div>
  );
}
