import { createSignal, For, onCleanup, Show } from 'solid-js';
import { TextField } from '../../components/form-field.tsx';
import { type PracticeChoice, searchPublishedPractices } from '../collection/collection-admin.api.ts';
import { practiceHref } from '../practice/practice-links.ts';
import { tr } from './review-text.ts';

/** How long typing may pause before the search runs. */
const SEARCH_DELAY_MS = 300;

/**
 * The published practice a submitted one repeats: its address or id pasted, or found by a few
 * words and chosen, which fills the address in. The search box has no name: only the address is sent.
 */
export function DuplicateField(props: { practiceId: string; error: string | undefined }) {
  const [address, setAddress] = createSignal('');
  const [results, setResults] = createSignal<PracticeChoice[]>();
  const [state, setState] = createSignal<'idle' | 'searching' | 'failed'>('idle');
  const [chosen, setChosen] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  onCleanup(() => {
    clearTimeout(timer);
    controller?.abort();
  });

  const search = async (words: string) => {
    controller?.abort();
    if (words.trim().length < 2) {
      setResults(undefined);
      setState('idle');
      return;
    }
    const mine = (controller = new AbortController());
    setState('searching');
    try {
      const found = await searchPublishedPractices(words.trim(), mine.signal);
      if (mine.signal.aborted) return;
      // The practice under review is never its own original.
      setResults(found.filter((practice) => practice.id !== props.practiceId));
      setState('idle');
    } catch {
      if (!mine.signal.aborted) setState('failed');
    }
  };

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
            const words = event.currentTarget.value;
            clearTimeout(timer);
            timer = setTimeout(() => void search(words), SEARCH_DELAY_MS);
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
