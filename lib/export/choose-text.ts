import { emphasisFromPairs, type EmphasisSpan } from '../segment/emphasis';
import { xmlSafeText } from '../segment/xml-safe-text';

/** A segment's text in one language as stored: its published words (null when none) and whether the previous segment's text covers it. */
export interface StoredText {
  language: string;
  continuesPrevious: boolean;
  publishedRevision: { text: string; emphasis: number[] } | null;
}

/** The text a download shows for a segment in a language. */
export interface ChosenText {
  text: string;
  emphasis: EmphasisSpan[];
  /** The language of the words: the one asked for, or the original's standing in for it. */
  language: string;
  isFallback: boolean;
}

/** Whether a text has anything to show once the characters no document can carry are gone. */
export function hasWords(text: string): boolean {
  return xmlSafeText(text).trim() !== '';
}

/**
 * The text to write for a segment in `language`: its published text; nothing when the previous
 * segment's text covers it (one translated sentence for two segments); else the original's text
 * when `fallback` (the original's language) is given, so a partial translation reads on. The
 * table of contents and the writers choose through this one function, so a heading listed is a
 * heading written. Pure.
 */
export function chooseText(texts: readonly StoredText[], language: string, fallback: string | null): ChosenText | null {
  const own = texts.find((text) => text.language === language);
  if (own?.publishedRevision && hasWords(own.publishedRevision.text)) {
    return { text: own.publishedRevision.text, emphasis: emphasisFromPairs(own.publishedRevision.emphasis), language, isFallback: false };
  }
  if (own?.continuesPrevious || fallback === null || fallback === language) return null;
  const source = texts.find((text) => text.language === fallback);
  if (!source?.publishedRevision || !hasWords(source.publishedRevision.text)) return null;
  return { text: source.publishedRevision.text, emphasis: emphasisFromPairs(source.publishedRevision.emphasis), language: fallback, isFallback: true };
}
