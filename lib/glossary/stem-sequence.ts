/**
 * Stems in a text, as the glossary matches them: pure helpers over the tokens `stemTokens` reads
 * from PostgreSQL (lib/glossary/stem-tokens.ts). They run anywhere, the browser included.
 */

/** One word of a text: where it stands (UTF-16 offsets, `end` exclusive) and its stem. */
export interface StemToken {
  start: number;
  end: number;
  stem: string;
}

/** Whether the tokens from `at` on have the stems `stems`, in order (false for no stems). */
export function isStemSequenceAt(tokens: readonly StemToken[], stems: readonly string[], at: number): boolean {
  if (stems.length === 0 || at < 0 || at + stems.length > tokens.length) return false;
  for (let j = 0; j < stems.length; j += 1) if (tokens[at + j]?.stem !== stems[j]) return false;
  return true;
}

/**
 * The index of the first token of the first run of consecutive `tokens` (from `from` on) whose
 * stems are `stems`, in order; -1 when there is none (or `stems` is empty).
 */
export function findStemSequence(tokens: readonly StemToken[], stems: readonly string[], from = 0): number {
  for (let i = Math.max(0, from); i + stems.length <= tokens.length; i += 1) if (isStemSequenceAt(tokens, stems, i)) return i;
  return -1;
}

/**
 * Whether `stems` stand one after the other among `tokens`: whether a text holds a term (or a
 * translation of one, stemmed the same way in the text's language) in any inflected form.
 */
export function containsStemSequence(tokens: readonly StemToken[], stems: readonly string[]): boolean {
  return findStemSequence(tokens, stems) >= 0;
}

/**
 * Places the tokens PostgreSQL's parser read from `text` (in order, each a piece of the text as
 * written) at their UTF-16 offsets. The parser leaves out nothing but blanks and punctuation
 * between them, so each is found after the previous one; a token not found (which the parser
 * never gives) is left out.
 */
export function locateTokens(text: string, tokens: readonly { token: string; stem: string }[]): StemToken[] {
  const located: StemToken[] = [];
  let cursor = 0;
  for (const { token, stem } of tokens) {
    const start = token === '' ? -1 : text.indexOf(token, cursor);
    if (start < 0) continue;
    located.push({ start, end: start + token.length, stem });
    cursor = start + token.length;
  }
  return located;
}
