import { createAsync } from '@solidjs/router';
import { createEffect, createSignal, For, type JSX, on, onCleanup, Show, Suspense } from 'solid-js';
import { FieldError } from '../../components/form-field.tsx';
import { getExpertDirectory } from './expert.api.ts';
import { te } from './expert-text.ts';

export interface FoundPerson {
  id: string;
  handle: string;
  name: string;
  position?: string | null;
}

/**
 * A search of the directory by name for choosing people (recipients of a message, members of a
 * group): it searches once the typing pauses, tells screen readers how many it found, and offers
 * each person found with the caller's buttons. `done` empties the field and puts focus back in it.
 */
export function PersonSearch(props: {
  id: string;
  label: string;
  hint: string;
  /** People not to offer (already chosen, the viewer…). */
  excluded: (personId: string) => boolean;
  /** The form's complaint about the person chosen, shown under the field. */
  error?: string | undefined;
  actions: (person: FoundPerson, done: () => void) => JSX.Element;
}) {
  const [text, setText] = createSignal('');
  const [term, setTerm] = createSignal('');
  createEffect(
    on(text, (value) => {
      const timer = setTimeout(() => setTerm(value.trim()), 250);
      onCleanup(() => clearTimeout(timer));
    }),
  );
  const results = createAsync(async () => {
    const q = term();
    if (q.length < 2) return undefined;
    return (await getExpertDirectory({ q })).edges.map((e) => e.node).filter((person) => !props.excluded(person.id));
  });
  let input: HTMLInputElement | undefined;
  const done = () => {
    setText('');
    setTerm('');
    input?.focus();
  };
  return (
    <div class="field person-search" classList={{ 'has-error': Boolean(props.error) }}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        ref={input}
        type="search"
        autocomplete="off"
        maxLength={100}
        value={text()}
        onInput={(event) => setText(event.currentTarget.value)}
        aria-describedby={props.error ? `${props.id}-hint ${props.id}-error` : `${props.id}-hint`}
        aria-invalid={props.error ? 'true' : undefined}
        aria-controls={`${props.id}-results`}
      />
      <p id={`${props.id}-hint`} class="field-hint">
        {props.hint}
      </p>
      <FieldError id={props.id} error={props.error} />
      <Suspense>
        <p class="visually-hidden" role="status">
          {results() ? (results()!.length ? te('personSearch.matches', results()!.length) : te('personSearch.noMatches')) : ''}
        </p>
        <Show when={results()}>
          {(found) => (
            <ul id={`${props.id}-results`} class="person-search-results" aria-label={te('personSearch.results')}>
              <For each={found()} fallback={<li class="muted">{te('personSearch.noMatches')}</li>}>
                {(person) => (
                  <li>
                    <span class="person-search-name">
                      {person.name}
                      <Show when={person.position}>
                        <span class="muted"> · {person.position}</span>
                      </Show>
                    </span>
                    <span class="person-search-actions">{props.actions(person, done)}</span>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Show>
      </Suspense>
    </div>
  );
}
