import { For } from 'solid-js';
import { locale, locales, setLocale, t, type Locale } from '../i18n/i18n.ts';

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
            onClick={() => setLocale(code)}
          >
            <span class="language-full">{names[code].full}</span>
            <span class="language-short">{names[code].short}</span>
          </button>
        )}
      </For>
    </div>
  );
}
