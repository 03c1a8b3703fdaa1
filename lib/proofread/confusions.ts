/**
 * What OCR misreads, as single edits a correction may undo: character groups that look alike on a
 * scanned page, and letters of the Latin and Cyrillic alphabets that are drawn the same.
 */

/**
 * Groups that OCR reads for one another, both ways (`rn` for `m`, `c` for `e`, `I` or `1` for
 * `l`, `li` for `h`…). Each pair is applied once, at one place, to make a candidate; a longer list
 * would only make more words ambiguous, and an ambiguous word gets no proposal.
 */
export const OCR_CONFUSIONS: readonly (readonly [string, string])[] = [
  ['I', 'l'], ['l', '1'], ['I', '1'], ['i', 'l'], ['rn', 'm'], ['cl', 'd'], ['li', 'h'], ['ii', 'u'], ['vv', 'w'], ['ri', 'n'], ['in', 'm'],
  ['c', 'e'], ['h', 'b'], ['0', 'o'], ['0', 'O'], ['5', 'S'], ['8', 'B'],
  // Russian prints
  ['ш', 'щ'], ['и', 'п'], ['н', 'п'], ['е', 'с'], ['ь', 'ы'], ['3', 'з'], ['0', 'о'], ['ы', 'ьі'], ['ю', 'іо'],
];

/**
 * Single letters drawn alike enough for OCR to read one for another, by groups (`amomg` for
 * `among`, `opposilion` for `opposition`). Any letter of a group may stand for any other.
 */
const LOOKALIKE_GROUPS = ['ceoa', 'nuhbm', 'rv', 'iltfj', 'gqy', 'иплнк', 'есоэз', 'шщ', 'ьыъб', 'вб', 'ая'];

const LOOKALIKES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of LOOKALIKE_GROUPS) {
    for (const letter of group) {
      const others = map.get(letter) ?? new Set<string>();
      for (const other of group) if (other !== letter) others.add(other);
      map.set(letter, others);
    }
  }
  return new Map([...map].map(([letter, others]) => [letter, [...others]]));
})();

/** Cyrillic letter → the Latin letter drawn the same. */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', в: 'B', е: 'e', к: 'k', м: 'M', н: 'H', о: 'o', р: 'p', с: 'c', т: 'T', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
};

/** Latin letter → the Cyrillic letter drawn the same (lower-case `b`, `m`, `n`, `u` too, as OCR reads them for `в`, `т`, `п`, `и`). */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', i: 'і', m: 'т', n: 'п', u: 'и', b: 'в',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
};

/**
 * The word with every letter of one alphabet replaced by its look-alike in the other, for each
 * alphabet all its letters can be written in (`пaртия` → `партия`; `CTAlnH` has `l`, which no
 * Cyrillic letter looks like, so it only reads as Latin). Empty when the word is in one alphabet
 * already or neither reading is whole. Pure.
 */
export function scriptReadings(word: string): string[] {
  const chars = [...word];
  const hasLatin = chars.some((ch) => /\p{Script=Latin}/u.test(ch));
  const hasCyrillic = chars.some((ch) => /\p{Script=Cyrillic}/u.test(ch));
  if (!hasLatin || !hasCyrillic) return [];
  const readings: string[] = [];
  for (const table of [LATIN_TO_CYRILLIC, CYRILLIC_TO_LATIN]) {
    const from = table === LATIN_TO_CYRILLIC ? /\p{Script=Latin}/u : /\p{Script=Cyrillic}/u;
    const mapped = chars.map((ch) => (from.test(ch) ? table[ch] : ch));
    if (mapped.every((ch) => ch !== undefined)) readings.push(mapped.join(''));
  }
  return readings;
}

/**
 * Every word one OCR misreading away from `word`: one group of {@link OCR_CONFUSIONS} replaced, at
 * one place, by the group it is misread for, or one lower-case letter by a look-alike (the same
 * letter in upper case stands for its look-alikes in upper case). At most about
 * `word.length × (2 × OCR_CONFUSIONS.length + 5)` candidates. Pure.
 */
export function confusionEdits(word: string): string[] {
  const edits = new Set<string>();
  const chars = [...word];
  chars.forEach((ch, at) => {
    const lower = ch.toLowerCase();
    for (const other of LOOKALIKES.get(lower) ?? []) {
      chars[at] = ch === lower ? other : other.toUpperCase();
      edits.add(chars.join(''));
    }
    chars[at] = ch;
  });
  for (const [left, right] of OCR_CONFUSIONS) {
    for (const [from, to] of [[left, right], [right, left]] as const) {
      for (let at = word.indexOf(from); at >= 0; at = word.indexOf(from, at + 1)) {
        edits.add(word.slice(0, at) + to + word.slice(at + from.length));
      }
    }
  }
  edits.delete(word);
  return [...edits];
}

/**
 * The word with its case made regular: all capitals when most of its letters are capitals
 * (`CTAlnH` → `CTALNH`), else its first letter as it is and the rest in lower case (`woRks` →
 * `works`, `SOcialism` → `Socialism`). Pure.
 */
export function regularCase(word: string): string {
  const letters = [...word].filter((ch) => /\p{L}/u.test(ch));
  const upper = letters.filter((ch) => /\p{Lu}/u.test(ch)).length;
  if (upper * 2 > letters.length && letters.length > 1) return word.toUpperCase();
  const first = word.slice(0, 1);
  return first + word.slice(1).toLowerCase();
}
