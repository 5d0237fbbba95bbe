import * as i18n from '@solid-primitives/i18n';
import { createEffect, createMemo, createRoot, createSignal } from 'solid-js';
import { vi, type Dictionary } from './vi.ts';

export type Locale = 'vi' | 'en';
export const locales: readonly Locale[] = ['vi', 'en'];

/** The BCP 47 tags used for Intl formatting and `<html lang>`. */
const intlTag: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };
const STORAGE_KEY = 'locale';

/*
 * The first load's Vietnamese words are in the main bundle, the other pages' in a chunk fetched
 * with the first of them (loadPageWords); every other dictionary is a chunk of its own (named after
 * its file, `en-<hash>.js`), fetched when chosen, so a Vietnamese reader never downloads it. The
 * `Dictionary` type makes each loader prove its dictionary has every key Vietnamese has.
 */
const loaders: Record<Exclude<Locale, 'vi'>, () => Promise<Dictionary>> = {
  en: () => import('./en.ts').then((module) => module.en),
};
const loaded: Partial<Record<Exclude<Locale, 'vi'>, Dictionary>> = {};

type PageWords = typeof import('./vi-pages.ts').viPages;
const [pageWords, setPageWords] = createRoot(() => createSignal<PageWords | undefined>(undefined));
let pageWordsLoading: Promise<void> | undefined;

/** Fetches the Vietnamese words of the pages loaded on demand, once (a failure may be retried). */
function loadPageWords(): Promise<void> {
  pageWordsLoading ??= import('./vi-pages.ts').then(
    (module) => {
      setPageWords(() => module.viPages);
    },
    (error: unknown) => {
      pageWordsLoading = undefined;
      throw error;
    },
  );
  return pageWordsLoading;
}

/**
 * Resolves once the words a page loaded on demand needs are here: each such page waits for it
 * with its own code (lib/lazy-page.ts). In another language they came with its dictionary.
 */
export const pageWordsReady = (): Promise<void> => (locale() === 'vi' ? loadPageWords() : Promise.resolve());

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === 'vi' || value === 'en') return value;
  } catch {
    // Storage can be unavailable (private modes, blocked cookies): Vietnamese then.
  }
  return 'vi';
}

function remember(next: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
}

// The shown language only changes once its dictionary is here, so `t()` never falls back to keys.
const { locale, setLocaleSignal, pendingLocale, setPendingLocale, localeFailure, setLocaleFailure } = createRoot(() => {
  const [locale, setLocaleSignal] = createSignal<Locale>('vi');
  const [pendingLocale, setPendingLocale] = createSignal<Locale | undefined>(undefined);
  const [localeFailure, setLocaleFailure] = createSignal<Locale | undefined>(undefined);
  return { locale, setLocaleSignal, pendingLocale, setPendingLocale, localeFailure, setLocaleFailure };
});

/** The language the interface is shown in. */
export { locale };
/** The language being fetched after a switch, while the page stays in the current one. */
export { pendingLocale };
/** The language that could not be fetched (the page stayed in the current one), until dismissed or retried. */
export { localeFailure };

export const dismissLocaleFailure = () => setLocaleFailure(undefined);

/** Counts switches, so a slow dictionary cannot override a later choice. */
let latestSwitch = 0;

/**
 * Switches the interface language once its dictionary has arrived, and remembers the choice on
 * this device; if it cannot be fetched, the page stays as it is and `localeFailure` says so.
 */
export async function setLocale(next: Locale): Promise<void> {
  const thisSwitch = ++latestSwitch;
  setLocaleFailure(undefined);
  // What the language still lacks: Vietnamese its other pages' words (a page may be open), any
  // other language its whole dictionary.
  const missing = next === 'vi' ? !pageWords() && loadPageWords : !loaded[next] && (async () => void (loaded[next] = await loaders[next]()));
  if (missing) {
    setPendingLocale(next);
    try {
      await missing();
    } catch {
      if (thisSwitch === latestSwitch) {
        setPendingLocale(undefined);
        setLocaleFailure(next);
      }
      return;
    }
  }
  if (thisSwitch !== latestSwitch) return;
  setPendingLocale(undefined);
  setLocaleSignal(next);
  remember(next);
}

/** Shows the language remembered from a previous visit; awaited before the first render so it never flashes Vietnamese. */
export function settleStoredLocale(): Promise<void> {
  const stored = storedLocale();
  return stored === 'vi' ? Promise.resolve() : setLocale(stored);
}

// These live as long as the page, so they get a root of their own.
const { dateFormats, dateTimeFormats, timeFormats, collators } = createRoot(() => {
  // <html lang> follows the choice, for screen readers, hyphenation and fonts.
  createEffect(() => {
    document.documentElement.lang = locale();
  });
  return {
    dateFormats: createMemo(() => new Intl.DateTimeFormat(intlTag[locale()], { dateStyle: 'long', timeZone: 'Asia/Ho_Chi_Minh' })),
    dateTimeFormats: createMemo(() => new Intl.DateTimeFormat(intlTag[locale()], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' })),
    timeFormats: createMemo(() => new Intl.DateTimeFormat(intlTag[locale()], { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' })),
    collators: createMemo(() => new Intl.Collator(intlTag[locale()])),
  };
});

/**
 * The current dictionary, flattened once per change of its parts: before the pages' words arrive
 * only the first load's are there (a page waits for the rest). An accessor rather than a memo, so
 * it follows the signals wherever it is read, in the browser or in a test.
 */
let flattened: { source: object; flat: i18n.Flatten<Dictionary> } | undefined;
function flatDictionary(): i18n.Flatten<Dictionary> {
  const current = locale();
  // What the words come from now: Vietnamese with or without the pages' part, or a whole dictionary.
  const source = current === 'vi' ? (pageWords() ?? vi) : loaded[current]!;
  if (flattened?.source !== source) flattened = { source, flat: i18n.flatten((current === 'vi' ? { ...vi, ...pageWords() } : source) as Dictionary) };
  return flattened.flat;
}

/** `t('directory.title')`, `t('directory.count', 152)`: reactive in the current locale. */
export const t = i18n.translator(flatDictionary, i18n.resolveTemplate);

/**
 * A translator for a feature's own words (vi, and en typed as vi), following the interface
 * language: staff pages keep theirs beside them, out of the dictionary every visitor loads first.
 */
export function featureTranslator<D extends i18n.BaseDict>(dictionaries: { vi: D; en: NoInfer<D> }) {
  const flat = createRoot(() => createMemo(() => i18n.flatten(locale() === 'en' ? dictionaries.en : dictionaries.vi)));
  return i18n.translator(flat, i18n.resolveTemplate);
}

/** A DateTime from the API (ISO string), as a long date in Vietnam's time zone. */
export const formatDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormats().format(date);
};

/** A DateTime from the API as a date and time of day in Vietnam's time zone (sessions, the audit log). */
export const formatDateTime = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormats().format(date);
};

/** The time of day in Vietnam's time zone ("10:42"), for what happened moments ago (autosave). */
export const formatTime = (date: Date) => (Number.isNaN(date.getTime()) ? '' : timeFormats().format(date));

/** Vietnamese collation for Vietnamese proper names (places, organisations), whatever the UI language. */
export const vietnameseCollator = new Intl.Collator('vi');

/** Compares two labels of the current language. */
export const compareLabels = (a: string, b: string) => collators().compare(a, b);

/** Topics and cohorts carry both names: `name` in Vietnamese, `nameEn` in English. */
export const localName = (item: { name: string; nameEn: string }) => (locale() === 'en' ? item.nameEn : item.name);
