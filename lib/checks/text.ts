// Small text helpers the checks share. Pure.

/** The primary language of a tag, lower-cased ("de-CH" → "de"). */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? '';
}

/** Languages written in the Cyrillic alphabet (the others the checks meet are in Latin letters). */
const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn']);

export type Script = 'cyrillic' | 'latin';

export function scriptOf(language: string): Script {
  return CYRILLIC_LANGUAGES.has(baseLanguage(language)) ? 'cyrillic' : 'latin';
}

const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** The script of one letter, or null for anything else (digits, punctuation, other scripts). */
export function scriptOfLetter(char: string): Script | null {
  if (CYRILLIC_LETTER.test(char)) return 'cyrillic';
  if (LATIN_LETTER.test(char)) return 'latin';
  return null;
}

/** A word: letters (with combining marks), joined by inner hyphens or apostrophes ("еле-еле", "don't"). */
export const WORD = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu;

export interface WordToken {
  text: string;
  start: number;
  end: number;
}

/** The words of a text with their places. */
export function wordsOf(text: string): WordToken[] {
  const words: WordToken[] = [];
  for (const match of text.matchAll(WORD)) words.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return words;
}

/** A text as two texts are compared for sameness: lower-cased, white space collapsed and trimmed (as the memory's exact key). */
export function normalizeForComparison(text: string): string {
  return text.trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** FNV-1a over UTF-16 code units, in base 36: a short, stable digest for finding keys. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** Up to `width` characters either side of `[start, end)`, with ellipses where the text goes on. */
export function excerptAround(text: string, start: number, end: number, width = 20): string {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/** The word that ends at or before `offset` (lower-cased, at most 24 characters), or "" at the start: part of stable keys. */
export function wordBefore(text: string, offset: number): string {
  let end = offset;
  while (end > 0 && !/[\p{L}\p{N}]/u.test(text[end - 1] ?? '')) end -= 1;
  let start = end;
  while (start > 0 && /[\p{L}\p{N}\p{M}]/u.test(text[start - 1] ?? '')) start -= 1;
  return text.slice(Math.max(start, end - 24), end).toLowerCase();
}
