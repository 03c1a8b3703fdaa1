import { foldWord, hasLetter, tokenizeWords, wordParts } from './words';

/**
 * How often a word must occur in a text (its work, or the whole volume it was printed in) to be
 * trusted without a dictionary: a misreading is rarely made the same way three times, while the
 * names, terms and spellings of a text recur (`Zinoviev`, `kulaks`, `labour`). Measured on the
 * OCR'd volume of the corpus (docs/import.md, "Suspected OCR errors"): at two, repeated misreadings
 * such as a recurring broken word were trusted; at four, rare but correct names became suspects.
 */
export const TRUSTED_OCCURRENCES = 3;

/** The words of a body of text with their counts, folded (`foldWord`); hyphenated words also count each part. */
export type Vocabulary = ReadonlyMap<string, number>;

/** Counts the words of `texts` (see {@link Vocabulary}). Pure, linear in the texts' length. */
export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const counts = new Map<string, number>();
  const add = (word: string) => {
    const folded = foldWord(word);
    counts.set(folded, (counts.get(folded) ?? 0) + 1);
  };
  for (const text of texts) {
    for (const { word } of tokenizeWords(text)) {
      if (!hasLetter(word)) continue;
      add(word);
      const parts = wordParts(word);
      if (parts.length > 1) for (const part of parts) if (hasLetter(part)) add(part);
    }
  }
  return counts;
}

/** Whether the text uses the word often enough to be trusted (`threshold` occurrences). */
export function isTrustedByVocabulary(vocabulary: Vocabulary, word: string, threshold = TRUSTED_OCCURRENCES): boolean {
  return (vocabulary.get(foldWord(word)) ?? 0) >= threshold;
}
