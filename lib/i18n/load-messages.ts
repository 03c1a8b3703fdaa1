import type { Locale } from './locales';
import type en from './messages/en.json';

/** A catalogue: every language has the keys of the English one. */
export type Messages = typeof en;

/** The catalogue of one interface language, `lib/i18n/messages/<locale>.json`. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return ((await import(`./messages/${locale}.json`)) as { default: Messages }).default;
}
