import { For, Show } from 'solid-js';
import { dismissLocaleFailure, locale, localeFailure, locales, pendingLocale, setLocale, t, type Locale } from '../i18n/i18n.ts';

/** Each language is named in itself, so it can be found whatever the current language. */
const names: Record<Locale, { full: string; short: string }> = {
  vi: { full: 'Tiếng Việt', short: 'VI' },
  en: { full: 'English', short: 'EN' },
};

export function LanguageSwitch() {
  return (
    <div class="language-switch" role="group" aria-label={t('language.label')}>
      <For each={locales}>
        {(code) => (
          <button
            type="button"
            lang={code}
            aria-pressed={locale() === code}
            // Its dictionary is on its way: the page stays in the current language until it arrives.
            aria-busy={pendingLocale() === code}
            onClick={() => void setLocale(code)}
          >
            {/* Where the header is short of room only the code shows; the full name stays the button's name. */}
            <span class="language-full">{names[code].full}</span>
            <span class="language-short" aria-hidden="true">
              {names[code].short}
            </span>
          </button>
        )}
      </For>
    </div>
  );
}

/**
 * Says, under the header, that the chosen language could not be fetched and the page stayed in
 * Vietnamese; in the outage notice's look, with "try again". The reader who chose English may not
 * read Vietnamese, so it says it in English too.
 */
export function LanguageNotice() {
  return (
    <Show when={localeFailure()}>
      {(failed) => (
        <div class="outage-notice" role="alert">
          <div class="outage-notice-inner">
            <div class="outage-notice-text">
              <p class="outage-notice-title">{t('language.loadFailed')}</p>
              <p lang="en">{t('language.loadFailedInEnglish')}</p>
            </div>
            <button type="button" class="button button-small outage-notice-retry" onClick={() => void setLocale(failed())}>
              {t('app.retry')}
            </button>
            <button type="button" class="button button-small outage-notice-retry" onClick={dismissLocaleFailure}>
              {t('language.dismiss')}
            </button>
          </div>
        </div>
      )}
    </Show>
  );
}
