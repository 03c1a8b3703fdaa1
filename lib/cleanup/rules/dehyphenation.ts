import { examplesOf } from '../text-edits';
import type { CleanupInput, RuleProposal, TextEdit } from '../types';
import { wordFrequencies } from '../word-frequencies';

/** A word broken at a line end: `counter-` / `revolution`, `“ultra- ` / `Lefts”` (anchored at word starts, so matching stays linear). */
const BREAK = /(?<!\p{L})(\p{L}+)-[ \t]*\r?\n[ \t]*(\p{L}+)/gu;

/**
 * Rejoins words broken across a line end. The decision comes from the text itself: the joined
 * word written elsewhere → join without the hyphen; the hyphenated form written elsewhere → keep
 * the hyphen; neither → keep it before a capital (`Fischer-` / `Maslow`), after a prefix the
 * text uses in other hyphenated compounds or between two words the text uses alone, otherwise join. The line break is removed either way,
 * so the word is never split by it.
 */
export function detectDehyphenation({ text }: CleanupInput): RuleProposal {
  // The broken halves themselves must not count as words written elsewhere.
  const frequencies = wordFrequencies(text.replace(BREAK, ' '));
  const prefixes = new Map<string, number>();
  for (const [word, count] of frequencies) {
    const dash = word.indexOf('-');
    if (dash > 0) {
      const prefix = word.slice(0, dash);
      prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + count);
    }
  }
  const edits: TextEdit[] = [];
  let joined = 0;
  let kept = 0;
  for (const match of text.matchAll(BREAK)) {
    const first = match[1] ?? '';
    const second = match[2] ?? '';
    // Word-level context: the compound may continue before the break ("anti-counter-").
    const lead = /[\p{L}-]*$/u.exec(text.slice(Math.max(0, match.index - 40), match.index))?.[0] ?? '';
    const head = (lead + first).toLowerCase();
    const tail = second.toLowerCase();
    const joinedCount = frequencies.get(head + tail) ?? 0;
    const hyphenCount = frequencies.get(`${head}-${tail}`) ?? 0;
    let keepHyphen: boolean;
    if (joinedCount !== hyphenCount) keepHyphen = hyphenCount > joinedCount;
    else {
      // Undecided by the text: a capital after the break (`Fischer-` / `Maslow`), a prefix the
      // text hyphenates elsewhere, or two words the text uses on their own (`well` + `known`)
      // make a compound; a fragment (`his-` / `torian`) is a broken word.
      const isWord = (part: string) => part.length >= 3 && (frequencies.get(part.toLowerCase()) ?? 0) > 0;
      keepHyphen = /^\p{Lu}/u.test(second) || (prefixes.get(first.toLowerCase()) ?? 0) >= 2 || (isWord(first) && isWord(second));
    }
    const start = match.index + first.length;
    const end = match.index + match[0].length - second.length;
    edits.push({ start, end, replacement: keepHyphen ? '-' : '', ruleId: 'dehyphenation' });
    if (keepHyphen) kept++;
    else joined++;
  }
  return {
    ruleId: 'dehyphenation',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summary: edits.length === 0 ? 'no line-break hyphens' : `${edits.length} line-break hyphens (${joined} joined, ${kept} kept)`,
  };
}
