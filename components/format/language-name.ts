/** One `Intl.DisplayNames` per interface language, made on first use: lists name many languages. */
const displayNames = new Map<string, Intl.DisplayNames>();

function displayNamesOf(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    displayNames.set(locale, names);
  }
  return names;
}

/**
 * The name of a language tag in the interface's language ("fr" → "French", or «французский» in
 * Russian), or the tag itself when unknown. Call it on the server and pass the name down, or in a
 * client component with the interface's locale: ICU data may differ between Node and the browser.
 */
export function languageName(tag: string, locale: string): string {
  try {
    return displayNamesOf(locale).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The name as a label standing on its own (a list entry, a tab, a column heading): with a
 * capital, which languages such as Russian do not give names mid-sentence («Французский»).
 */
export function languageLabel(tag: string, locale: string): string {
  const name = languageName(tag, locale);
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** Labels for several tags, as a plain object that can be passed to client components. */
export function languageNames(tags: readonly string[], locale: string): Record<string, string> {
  return Object.fromEntries(tags.map((tag) => [tag, languageLabel(tag, locale)]));
}
