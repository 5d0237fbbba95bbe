import { createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { cat } from './co-author-text.ts';
import { PRACTICE_LIMITS } from './practice-params.ts';
import { HANDLE_MAX } from '../../../../schema/field-limits.ts';

/**
 * Co-authors by handle: type one, add it, remove any. Handles are checked by the API when the
 * draft is saved; an unknown one is reported beside its chip.
 */
export function CoAuthorField(props: {
  id: string;
  value: string[];
  /** Handles that may not be added (the viewer, the first author). */
  taken: string[];
  /** Handles invited and not answered yet: marked so. */
  pending?: string[];
  onChange: (handles: string[]) => void;
  /** Errors by handle ("UNKNOWN"), and for the list as a whole. */
  errorFor: (handle: string) => string | undefined;
  error?: string | undefined;
}) {
  const [text, setText] = createSignal('');
  const [problem, setProblem] = createSignal<string>();
  let input: HTMLInputElement | undefined;

  const add = () => {
    const handle = text().trim().replace(/^@/, '');
    if (!handle) return;
    if (props.value.includes(handle) || props.taken.includes(handle)) {
      setProblem(t('practiceEditor.coAuthorDuplicate'));
      return;
    }
    if (props.value.length >= PRACTICE_LIMITS.coAuthors) {
      setProblem(t('practiceEditor.coAuthorTooMany'));
      return;
    }
    setProblem(undefined);
    setText('');
    props.onChange([...props.value, handle]);
    input?.focus();
  };

  const remove = (handle: string, index: number) => {
    props.onChange(props.value.filter((h) => h !== handle));
    queueMicrotask(() => {
      const buttons = document.querySelectorAll<HTMLButtonElement>(`#${props.id}-list .co-author-remove`);
      (buttons[index] ?? buttons[index - 1] ?? input)?.focus();
    });
  };

  const message = () => problem() ?? props.error;
  const unknown = () => props.value.map((handle) => props.errorFor(handle)).filter(Boolean) as string[];

  return (
    <div class="field co-author-field" classList={{ 'has-error': Boolean(message()) || unknown().length > 0 }}>
      <label for={props.id}>
        {t('practiceEditor.coAuthors')} <span class="field-optional">{t('form.optional')}</span>
      </label>
      <p id={`${props.id}-hint`} class="field-hint">
        {t('practiceEditor.coAuthorsHint')} {cat('pendingHint')}
      </p>
      <Show when={props.value.length} fallback={<p class="muted co-author-none">{t('practiceEditor.noCoAuthors')}</p>}>
        <ul class="co-author-list" id={`${props.id}-list`}>
          <For each={props.value}>
            {(handle, index) => (
              <li class="co-author" classList={{ 'is-invalid': Boolean(props.errorFor(handle)) }}>
                <span>@{handle}</span>
                <Show when={props.pending?.includes(handle)}>
                  <span class="co-author-pending">({cat('pending')})</span>
                </Show>
                <button
                  type="button"
                  class="co-author-remove"
                  aria-label={t('practiceEditor.coAuthorRemove', handle)}
                  aria-invalid={props.errorFor(handle) ? 'true' : undefined}
                  onClick={() => remove(handle, index())}
                >
                  <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
                    <path d="m3 3 6 6M9 3 3 9" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
                  </svg>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="co-author-add">
        <input
          id={props.id}
          ref={input}
          type="text"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          maxLength={HANDLE_MAX}
          placeholder={t('practiceEditor.coAuthorInput')}
          aria-describedby={`${props.id}-hint${message() ? ` ${props.id}-error` : ''}`}
          value={text()}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setProblem(undefined);
          }}
          onKeyDown={(event) => {
            // Enter adds the handle instead of submitting the whole form.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" class="button button-secondary" onClick={add} disabled={props.value.length >= PRACTICE_LIMITS.coAuthors}>
          {t('practiceEditor.coAuthorAdd')}
        </button>
      </div>
      <Show when={message() || unknown().length}>
        <div id={`${props.id}-error`} class="field-error" role="alert">
          <span>{[message(), ...unknown()].filter(Boolean).join(' ')}</span>
        </div>
      </Show>
    </div>
  );
}
