/**
 * Made-up text for bench/collab.ts: Markdown paragraphs of plain sentences (no abbreviations, no
 * initials), so that the segmenter makes exactly one segment per sentence.
 */
const SYLLABLES = ['ka', 'lo', 'mer', 'in', 'tas', 'vo', 'ru', 'den', 'sil', 'na', 'por', 'te', 'gra', 'mun', 'el', 'sto', 'bi', 'ar', 'quen', 'dol'];

function word(random: () => number, minSyllables: number): string {
  let text = '';
  const count = minSyllables + Math.floor(random() * 3);
  for (let i = 0; i < count; i += 1) text += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return text;
}

function sentence(random: () => number): string {
  const count = 6 + Math.floor(random() * 12);
  const words: string[] = [];
  for (let i = 0; i < count; i += 1) words.push(word(random, i === count - 1 ? 2 : 1));
  const first = words[0] as string;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  if (count > 10) words[Math.floor(count / 2)] += ',';
  return `${words.join(' ')}.`;
}

/** `paragraphs` paragraphs of `sentencesPerParagraph` sentences each. */
export function madeUpText({ paragraphs, sentencesPerParagraph, random }: { paragraphs: number; sentencesPerParagraph: number; random: () => number }): string {
  const blocks: string[] = [];
  for (let p = 0; p < paragraphs; p += 1) {
    const sentences: string[] = [];
    for (let s = 0; s < sentencesPerParagraph; s += 1) sentences.push(sentence(random));
    blocks.push(sentences.join(' '));
  }
  return `${blocks.join('\n\n')}\n`;
}
