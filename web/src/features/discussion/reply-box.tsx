import { createSignal, Show } from 'solid-js';
import { FormAlert } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import { fieldErrorText, type FormProblem, type Outcome } from '../../lib/form.ts';
import { createMentionAutocomplete } from './mention-autocomplete.tsx';
import { THREAD_LIMITS } from './thread-params.ts';

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
  const mentions = createMentionAutocomplete({ id: props.id, textarea: () => textarea, setValue: setBody });

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
          {...mentions.attributes()}
          onInput={(event) => {
            setBody(event.currentTarget.value);
            mentions.onInput();
          }}
          onKeyDown={mentions.onKeyDown}
          onBlur={mentions.onBlur}
        />
        <mentions.Suggestions />
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
