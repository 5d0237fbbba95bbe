import { createMemo, createSignal, For, Show, Suspense } from 'solid-js';
import { compareLabels, localName, t } from '../../i18n/i18n.ts';
import { createChoices } from '../../lib/choices.ts';
import { getTopics } from './topic.api.ts';
import { PROFILE_LIMITS } from '../../../../schema/field-limits.ts';

/** At most this many specialties on a profile (the API's limit). */
export const MAX_SPECIALTIES = PROFILE_LIMITS.specialties;

/**
 * The specialties as checkboxes named `name`, at most six: once six are ticked, the others wait
 * until one is unticked, so the limit is felt before submitting rather than reported after.
 */
export function TopicCheckboxes(props: {
  id: string;
  name: string;
  value: readonly string[];
  error?: string | undefined;
  /** How many may be ticked (6, a profile's specialties, unless said). */
  max?: number;
  /** The group's name and its hint, which is told how many are ticked (a profile's specialties unless said). */
  legend?: string;
  hint?: (chosen: number) => string;
  /** Marks the legend "(optional)"; true unless said. */
  optional?: boolean;
  /** Told the ticked slugs, in the curated order of the topics, after each change. */
  onChange?: (slugs: string[]) => void;
}) {
  const topics = createChoices(getTopics);
  const [chosen, setChosen] = createSignal(new Set(props.value));
  const max = () => props.max ?? MAX_SPECIALTIES;
  const sorted = createMemo(() => [...(topics.items() ?? [])].sort((a, b) => compareLabels(localName(a), localName(b))));
  const toggle = (slug: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(slug);
    else next.delete(slug);
    setChosen(next);
    props.onChange?.((topics.items() ?? []).map((topic) => topic.slug).filter((s) => next.has(s)));
  };

  return (
    <fieldset id={props.id} class="field checkbox-field" classList={{ 'has-error': Boolean(props.error) }} aria-describedby={`${props.id}-hint${props.error ? ` ${props.id}-error` : ''}`}>
      <legend>
        {props.legend ?? t('choice.specialties')}
        <Show when={props.optional ?? true}>
          {' '}
          <span class="field-optional">{t('form.optional')}</span>
        </Show>
      </legend>
      <p id={`${props.id}-hint`} class="field-hint" aria-live="polite">
        {props.hint ? props.hint(chosen().size) : t('choice.specialtiesHint', chosen().size)}
      </p>
      <Suspense fallback={<p class="muted">{t('app.loading')}</p>}>
        <ul class="checkbox-grid">
          <For each={sorted()}>
            {(topic) => (
              <li>
                <label class="checkbox">
                  <input
                    type="checkbox"
                    name={props.name}
                    value={topic.slug}
                    checked={chosen().has(topic.slug)}
                    disabled={!chosen().has(topic.slug) && chosen().size >= max()}
                    aria-invalid={props.error ? 'true' : undefined}
                    onChange={(event) => toggle(topic.slug, event.currentTarget.checked)}
                  />
                  <span>{localName(topic)}</span>
                </label>
              </li>
            )}
          </For>
        </ul>
      </Suspense>
      {/* Without the list, what was ticked is still sent, so saving does not untick it. */}
      <Show when={topics.failed()}>
        <p class="field-hint">{t('outage.choicesFailed')}</p>
        <For each={[...chosen()]}>{(slug) => <input type="hidden" name={props.name} value={slug} />}</For>
      </Show>
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      </Show>
    </fieldset>
  );
}
