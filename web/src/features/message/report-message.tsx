import { createSignal, For, Show } from 'solid-js';
import { problemOf } from '../../lib/form.ts';
import { reportMessage, type ReportReason } from './message.api.ts';
import { messageProblemText, mt } from './message-text.ts';

const REASONS: ReportReason[] = ['SPAM', 'HARASSMENT', 'INAPPROPRIATE', 'OTHER'];

/** "Report" on someone else's message: a small form with a reason, sent to the moderators. */
export function ReportMessageButton(props: { messageId: string }) {
  const [open, setOpen] = createSignal(false);
  const [done, setDone] = createSignal(false);
  const [problem, setProblem] = createSignal<string | undefined>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const outcome = await reportMessage(props.messageId, String(form.get('reason') ?? 'SPAM') as ReportReason, String(form.get('note') ?? ''));
    const failed = problemOf(outcome);
    setProblem(failed?.fields.note ? mt('note') : messageProblemText(failed));
    if (!failed) {
      setDone(true);
      setOpen(false);
    }
  };
  return (
    <Show when={!done()} fallback={<p class="muted message-reported">{mt('reported')}</p>}>
      <Show
        when={open()}
        fallback={
          <button type="button" class="link-button message-report" onClick={() => setOpen(true)}>
            {mt('report')}
          </button>
        }
      >
        <form class="message-report-form" aria-label={mt('reportTitle')} onSubmit={submit}>
          <p>{mt('reportIntro')}</p>
          <fieldset>
            <legend>{mt('reasonLegend')}</legend>
            <For each={REASONS}>
              {(reason, i) => (
                <label>
                  <input type="radio" name="reason" value={reason} checked={i() === 0} /> {mt(`reasons.${reason}`)}
                </label>
              )}
            </For>
          </fieldset>
          <label>
            {mt('note')}
            <textarea name="note" rows="2" maxLength={500} />
          </label>
          <p class="form-error" role="alert">
            {problem()}
          </p>
          <button type="submit" class="button">
            {mt('sendReport')}
          </button>{' '}
          <button type="button" class="button button-secondary" onClick={() => setOpen(false)}>
            {mt('cancel')}
          </button>
        </form>
      </Show>
    </Show>
  );
}
