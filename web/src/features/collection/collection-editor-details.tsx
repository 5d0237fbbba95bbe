import { createMemo, createSignal, For, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FormAlert, SubmitButton, TextField } from '../../components/form-field.tsx';
import { t, vietnameseCollator } from '../../i18n/i18n.ts';
import { createChoices } from '../../lib/choices.ts';
import type { FormProblem } from '../../lib/form.ts';
import { getPlaces } from '../place/place.api.ts';
import { MarkdownField } from '../practice/markdown-field.tsx';
import { TopicCheckboxes } from '../topic/topic-checkboxes.tsx';
import { COLLECTION_LIMITS } from '../../../../schema/field-limits.ts';
import { type CollectionDetails, type EditedCollection, updateCollection } from './collection-admin.api.ts';
import { collectionFieldError, ct } from './collection-editor-text.ts';

/** Where each field's problem is shown (the summary links there): a list's problems go to its group. */
const fieldTargets: Record<string, string> = {
  title: 'collection-title',
  intro: 'collection-intro',
  edition: 'collection-edition',
  topics: 'collection-topics',
  places: 'collection-places',
};
const fieldOf = (path: string) => path.split('.')[0] ?? path;
/** What the summary calls each field: its label. */
const fieldLabels: Record<string, () => string> = {
  title: () => ct('title'),
  intro: () => ct('introLabel'),
  edition: () => ct('edition'),
  topics: () => ct('topics'),
  places: () => ct('places'),
};

/** Title, introduction, edition, topics and places, saved together against the version they started from. */
export function CollectionDetailsForm(props: { collection: EditedCollection; version: () => number; onSaved: (collection: EditedCollection) => void; onProblem: (problem: FormProblem) => void }) {
  const [values, setValues] = createStore<CollectionDetails>({
    title: props.collection.title,
    intro: props.collection.intro,
    edition: props.collection.edition,
    topics: props.collection.topics.map((topic) => topic.slug),
    places: props.collection.places.map((place) => place.code),
  });
  const [pending, setPending] = createSignal(false);
  const [problem, setProblem] = createSignal<FormProblem>();
  const [saved, setSaved] = createSignal(false);
  let summary: HTMLDivElement | undefined;
  let form: HTMLFormElement | undefined;

  // One message per field (the first of a list's problems), in the order of the form.
  const errors = createMemo(() => {
    const byField: Record<string, string> = {};
    for (const [path, code] of Object.entries(problem()?.fields ?? {})) {
      const field = fieldOf(path);
      byField[field] ??= collectionFieldError(field, code) ?? '';
    }
    return byField;
  });
  const summaryKeys = createMemo(() => Object.keys(fieldTargets).filter((field) => errors()[field]));

  const save = async () => {
    setPending(true);
    setSaved(false);
    const outcome = await updateCollection(props.collection.id, props.version(), { ...values, topics: [...values.topics], places: [...values.places] });
    setPending(false);
    if (outcome.ok) {
      setProblem(undefined);
      setSaved(true);
      props.onSaved(outcome.data);
      return;
    }
    setProblem(outcome.problem);
    props.onProblem(outcome.problem);
    // The conflict's own message (above the editor) takes focus; field problems, the summary.
    queueMicrotask(() => {
      if (outcome.problem.form?.code === 'CONFLICT') document.querySelector<HTMLElement>('.collection-conflict')?.focus();
      else (summaryKeys().length ? summary : form?.querySelector<HTMLElement>('.form-alert'))?.focus();
    });
  };

  const formProblem = () => {
    const code = problem()?.form?.code;
    return code && code !== 'VALIDATION_FAILED' && code !== 'CONFLICT' ? problem() : undefined;
  };

  return (
    <section class="card" aria-labelledby="collection-details-heading">
      <h3 id="collection-details-heading" class="card-title">
        {ct('detailsHeading')}
      </h3>
      <form
        class="form collection-details"
        novalidate
        ref={form}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Show when={summaryKeys().length}>
          <ErrorSummary
            id="collection-problems"
            title={ct('problemsTitle')}
            keys={summaryKeys}
            item={(field) => ({ target: fieldTargets[field] ?? field, text: `${fieldLabels[field]?.() ?? field}: ${errors()[field] ?? ''}` })}
            ref={(element) => (summary = element)}
          />
        </Show>
        <FormAlert problem={formProblem()} success={saved() ? ct('saved') : undefined} />
        <TextField
          id="collection-title"
          name="title"
          label={ct('title')}
          value={values.title}
          maxLength={COLLECTION_LIMITS.title}
          lang="vi"
          onInput={(value) => setValues('title', value)}
          error={errors().title}
        />
        <MarkdownField
          id="collection-intro"
          label={ct('introLabel')}
          hint={ct('introHint')}
          value={values.intro}
          optional
          rows={8}
          maxLength={COLLECTION_LIMITS.intro}
          onInput={(value) => setValues('intro', value)}
          error={errors().intro}
        />
        <TextField
          id="collection-edition"
          name="edition"
          label={ct('edition')}
          hint={ct('editionHint')}
          optional
          value={values.edition}
          maxLength={COLLECTION_LIMITS.edition}
          lang="vi"
          onInput={(value) => setValues('edition', value)}
          error={errors().edition}
        />
        <TopicCheckboxes
          id="collection-topics"
          name="topics"
          value={values.topics}
          max={COLLECTION_LIMITS.topics}
          legend={ct('topics')}
          hint={(n) => ct('topicsHint', n, COLLECTION_LIMITS.topics)}
          onChange={(slugs) => setValues('topics', slugs)}
          error={errors().topics}
        />
        <PlaceCheckboxes value={values.places} onChange={(codes) => setValues('places', codes)} error={errors().places} />
        <div class="button-row">
          <SubmitButton pending={pending()} label={ct('save')} />
        </div>
      </form>
    </section>
  );
}

/** The 34 current provinces and cities as checkboxes, at most ten ticked (the API's limit). */
function PlaceCheckboxes(props: { value: readonly string[]; onChange: (codes: string[]) => void; error: string | undefined }) {
  const places = createChoices(getPlaces);
  const current = createMemo(() => (places.items() ?? []).filter((place) => place.current).sort((a, b) => vietnameseCollator.compare(a.name, b.name)));
  const chosen = createMemo(() => new Set(props.value));
  const toggle = (code: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(code);
    else next.delete(code);
    // Kept in the order of the list, so saving twice sends the same thing.
    props.onChange([...props.value.filter((c) => next.has(c)), ...[...next].filter((c) => !props.value.includes(c))]);
  };
  return (
    <fieldset
      id="collection-places"
      class="field checkbox-field"
      classList={{ 'has-error': Boolean(props.error) }}
      aria-describedby={`collection-places-hint${props.error ? ' collection-places-error' : ''}`}
    >
      <legend>
        {ct('places')} <span class="field-optional">{t('form.optional')}</span>
      </legend>
      <p id="collection-places-hint" class="field-hint" aria-live="polite">
        {places.failed() ? t('outage.choicesFailed') : ct('placesHint', chosen().size, COLLECTION_LIMITS.places)}
      </p>
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <ul class="checkbox-grid">
          <For each={current()}>
            {(place) => (
              <li>
                <label class="checkbox">
                  <input
                    type="checkbox"
                    name="places"
                    value={place.code}
                    checked={chosen().has(place.code)}
                    disabled={!chosen().has(place.code) && chosen().size >= COLLECTION_LIMITS.places}
                    onChange={(event) => toggle(place.code, event.currentTarget.checked)}
                  />
                  <span lang="vi">{place.name}</span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </Suspense>
      <Show when={props.error}>
        <p id="collection-places-error" class="field-error">
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}
