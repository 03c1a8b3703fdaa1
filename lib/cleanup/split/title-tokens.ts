/**
 * Title comparison for the work splitter: a title printed in a table of contents and the same title
 * printed over the work differ in case, line breaks, quotes, footnote numbers glued to words and OCR
 * noise, so both are reduced to word tokens and compared by how much of the contents title the
 * heading covers.
 */

/**
 * Reduces a text to comparable word tokens: case-folded, accents dropped, apostrophes and
 * abbreviation points removed (so "E.C.C.I." and "ECCI" agree), other punctuation and quotes treated
 * as spaces, and digits separated from letters (a footnote number glued to a heading word,
 * "E.C.C.I.48", must not change the word).
 */
export function titleTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`.]/gu, '')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((token) => token.length > 0);
}

/** Whether two strings are at most one insertion, deletion or substitution apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else {
      i += 1;
      j += 1;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * Whether two tokens are the same word allowing one OCR error; short words must match exactly,
 * since one letter changes them into other words ("in"/"on", "war"/"was").
 */
export function sameToken(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && withinOneEdit(a, b));
}

/**
 * The share (0..1) of the title's tokens found in the candidate heading's tokens, each heading token
 * used once. A long title word may also be found inside the heading written without spaces, which
 * covers OCR letter-spacing ("Chi n a") that cleanup did not repair.
 */
export function titleCoverage(title: readonly string[], heading: readonly string[]): number {
  if (title.length === 0) return 0;
  const unused = [...heading];
  const joined = heading.join('');
  let found = 0;
  for (const token of title) {
    let index = unused.indexOf(token);
    if (index < 0) index = unused.findIndex((candidate) => sameToken(token, candidate));
    if (index >= 0) {
      unused.splice(index, 1);
      found += 1;
    } else if (token.length >= 4 && joined.includes(token)) {
      found += 1;
    }
  }
  return found / title.length;
}
