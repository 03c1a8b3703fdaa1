/**
 * Words of a text as the proofreading checks see them: runs of Unicode letters and decimal
 * digits, joined by inner apostrophes or hyphens (`Lenin’s`, `self-criticism`, `1-й`). Superscript
 * figures (footnote markers such as `¹`) are not digits here, so they never stick to a word.
 */

/** One word of a text, with its offsets. */
export interface WordToken {
  word: string;
  start: number;
  end: number;
}

// Linear: each separator must be followed by a letter or digit, so no two branches compete.
const WORD = /[\p{L}\p{Nd}]+(?:['’\u02bc-][\p{L}\p{Nd}]+)*/gu;

/** The words of `text` in order, with their offsets. Pure. */
export function tokenizeWords(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of text.matchAll(WORD)) tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  return tokens;
}

/** The form under which a word is counted in a text's vocabulary: lower case, one apostrophe. */
export function foldWord(word: string): string {
  return word.toLowerCase().replace(/[’\u02bc]/gu, "'");
}

/** The parts of a hyphenated word (the word itself when it has no hyphen). */
export function wordParts(word: string): string[] {
  return word.split('-');
}

/** Whether the word has at least one letter (pure numbers are never checked). */
export function hasLetter(word: string): boolean {
  return /\p{L}/u.test(word);
}

/**
 * Replaces every occurrence of `word` standing as a whole word in `text` by `replacement`: other
 * words that merely contain it are left alone. Returns the text unchanged when it has none.
 */
export function replaceWord(text: string, word: string, replacement: string): string {
  let result = '';
  let last = 0;
  for (const token of tokenizeWords(text)) {
    if (token.word !== word) continue;
    result += text.slice(last, token.start) + replacement;
    last = token.end;
  }
  return last === 0 ? text : result + text.slice(last);
}
