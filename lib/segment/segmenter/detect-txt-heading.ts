/**
 * Heading detection for plain-text documents, which have no markup: a block
 * is a heading only if it is one short line that reads like a title.
 * Conservative on purpose — a paragraph wrongly shown as a heading is worse
 * than a heading shown as a paragraph.
 */

const MAX_HEADING_LENGTH = 100;
const MAX_TITLE_WORDS = 12;
const CLOSING_PUNCTUATION = /[\p{Pe}\p{Pf}"'»›]+$/u;
const SENTENCE_END = /[.!?:;,…]$/u;
/** "I", "II.", "IV.", "3", "2.1." optionally followed by the section's title. */
export const SECTION_NUMBER = /^(?:[IVXLCDM]+|\d{1,3}(?:\.\d{1,3})*)\.?(?:\s+|$)/u;
const MIN_UPPERCASE_SHARE = 0.8;

/** Function words left lowercase in Title Case ("Notes in the Margins of History"). */
export const MINOR_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'into',
  'onto', 'upon', 'over', 'under', 'as', 'per', 'via', 'vs', 'de', 'du', 'la', 'le', 'les', 'des', 'et', 'en',
  'und', 'der', 'die', 'das', 'den', 'dem', 'von', 'zu', 'im', 'am', 'für', 'mit', 'y', 'del', 'el', 'los', 'las',
  'и', 'в', 'на', 'о', 'об', 'с', 'к', 'по', 'из', 'за', 'для', 'от', 'до',
]);

/**
 * Returns the heading level (1 for all-caps titles, 2 for other titles and
 * numbered sections) if `line` looks like a plain-text heading, else null.
 *
 * @param line a block consisting of a single line, page markers already removed
 */
export function detectTxtHeading(line: string): 1 | 2 | null {
  const text = line.replace(/\s+/gu, ' ').trim();
  if (text === '' || text.length > MAX_HEADING_LENGTH || !/\p{L}/u.test(text)) return null;

  const section = SECTION_NUMBER.exec(text);
  if (section) {
    const title = text.slice(section[0].length);
    // A bare "II." ends with a period but is still a section heading.
    if (title === '') return 2;
    return titleLevel(title);
  }
  return titleLevel(text);
}

function titleLevel(text: string): 1 | 2 | null {
  if (SENTENCE_END.test(text.replace(CLOSING_PUNCTUATION, ''))) return null;
  if (isMostlyUppercase(text)) return 1;
  if (isTitleCase(text)) return 2;
  return null;
}

function isMostlyUppercase(text: string): boolean {
  let upper = 0;
  let cased = 0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lower === up) continue;
    cased++;
    if (ch === up) upper++;
  }
  return cased >= 2 && upper / cased >= MIN_UPPERCASE_SHARE;
}

function isTitleCase(text: string): boolean {
  // Dates, numbers and dashes do not make a title longer.
  const words = text.split(' ').filter((word) => /\p{L}/u.test(word));
  if (words.length > MAX_TITLE_WORDS) return false;
  let lexical = 0;
  for (const [i, word] of words.entries()) {
    const letters = word.replace(/^[^\p{L}]+/u, '');
    const first = letters.charAt(0);
    if (first === '') continue;
    const bare = letters.replace(/[^\p{L}\p{M}'’-]+$/u, '').toLowerCase();
    if (i > 0 && MINOR_WORDS.has(bare)) continue;
    lexical++;
    if (first === first.toLowerCase() && first !== first.toUpperCase()) return false;
  }
  return lexical > 0;
}
