const displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/**
 * The English name of a language tag ("fr" → "French"), or the tag itself when unknown. Call it
 * on the server and pass the name down: ICU data may differ between Node and the browser.
 */
export function languageName(tag: string): string {
  try {
    return displayNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Names for several tags, as a plain object that can be passed to client components. */
export function languageNames(tags: readonly string[]): Record<string, string> {
  return Object.fromEntries(tags.map((tag) => [tag, languageName(tag)]));
}
