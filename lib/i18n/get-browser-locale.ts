import 'server-only';

import { cookies, headers } from 'next/headers';
import { cache } from 'react';

import { LOCALE_COOKIE, type Locale } from './locales';
import { resolveLocale } from './resolve-locale';

/**
 * The interface language this browser asks for, whoever is signed in: the header's cookie, else
 * Accept-Language, else English. What an account that follows the browser gets.
 */
export const getBrowserLocale = cache(async (): Promise<Locale> =>
  resolveLocale({ cookieLanguage: (await cookies()).get(LOCALE_COOKIE)?.value, acceptLanguage: (await headers()).get('accept-language') }),
);
