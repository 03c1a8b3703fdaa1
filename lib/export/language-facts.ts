/** Scripts written right to left (ISO 15924), for the `dir` of a language's text. */
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/** Whether a language is written right to left (by its likely script), for `dir="rtl"`. Pure. */
export function isRightToLeft(tag: string): boolean {
  try {
    const script = new Intl.Locale(tag).maximize().script;
    return script !== undefined && RTL_SCRIPTS.has(script);
  } catch {
    return false;
  }
}

/** A language's name in itself ("Русский", "English"), or the tag when unknown: how a book labels its parts. Pure. */
export function languageEndonym(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}
