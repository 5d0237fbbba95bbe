import { createAsync, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { localName, t } from '../../i18n/i18n.ts';
import { listAddress } from '../../lib/list-params.ts';
import { BrowseRoute, BrowseView, Counts, ExpertSection, PracticeSection, ThreadSection } from './browse-sections.tsx';
import { createViewer } from '../account/account.api.ts';
import { FollowButton } from '../follow/follow-buttons.tsx';
import { getTopicPage, getTopicThreads, localDescription, type TopicPageData } from './topic.api.ts';

/** /topics/:slug: a topic's latest practices, its threads (members) and its experts. */
export default function TopicPage() {
  const params = useParams<{ slug: string }>();
  const page = createAsync(() => getTopicPage(params.slug));
  return <BrowseRoute data={page()}>{(data) => <TopicView data={data()} />}</BrowseRoute>;
}

function TopicView(props: { data: TopicPageData }) {
  const topic = () => props.data.topic;
  const viewer = createViewer();
  return (
    <BrowseView
      name={localName(topic())}
      parent={{ href: '/topics', title: t('topicPage.title'), label: t('topicPage.breadcrumb') }}
      kicker={t('topicPage.kicker')}
      header={
        <>
          <Show when={localDescription(topic())}>
            <p class="lead">{localDescription(topic())}</p>
          </Show>
          <Counts class="browse-counts" practices={topic().practiceCount} experts={topic().expertCount} threads={topic().threadCount} />
          <Show when={viewer.latest !== undefined}>
            <FollowButton kind="topic" id={topic().slug} name={localName(topic())} target={topic()} signedIn={Boolean(viewer.latest)} />
          </Show>
        </>
      }
    >
      <PracticeSection id="topic-practices" title={t('topicPage.latestPractices')} list={props.data.practices} path="/practices" filter={{ topic: topic().slug }} empty={t('topicPage.noPractices')} />

      <ThreadSection id="topic-threads" filter={topic().slug} load={getTopicThreads} moreHref={listAddress('/threads', { topic: topic().slug })} empty={t('topicPage.noThreads')} />

      <ExpertSection id="topic-experts" title={t('topicPage.experts')} list={props.data.experts} path="/experts" filter={{ specialty: topic().slug }} empty={t('topicPage.noExperts')} />
    </BrowseView>
  );
}
