import { A, useAction } from '@solidjs/router';
import { createComputed, createMemo, createSignal, For, on, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { FormAlert } from '../../components/form-field.tsx';
import { formatDateTime, t } from '../../i18n/i18n.ts';
import { fieldErrorText, formErrorText, type FormProblem, type Outcome } from '../../lib/form.ts';
import { canCurate, canModerate, type Viewer } from '../account/account.api.ts';
import { ExpertAvatar } from '../expert/expert-avatar.tsx';
import { CheckIcon } from './thread-badges.tsx';
import { acceptAnswerAction, deleteReplyAction, editReplyAction, replyAction, THREAD_LIMITS, voteAction, type Reply, type Thread } from './discussion.api.ts';
import { profileHref } from '../expert/expert.api.ts';

/**
 * Replies indent up to this level (0 = top). Replies deeper than that stay at this level, in
 * the order written, each saying whom it answers, so a long exchange stays readable on a phone.
 */
const MAX_LEVEL = 3;

const expertHref = (handle: string) => profileHref(handle);

/** The parts of a thread the replies need. */
export type RepliesThread = Pick<Thread, 'id' | 'kind' | 'locked' | 'acceptedAnswer' | 'author' | 'replies'>;

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
  };

  const send = useAction(replyAction);

  return (
    <div class="replies">
      <Show when={topLevel().length} fallback={<p class="muted replies-empty">{isQuestion() ? t('discussion.noAnswers') : t('discussion.noReplies')}</p>}>
        <ol class="reply-list" aria-label={isQuestion() ? t('discussion.answersLabel') : t('discussion.repliesLabel')}>
          <For each={topLevel()}>{(reply) => <ReplyItem reply={reply} level={0} context={context} />}</For>
        </ol>
      </Show>
      <Show when={!props.thread.locked} fallback={<LockedNotice />}>
        <ReplyBox
          id={`reply-box-${props.thread.id}`}
          label={props.boxLabel ?? (isQuestion() ? t('discussion.yourAnswer') : t('discussion.yourReply'))}
          submitLabel={props.boxSubmitLabel ?? (isQuestion() ? t('discussion.postAnswer') : t('discussion.postReply'))}
          send={(body) => send(props.thread.id, null, body)}
        />
      </Show>
    </div>
  );
}

/** Why nothing can be posted in a locked thread. */
export function LockedNotice() {
  return (
    <div class="status-panel is-declined thread-locked" role="note">
      <p class="status-panel-title">{t('discussion.lockedTitle')}</p>
      <p>{t('discussion.lockedBody')}</p>
    </div>
  );
}

interface TreeContext {
  readonly thread: RepliesThread;
  readonly viewer: Viewer;
  childrenOf: (id: string) => Reply[];
  parentName: (reply: Reply) => string;
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

function ReplyItem(props: { reply: Reply; level: number; context: TreeContext; inReplyTo?: string }) {
  const [mode, setMode] = createSignal<'read' | 'reply' | 'edit' | 'confirm-delete'>('read');
  const [problem, setProblem] = createSignal<FormProblem>();
  const [pending, setPending] = createSignal(false);
  const [votes, setVotes] = createStore({ voted: false, count: 0, touched: false });
  const remove = useAction(deleteReplyAction);
  const accept = useAction(acceptAnswerAction);
  const vote = useAction(voteAction);
  const send = useAction(replyAction);
  const edit = useAction(editReplyAction);

  const thread = () => props.context.thread;
  const viewer = () => props.context.viewer;
  const reply = () => props.reply;
  const own = () => !reply().deleted && reply().author?.id === viewer().id;
  const isAnswer = () => thread().kind === 'QUESTION' && reply().parentId === null;
  const accepted = () => isAnswer() && thread().acceptedAnswer?.id === reply().id;
  const open = () => !thread().locked && !reply().deleted;
  const mayAccept = () => isAnswer() && open() && !accepted() && (thread().author.id === viewer().id || canCurate(viewer().role));
  const mayDelete = () => !reply().deleted && (own() || canModerate(viewer().role));
  // The server's count until this person votes here; then what they did, while it is sent.
  const voted = () => (votes.touched ? votes.voted : reply().viewerVoted);
  const voteCount = () => (votes.touched ? votes.count : reply().voteCount);
  // When the thread is read again, the server's numbers include this person's vote.
  createComputed(on([() => reply().voteCount, () => reply().viewerVoted], () => setVotes('touched', false), { defer: true }));

  const toggleVote = async () => {
    if (pending()) return;
    const up = !voted();
    const before = { voted: voted(), count: voteCount() };
    setVotes({ voted: up, count: before.count + (up ? 1 : -1), touched: true });
    setProblem(undefined);
    setPending(true);
    const outcome = await vote(reply().id, up);
    setPending(false);
    if (outcome.ok) {
      const result = (outcome.data as { reply: { voteCount: number; viewerVoted: boolean } }).reply;
      setVotes({ voted: result.viewerVoted, count: result.voteCount, touched: true });
    } else {
      setVotes({ ...before, touched: true });
      setProblem(outcome.problem);
    }
  };

  const run = async (write: () => Promise<Outcome<unknown>>) => {
    setPending(true);
    setProblem(undefined);
    const outcome = await write();
    setPending(false);
    if (outcome.ok) setMode('read');
    else setProblem(outcome.problem);
  };

  // Closing a box puts focus back on its reply, not on the page's start. By id: once the thread
  // is read again after a write, the reply is a new element.
  const backToReply = () => {
    setMode('read');
    const id = `reply-${reply().id}`;
    setTimeout(() => document.getElementById(id)?.focus({ preventScroll: true }), 0);
  };

  const children = () => (props.level < MAX_LEVEL ? props.context.childrenOf(reply().id) : []);
  // At the deepest level, everything below shows flat, each saying whom it answers.
  const flat = () => (props.level === MAX_LEVEL && !props.inReplyTo ? descendants(props.context, reply().id) : []);
  const authorName = () => reply().author?.name ?? '';

  return (
    <li class="reply-item" classList={{ [`reply-level-${props.level}`]: true }}>
      <article
        tabindex="-1"
        id={`reply-${reply().id}`}
        class="reply"
        classList={{ 'is-removed': reply().deleted, 'is-accepted': accepted(), 'is-answer': isAnswer() }}
        aria-label={reply().deleted ? t('discussion.removed') : t('discussion.replyBy', authorName())}
      >
        <header class="reply-head">
          <Show when={reply().author}>
            {(author) => (
              <span class="reply-author">
                <ExpertAvatar name={author().name} handle={author().handle} url={author().avatarUrl} size="small" />
                <A href={expertHref(author().handle)}>{author().name}</A>
              </span>
            )}
          </Show>
          <span class="reply-meta">
            <time datetime={reply().createdAt}>{formatDateTime(reply().createdAt)}</time>
            <Show when={props.inReplyTo}>{(name) => <span class="reply-in-reply-to">{t('discussion.inReplyTo', name())}</span>}</Show>
          </span>
          <Show when={accepted()}>
            <span class="accepted-mark">
              <CheckIcon /> {t('discussion.acceptedAnswer')}
            </span>
          </Show>
        </header>

        <Show when={!reply().deleted} fallback={<p class="reply-removed">{t('discussion.removed')}</p>}>
          <Show
            when={mode() === 'edit'}
            fallback={
              <>
                {/* Sanitised by the server's one renderer. */}
                <div class="prose reply-body" lang="vi" innerHTML={reply().bodyHtml ?? ''} />
                <Show when={reply().edited}>
                  <EditedHistory versions={reply().history.map((v) => ({ bodyHtml: v.bodyHtml, editedAt: v.editedAt }))} />
                </Show>
              </>
            }
          >
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

        <div class="reply-actions">
          <Show when={isAnswer() && !reply().deleted}>
            <Show when={!own()} fallback={<span class="vote-count">{t('discussion.votes', voteCount())}</span>}>
              <button type="button" class="button button-small vote-button" classList={{ 'is-voted': voted() }} aria-pressed={voted()} disabled={thread().locked} onClick={() => void toggleVote()}>
                <span aria-hidden="true">▲</span> {voted() ? t('discussion.voted') : t('discussion.vote')}
                <span class="vote-number">{voteCount()}</span>
                <span class="visually-hidden">{t('discussion.votesLabel')}</span>
              </button>
            </Show>
          </Show>
          <Show when={mayAccept()}>
            <button type="button" class="button button-small button-secondary" disabled={pending()} onClick={() => void run(() => accept(thread().id, reply().id))}>
              <CheckIcon /> {t('discussion.accept')}
            </button>
          </Show>
          <Show when={open() && mode() === 'read'}>
            <button type="button" class="button button-small button-quiet" onClick={() => setMode('reply')}>
              {t('discussion.replyTo')}
              <span class="visually-hidden"> {authorName()}</span>
            </button>
          </Show>
          <Show when={own() && !thread().locked && mode() === 'read'}>
            <button type="button" class="button button-small button-quiet" onClick={() => setMode('edit')}>
              {t('discussion.edit')}
            </button>
          </Show>
          <Show when={mayDelete() && mode() === 'read'}>
            <button type="button" class="button button-small button-quiet" onClick={() => setMode('confirm-delete')}>
              {t('discussion.delete')}
            </button>
          </Show>
          <Show when={mode() === 'confirm-delete'}>
            <span class="reply-confirm" role="group" aria-label={t('discussion.deleteQuestion')}>
              <span>{t('discussion.deleteQuestion')}</span>
              <button type="button" class="button button-small button-danger" disabled={pending()} onClick={() => void run(() => remove(thread().id, reply().id))}>
                {t('discussion.deleteConfirm')}
              </button>
              <button type="button" class="button button-small button-secondary" onClick={backToReply}>
                {t('discussion.cancel')}
              </button>
            </span>
          </Show>
        </div>
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

      <Show when={children().length || flat().length}>
        <ol class="reply-list reply-children" classList={{ 'is-flat': props.level === MAX_LEVEL }}>
          <For each={children()}>{(child) => <ReplyItem reply={child} level={props.level + 1} context={props.context} />}</For>
          <For each={flat()}>{(child) => <ReplyItem reply={child} level={MAX_LEVEL} context={props.context} inReplyTo={props.context.parentName(child)} />}</For>
        </ol>
      </Show>
    </li>
  );
}

/** "Edited": a disclosure with the earlier versions, oldest first. */
export function EditedHistory(props: { versions: { title?: string; bodyHtml: string; editedAt: string }[] }) {
  return (
    <details class="edited-history">
      <summary>{t('discussion.edited')}</summary>
      <p class="muted">{t('discussion.earlierVersions')}</p>
      <ol class="edited-versions">
        <For each={props.versions}>
          {(version) => (
            <li>
              <p class="edited-when">{t('discussion.replacedAt', formatDateTime(version.editedAt))}</p>
              <Show when={version.title}>
                <p class="edited-title" lang="vi">
                  {version.title}
                </p>
              </Show>
              {/* Sanitised by the server's one renderer. */}
              <div class="prose" lang="vi" innerHTML={version.bodyHtml} />
            </li>
          )}
        </For>
      </ol>
    </details>
  );
}

/**
 * A text box that posts a reply (or saves an edit). Markdown, as everywhere; the API's field
 * error shows beside the box, a problem with the whole request above the button.
 */
export function ReplyBox(props: {
  id: string;
  label: string;
  submitLabel: string;
  initial?: string;
  autofocus?: boolean;
  send: (body: string) => Promise<Outcome<unknown>>;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const [body, setBody] = createSignal(props.initial ?? '');
  const [pending, setPending] = createSignal(false);
  const [problem, setProblem] = createSignal<FormProblem>();
  let textarea: HTMLTextAreaElement | undefined;

  const bodyError = () => {
    const code = problem()?.fields.body;
    return code ? (code === 'REQUIRED' ? t('discussion.bodyRequired') : fieldErrorText('body', code)) : undefined;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    if (!body().trim()) {
      setProblem({ fields: { body: 'REQUIRED' } });
      textarea?.focus();
      return;
    }
    setPending(true);
    setProblem(undefined);
    const outcome = await props.send(body());
    setPending(false);
    if (outcome.ok) {
      setBody('');
      props.onDone?.();
    } else {
      setProblem(outcome.problem);
      textarea?.focus();
    }
  };

  return (
    <form class="reply-box" onSubmit={(event) => void submit(event)} novalidate>
      <div class="field" classList={{ 'has-error': Boolean(bodyError()) }}>
        <label for={props.id}>{props.label}</label>
        <p id={`${props.id}-hint`} class="field-hint">
          {t('discussion.markdownHint')}
        </p>
        <textarea
          id={props.id}
          ref={(element) => {
            textarea = element;
            if (props.autofocus) queueMicrotask(() => element.focus());
          }}
          rows={4}
          lang="vi"
          value={body()}
          aria-describedby={[`${props.id}-hint`, bodyError() ? `${props.id}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={bodyError() ? 'true' : undefined}
          onInput={(event) => setBody(event.currentTarget.value)}
        />
        <Show when={bodyError()}>
          <p id={`${props.id}-error`} class="field-error">
            {bodyError()}
          </p>
        </Show>
        <p class="field-count" aria-hidden="true" classList={{ 'is-over': body().length > THREAD_LIMITS.markdown }}>
          {t('form.characters', body().length, THREAD_LIMITS.markdown)}
        </p>
      </div>
      <Show when={problem()?.form && problem()?.form?.code !== 'VALIDATION_FAILED'}>
        <FormAlert problem={problem()} />
      </Show>
      <div class="button-row">
        <button type="submit" class="button button-small" disabled={pending()}>
          {pending() ? t('discussion.sending') : props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button button-small button-secondary" onClick={() => props.onCancel?.()}>
            {t('discussion.cancel')}
          </button>
        </Show>
      </div>
    </form>
  );
}
