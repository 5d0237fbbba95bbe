import { createSignal, For, Show } from 'solid-js';
import { TextField } from '../../components/form-field.tsx';
import type { PracticeChoice } from '../collection/collection-admin.api.ts';
import { createPracticeSearch } from '../collection/practice-search.ts';
import { practiceHref } from '../practice/practice-links.ts';
import { tr } from './review-text.ts';

/**
 * The published practice a submitted one repeats: its address or id pasted, or found by a few
 * words and chosen, which fills the address in. The search box has no name: only the address is sent.
 */
export function DuplicateField(props: { practiceId: string; error: string | undefined }) {
  const [address, setAddress] = createSignal('');
  // The practice under review is never its own original.
  const { results, state, type } = createPracticeSearch((practice) => practice.id !== props.practiceId);
  const [chosen, setChosen] = createSignal('');
  const choose = (practice: PracticeChoice) => {
    setAddress(practiceHref(practice.id));
    setChosen(practice.title);
    document.getElementById('review-duplicate-of')?.focus();
  };

  return (
    <>
      <TextField id="review-duplicate-of" name="duplicateOf" value={address()} onInput={setAddress} label={tr('duplicateOf')} hint={tr('duplicateOfHint')} spellcheck={false} error={props.error} />
      <div class="field review-duplicate-search">
        <label for="review-duplicate-search">{tr('duplicateSearch')}</label>
        <input
          id="review-duplicate-search"
          type="search"
          lang="vi"
          autocomplete="off"
          aria-controls="review-duplicate-results"
          onKeyDown={(event) => {
            // Enter searches here; it must not send the decision.
            if (event.key === 'Enter') event.preventDefault();
          }}
          onInput={(event) => {
            type(event.currentTarget.value);
          }}
        />
      </div>
      <p class="review-duplicate-status muted" role="status" aria-live="polite">
        {state() === 'searching' ? tr('searching') : state() === 'failed' ? tr('searchFailed') : results()?.length === 0 ? tr('noMatch') : chosen() ? tr('duplicateChosen', chosen()) : ''}
      </p>
      <Show when={results()?.length}>
        <ul id="review-duplicate-results" class="review-duplicate-results">
          <For each={results()}>
            {(practice) => (
              <li>
                <div>
                  <p lang="vi">{practice.title}</p>
                  <p class="muted" lang="vi">
                    {[practice.organization?.shortName || practice.organization?.name, practice.place?.name].filter(Boolean).join(' · ')}
                  </p>
                </div>
                <button type="button" class="button button-small button-secondary" aria-label={tr('chooseLabel', practice.title)} onClick={() => choose(practice)}>
                  {tr('choose')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}
