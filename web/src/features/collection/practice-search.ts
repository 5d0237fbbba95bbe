import { createSignal, onCleanup } from 'solid-js';
import { type PracticeChoice, searchPublishedPractices } from './collection-admin.api.ts';

/** How long typing may pause before the search runs. */
const SEARCH_DELAY_MS = 300;

/**
 * Published practices found by a few words, as a curator types them (the collection editor's
 * finder, the review desk's duplicate field): each keystroke restarts the wait, a newer search
 * cancels an older one, and fewer than two characters find nothing. `keep` drops results (e.g.
 * the practice under review).
 */
export function createPracticeSearch(keep: (practice: PracticeChoice) => boolean = () => true) {
  const [results, setResults] = createSignal<PracticeChoice[]>();
  const [state, setState] = createSignal<'idle' | 'searching' | 'failed'>('idle');
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
      setResults(found.filter(keep));
      setState('idle');
    } catch {
      if (!mine.signal.aborted) setState('failed');
    }
  };

  /** Searches for `words` once typing pauses. */
  const type = (words: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(words), SEARCH_DELAY_MS);
  };

  return { results, state, type };
}
