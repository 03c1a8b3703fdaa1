import 'server-only';

import { formatFinding } from './format-finding';
import { getChecksTranslator } from './get-checks-translator';
import type { Finding } from './types';
import type { Locale } from '../i18n/locales';

/**
 * Findings as JSON answers give them: each with `text`, its message in the asker's interface
 * language, beside `message` (the catalogue key and values the interface renders itself), so that
 * an API client reads what was found without the catalogues.
 */
export async function withFindingTexts<F extends Finding>(findings: readonly F[], locale: Locale): Promise<(F & { text: string })[]> {
  if (findings.length === 0) return [];
  const t = await getChecksTranslator(locale);
  return findings.map((finding) => ({ ...finding, text: formatFinding(t, finding) }));
}
