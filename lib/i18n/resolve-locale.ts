import { isLocale, type Locale } from './locales';
import { negotiateLocale } from './negotiate-locale';

export interface ResolveLocaleOptions {
  /** The signed-in account's setting (`user.interface_language`), null when it follows the browser. */
  accountLanguage?: string | null;
  /** The cookie the header's language switcher sets. */
  cookieLanguage?: string | null;
  /** The request's `Accept-Language` header. */
  acceptLanguage?: string | null;
}

/**
 * The language of the interface for one request: the account's setting, else the language chosen
 * in the header (a cookie, for anonymous readers too), else the browser's `Accept-Language`, else
 * English. A value that names no language of ours is skipped.
 */
export function resolveLocale({ accountLanguage, cookieLanguage, acceptLanguage }: ResolveLocaleOptions): Locale {
  if (isLocale(accountLanguage)) return accountLanguage;
  if (isLocale(cookieLanguage)) return cookieLanguage;
  return negotiateLocale(acceptLanguage);
}
