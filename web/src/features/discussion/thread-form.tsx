import { createSignal, For, Show, untrack } from 'solid-js';
import { createStore } from 'solid-js/store';
import { FormAlert, TextField } from '../../components/form-field.tsx';
import { t } from '../../i18n/i18n.ts';
import { fieldErrorText, type FormProblem, type Outcome } from '../../lib/form.ts';
import { PlaceSelect } from '../place/place-select.tsx';
import { MarkdownField } from '../practice/markdown-field.tsx';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { SimilarQuestions } from './similar-questions.tsx';
import { THREAD_LIMITS, type ThreadKind } from './thread-params.ts';
import type { ThreadFields } from './thread-writes.api.ts';

/**
 * The form of a thread: its kind (when starting one), title, body with a live preview, topics
 * and an optional place. Field errors from the API show beside their fields.
 */
export function ThreadForm(props: {
  /** Set to let the writer choose between a discussion and a question (a new thread). */
  kind?: ThreadKind;
  onKindChange?: (kind: ThreadKind) => void;
  initial?: ThreadFields;
  submitLabel: string;
  send: (fields: ThreadFields) => Promise<Outcome<unknown>>;
  onCancel?: () => void;
}) {
  const start = untrack(() => props.initial);
  const [values, setValues] = createStore<ThreadFields>({
    title: start?.title ?? '',
    body: start?.body ?? '',
    topics: [...(start?.topics ?? [])],
    place: start?.place ?? null,
  });
  const [problem, setProblem] = createSignal<FormProblem>();
  const [pending, setPending] = createSignal(false);
  let form: HTMLFormElement | undefined;

  /** The error of a field; "topics.2" counts as the topics'. */
  const errorOf = (field: keyof ThreadFields) => {
    const fields = problem()?.fields ?? {};
    const path = Object.keys(fields).find((key) => key === field || key.startsWith(`${field}.`));
    if (!path) return undefined;
    const code = fields[path]!;
    if (field === 'title' && code === 'TOO_SHORT') return t('discussion.titleTooShort', THREAD_LIMITS.titleMin);
    if (field === 'title' && code === 'TOO_LONG') return t('fieldError.TOO_LONG', THREAD_LIMITS.title);
    if (field === 'title' && code === 'REQUIRED') return t('discussion.titleRequired');
    if (field === 'topics' && code === 'TOO_LONG') return t('discussion.tooManyTopics', THREAD_LIMITS.topics);
    return fieldErrorText(path, code);
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    setPending(true);
    setProblem(undefined);
    const outcome = await props.send({ title: values.title, body: values.body, topics: [...values.topics], place: values.place || null });
    setPending(false);
    if (!outcome.ok) {
      setProblem(outcome.problem);
      queueMicrotask(() => (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form-alert'))?.focus());
    }
  };

  return (
    <form class="thread-form" ref={form} onSubmit={(event) => void submit(event)} novalidate>
      <FormAlert problem={problem()} />
      <Show when={props.kind}>
        {(kind) => (
          <fieldset class="checkbox-field kind-choice">
            <legend>{t('discussion.kindLegend')}</legend>
            <div class="kind-options">
              <For each={['QUESTION', 'DISCUSSION'] as const}>
                {(option) => (
                  <label class="kind-option" classList={{ 'is-chosen': kind() === option }}>
                    <input type="radio" name="kind" value={option} checked={kind() === option} onChange={() => props.onKindChange?.(option)} />
                    <span class="kind-option-text">
                      <span class="kind-option-title">{t(`discussion.kind.${option}`)}</span>
                      <span class="kind-option-hint">{t(`discussion.kindHint.${option}`)}</span>
                    </span>
                  </label>
                )}
              </For>
            </div>
          </fieldset>
        )}
      </Show>
      <TextField
        id="thread-title"
        name="title"
        label={t('discussion.title')}
        hint={props.kind === 'QUESTION' ? t('discussion.questionTitleHint') : t('discussion.titleHint')}
        value={values.title}
        maxLength={THREAD_LIMITS.title + 20}
        lang="vi"
        error={errorOf('title')}
        onInput={(value) => setValues('title', value)}
      />
      {/* Only while asking a new question: the asker may find the answer already there. */}
      <Show when={props.kind === 'QUESTION'}>
        <SimilarQuestions title={values.title} />
      </Show>
      <MarkdownField
        id="thread-body"
        label={t('discussion.body')}
        hint={t('discussion.bodyHint')}
        value={values.body}
        onInput={(value) => setValues('body', value)}
        error={errorOf('body')}
        mentions
        optional
        rows={8}
        maxLength={THREAD_LIMITS.markdown}
      />
      <TopicCheckboxes
        id="thread-topics"
        name="topics"
        value={values.topics}
        max={THREAD_LIMITS.topics}
        legend={t('discussion.topics')}
        hint={(chosen) => t('discussion.topicsHint', chosen, THREAD_LIMITS.topics)}
        optional
        error={errorOf('topics')}
        onChange={(slugs) => setValues('topics', slugs)}
      />
      <PlaceSelect id="thread-place" name="place" value={values.place ?? ''} error={errorOf('place')} onChange={(code) => setValues('place', code || null)} />
      <div class="button-row">
        <button type="submit" class="button" disabled={pending()}>
          {pending() ? t('discussion.sending') : props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button button-secondary" onClick={() => props.onCancel?.()}>
            {t('discussion.cancel')}
          </button>
        </Show>
      </div>
    </form>
  );
}
