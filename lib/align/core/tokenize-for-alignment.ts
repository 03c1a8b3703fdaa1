import { transliterateCyrillic } from './transliterate-cyrillic';

/**
 * Turns one sentence into the tokens the aligner compares across languages.
 *
 * - Words are lower-cased, transliterated from Cyrillic and stripped of diacritics
 *   (NFKD), so "Expédition" and "Expedition", or "Сталин" and "Stalin", become equal strings.
 *   Single letters are dropped: they are mostly elided articles or initials. "ß" is written "ss",
 *   as Swiss German spells it (a dictionary's "groß" meets a Swiss text's "gross").
 * - Numbers keep their digits (NFKD also turns superscript footnote markers such as "¹" into digits).
 * - Punctuation that survives translation becomes a marker token starting with "#":
 *   every kind of quotation mark is one token ("#q", since German „…“ becomes French «…»),
 *   and "?", "!", "(", "[", ":", ";", "*", "†" keep their own marker.
 */
export function tokenizeForAlignment(sentence: string): string[] {
  const normal = transliterateCyrillic(sentence.toLowerCase().replace(SHARP_S, 'ss')).normalize('NFKD');
  const tokens: string[] = [];
  for (const match of normal.matchAll(TOKEN)) {
    const text = match[0];
    const code = text.charCodeAt(0);
    if (code >= 48 && code <= 57) {
      tokens.push(text);
    } else if (text.length === 1 && !LETTER.test(text)) {
      const marker = PUNCTUATION[text];
      if (marker) tokens.push(marker);
    } else {
      const word = text.replace(COMBINING, '');
      if (word.length > 1) tokens.push(word);
    }
  }
  return tokens;
}

/** Letters may carry combining marks after NFKD; they are stripped afterwards. */
const TOKEN = /[0-9]+|[\p{L}\p{M}]+|[^\s\p{L}\p{M}0-9]/gu;
const LETTER = /\p{L}/u;
const SHARP_S = /ß/gu;
const COMBINING = /\p{M}/gu;

const PUNCTUATION: Record<string, string> = {
  '"': '#q', '«': '#q', '»': '#q', '„': '#q', '“': '#q', '”': '#q', '‹': '#q', '›': '#q', '‟': '#q',
  '?': '#?', '!': '#!', '(': '#(', ')': '#(', '[': '#[', ']': '#[', ':': '#:', ';': '#;', '*': '#*', '†': '#†',
};
