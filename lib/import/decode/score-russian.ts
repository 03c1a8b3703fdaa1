/** The most frequent letters of Russian text (about 60% of all letters). */
const COMMON_LETTERS = new Set([...'оеаинтсрвлкмдпу']);
/** Frequent Russian bigrams. */
const COMMON_BIGRAMS = new Set(['ст', 'но', 'то', 'на', 'ен', 'ов', 'ни', 'ра', 'во', 'ко', 'ро', 'ал', 'ет', 'по', 'пр', 'ли', 'ре', 'ос', 'ть', 'не', 'ан', 'ак', 'ог', 'ол', 'ер', 'од', 'ел', 'та', 'ва', 'ка']);

/**
 * How Russian a decoded text reads, 0..1: the share of common Russian letters among Cyrillic
 * letters, the share of common bigrams, and the share of lowercase letters (running Russian text
 * is mostly lowercase; KOI8-R read as Windows-1251 and vice versa swaps the cases and scatters
 * the frequencies). Non-Cyrillic text scores 0.
 */
export function scoreRussian(text: string): number {
  let cyrillic = 0;
  let common = 0;
  let lower = 0;
  let bigrams = 0;
  let commonBigrams = 0;
  let previous = '';
  for (const ch of text) {
    const isCyrillic = ch >= '\u0400' && ch <= '\u04ff';
    if (!isCyrillic) {
      previous = '';
      continue;
    }
    cyrillic++;
    const folded = ch.toLowerCase();
    if (folded === ch) lower++;
    if (COMMON_LETTERS.has(folded)) common++;
    if (previous) {
      bigrams++;
      if (COMMON_BIGRAMS.has(previous + folded)) commonBigrams++;
    }
    previous = folded;
  }
  if (cyrillic === 0) return 0;
  const letters = [...text].filter((ch) => /\p{L}/u.test(ch)).length;
  const cyrillicShare = cyrillic / Math.max(1, letters);
  const score = (common / cyrillic) * 0.4 + (bigrams ? commonBigrams / bigrams : 0) * 0.8 + (lower / cyrillic) * 0.3;
  return Math.min(1, score * cyrillicShare);
}
