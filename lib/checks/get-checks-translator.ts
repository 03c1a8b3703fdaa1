import 'server-only';

import { createTranslator } from 'next-intl';

import { catalogueOf } from '../errors/localize-error';
import { loadMessages } from '../i18n/load-messages';
import type { Locale } from '../i18n/locales';

/**
 * A translator of the `checks` namespace for one interface language, outside a page's request
 * (the English of server errors, the texts of JSON answers): what `formatFinding` takes.
 */
export async function getChecksTranslator(locale: Locale) {
  return createTranslator({ locale, messages: await loadMessages(locale), namespace: 'checks' });
}

/** The same without awaiting, from the catalogues the server read at start (where an error is worded in the request's language). */
export function checksTranslatorIn(locale: Locale) {
  return createTranslator({ locale, messages: catalogueOf(locale), namespace: 'checks' });
}
