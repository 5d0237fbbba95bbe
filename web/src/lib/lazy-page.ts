import { type Component, lazy } from 'solid-js';
import { pageWordsReady } from '../i18n/i18n.ts';

/**
 * A page loaded on demand, with the words it needs (i18n.ts): its code and, the first time, the
 * other pages' Vietnamese words are fetched side by side, and the page renders once both are here.
 */
export function lazyPage<T extends Component<any>>(load: () => Promise<{ default: T }>) {
  return lazy(() => Promise.all([load(), pageWordsReady()]).then(([module]) => module));
}
