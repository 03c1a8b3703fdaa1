import 'server-only';

import { getRequestConfig } from 'next-intl/server';

import { getRequestLocale } from './get-request-locale';
import { loadMessages } from './load-messages';

/**
 * next-intl's configuration of each request (next.config.js points its plugin here): the
 * language resolved from the account, the header's cookie and Accept-Language, its catalogue, and
 * UTC for dates, as the server renders them.
 */
export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  return { locale, messages: await loadMessages(locale), timeZone: 'UTC' };
});
