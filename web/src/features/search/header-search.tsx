import { useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, on } from 'solid-js';
import { t } from '../../i18n/i18n.ts';
import { SEARCH_MAX_LENGTH, searchHref } from './search-links.ts';

const SearchIcon = () => (
  <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
    <circle cx="8.5" cy="8.5" r="5.75" fill="none" stroke="currentColor" stroke-width="2" />
    <path d="m13 13 4.5 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
  </svg>
);

/**
 * The search box of the site header, on every page: submits to /search. On a phone it takes a
 * row of its own under the brand, so the header's other tools keep their room.
 */
export function HeaderSearch() {
  const location = useLocation();
  const navigate = useNavigate();
  const [text, setText] = createSignal('');
  let input: HTMLInputElement | undefined;

  // On the results page the box shows what was searched; elsewhere it starts empty.
  createEffect(
    on(
      () => [location.pathname, location.query.q] as const,
      ([path, q]) => setText(path === '/search' && typeof q === 'string' ? q : ''),
    ),
  );

  return (
    <form
      class="header-search"
      role="search"
      aria-label={t('search.headerLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const q = text().trim();
        if (!q) return input?.focus();
        input?.blur();
        navigate(searchHref({ q }));
      }}
    >
      <label for="header-search-q" class="visually-hidden">
        {t('search.headerLabel')}
      </label>
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
  );
}
