import { wordParts } from './words';

/** Why a word's shape alone makes it suspect. */
export type ShapeReason = 'MIXED_CASE' | 'LETTERS_AND_DIGITS' | 'MIXED_SCRIPT';

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * A number followed by a short lower-case ending, as languages write ordinals and decades
 * (`1st`, `20th`, `1920s`). Russian writes its endings after a hyphen (`1-й`), which splits the
 * word into parts before this check.
 */
const NUMBER_WITH_ENDING = /^\p{Nd}+\p{Ll}{1,2}$/u;

/**
 * Prefixes after which a capital is part of a name (`McDonald`, `MacArthur`, `O’Brien`,
 * `FitzGerald`): a capital after them is no sign of a misread letter.
 */
const NAME_PREFIX = /^(?:Mc|Mac|Fitz)\p{Lu}\p{Ll}+$/u;

/**
 * The shape faults of one word, as OCR makes them and people rarely write them:
 * - `MIXED_SCRIPT`: Latin and Cyrillic letters in one word (`пaртия` with a Latin `a`): look-alike
 *   letters read from the wrong alphabet, very common in Russian OCR.
 * - `LETTERS_AND_DIGITS`: a part of the word mixes letters and digits (`l9l7`, `s0cialism`), other
 *   than a number with a short ending (`20th`, `1920s`).
 * - `MIXED_CASE`: a lower-case letter followed by a capital inside a part (`woRks`, `sociaIist`,
 *   `CTAlnH`), or a run of capitals followed by lower case other than a plural `s` (`THe`, but
 *   not `MPs`), except after a name prefix (`McDonald`). Names the dictionary knows with such a
 *   shape (`iPhone`) are trusted by the caller, which asks the dictionary first.
 * Pure; linear in the word's length.
 */
export function shapeFaults(word: string): ShapeReason[] {
  const reasons: ShapeReason[] = [];
  if (LATIN.test(word) && CYRILLIC.test(word)) reasons.push('MIXED_SCRIPT');
  const parts = wordParts(word.replace(/[’'\u02bc]/gu, '-'));
  if (parts.some(mixesLettersAndDigits)) reasons.push('LETTERS_AND_DIGITS');
  if (parts.some(hasOddCase)) reasons.push('MIXED_CASE');
  return reasons;
}

function mixesLettersAndDigits(part: string): boolean {
  return /\p{Nd}/u.test(part) && /\p{L}/u.test(part) && !NUMBER_WITH_ENDING.test(part);
}

function hasOddCase(part: string): boolean {
  if (NAME_PREFIX.test(part)) return false;
  // A lower-case letter followed by a capital, anywhere in the part.
  if (/\p{Ll}\p{Lu}/u.test(part)) return true;
  // Two or more capitals, then lower case that is not a plural `s` (THe, SOcialism; not MPs).
  const match = /^\p{Lu}{2,}(\p{Ll}+)$/u.exec(part);
  return match !== null && match[1] !== 's';
}
