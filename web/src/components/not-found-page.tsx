import { A, useNavigate } from '@solidjs/router';
import { createSignal, For } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { SEARCH_MAX_LENGTH, searchHref } from '../features/search/search-links.ts';
import { DocumentTitle } from './document-title.tsx';
import { MAIN_SECTIONS } from './main-sections.ts';
import { StateMessage } from './state-message.tsx';

/** Any address the app does not know: the ways on are home, a search and the main sections. */
export default function NotFoundPage() {
  const navigate = useNavigate();
  const [text, setText] = createSignal('');
  let input: HTMLInputElement | undefined;
  return (
    <div class="page-narrow not-found-page">
      <DocumentTitle text={t('notFound.title')} />
      <StateMessage title={t('notFound.title')} body={t('notFound.body')} headingLevel={1}>
        <A class="button" href="/" end>
          {t('notFound.home')}
        </A>
      </StateMessage>
      <form
        class="search-form not-found-search"
        role="search"
        aria-labelledby="not-found-search-label"
        onSubmit={(event) => {
          event.preventDefault();
          const q = text().trim();
          if (!q) return input?.focus();
          navigate(searchHref({ q }));
        }}
      >
        <label for="not-found-search-q" id="not-found-search-label" class="not-found-search-label">
          {t('notFound.searchLabel')}
        </label>
        <input
          ref={input}
          id="not-found-search-q"
          type="search"
          name="q"
          autocomplete="off"
          spellcheck={false}
          enterkeyhint="search"
          maxLength={SEARCH_MAX_LENGTH}
          placeholder={t('notFound.searchPlaceholder')}
          value={text()}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit" class="button button-secondary">
          {t('notFound.searchSubmit')}
        </button>
      </form>
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
