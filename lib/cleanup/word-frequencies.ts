/** Words (letters with inner hyphens or apostrophes), case-folded, with their counts in the text. */
export function wordFrequencies(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/\p{L}+(?:['’-]\p{L}+)*/gu)) {
    const word = match[0].toLowerCase();
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}
