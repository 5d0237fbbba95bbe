import { revalidate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { FormAlert, SubmitButton, TextAreaField, TextField } from '../../components/form-field.tsx';
import { focusProblems, type FormProblem, lengthProblems, type Outcome } from '../../lib/form.ts';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { THREAD_LIMITS } from '../../../../schema/field-limits.ts';
import { HELPDESK_LIMITS } from '../../../../schema/helpdesk/limits.ts';
import { type FaqEntry, getFaq, getThreadRequest, unpublishEntry, updateFaqEntry } from './helpdesk.api.ts';
import { FAQ_LENGTHS, fieldError } from './helpdesk-form.ts';
import { ht } from './helpdesk-text.ts';

/**
 * The desk edits a published entry: its question, answer, topics and whether it names the
 * organisation, against the version it read (someone else's edit meanwhile is a CONFLICT, and
 * nothing is saved); or takes it out of the FAQ.
 */
export function FaqEditor(props: { entry: FaqEntry; onCancel: () => void; onDone: (message: string) => void }) {
  const [outcome, setOutcome] = createSignal<Outcome<unknown>>();
  const [pending, setPending] = createSignal<'save' | 'unpublish'>();
  const [topics, setTopics] = createSignal(props.entry.topics.map((topic) => topic.slug));
  const problem = (): FormProblem | undefined => {
    const result = outcome();
    return result && !result.ok ? result.problem : undefined;
  };
  const error = (field: string) => fieldError(problem(), field, FAQ_LENGTHS);
  // The asker's wish for anonymity holds whatever the desk ticks (the API keeps it).
  const askerAnonymous = () => props.entry.request?.anonymousInFaq ?? false;
  const id = (part: string) => `faq-edit-${props.entry.id.replace(/[^a-zA-Z0-9]/g, '')}-${part}`;
  let form: HTMLFormElement | undefined;
  focusProblems(() => form, outcome);
  const finish = async (result: Outcome<unknown>, done: string) => {
    setOutcome(result);
    setPending(undefined);
    if (result.ok) {
      await revalidate([getFaq.key, getThreadRequest.key]);
      props.onDone(done);
    }
  };
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (pending()) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = { title: String(data.get('title') ?? '').trim(), question: String(data.get('question') ?? '').trim(), answer: String(data.get('answer') ?? '').trim() };
    const found = lengthProblems(text, FAQ_LENGTHS);
    if (Object.keys(found).length) return setOutcome({ ok: false, problem: { fields: found, form: { code: 'VALIDATION_FAILED' } } });
    setPending('save');
    const input = { id: props.entry.id, version: props.entry.version, ...text, topics: topics(), anonymous: askerAnonymous() || data.get('anonymous') === 'on' };
    await finish(await updateFaqEntry(input), ht('entrySaved'));
  };
  const unpublish = async () => {
    if (pending()) return;
    setPending('unpublish');
    await finish(await unpublishEntry(props.entry.id), ht('unpublished'));
  };
  return (
    <form ref={form} class="helpdesk-form helpdesk-faq-editor" novalidate onSubmit={save} aria-label={ht('editHeading')}>
      <FormAlert problem={problem()} />
      <Show when={problem()?.form?.code === 'CONFLICT'}>
        <p class="field-hint">
          {ht('faqConflict')}{' '}
          <button type="button" class="button button-small button-secondary" onClick={() => revalidate(getFaq.key)}>
            {ht('reloadEntry')}
          </button>
        </p>
      </Show>
      <TextField id={id('title')} name="title" label={ht('faqQuestionTitle')} value={props.entry.title} maxLength={HELPDESK_LIMITS.faqTitle} lang="vi" error={error('title')} />
      <TextAreaField
        id={id('question')}
        name="question"
        label={ht('faqQuestionBody')}
        value={props.entry.question}
        rows={5}
        maxLength={HELPDESK_LIMITS.faqText}
        lang="vi"
        optional
        error={error('question')}
      />
      <TextAreaField
        id={id('answer')}
        name="answer"
        label={ht('faqAnswer')}
        hint={ht('markdownHint')}
        value={props.entry.answer}
        rows={8}
        maxLength={HELPDESK_LIMITS.faqText}
        lang="vi"
        error={error('answer')}
      />
      <TopicCheckboxes
        id={id('topics')}
        name="topics"
        value={topics()}
        max={THREAD_LIMITS.topics}
        legend={ht('topics')}
        hint={(n) => ht('topicsHint', n)}
        onChange={setTopics}
        error={error('topics')}
      />
      <div class="field">
        <label class="checkbox">
          <input
            type="checkbox"
            name="anonymous"
            checked={props.entry.anonymous || askerAnonymous()}
            disabled={askerAnonymous()}
            aria-describedby={askerAnonymous() ? id('anonymous-hint') : undefined}
          />
          <span>{ht('faqAnonymous')}</span>
        </label>
        <Show when={askerAnonymous()}>
          <p id={id('anonymous-hint')} class="field-hint">
            {ht('faqAnonymousLocked')}
          </p>
        </Show>
      </div>
      <div class="helpdesk-actions">
        <SubmitButton pending={pending() === 'save'} label={ht('saveEntry')} />
        <button type="button" class="button button-secondary" onClick={() => props.onCancel()}>
          {ht('cancel')}
        </button>
        <button type="button" class="button button-danger" disabled={Boolean(pending())} onClick={unpublish}>
          {ht('unpublish')}
        </button>
      </div>
    </form>
  );
}
