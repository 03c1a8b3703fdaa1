import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, type Locale } from './locales';

/**
 * The `Set-Cookie` value that remembers the language chosen in the header, for a year, on the
 * whole site. Readable by no script (nothing on the page needs it) and sent on top-level
 * navigations from other sites (Lax), so a link into the library opens in that language.
 */
export function languageCookie(locale: Locale, { isSecure }: { isSecure: boolean }): string {
  return [`${LOCALE_COOKIE}=${locale}`, 'Path=/', `Max-Age=${LOCALE_COOKIE_MAX_AGE_SECONDS}`, 'SameSite=Lax', 'HttpOnly', ...(isSecure ? ['Secure'] : [])].join('; ');
}
