import { A, useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { formErrorText, type FormProblem, type Outcome } from '../../lib/form.ts';
import { canCurate, canModerate, type Viewer } from '../account/account.api.ts';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { profileHref } from '../expert/expert.api.ts';
import { EditedHistory } from './edited-history.tsx';
import { ReplyBox } from './reply-box.tsx';
import { VoteControl, type ReplyBusy } from './reply-vote.tsx';
import { CheckIcon } from './thread-badges.tsx';
import type { Reply, Thread } from './thread.api.ts';
import { acceptAnswerAction, deleteReplyAction, editReplyAction, replyAction, unacceptAnswerAction } from './thread-writes.api.ts';
import { FlagButton } from '../moderation/flag-button.tsx';
import { mt } from '../moderation/moderation-text.ts';
import { HideRestore, PendingApproval } from '../moderation/moderator-tools.tsx';

/**
 * Replies indent up to this level (0 = top). Replies deeper than that stay at this level, in
 * the order written, each saying whom it answers, so a long exchange stays readable on a phone.
 */
const MAX_LEVEL = 3;

/** The parts of a thread the replies need. */
export type RepliesThread = Pick<Thread, 'id' | 'kind' | 'locked' | 'pendingApproval' | 'acceptedAnswer' | 'author' | 'replies'>;

/** What every reply of a tree reads: the thread, who is looking, and the tree's shape. */
export interface TreeContext {
  readonly thread: RepliesThread;
  readonly viewer: Viewer;
  childrenOf: (id: string) => Reply[];
  parentName: (reply: Reply) => string;
  /** Written by someone else since the viewer last read the thread. */
  isNew: (reply: Reply) => boolean;
}

/** Every reply under `id`, depth first in the order written: what a deepest-level reply shows flat below it. */
function descendants(context: TreeContext, id: string): Reply[] {
  const out: Reply[] = [];
  const walk = (parent: string) => {
    for (const child of context.childrenOf(parent)) {
      out.push(child);
      walk(child.id);
    }
  };
  walk(id);
  return out;
}

type ReplyMode = 'read' | 'reply' | 'edit' | 'confirm-delete';

/** One reply of a tree: its header, its text (or the box editing it), its controls, its replies. */
export function ReplyItem(props: { reply: Reply; level: number; context: TreeContext; inReplyTo?: string }) {
  const [mode, setMode] = createSignal<ReplyMode>('read');
  const [problem, setProblem] = createSignal<FormProblem>();
  const [pending, setPending] = createSignal(false);
  const busy: ReplyBusy = { pending, setPending, setProblem };
  const send = useAction(replyAction);
  const edit = useAction(editReplyAction);

  const thread = () => props.context.thread;
  const reply = () => props.reply;
  const isAnswer = () => thread().kind === 'QUESTION' && reply().parentId === null;
  const accepted = () => isAnswer() && thread().acceptedAnswer?.id === reply().id;
  const authorName = () => reply().author?.name ?? '';

  // Closing a box puts focus back on its reply, not on the page's start. By id: once the thread
  // is read again after a write, the reply is a new element.
  const backToReply = () => {
    setMode('read');
    const id = `reply-${reply().id}`;
    setTimeout(() => document.getElementById(id)?.focus({ preventScroll: true }), 0);
  };

  return (
    <li class="reply-item" classList={{ [`reply-level-${props.level}`]: true }}>
      <article
        tabindex="-1"
        id={`reply-${reply().id}`}
        class="reply"
        classList={{ 'is-removed': reply().deleted || (reply().hidden && !reply().bodyHtml), 'is-accepted': accepted(), 'is-answer': isAnswer(), 'is-new': props.context.isNew(reply()) }}
        aria-label={reply().deleted ? t('discussion.removed') : reply().hidden && !reply().author ? mt('replyHidden') : t('discussion.replyBy', authorName())}
      >
        <ReplyHeader reply={reply()} inReplyTo={props.inReplyTo} accepted={accepted()} isNew={props.context.isNew(reply())} />

        {/* A hidden reply keeps its place; only moderators get its text (and see that it is hidden). One waiting for approval is shown to its author and moderators only. */}
        <Show when={reply().pendingApproval} fallback={<Show when={reply().hidden}>{<p class="reply-removed reply-hidden">{mt('replyHidden')}</p>}</Show>}>
          <PendingApproval target={{ replyId: reply().id }} threadId={thread().id} moderator={canModerate(props.context.viewer.role)} />
        </Show>
        <Show
          when={!reply().deleted && reply().bodyHtml !== null}
          fallback={
            <Show when={reply().deleted}>
              <p class="reply-removed">{t('discussion.removed')}</p>
            </Show>
          }
        >
          <Show when={mode() === 'edit'} fallback={<ReplyBody reply={reply()} />}>
            <ReplyBox
              id={`edit-${reply().id}`}
              label={t('discussion.editReplyLabel')}
              submitLabel={t('discussion.saveEdit')}
              initial={reply().body ?? ''}
              autofocus
              send={(body) => edit(thread().id, reply().id, body)}
              onDone={backToReply}
              onCancel={backToReply}
            />
          </Show>
        </Show>

        <ReplyActions reply={reply()} context={props.context} mode={mode()} setMode={setMode} busy={busy} isAnswer={isAnswer()} accepted={accepted()} backToReply={backToReply} />
        <Show when={problem()?.form}>
          {(form) => (
            <p class="field-error reply-problem" role="alert">
              {formErrorText(form())}
            </p>
          )}
        </Show>

        <Show when={mode() === 'reply'}>
          <ReplyBox
            id={`reply-to-${reply().id}`}
            label={t('discussion.replyToLabel', authorName())}
            submitLabel={t('discussion.postReply')}
            autofocus
            send={(body) => send(thread().id, reply().id, body)}
            onDone={backToReply}
            onCancel={backToReply}
          />
        </Show>
      </article>

      <ReplyChildren reply={reply()} level={props.level} context={props.context} inReplyTo={props.inReplyTo} />
    </li>
  );
}

/** Who wrote the reply and when, whom it answers when shown flat, and whether it is the accepted answer. */
function ReplyHeader(props: { reply: Reply; inReplyTo: string | undefined; accepted: boolean; isNew: boolean }) {
  return (
    <header class="reply-head">
      <Show when={props.reply.author}>
        {(author) => (
          <span class="reply-author">
            <ExpertAvatar name={author().name} handle={author().handle} url={author().avatarUrl} size="small" />
            <A href={profileHref(author().handle)}>{author().name}</A>
          </span>
        )}
      </Show>
      <span class="reply-meta">
        <time datetime={props.reply.createdAt}>{formatDateTime(props.reply.createdAt)}</time>
        <Show when={props.inReplyTo}>{(name) => <span class="reply-in-reply-to">{t('discussion.inReplyTo', name())}</span>}</Show>
      </span>
      <Show when={props.isNew}>
        <span class="chip reply-new-mark">{t('discussion.newSinceLastVisit')}</span>
      </Show>
      <Show when={props.accepted}>
        <span class="accepted-mark">
          <CheckIcon /> {t('discussion.acceptedAnswer')}
        </span>
      </Show>
    </header>
  );
}

function ReplyBody(props: { reply: Reply }) {
  return (
    <>
      {/* Sanitised by the server's one renderer. */}
      <div class="prose reply-body" lang="vi" innerHTML={props.reply.bodyHtml ?? ''} />
      <Show when={props.reply.edited}>
        <EditedHistory versions={props.reply.history.map((v) => ({ bodyHtml: v.bodyHtml, editedAt: v.editedAt }))} />
      </Show>
    </>
  );
}

/** The reply's controls, as far as the viewer may use them: vote, accept, reply, edit, delete (with a confirmation). */
function ReplyActions(props: {
  reply: Reply;
  context: TreeContext;
  mode: ReplyMode;
  setMode: (mode: ReplyMode) => void;
  busy: ReplyBusy;
  isAnswer: boolean;
  accepted: boolean;
  backToReply: () => void;
}) {
  const remove = useAction(deleteReplyAction);
  const accept = useAction(acceptAnswerAction);
  const unaccept = useAction(unacceptAnswerAction);
  const thread = () => props.context.thread;
  const viewer = () => props.context.viewer;
  const own = () => !props.reply.deleted && props.reply.author?.id === viewer().id;
  const open = () => !thread().locked && !props.reply.deleted && !props.reply.hidden;
  const decides = () => thread().author.id === viewer().id || canCurate(viewer().role);
  const mayAccept = () => props.isAnswer && open() && !props.accepted && decides();
  const mayUnaccept = () => props.isAnswer && open() && props.accepted && decides();
  const mayDelete = () => !props.reply.deleted && (own() || canModerate(viewer().role));

  const run = async (write: () => Promise<Outcome<unknown>>) => {
    props.busy.setPending(true);
    props.busy.setProblem(undefined);
    const outcome = await write();
    props.busy.setPending(false);
    if (outcome.ok) props.setMode('read');
    else props.busy.setProblem(outcome.problem);
  };

  return (
    <div class="reply-actions">
      <Show when={props.isAnswer && !props.reply.deleted}>
        <VoteControl reply={props.reply} own={own()} locked={thread().locked} busy={props.busy} />
      </Show>
      <Show when={mayAccept()}>
        <button type="button" class="button button-small button-secondary" disabled={props.busy.pending()} onClick={() => void run(() => accept(thread().id, props.reply.id))}>
          <CheckIcon /> {t('discussion.accept')}
        </button>
      </Show>
      <Show when={mayUnaccept()}>
        <button type="button" class="button button-small button-quiet" disabled={props.busy.pending()} onClick={() => void run(() => unaccept(thread().id, props.reply.id))}>
          {t('discussion.unaccept')}
        </button>
      </Show>
      <Show when={open() && props.mode === 'read'}>
        <button type="button" class="button button-small button-quiet" onClick={() => props.setMode('reply')}>
          {t('discussion.replyTo')}
          <span class="visually-hidden"> {props.reply.author?.name ?? ''}</span>
        </button>
      </Show>
      <Show when={own() && !thread().locked && !props.reply.hidden && props.mode === 'read'}>
        <button type="button" class="button button-small button-quiet" onClick={() => props.setMode('edit')}>
          {t('discussion.edit')}
        </button>
      </Show>
      <Show when={mayDelete() && props.mode === 'read'}>
        <button type="button" class="button button-small button-quiet" onClick={() => props.setMode('confirm-delete')}>
          {t('discussion.delete')}
        </button>
      </Show>
      <Show when={open() && props.reply.author && !own() && props.mode === 'read'}>
        <FlagButton target={{ replyId: props.reply.id }} flagged={props.reply.viewerFlagged} />
      </Show>
      <Show when={canModerate(viewer().role) && !props.reply.deleted && !props.reply.pendingApproval && props.mode === 'read'}>
        <HideRestore target={{ replyId: props.reply.id }} hidden={props.reply.hidden} threadId={thread().id} />
      </Show>
      <Show when={props.mode === 'confirm-delete'}>
        <span class="reply-confirm" role="group" aria-label={t('discussion.deleteQuestion')}>
          <span>{t('discussion.deleteQuestion')}</span>
          <button type="button" class="button button-small button-danger" disabled={props.busy.pending()} onClick={() => void run(() => remove(thread().id, props.reply.id))}>
            {t('discussion.deleteConfirm')}
          </button>
          <button type="button" class="button button-small button-secondary" onClick={props.backToReply}>
            {t('discussion.cancel')}
          </button>
        </span>
      </Show>
    </div>
  );
}

/** The replies under this one: nested down to the deepest level, flat below it (each saying whom it answers). */
function ReplyChildren(props: { reply: Reply; level: number; context: TreeContext; inReplyTo: string | undefined }) {
  const children = () => (props.level < MAX_LEVEL ? props.context.childrenOf(props.reply.id) : []);
  const flat = () => (props.level === MAX_LEVEL && !props.inReplyTo ? descendants(props.context, props.reply.id) : []);
  return (
    <Show when={children().length || flat().length}>
      <ol class="reply-list reply-children" classList={{ 'is-flat': props.level === MAX_LEVEL }}>
        <For each={children()}>{(child) => <ReplyItem reply={child} level={props.level + 1} context={props.context} />}</For>
        <For each={flat()}>{(child) => <ReplyItem reply={child} level={MAX_LEVEL} context={props.context} inReplyTo={props.context.parentName(child)} />}</For>
      </ol>
    </Show>
  );
}
