import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { SearchBox } from '../features/search/search-box.tsx';
import { DocumentTitle } from './document-title.tsx';
import { MAIN_SECTIONS } from './main-sections.ts';
import { StateMessage } from './state-message.tsx';

/** Any address the app does not know: the ways on are home, a search and the main sections. */
export default function NotFoundPage() {
  return (
    <div class="page-narrow not-found-page">
      <DocumentTitle text={t('notFound.title')} />
      <StateMessage title={t('notFound.title')} body={t('notFound.body')} headingLevel={1}>
        <A class="button" href="/" end>
          {t('notFound.home')}
        </A>
      </StateMessage>
      <SearchBox
        id="not-found-search-q"
        class="search-form not-found-search"
        label={t('notFound.searchLabel')}
        labelClass="not-found-search-label"
        placeholder={t('notFound.searchPlaceholder')}
        submitClass="button button-secondary"
        submit={t('notFound.searchSubmit')}
      />
      <nav class="not-found-sections" aria-labelledby="not-found-sections-title">
        <h2 id="not-found-sections-title" class="not-found-sections-title">
          {t('notFound.sections')}
        </h2>
        <ul>
          <For each={MAIN_SECTIONS.filter((section) => !('action' in section))}>
            {(section) => (
              <li>
                <A href={section.href}>{t(section.label)}</A>
              </li>
            )}
          </For>
        </ul>
      </nav>
    </div>
  );
}
