/** Scripts written right to left (ISO 15924), for the `dir` of a language's text. */
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

const directions = new Map<string, boolean>();

/** Whether a language is written right to left (by its likely script), for `dir="rtl"`; remembered per tag (asked for every paragraph). Pure. */
export function isRightToLeft(tag: string): boolean {
  let isRtl = directions.get(tag);
  if (isRtl === undefined) {
    try {
      const script = new Intl.Locale(tag).maximize().script;
      isRtl = script !== undefined && RTL_SCRIPTS.has(script);
    } catch {
      isRtl = false;
    }
    if (directions.size < 1000) directions.set(tag, isRtl);
  }
  return isRtl;
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
