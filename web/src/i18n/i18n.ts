import * as i18n from '@solid-primitives/i18n';
import { createEffect, createMemo, createRoot, createSignal } from 'solid-js';
import { en } from './en.ts';
import { vi } from './vi.ts';

export type Locale = 'vi' | 'en';
export const locales: readonly Locale[] = ['vi', 'en'];

/** The BCP 47 tags used for Intl formatting and `<html lang>`. */
const intlTag: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };
const dictionaries = { vi, en };
const STORAGE_KEY = 'locale';

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (value === 'vi' || value === 'en') return value;
  } catch {
    // Storage can be unavailable (private modes, blocked cookies): Vietnamese then.
  }
  return 'vi';
}

const [locale, setLocaleSignal] = createSignal<Locale>(storedLocale());
export { locale };

/** Switches the interface language and remembers the choice on this device. */
export function setLocale(next: Locale) {
  setLocaleSignal(next);
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
}

// These live as long as the page, so they get a root of their own.
const { flatDictionary, dateFormats, dateTimeFormats, timeFormats, collators } = createRoot(() => {
  // <html lang> follows the choice, for screen readers, hyphenation and fonts.
  createEffect(() => {
    document.documentElement.lang = locale();
  });
  return {
    flatDictionary: createMemo(() => i18n.flatten(dictionaries[locale()])),
    dateFormats: createMemo(() => new Intl.DateTimeFormat(intlTag[locale()], { dateStyle: 'long', timeZone: 'Asia/Ho_Chi_Minh' })),
    dateTimeFormats: createMemo(
      () => new Intl.DateTimeFormat(intlTag[locale()], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }),
    ),
    timeFormats: createMemo(() => new Intl.DateTimeFormat(intlTag[locale()], { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' })),
    collators: createMemo(() => new Intl.Collator(intlTag[locale()])),
  };
});

/** `t('directory.title')`, `t('directory.count', 152)`: reactive in the current locale. */
export const t = i18n.translator(flatDictionary, i18n.resolveTemplate);

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
