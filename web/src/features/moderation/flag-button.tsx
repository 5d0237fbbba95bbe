import './moderation.css';
import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { errorFor, formErrorText, type FormProblem } from '../../lib/form.ts';
import { FLAG_LIMITS } from '../../../../schema/field-limits.ts';
import { FLAG_REASONS, flagAction, kindOf, type FlagReason, type Target } from './flags.api.ts';
import { mt } from './moderation-text.ts';

let serial = 0;

/**
 * "Báo cáo": a small dialog with the reasons and a note, then the member is told it was received
 * (and, the second time, that a person's flags of one item count once).
 */
export function FlagButton(props: { target: Target; flagged?: boolean }) {
  const id = `flag-${++serial}`;
  let dialog: HTMLDialogElement | undefined;
  const [reason, setReason] = createSignal<FlagReason>('SPAM');
  const [note, setNote] = createSignal('');
  const [problem, setProblem] = createSignal<FormProblem>();
  const [pending, setPending] = createSignal(false);
  const [answer, setAnswer] = createSignal<'received' | 'again'>();
  const flag = useAction(flagAction);
  const what = () => mt(`what.${kindOf(props.target)}`);

  const open = () => {
    setAnswer(undefined);
    setProblem(undefined);
    dialog?.showModal();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setPending(true);
    setProblem(undefined);
    const outcome = await flag(props.target, reason(), note().trim());
    setPending(false);
    if (!outcome.ok) setProblem(outcome.problem);
    else {
      setAnswer(outcome.data.counted ? 'received' : 'again');
      setNote('');
    }
  };

  return (
    <>
      <button type="button" class="button button-small button-quiet flag-button" aria-haspopup="dialog" onClick={open} aria-label={mt('flagLabel', what())}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M3 14V2.5M3 3h8l-1.5 3L11 9H3" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" />
        </svg>
        {props.flagged || answer() ? mt('flagged') : mt('flag')}
      </button>
      <dialog ref={dialog} class="flag-dialog" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{mt('dialogTitle')}</h2>
        <Show
          when={!answer()}
          fallback={
            <>
              <p role="status" class="flag-answer">
                {answer() === 'again' ? mt('again') : mt('received')}
              </p>
              <div class="flag-dialog-actions">
                <button type="button" class="button" onClick={() => dialog?.close()}>
                  {mt('close')}
                </button>
              </div>
            </>
          }
        >
          <p class="muted">{mt('dialogIntro')}</p>
          <form onSubmit={(event) => void submit(event)}>
            <fieldset class="flag-reasons">
              <legend>{mt('reasonLegend')}</legend>
              <For each={FLAG_REASONS}>
                {(value) => (
                  <label class="flag-reason">
                    <input type="radio" name="reason" value={value} checked={reason() === value} onChange={() => setReason(value)} />
                    {mt(`reasons.${value}`)}
                  </label>
                )}
              </For>
            </fieldset>
            <label class="field-label" for={`${id}-note`}>
              {mt('note')}
            </label>
            <p class="field-hint" id={`${id}-hint`}>
              {mt('noteHint')}
            </p>
            <textarea
              id={`${id}-note`}
              name="note"
              rows="3"
              maxLength={FLAG_LIMITS.note}
              aria-describedby={`${id}-hint`}
              aria-invalid={Boolean(errorFor(problem(), 'note'))}
              value={note()}
              onInput={(event) => setNote(event.currentTarget.value)}
            />
            <Show when={errorFor(problem(), 'note')}>{(message) => <p class="field-error">{message()}</p>}</Show>
            <Show when={problem()?.form && !errorFor(problem(), 'note')}>
              <p class="field-error" role="alert">
                {formErrorText(problem()!.form!)}
              </p>
            </Show>
            <div class="flag-dialog-actions">
              <button type="submit" class="button" disabled={pending()}>
                {mt('send')}
              </button>
              <button type="button" class="button button-secondary" onClick={() => dialog?.close()}>
                {mt('cancel')}
              </button>
            </div>
          </form>
        </Show>
      </dialog>
    </>
  );
}
