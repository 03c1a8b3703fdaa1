import 'server-only';

import { formatFinding } from './format-finding';
import { checksTranslatorIn } from './get-checks-translator';
import type { Finding } from './types';
import type { Locale } from '../i18n/locales';

/**
 * Findings as JSON answers give them: each with `text`, its message in the asker's interface
 * language, beside `message` (the catalogue key and values the interface renders itself), so that
 * an API client reads what was found without the catalogues.
 */
export function withFindingTexts<F extends Finding>(findings: readonly F[], locale: Locale): (F & { text: string })[] {
  if (findings.length === 0) return [];
  const t = checksTranslatorIn(locale);
  return findings.map((finding) => ({ ...finding, text: formatFinding(t, finding) }));
}
