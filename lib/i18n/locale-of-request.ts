import { LOCALE_COOKIE, type Locale } from './locales';
import { resolveLocale } from './resolve-locale';

/**
 * The interface language of a request read from its headers alone (route handlers, the server's
 * own answers): the account's setting when the actor is known, else the header's cookie, else
 * Accept-Language (lib/i18n/resolve-locale.ts).
 */
export function localeOfRequest(headers: { get(name: string): string | null }, actor?: { kind: string; interfaceLanguage?: string | null }): Locale {
  return resolveLocale({
    accountLanguage: actor?.kind === 'user' ? actor.interfaceLanguage : null,
    cookieLanguage: cookieValue(headers.get('cookie'), LOCALE_COOKIE),
    acceptLanguage: headers.get('accept-language'),
  });
}

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}
