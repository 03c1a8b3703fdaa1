/**
 * Words as name recognition reads them, and their keys (docs/names.md, "Recognition"). Pure: the
 * recognition, the seeding and the forms an editor writes all cut and key words here, so a form
 * and a text always compare alike.
 */

/** A word of a text or of a name's form. */
export interface NameWord {
  /** UTF-16 offsets in the text; a possessive `'s` is left out (`Zinoviev's` is the word `Zinoviev`). */
  start: number;
  end: number;
  text: string;
  /** Written in Latin letters only: compared by {@link latinKey}; other words by their stems. */
  isLatin: boolean;
  /** A capital letter standing for a name, with or without its period (`Г.`, `G.`, `Ye.`). */
  isInitial: boolean;
  /** Begins with a capital letter. */
  isCapitalised: boolean;
  /** Two letters or more, all capitals (a heading, an acronym). */
  isAllCaps: boolean;
  /** {@link latinKey} of a Latin word, {@link scriptKey} of any other. */
  key: string;
}

/**
 * A word: letters and their marks, apostrophes and primes inside it (`Zinov'ev`, `Zinov’yev`;
 * the modifier letters ʹ and ʼ are letters already). Hyphens, digits and other marks cut words.
 */
const WORD = /[\p{L}\p{M}]+(?:['’′][\p{L}\p{M}]+)*/gu;
/** An English possessive at the end of a word. */
const POSSESSIVE = /['’][sS]$/u;
/** Characters outside the Latin script that may stand in a Latin word. */
const LATIN_WORD = /^[\p{Script=Latin}\p{M}\p{Lm}'’′]+$/u;
/** Apostrophes and primes, dropped from Latin keys (ALA-LC's soft sign ʹ, BGN/PCGN's ’, ASCII '). */
const APOSTROPHES = /['’′ʹʼ`´ʻʽ″]/gu;
/** Latin letters that no Unicode decomposition takes to a base letter. */
const LATIN_FOLDS: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ı: 'i', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };
const LATIN_FOLD = new RegExp(`[${Object.keys(LATIN_FOLDS).join('')}]`, 'gu');

/**
 * The key of a Latin word: diacritics, apostrophes and primes dropped, lower-cased, so that
 * `Zinovʹev`, `Zinov'ev` and `Zinovev` are one word, and `Dzeržinskij` is `dzerzinskij`.
 */
export function latinKey(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
    .replace(LATIN_FOLD, (letter) => LATIN_FOLDS[letter] ?? letter)
    .replace(/\p{Lm}/gu, '');
}

/**
 * The key of a word in another script: lower-cased, stress marks dropped, ё written е (Russian
 * texts write both), so that `Пётр` and `Петр` are one word. Other marks stay (й is и with a breve).
 */
export function scriptKey(word: string): string {
  return word.normalize('NFD').replace(/[\u0300\u0301]/gu, '').normalize('NFC').toLowerCase().replace(/ё/gu, 'е');
}

/** Whether a word is written in Latin letters (and apostrophes, primes, marks) only. */
export function isLatinWord(word: string): boolean {
  return LATIN_WORD.test(word);
}

/** The key of any word: {@link latinKey} or {@link scriptKey} by its script. */
export function wordKey(word: string): string {
  return isLatinWord(word) ? latinKey(word) : scriptKey(word);
}

/** The words of a text, in order. Linear in the text's length. */
export function nameWords(text: string): NameWord[] {
  const words: NameWord[] = [];
  for (const match of text.matchAll(WORD)) {
    let written = match[0];
    const start = match.index;
    if (POSSESSIVE.test(written) && written.length > 3) written = written.slice(0, -2);
    const end = start + written.length;
    const isLatin = isLatinWord(written);
    const letters = [...written.replace(/[^\p{L}]/gu, '')];
    const first = letters[0] ?? '';
    const isCapitalised = first !== first.toLowerCase();
    const isAllCaps = letters.length > 1 && written === written.toUpperCase() && written !== written.toLowerCase();
    const followedByPeriod = text[end] === '.';
    // One capital, or a Latin digraph standing for one Cyrillic letter (Ye., Yu., Zh.) before its period.
    const isInitial = isCapitalised && (letters.length === 1 || (letters.length === 2 && isLatin && followedByPeriod && !isAllCaps));
    words.push({ start, end, text: written, isLatin, isInitial, isCapitalised, isAllCaps, key: isLatin ? latinKey(written) : scriptKey(written) });
  }
  return words;
}

/**
 * Whether two neighbouring words may be parts of one name: only spaces between them, an
 * initial's period, or a hyphen (`Г. Е. Зиновьев`, `Петров-Водкин`), never a comma or a line
 * of other text.
 */
export function isNameJoin(text: string, before: NameWord, after: NameWord): boolean {
  const gap = text.slice(before.end, after.start);
  return gap.length <= 3 && /^[ \u00a0\u202f]*[.\-\u2010\u2011]?[ \u00a0\u202f]*$/u.test(gap) && gap.length > 0;
}

/** A word of a name's form as stored: its key and stem (lib/names/name-forms.ts). */
export interface FormWord {
  key: string;
  stem: string;
  isLatin: boolean;
  isInitial: boolean;
}

/** The words of a name's form in matching order, and which is the head (the surname; a place's last word). */
export interface FormWords {
  words: NameWord[];
  head: number;
}

/**
 * The words of a name's form: given names first and the surname last. An index-order form
 * (`Zinoviev, Grigory Yevseyevich`) is read in that order (`Grigory Yevseyevich Zinoviev`). The
 * head is the last word that is not an initial (`Г. Е. Зиновьев`: `Зиновьев`); a place's head is
 * its last word. Null for a form with no word.
 */
export function formWords(text: string, kind: 'PERSON' | 'PLACE'): FormWords | null {
  const comma = text.indexOf(',');
  const words = comma < 0 ? nameWords(text) : [...nameWords(text.slice(comma + 1)).map((word) => shift(word, comma + 1)), ...nameWords(text.slice(0, comma))];
  if (words.length === 0) return null;
  let head = words.length - 1;
  if (kind === 'PERSON') {
    while (head > 0 && words[head]?.isInitial) head -= 1;
    if (words[head]?.isInitial) head = words.length - 1;
  }
  return { words, head };
}

function shift(word: NameWord, by: number): NameWord {
  return { ...word, start: word.start + by, end: word.end + by };
}

/**
 * A name written in capitals (a heading's `ЗИНОВЬЕВ`) in title case (`Зиновьев`): transliteration
 * systems read a capital as the start of a word (`ZINOVYeV`). Words in mixed case are kept.
 */
export function titleCaseCapitals(text: string): string {
  return text.replace(WORD, (word) => {
    if (word !== word.toUpperCase() || word === word.toLowerCase()) return word;
    const [first = '', ...rest] = [...word];
    return first + rest.join('').toLowerCase();
  });
}
