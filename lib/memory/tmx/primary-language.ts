/**
 * The primary language subtag of a TMX `xml:lang` ("en-US", "EN_us", "en" → "en"), lower-cased;
 * null when there is none (empty, `*all*`, or not two or three letters). Imported units are kept
 * under it, so that a file's "en-GB" and "en-US" both meet the library's "en". Pure.
 */
export function primaryLanguage(tag: string): string | null {
  const primary = tag.trim().split(/[-_]/u)[0]?.toLowerCase() ?? '';
  return /^[a-z]{2,3}$/u.test(primary) ? primary : null;
}
