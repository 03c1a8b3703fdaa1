import 'server-only';

import { cache } from 'react';

import { getBrowserLocale } from './get-browser-locale';
import { isLocale, type Locale } from './locales';
import { getActor } from '../auth/session';

/**
 * The interface language of the current request (pages, server actions): the signed-in
 * account's setting, else what the browser asks for (lib/i18n/resolve-locale.ts). Memoised per
 * request.
 */
export const getRequestLocale = cache(async (): Promise<Locale> => {
  const actor = await getActor();
  const accountLanguage = actor.kind === 'user' ? actor.interfaceLanguage : null;
  return isLocale(accountLanguage) ? accountLanguage : getBrowserLocale();
});
