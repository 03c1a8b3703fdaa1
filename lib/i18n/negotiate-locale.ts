import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';

import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales';

/** Longer Accept-Language headers are cut: a browser's list is a few dozen characters. */
const MAX_HEADER_CHARS = 1_000;

/**
 * The interface language a browser's `Accept-Language` asks for: its languages in order of
 * preference (q-values), matched to ours by BCP 47 lookup (`ru-RU` → `ru`, `en-GB` →
 * `en`; no guessing between neighbouring languages), else the default.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const requested = new Negotiator({ headers: { 'accept-language': acceptLanguage.slice(0, MAX_HEADER_CHARS) } })
    .languages()
    .filter((tag) => tag !== '*' && isWellFormedTag(tag));
  if (requested.length === 0) return DEFAULT_LOCALE;
  const matched = match(requested, LOCALES, DEFAULT_LOCALE, { algorithm: 'lookup' });
  return isLocale(matched) ? matched : DEFAULT_LOCALE;
}

function isWellFormedTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
