import { createSignal, Show } from 'solid-js';
import { MESSAGE_LIMITS } from '../../../../schema/field-limits.ts';
import type { FormProblem } from '../../lib/form.ts';
import { messageProblemText, mt } from './message-text.ts';

/** A message's text box and its send button; clears itself once the message went. onSend answers a problem, or words of its own. */
export function MessageComposer(props: { onSend: (body: string) => Promise<FormProblem | string | undefined> }) {
  const [body, setBody] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const [problem, setProblem] = createSignal<string | undefined>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const text = body().trim();
    if (!text) return setProblem(mt('required'));
    setSending(true);
    try {
      const failed = await props.onSend(text);
      // A page may say what went wrong in its own words.
      setProblem(typeof failed === 'string' ? failed : messageProblemText(failed));
      if (!failed) setBody('');
    } finally {
      setSending(false);
    }
  };
  return (
    <form class="message-composer" onSubmit={submit}>
      <label for="message-body">{mt('composer')}</label>
      <textarea
        id="message-body"
        name="body"
        rows="3"
        maxLength={MESSAGE_LIMITS.body}
        value={body()}
        onInput={(event) => setBody(event.currentTarget.value)}
        aria-describedby="message-hint message-problem"
        aria-invalid={problem() ? 'true' : undefined}
      />
      <p id="message-hint" class="muted">
        {mt('composerHint')}
      </p>
      <p id="message-problem" class="form-error" role="alert">
        <Show when={problem()}>{problem()}</Show>
      </p>
      <button type="submit" class="button" disabled={sending()}>
        {sending() ? mt('sending') : mt('send')}
      </button>
    </form>
  );
}
