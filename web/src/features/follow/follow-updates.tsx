import { A, createAsync, useAction } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { StateMessage } from '../../components/state-message.tsx';
import { formatDateTime, locale, t } from '../../i18n/i18n.ts';
import { threadHref } from '../discussion/discussion-links.ts';
import { practiceHref } from '../practice/practice-links.ts';
import { getFollowUpdates, markFollowUpdatesSeenAction, type FollowUpdate } from './follow.api.ts';

/**
 * What changed in what the viewer follows, newest first, "show more" reading further pages.
 * `limit` shows only the first few (the home page links to the whole list itself).
 */
export function FollowUpdateList(props: { limit?: number; headingId: string }) {
  const [cursors, setCursors] = createSignal<(string | null)[]>([null]);
  const pages = createAsync(() => Promise.all(cursors().map((cursor) => getFollowUpdates(cursor))));
  const updates = createMemo(() => {
    const all = (pages() ?? []).flatMap((page) => page.edges.map((edge) => edge.node));
    return props.limit ? all.slice(0, props.limit) : all;
  });
  const last = () => pages()?.at(-1);
  // Counted by the server over everything new, not only the pages loaded here.
  const newCount = () => pages()?.[0]?.newCount ?? 0;
  const markSeen = useAction(markFollowUpdatesSeenAction);
  const [markedSeen, setMarkedSeen] = createSignal(false);

  return (
    <Show when={pages()}>
      <Show
        when={updates().length}
        fallback={
          <StateMessage title={t('follow.updatesEmptyTitle')} body={t('follow.updatesEmptyBody')}>
            <A class="button button-secondary" href="/topics">
              {t('follow.findTopics')}
            </A>
          </StateMessage>
        }
      >
        <Show when={newCount() > 0 && !markedSeen()}>
          <p class="follow-updates-bar">
            <span>{t('follow.newCount', newCount())}</span>
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={async () => {
                await markSeen();
                setMarkedSeen(true);
              }}
            >
              {t('follow.markSeen')}
            </button>
          </p>
        </Show>
        <ul class="follow-updates" aria-labelledby={props.headingId}>
          <For each={updates()}>{(update) => <FollowUpdateItem update={update} isNew={update.isNew && !markedSeen()} />}</For>
        </ul>
        <Show when={!props.limit && last()?.pageInfo.hasNextPage && last()?.pageInfo.endCursor}>
          {(cursor) => (
            <button type="button" class="button button-secondary queue-more" onClick={() => setCursors([...cursors(), cursor()])}>
              {t('follow.more')}
            </button>
          )}
        </Show>
      </Show>
    </Show>
  );
}

function FollowUpdateItem(props: { update: FollowUpdate; isNew: boolean }) {
  const topicName = (topic: { name: string; nameEn: string }) => (locale() === 'en' ? topic.nameEn : topic.name);
  /** Why it is here, in the viewer's words: the followed topics, experts or the thread itself. */
  const reasons = () => {
    const parts: string[] = [];
    if (props.update.mentionsViewer && props.update.kind !== 'MENTION') parts.push(t('follow.becauseMention'));
    if (props.update.followedThread) parts.push(t('follow.becauseThread'));
    if (props.update.experts.length) parts.push(t('follow.becauseExperts', props.update.experts.map((e) => e.name).join(', ')));
    if (props.update.topics.length) parts.push(t('follow.becauseTopics', props.update.topics.map(topicName).join(', ')));
    return parts.join(' · ');
  };
  /** What happened: a practice published, a thread started (no replies yet), or new replies. */
  const activity = () => {
    const thread = props.update.thread;
    if (!thread) return t('follow.practicePublished');
    const mentioner = props.update.reply?.author?.name;
    if (props.update.kind === 'MENTION') return t('follow.mentioned', mentioner ?? '');
    const question = thread.kind === 'QUESTION';
    if (thread.replyCount === 0) return question ? t('follow.questionAsked') : t('follow.discussionStarted');
    return question ? t('follow.questionActivity') : t('follow.discussionActivity');
  };
  return (
    <li class="follow-update" classList={{ 'is-new': props.isNew }}>
      <p class="follow-update-kind">
        <Show when={props.isNew}>
          <span class="chip chip-new">{t('follow.new')}</span>
        </Show>
        <span>{activity()}</span>
        <time datetime={props.update.at}>{formatDateTime(props.update.at)}</time>
      </p>
      <Show when={props.update.practice}>
        {(practice) => (
          <h3 class="follow-update-title" lang="vi">
            <A href={practiceHref(practice().id)}>{practice().title}</A>
          </h3>
        )}
      </Show>
      <Show when={props.update.thread}>
        {(thread) => (
          <h3 class="follow-update-title" lang="vi">
            <A href={threadHref(thread().id) + (props.update.reply ? `#reply-${props.update.reply.id}` : '')}>{thread().title}</A>
            <span class="follow-update-meta">{t('follow.replies', thread().replyCount)}</span>
          </h3>
        )}
      </Show>
      <p class="follow-update-why">{reasons()}</p>
    </li>
  );
}
