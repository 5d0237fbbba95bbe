import './moderation.css';
import { useAction } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import { formErrorText, errorFor, type FormProblem, type Outcome } from '../../lib/form.ts';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { STAFF_LIMITS, THREAD_LIMITS } from '../../../../schema/field-limits.ts';
import { decideAction, kindOf, lockWithReasonAction, moveThreadAction, type Decision, type Target } from './flags.api.ts';
import { mt } from './moderation-text.ts';

let serial = 0;

/**
 * A moderator's action that needs a reason: a button that opens a short form (the reason, and
 * `extra` fields such as new topics), sent by `run`. The reason goes to the audit log.
 */
export function ReasonAction(props: {
  label: string;
  /** Names the action and its target for screen readers ("Ẩn trả lời này"). */
  fullLabel: string;
  danger?: boolean;
  extra?: JSX.Element;
  run: (reason: string) => Promise<Outcome<unknown>>;
}) {
  const id = `reason-${++serial}`;
  const [open, setOpen] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [pending, setPending] = createSignal(false);
  const [problem, setProblem] = createSignal<FormProblem>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setPending(true);
    setProblem(undefined);
    const outcome = await props.run(reason().trim());
    setPending(false);
    if (outcome.ok) {
      setOpen(false);
      setReason('');
    } else setProblem(outcome.problem);
  };
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="button button-small button-secondary" classList={{ 'button-danger-quiet': props.danger }} aria-label={props.fullLabel} onClick={() => setOpen(true)}>
          {props.label}
        </button>
      }
    >
      <form class="reason-form" aria-label={props.fullLabel} onSubmit={(event) => void submit(event)}>
        {props.extra}
        <label class="field-label" for={id}>
          {mt('reason')}
        </label>
        <input
          id={id}
          name="reason"
          required
          minLength={STAFF_LIMITS.reasonMin}
          maxLength={STAFF_LIMITS.reason}
          autofocus
          aria-invalid={Boolean(errorFor(problem(), 'reason'))}
          value={reason()}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
        <Show when={errorFor(problem(), 'reason')}>{(message) => <p class="field-error">{message()}</p>}</Show>
        <Show when={problem()?.form && !errorFor(problem(), 'reason')}>
          <p class="field-error" role="alert">
            {formErrorText(problem()!.form!)}
          </p>
        </Show>
        <div class="reason-form-actions">
          <button type="submit" class="button button-small" classList={{ 'button-danger': props.danger }} disabled={pending()}>
            {props.label}
          </button>
          <button type="button" class="button button-small button-secondary" onClick={() => setOpen(false)}>
            {mt('cancel')}
          </button>
        </div>
      </form>
    </Show>
  );
}

/** A moderator's action that needs no reason (approving a new member's post): one press, and its problem said. */
export function InstantAction(props: { label: string; fullLabel: string; run: () => Promise<Outcome<unknown>> }) {
  const [pending, setPending] = createSignal(false);
  const [problem, setProblem] = createSignal<FormProblem>();
  const press = async () => {
    setPending(true);
    setProblem(undefined);
    const outcome = await props.run();
    setPending(false);
    if (!outcome.ok) setProblem(outcome.problem);
  };
  return (
    <>
      <button type="button" class="button button-small" aria-label={props.fullLabel} disabled={pending()} onClick={() => void press()}>
        {props.label}
      </button>
      <Show when={problem()?.form}>
        {(form) => (
          <p class="field-error" role="alert">
            {formErrorText(form())}
          </p>
        )}
      </Show>
    </>
  );
}

/**
 * A new member's thread or reply waiting for approval, as its author and moderators see it: what
 * waits and why, and for moderators the decision (`threadId`: the thread a reply is in).
 */
export function PendingApproval(props: { target: { threadId: string } | { replyId: string }; threadId?: string | null; moderator: boolean }) {
  const decide = useAction(decideAction);
  const isThread = () => 'threadId' in props.target;
  const what = () => mt(`what.${kindOf(props.target)}`);
  const text = () => (props.moderator ? mt(isThread() ? 'pendingBannerModerator' : 'replyPendingModerator') : mt(isThread() ? 'pendingBanner' : 'replyPending'));
  return (
    <div class="status-panel pending-banner" role="note">
      <p class="status-panel-title">{text()}</p>
      <Show when={props.moderator}>
        <div class="flag-queue-actions">
          <InstantAction label={mt('approve')} fullLabel={mt('actionLabel', mt('approve'), what())} run={() => decide('approve', props.target, '', props.threadId ?? null)} />
          <ReasonAction label={mt('reject')} fullLabel={mt('actionLabel', mt('reject'), what())} danger run={(reason) => decide('reject', props.target, reason, props.threadId ?? null)} />
        </div>
      </Show>
    </div>
  );
}

/** Hide (or restore) a practice, a thread or a reply; `threadId`: the thread a reply is in. */
export function HideRestore(props: { target: Target; hidden: boolean; threadId?: string | null }) {
  const decide = useAction(decideAction);
  const what = () => mt(`what.${kindOf(props.target)}`);
  const decision = (): Decision => (props.hidden ? 'restore' : 'hide');
  return (
    <ReasonAction
      label={props.hidden ? mt('restore') : mt('hide')}
      fullLabel={mt('actionLabel', props.hidden ? mt('restore') : mt('hide'), what())}
      danger={!props.hidden}
      run={(reason) => decide(decision(), props.target, reason, props.threadId ?? null)}
    />
  );
}

/** "Hidden by a moderator", above what moderators (and its author) still see. */
export function HiddenBanner() {
  return (
    <div class="status-panel hidden-banner" role="note">
      <p class="status-panel-title">{mt('hiddenBanner')}</p>
    </div>
  );
}

/** A thread's moderation: hide or restore, lock or unlock, move to other topics, each with a reason. */
export function ThreadModeration(props: { thread: { id: string; locked: boolean; hidden: boolean; topics: { slug: string }[] } }) {
  const lock = useAction(lockWithReasonAction);
  const move = useAction(moveThreadAction);
  const [topics, setTopics] = createSignal<string[]>([]);
  return (
    <div class="moderator-tools" role="group" aria-label={mt('heading')}>
      <HideRestore target={{ threadId: props.thread.id }} hidden={props.thread.hidden} />
      <ReasonAction
        label={props.thread.locked ? mt('unlock') : mt('lock')}
        fullLabel={props.thread.locked ? mt('unlockThread') : mt('lockThread')}
        run={(reason) => lock(props.thread.id, !props.thread.locked, reason)}
      />
      <ReasonAction
        label={mt('move')}
        fullLabel={mt('actionLabel', mt('move'), mt('what.THREAD'))}
        extra={
          <TopicCheckboxes
            id={`move-${props.thread.id}`}
            name="topics"
            legend={mt('moveTopics')}
            hint={(chosen) => mt('moveHint', THREAD_LIMITS.topics, chosen)}
            max={THREAD_LIMITS.topics}
            optional={false}
            value={props.thread.topics.map((topic) => topic.slug)}
            onChange={setTopics}
          />
        }
        run={(reason) => move(props.thread.id, topics().length ? topics() : props.thread.topics.map((topic) => topic.slug), reason)}
      />
    </div>
  );
}
