import { createAsync } from '@solidjs/router';
import { createMemo, createSignal, For, Show, Suspense } from 'solid-js';
import { compareLabels, localName, t } from '../../i18n/i18n.ts';
import { getTopics } from './topic.api.ts';

/** At most this many specialties on a profile (the API's limit). */
export const MAX_SPECIALTIES = 6;

/**
 * The specialties as checkboxes named `name`, at most six: once six are ticked, the others wait
 * until one is unticked, so the limit is felt before submitting rather than reported after.
 */
export function TopicCheckboxes(props: { id: string; name: string; value: readonly string[]; error?: string | undefined }) {
  const topics = createAsync(() => getTopics().catch(() => []));
  const [chosen, setChosen] = createSignal(new Set(props.value));
  const sorted = createMemo(() => [...(topics() ?? [])].sort((a, b) => compareLabels(localName(a), localName(b))));
  const toggle = (slug: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(slug);
    else next.delete(slug);
    setChosen(next);
  };

  return (
    <fieldset class="field checkbox-field" classList={{ 'has-error': Boolean(props.error) }} aria-describedby={`${props.id}-hint${props.error ? ` ${props.id}-error` : ''}`}>
      <legend>
        {t('choice.specialties')} <span class="field-optional">{t('form.optional')}</span>
      </legend>
      <p id={`${props.id}-hint`} class="field-hint" aria-live="polite">{t('choice.specialtiesHint', chosen().size)}</p>
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
                    disabled={!chosen().has(topic.slug) && chosen().size >= MAX_SPECIALTIES}
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
      <Show when={props.error}>
        <p id={`${props.id}-error`} class="field-error">{props.error}</p>
      </Show>
    </fieldset>
  );
}
