import './following.css';
import { A, createAsync } from '@solidjs/router';
import { createMemo, For, Match, Show, Suspense, Switch } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { localName, t } from '../../i18n/i18n.ts';
import { topicHref } from '../topic/topic.api.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { threadHref } from '../discussion/discussion.api.ts';
import { FollowButton } from './follow-buttons.tsx';
import { getMyFollows, type FollowedThing } from './follow.api.ts';
import { FollowUpdateList } from './follow-updates.tsx';
import { profileHref } from '../expert/expert.api.ts';
import { PageLoading } from '../../components/page-loading.tsx';

/** /following: what changed in what the viewer follows, and what they follow (to stop). */
export default function FollowingPage() {
  return (
    <RequireViewer forVisitors={{ title: t('membersOnly.followingTitle'), body: t('membersOnly.followingBody') }}>
      {() => (
        <div class="following-page">
          <DocumentTitle text={t('follow.pageTitle')} />
          <header class="page-header">
            <h1 id="page-title">{t('follow.pageTitle')}</h1>
            <p class="lead">{t('follow.pageIntro')}</p>
          </header>
          <div class="following-layout">
            <section class="card" aria-labelledby="updates-title">
              <h2 id="updates-title" class="card-title">
                {t('follow.updatesTitle')}
              </h2>
              <SectionError>
                <Suspense fallback={<PageLoading />}>
                  <FollowUpdateList headingId="updates-title" />
                </Suspense>
              </SectionError>
            </section>
            <section class="card" aria-labelledby="follows-title">
              <h2 id="follows-title" class="card-title">
                {t('follow.followsTitle')}
              </h2>
              <SectionError>
                <Suspense fallback={<PageLoading />}>
                  <FollowedList />
                </Suspense>
              </SectionError>
            </section>
          </div>
        </div>
      )}
    </RequireViewer>
  );
}

function FollowedList() {
  const follows = createAsync(() => getMyFollows(null));
  const byKind = createMemo(() => {
    const nodes = follows()?.edges.map((edge) => edge.node) ?? [];
    return (['TOPIC', 'EXPERT', 'THREAD'] as const).map((kind) => ({ kind, nodes: nodes.filter((node) => node.kind === kind) }));
  });
  return (
    <Show when={follows()}>
      <Show when={follows()!.totalCount} fallback={<p class="muted">{t('follow.followsEmpty')}</p>}>
        <For each={byKind().filter((group) => group.nodes.length)}>
          {(group) => (
            <>
              <h3 class="following-kind">{t(`follow.kinds.${group.kind}`)}</h3>
              <ul class="following-list">
                <For each={group.nodes}>{(node) => <FollowedItem node={node} />}</For>
              </ul>
            </>
          )}
        </For>
      </Show>
    </Show>
  );
}

function FollowedItem(props: { node: FollowedThing }) {
  return (
    <li class="following-item">
      <Switch>
        <Match when={props.node.topic}>
          {(topic) => (
            <>
              <A href={topicHref(topic().slug)}>{localName(topic())}</A>
              <FollowButton kind="topic" id={topic().slug} name={topic().name} target={topic()} signedIn />
            </>
          )}
        </Match>
        <Match when={props.node.expert}>
          {(expert) => (
            <>
              <A href={profileHref(expert().handle)}>{expert().name}</A>
              <FollowButton kind="expert" id={expert().id} name={expert().name} target={expert()} signedIn />
            </>
          )}
        </Match>
        <Match when={props.node.thread}>
          {(thread) => (
            <>
              <A href={threadHref(thread().id)} lang="vi">
                {thread().title}
              </A>
              <FollowButton kind="thread" id={thread().id} target={thread()} signedIn />
            </>
          )}
        </Match>
      </Switch>
    </li>
  );
}
