import './groups.css';
import { A, createAsync, useParams } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { DocumentTitle } from '../../components/document-title.tsx';
import { PageLoading } from '../../components/page-loading.tsx';
import { SectionError } from '../../components/section-error.tsx';
import { StateMessage } from '../../components/state-message.tsx';
import { formatDateTime, localName, t } from '../../i18n/i18n.ts';
import { createMorePages, MoreButton } from '../../lib/more-pages.tsx';
import { canModerate, getViewer, type Viewer } from '../account/account.api.ts';
import { threadHref } from '../discussion/discussion-links.ts';
import { profileHref } from '../expert/expert-links.ts';
import { GroupBoard } from '../task/group-board.tsx';
import { getGroup, getGroupThreads, localPurpose, newGroupThreadHref, type GroupDetail } from './group.api.ts';
import { GroupMembers } from './group-members.tsx';
import { gt } from './group-text.ts';
import { WorkingGroupNav } from './working-group-nav.tsx';

/** /groups/:slug: one group's purpose, people, discussions and work. */
export default function GroupPage() {
  const params = useParams();
  const group = createAsync(() => getGroup(params.slug ?? ''));
  const viewer = createAsync(() => getViewer());
  return (
    <div class="group-page">
      <WorkingGroupNav />
      <SectionError resetWhen={() => params.slug}>
        <Suspense fallback={<PageLoading />}>
          <Show
            when={group()}
            fallback={
              <Show when={group() === null}>
                <DocumentTitle text={gt('notFound')} />
                <StateMessage title={gt('notFound')} headingLevel={1}>
                  <A class="button" href="/groups">
                    {gt('groupsTitle')}
                  </A>
                </StateMessage>
              </Show>
            }
          >
            {(found) => <GroupView group={found()} viewer={viewer() ?? null} />}
          </Show>
        </Suspense>
      </SectionError>
    </div>
  );
}

function GroupView(props: { group: GroupDetail; viewer: Viewer | null }) {
  const name = () => localName(props.group);
  // Who reads the group's discussions (the API decides too): any member for a public group; for a members-only one its members and moderators.
  const readsDiscussions = () => Boolean(props.viewer) && (props.group.discussionAccess === 'PUBLIC' || Boolean(props.group.viewerRole) || canModerate(props.viewer?.role));
  return (
    <>
      <DocumentTitle text={name()} />
      <nav class="breadcrumb" aria-label={gt('breadcrumb')}>
        <ol>
          <li>
            <A href="/groups">{gt('groupsTitle')}</A>
          </li>
          <li aria-current="page">{name()}</li>
        </ol>
      </nav>
      <header class="page-header">
        <Show when={props.group.kind === 'EXPERT'}>
          <p class="group-kind">{gt('kind_EXPERT')}</p>
        </Show>
        <h1 id="page-title">{name()}</h1>
        <p class="lead">{localPurpose(props.group)}</p>
        <p class={props.group.discussionAccess === 'MEMBERS' ? 'group-access group-access-members' : 'group-access'}>
          {props.group.discussionAccess === 'MEMBERS' ? gt('membersOnlyDiscussions') : gt('publicDiscussions')}
          <Show when={props.group.viewerRole}>{(role) => <> · {gt(`yourRole_${role()}`)}</>}</Show>
        </p>
      </header>
      <div class="group-columns">
        <div class="group-main">
          <section class="group-section" aria-labelledby="group-discussions-title">
            <div class="group-section-head">
              <h2 id="group-discussions-title">{gt('discussions')}</h2>
              <Show when={props.group.viewerRole}>
                <A class="button" href={newGroupThreadHref(props.group.slug)}>
                  {gt('startDiscussion')}
                </A>
              </Show>
            </div>
            <Show when={readsDiscussions()} fallback={<p class="muted">{props.viewer ? gt('discussionsClosed') : gt('peopleSignedOut')}</p>}>
              <GroupThreads group={props.group} />
            </Show>
          </section>
          <Show when={props.viewer}>
            {/* The board names itself ("the group's work"). */}
            <GroupBoard group={props.group.slug} viewerRole={props.group.viewerRole ?? null} />
          </Show>
        </div>
        <aside class="group-side" aria-labelledby="group-people-title">
          <h2 id="group-people-title">{gt('people')}</h2>
          <Show when={props.viewer} fallback={<p class="muted">{gt('peopleSignedOut')}</p>}>
            {(viewer) => <GroupMembers group={props.group} viewer={viewer()} />}
          </Show>
        </aside>
      </div>
    </>
  );
}

function GroupThreads(props: { group: GroupDetail }) {
  const list = createMorePages((after) => getGroupThreads(props.group.slug, after));
  const badge = () => gt('badge', localName(props.group));
  return (
    <SectionError>
      <Suspense fallback={<PageLoading />}>
        <ul class="group-threads">
          <For each={list.items()} fallback={<li class="muted">{gt('noDiscussions')}</li>}>
            {(thread) => (
              <li class="group-thread">
                <A href={threadHref(thread.id)}>{thread.title}</A>
                <Show when={thread.membersOnly}>
                  {' '}
                  <span class="badge group-only-badge">{badge()}</span>
                </Show>
                <p class="muted">
                  <A href={profileHref(thread.author.handle)}>{thread.author.name}</A> · {gt('replies', thread.replyCount)} · {t('discussion.lastActivity')}{' '}
                  <time datetime={thread.lastActivityAt}>{formatDateTime(thread.lastActivityAt)}</time>
                </p>
              </li>
            )}
          </For>
        </ul>
        <MoreButton list={list} label={gt('more')} />
      </Suspense>
    </SectionError>
  );
}
