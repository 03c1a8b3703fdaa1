import 'server-only';

import { LOCALE_COOKIE, type Locale } from './locales';
import { resolveLocale } from './resolve-locale';
import type { Actor } from '../auth/permissions';

/**
 * The interface language of an API request, read from the request itself (route handlers get no
 * page context): the account's setting, else the header's cookie, else Accept-Language, else
 * English, as for pages (lib/i18n/resolve-locale.ts).
 */
export function getLocaleOfRequest({ actor, request }: { actor: Actor; request: Request }): Locale {
  const cookie = (request.headers.get('cookie') ?? '').split(';').map((part) => part.trim().split('=')).find(([name]) => name === LOCALE_COOKIE);
  return resolveLocale({
    accountLanguage: actor.kind === 'user' ? actor.interfaceLanguage : null,
    cookieLanguage: cookie?.[1] ? decodeURIComponent(cookie[1]) : null,
    acceptLanguage: request.headers.get('accept-language'),
  });
}
