/**
 * The languages of the interface. Each has a catalogue, `lib/i18n/messages/<locale>.json`, with
 * exactly the keys of `en.json` (test/unit/i18n/catalogues.test.ts); adding a language is that file
 * and one entry here (docs/translating-the-interface.md).
 */
export const LOCALE_NAMES = {
  en: 'English',
  ru: 'Русский',
} as const;

export type Locale = keyof typeof LOCALE_NAMES;

export const LOCALES = Object.keys(LOCALE_NAMES) as Locale[];

/** The language of anyone whose account, cookie and browser name none of ours. */
export const DEFAULT_LOCALE: Locale = 'en';

/** The cookie the header's language switcher sets (a year; read on every request). */
export const LOCALE_COOKIE = 'interface-language';
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALE_NAMES, value);
}
