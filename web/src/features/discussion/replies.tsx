import { useAction } from '@solidjs/router';
import { createComputed, createMemo, For, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { t } from '../../i18n/i18n.ts';
import type { Viewer } from '../account/account.api.ts';
import { ReplyBox } from './reply-box.tsx';
import { ReplyItem, type RepliesThread, type TreeContext } from './reply-item.tsx';
import type { Reply } from './thread.api.ts';
import { replyAction } from './thread-writes.api.ts';

/**
 * A thread's replies as a tree, with a reply box at the end and one under each reply on
 * request. In a question the top-level replies are answers: the accepted one first, then by
 * votes. Used by the thread page and by a practice's comments.
 */
export function Replies(props: {
  thread: RepliesThread;
  viewer: Viewer;
  /** The label of the box at the end (e.g. "Your comment" under a practice). */
  boxLabel?: string;
  boxSubmitLabel?: string;
  /** When the viewer last read the thread before this visit: later replies of others are marked new. */
  readBefore?: string | null;
}) {
  const isQuestion = () => props.thread.kind === 'QUESTION';
  // Kept by id across reloads of the thread, so a reply box being typed in elsewhere survives a write.
  const [kept, setKept] = createStore<{ replies: Reply[] }>({ replies: [] });
  createComputed(() => setKept('replies', reconcile(props.thread.replies, { key: 'id' })));
  const childrenOf = createMemo(() => {
    const map = new Map<string | null, Reply[]>();
    for (const reply of kept.replies) {
      const key = reply.parentId ?? null;
      const list = map.get(key);
      if (list) list.push(reply);
      else map.set(key, [reply]);
    }
    return map;
  });
  const byId = createMemo(() => new Map(kept.replies.map((reply) => [reply.id, reply])));
  const topLevel = createMemo(() => {
    const list = [...(childrenOf().get(null) ?? [])];
    if (!isQuestion()) return list;
    const accepted = props.thread.acceptedAnswer?.id;
    return list.sort((a, b) => Number(b.id === accepted) - Number(a.id === accepted) || b.voteCount - a.voteCount);
  });

  const context: TreeContext = {
    get thread() {
      return props.thread;
    },
    get viewer() {
      return props.viewer;
    },
    childrenOf: (id) => childrenOf().get(id) ?? [],
    parentName: (reply) => {
      const parent = reply.parentId ? byId().get(reply.parentId) : undefined;
      return parent?.author?.name ?? t('discussion.removedAuthor');
    },
    isNew: (reply) => isNewReply(reply, props.viewer, props.readBefore),
  };

  const send = useAction(replyAction);

  return (
    <div class="replies">
      <Show when={topLevel().length} fallback={<p class="muted replies-empty">{isQuestion() ? t('discussion.noAnswers') : t('discussion.noReplies')}</p>}>
        <ol class="reply-list" aria-label={isQuestion() ? t('discussion.answersLabel') : t('discussion.repliesLabel')}>
          <For each={topLevel()}>{(reply) => <ReplyItem reply={reply} level={0} context={context} />}</For>
        </ol>
      </Show>
      {/* A thread waiting for approval takes replies once approved (its banner says so). */}
      <Show when={!props.thread.locked} fallback={<LockedNotice />}>
        <Show when={!props.thread.pendingApproval}>
          <ReplyBox
            id={`reply-box-${props.thread.id}`}
            label={props.boxLabel ?? (isQuestion() ? t('discussion.yourAnswer') : t('discussion.yourReply'))}
            submitLabel={props.boxSubmitLabel ?? (isQuestion() ? t('discussion.postAnswer') : t('discussion.postReply'))}
            send={(body) => send(props.thread.id, null, body)}
          />
        </Show>
      </Show>
    </div>
  );
}

/** Written by someone else since `readBefore` (nothing is new on a first visit). */
export const isNewReply = (reply: Reply, viewer: Viewer, readBefore: string | null | undefined) =>
  Boolean(readBefore) && !reply.deleted && reply.author?.id !== viewer.id && Date.parse(reply.createdAt) > Date.parse(readBefore!);

/** Why nothing can be posted in a locked thread. */
export function LockedNotice() {
  return (
    <div class="status-panel is-declined thread-locked" role="note">
      <p class="status-panel-title">{t('discussion.lockedTitle')}</p>
      <p>{t('discussion.lockedBody')}</p>
    </div>
  );
}
