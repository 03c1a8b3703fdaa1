import 'server-only';

import { createTranslator } from 'next-intl';

import { catalogueOf } from '../errors/localize-error';
import type { Locale } from '../i18n/locales';

type ChecksTranslatorOf = ReturnType<typeof createChecksTranslator>;

const translators = new Map<Locale, ChecksTranslatorOf>();

function createChecksTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogueOf(locale), namespace: 'checks' });
}

/**
 * A translator of the `checks` namespace for one interface language, outside a page's request
 * (the words of server errors, the texts of JSON answers): what `formatFinding` takes. Made once
 * per language from the catalogues the server read at start, so the messages it compiles are
 * kept for every later answer.
 */
export function checksTranslatorIn(locale: Locale): ChecksTranslatorOf {
  let t = translators.get(locale);
  if (!t) {
    t = createChecksTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}
