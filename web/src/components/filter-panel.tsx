import { createSignal, Show, untrack, type JSX } from 'solid-js';
import { t } from '../i18n/i18n.ts';

/**
 * The filters beside a list: a heading, an optional search box, the choices, and "clear" when
 * any filter is set. On phones the choices fold away under one button (open at first when one
 * is set), so the results are not a screen away.
 */
export function FilterPanel(props: {
  /** Prefix of the heading's and the folding part's ids, for a page with another such form. */
  idPrefix?: string;
  role?: 'search';
  /** Above the fold: the search box. */
  search?: JSX.Element;
  /** How many choices are set, said on the folding button. */
  active: number;
  /** Whether any filter is set, which offers "clear". */
  filtered: boolean;
  onClear: () => void;
  children: JSX.Element;
}) {
  const id = (part: string) => `${props.idPrefix ?? 'filters'}-${part}`;
  const [expanded, setExpanded] = createSignal(untrack(() => props.active) > 0);
  return (
    <form class="filters" role={props.role} aria-labelledby={id('heading')} onSubmit={(event) => event.preventDefault()}>
      <h2 id={id('heading')} class="filters-heading">
        {t('directory.filters')}
      </h2>
      {props.search}
      <button type="button" class="filters-toggle" aria-expanded={expanded()} aria-controls={id('more')} onClick={() => setExpanded(!expanded())}>
        {t('directory.moreFilters', props.active)}
        <svg class="filters-toggle-icon" viewBox="0 0 12 8" width="12" height="8" aria-hidden="true">
          <path d="M1 1.5 6 6.5l5-5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      </button>
      <div id={id('more')} class="filters-more" classList={{ 'is-collapsed': !expanded() }}>
        {props.children}
      </div>
      <Show when={props.filtered}>
        <button type="button" class="button button-secondary filters-clear" onClick={() => props.onClear()}>
          {t('directory.clear')}
        </button>
      </Show>
    </form>
  );
}
