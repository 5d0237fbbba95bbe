import './discussion.css';
import { A, revalidate, useAction, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, onCleanup, onMount, Show, Suspense, untrack } from 'solid-js';
import { subscribe } from '../../lib/live.ts';
import { DocumentTitle } from '../../components/document-title.tsx';
import { formatDateTime, localName, t } from '../../i18n/i18n.ts';
import { canModerate, type Viewer } from '../account/account.api.ts';
import { RequireViewer } from '../account/require-viewer.tsx';
import { BookmarkButton } from '../bookmark/bookmark-buttons.tsx';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { profileHref } from '../expert/expert.api.ts';
import { FollowButton } from '../follow/follow-buttons.tsx';
import { practiceHref } from '../practice/practice-links.ts';
import { recordView } from '../reaction/reaction.api.ts';
import { getThread, markThreadRead, ThreadRepliesSubscription, type Thread } from './thread.api.ts';
import { FIRST_UNREAD } from './discussion-links.ts';
import { editThreadAction } from './thread-writes.api.ts';
import { FlagButton } from '../moderation/flag-button.tsx';
import { HiddenBanner, PendingApproval, ThreadModeration } from '../moderation/moderator-tools.tsx';
import { EditedHistory } from './edited-history.tsx';
import { QuestionVote } from './question-vote.tsx';
import { isNewReply, Replies } from './replies.tsx';
import { CheckIcon, GroupBadge, KindBadge } from './thread-badges.tsx';
import { ThreadForm } from './thread-form.tsx';
import { HelpdeskRequestStatus } from '../helpdesk/request-status.tsx';
import { createRecord, RecordStates, type Loaded } from '../../components/record-states.tsx';
import { PageLoading } from '../../components/page-loading.tsx';

/** /threads/:id: a discussion or a question with its replies. Members only. */
export default function ThreadPage() {
  // Loaded beside the viewer rather than after it, so both requests start with the page. Signed
  // out, the query fails and RequireViewer tells them what the page holds. (See also preloadThread.)
  const params = useParams<{ id: string }>();
  const loaded = createRecord(() => getThread(params.id));
  return (
    <RequireViewer forVisitors={{ title: t('membersOnly.threadTitle'), body: t('membersOnly.threadBody') }}>
      {(viewer) => <ThreadLoader id={params.id} loaded={loaded()} viewer={viewer()} />}
    </RequireViewer>
  );
}

function ThreadLoader(props: { id: string; loaded: Loaded<Thread> | undefined; viewer: Viewer }) {
  return (
    <div class="thread-page">
      <Suspense fallback={<PageLoading />}>
        <RecordStates
          loaded={props.loaded}
          retry={() => revalidate(getThread.keyFor(props.id))}
          back={{ href: '/threads', label: t('discussion.backToList') }}
          errorTitle={t('discussion.errorTitle')}
          notFound={{ title: t('discussion.notFoundTitle'), body: t('discussion.notFoundBody') }}
        >
          {(thread) => <ThreadView thread={thread()} viewer={props.viewer} />}
        </RecordStates>
      </Suspense>
    </div>
  );
}

function ThreadView(props: { thread: Thread; viewer: Viewer }) {
  // Counted once per reader by the server, this reader included.
  const [viewCount, setViewCount] = createSignal<number | null>(null);
  onMount(async () => setViewCount(await recordView(props.thread.id)));
  // New replies show as others post them: the thread is read again on each (and after a reconnection).
  onMount(() => {
    const readAgain = () => void revalidate(getThread.keyFor(props.thread.id));
    onCleanup(subscribe(ThreadRepliesSubscription, { threadId: props.thread.id }, { onEvent: readAgain, onReconnected: readAgain }));
  });
  const [editing, setEditing] = createSignal(false);
  const edit = useAction(editThreadAction);
  const isQuestion = () => props.thread.kind === 'QUESTION';
  const moderator = () => canModerate(props.viewer.role);
  // Hidden (or waiting for approval), it takes no edit until it is shown.
  const mayEdit = () => !props.thread.locked && !props.thread.hidden && (props.thread.author.id === props.viewer.id || moderator());
  const liveReplies = () => props.thread.replies.filter((reply) => !reply.deleted);
  // How far the viewer had read before this visit: what others wrote since is marked new, the
  // earliest of it one link away. The page then records the thread as read, again as replies come.
  const readBefore = untrack(() => props.thread.viewerReading?.readAt ?? null);
  const newReplies = () => props.thread.replies.filter((reply) => isNewReply(reply, props.viewer, readBefore));
  createEffect(
    on(
      () => props.thread.replyCount,
      () => void markThreadRead(props.thread.id).catch(() => {}),
    ),
  );
  onMount(() => {
    const first = newReplies()[0];
    if (location.hash === `#${FIRST_UNREAD}` && first) document.getElementById(`reply-${first.id}`)?.focus();
  });
  const answerCount = () => liveReplies().filter((reply) => reply.parentId === null).length;

  return (
    <article class="thread" aria-labelledby="page-title">
      <DocumentTitle text={props.thread.title} />
      <nav class="breadcrumb" aria-label={t('profile.breadcrumb')}>
        <ol>
          <li>
            <A href="/threads">{t('nav.discussions')}</A>
          </li>
          <li aria-current="page">{props.thread.title}</li>
        </ol>
      </nav>

      <Show when={props.thread.pendingApproval} fallback={<Show when={props.thread.hidden}>{<HiddenBanner />}</Show>}>
        <PendingApproval target={{ threadId: props.thread.id }} moderator={moderator()} />
      </Show>
      <Show
        when={!editing()}
        fallback={
          <section class="thread-edit" aria-labelledby="thread-edit-heading">
            <h1 id="thread-edit-heading" class="thread-edit-heading">
              {isQuestion() ? t('discussion.editQuestion') : t('discussion.editDiscussion')}
            </h1>
            <ThreadForm
              initial={{
                title: props.thread.title,
                body: props.thread.body,
                topics: props.thread.topics.map((topic) => topic.slug),
                place: props.thread.place?.code ?? null,
              }}
              submitLabel={t('discussion.saveEdit')}
              send={async (fields) => {
                const outcome = await edit(props.thread.id, fields);
                if (outcome.ok) setEditing(false);
                return outcome;
              }}
              onCancel={() => setEditing(false)}
            />
          </section>
        }
      >
        <header class="thread-header">
          <p class="thread-kicker">
            <KindBadge kind={props.thread.kind} />
            <GroupBadge thread={props.thread} />
            <Show when={isQuestion() && props.thread.acceptedAnswer}>
              <span class="accepted-mark">
                <CheckIcon /> {t('discussion.answered')}
              </span>
            </Show>
            <Show when={props.thread.locked}>
              <span class="chip thread-locked-chip">{t('discussion.locked')}</span>
            </Show>
          </p>
          <h1 id="page-title" class="thread-title" lang="vi">
            {props.thread.title}
          </h1>
          <Show when={props.thread.practice}>
            {(practice) => (
              <p class="thread-practice">
                {t('discussion.aboutPractice')}{' '}
                <A href={practiceHref(practice().id)} lang="vi">
                  {practice().title}
                </A>
              </p>
            )}
          </Show>
          <div class="thread-byline">
            <ExpertAvatar name={props.thread.author.name} handle={props.thread.author.handle} url={props.thread.author.avatarUrl} size="small" />
            <span>
              <A href={profileHref(props.thread.author.handle)}>{props.thread.author.name}</A>
              {' · '}
              <time datetime={props.thread.createdAt}>{formatDateTime(props.thread.createdAt)}</time>
            </span>
          </div>
          <Show when={props.thread.topics.length || props.thread.place}>
            <ul class="chip-list thread-tags" aria-label={t('discussion.topicsAndPlace')}>
              <For each={props.thread.topics}>
                {(topic) => (
                  <li>
                    <A class="chip chip-link" href={`/threads?topic=${encodeURIComponent(topic.slug)}`}>
                      {localName(topic)}
                    </A>
                  </li>
                )}
              </For>
              <Show when={props.thread.place}>
                {(place) => (
                  <li>
                    <A class="chip chip-link chip-place" href={`/threads?place=${encodeURIComponent(place().code)}`}>
                      {place().name}
                    </A>
                  </li>
                )}
              </Show>
            </ul>
          </Show>
          <div class="thread-tools">
            <div class="thread-actions">
              <Show when={isQuestion() && !props.thread.pendingApproval && !props.thread.hidden}>
                <QuestionVote thread={props.thread} own={props.thread.author.id === props.viewer.id} />
              </Show>
              <FollowButton kind="thread" id={props.thread.id} target={props.thread} signedIn />
              <BookmarkButton kind="thread" target={props.thread} signedIn />
              <span class="reader-stat">{t('views', viewCount() ?? props.thread.viewCount)}</span>
            </div>
            <Show when={mayEdit()}>
              <button type="button" class="button button-small button-secondary" onClick={() => setEditing(true)}>
                {t('discussion.edit')}
              </button>
            </Show>
            <Show when={props.thread.author.id !== props.viewer.id && !props.thread.hidden}>
              <FlagButton target={{ threadId: props.thread.id }} flagged={props.thread.viewerFlagged} />
            </Show>
          </div>
          <Show when={moderator() && !props.thread.pendingApproval}>
            <ThreadModeration thread={props.thread} />
          </Show>
        </header>
        <Show when={isQuestion()}>
          <HelpdeskRequestStatus threadId={props.thread.id} />
        </Show>

        <Show when={props.thread.bodyHtml.trim()}>
          {/* Sanitised by the server's one renderer. */}
          <div class="thread-body">
            <div class="prose" lang="vi" innerHTML={props.thread.bodyHtml} />
          </div>
        </Show>
        <Show when={props.thread.edited}>
          <EditedHistory versions={props.thread.history.map((v) => ({ title: v.title, bodyHtml: v.bodyHtml, editedAt: v.editedAt }))} />
        </Show>
      </Show>

      <section class="thread-replies" aria-labelledby="replies-heading">
        <h2 id="replies-heading">{isQuestion() ? t('discussion.answerCount', answerCount()) : t('discussion.replyCount', liveReplies().length)}</h2>
        <Show when={newReplies()[0]}>
          {(first) => (
            <p class="first-unread">
              <a
                href={`#reply-${first().id}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(`reply-${first().id}`)?.focus();
                }}
              >
                {t('discussion.firstUnread', newReplies().length)}
              </a>
            </p>
          )}
        </Show>
        <Replies thread={props.thread} viewer={props.viewer} readBefore={readBefore} />
      </section>
    </article>
  );
}
