import { useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, on } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { SEARCH_MAX_LENGTH, searchHref } from './search.api.ts';

const SearchIcon = () => (
  <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
    <circle cx="8.5" cy="8.5" r="5.75" fill="none" stroke="currentColor" stroke-width="2" />
    <path d="m13 13 4.5 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
  </svg>
);

/**
 * The search box of the site header, on every page: submits to /search. On a phone it folds
 * into an icon that opens the field on a row of its own.
 */
export function HeaderSearch() {
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = createSignal(false);
  const [text, setText] = createSignal('');
  let input: HTMLInputElement | undefined;
  let toggle: HTMLButtonElement | undefined;

  // On the results page the box shows what was searched; elsewhere it starts empty.
  createEffect(
    on(
      () => [location.pathname, location.query.q] as const,
      ([path, q]) => setText(path === '/search' && typeof q === 'string' ? q : ''),
    ),
  );
  // Leaving for another page folds the phone's field away again.
  createEffect(on(() => location.pathname, () => setOpen(false), { defer: true }));

  return (
    <>
      <button
        ref={toggle}
        type="button"
        class="header-search-toggle"
        aria-expanded={open()}
        aria-controls="header-search"
        onClick={() => {
          const next = !open();
          setOpen(next);
          if (next) queueMicrotask(() => input?.focus());
        }}
      >
        <SearchIcon />
        <span class="visually-hidden">{t('search.open')}</span>
      </button>
      <form
        id="header-search"
        class="header-search"
        classList={{ 'is-open': open() }}
        role="search"
        aria-label={t('search.headerLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          const q = text().trim();
          if (!q) return input?.focus();
          input?.blur();
          navigate(searchHref({ q }));
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open()) {
            setOpen(false);
            toggle?.focus();
          }
        }}
      >
        <label for="header-search-q" class="visually-hidden">{t('search.headerLabel')}</label>
        <input
          ref={input}
          id="header-search-q"
          type="search"
          name="q"
          autocomplete="off"
          spellcheck={false}
          enterkeyhint="search"
          maxLength={SEARCH_MAX_LENGTH}
          placeholder={t('search.headerPlaceholder')}
          value={text()}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" class="header-search-submit">
          <SearchIcon />
          <span class="visually-hidden">{t('search.submit')}</span>
        </button>
      </form>
    </>
  );
}
