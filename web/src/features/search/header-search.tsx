import { useLocation } from '@solidjs/router';
import { t } from '../../i18n/i18n.ts';
import { SearchBox } from './search-box.tsx';

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
  return (
    <SearchBox
      id="header-search-q"
      class="header-search"
      label={t('search.headerLabel')}
      labelClass="visually-hidden"
      placeholder={t('search.headerPlaceholder')}
      submitClass="header-search-submit"
      submit={
        <>
          <SearchIcon />
          <span class="visually-hidden">{t('search.submit')}</span>
        </>
      }
      // On the results page the box shows what was searched; elsewhere it starts empty.
      shown={() => (location.pathname === '/search' && typeof location.query.q === 'string' ? location.query.q : '')}
    />
  );
}
