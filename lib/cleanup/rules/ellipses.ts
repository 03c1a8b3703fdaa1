import { examplesOf } from '../text-edits';
import type { CleanupInput, RuleProposal, TextEdit } from '../types';

/**
 * Full stops of other scripts that a Latin or Cyrillic text gets as a stray ellipsis when it was
 * typed on another keyboard or copied from another page: the Urdu full stop `۔`, the ideographic
 * and full-width stops `。 ｡ ．`, the Devanagari danda `।` and the Ethiopic full stop `።`.
 */
const FOREIGN_STOPS = new Set([...'۔。｡．।።']);
/** How far from a run its nearest letters are looked for. */
const CONTEXT = 20;
/** Letters of the scripts the rule repairs text in: a run among other letters is that script's own punctuation. */
const HOME_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const LETTER = /\p{L}/u;

/** The nearest letter to `from` going by `step` (±1), within the line and {@link CONTEXT} characters. */
function nearestLetter(text: string, from: number, step: 1 | -1): string | null {
  for (let at = from, seen = 0; at >= 0 && at < text.length && seen < CONTEXT; at += step, seen += 1) {
    const ch = text[at] as string;
    if (ch === '\n') return null;
    if (LETTER.test(ch)) return ch;
  }
  return null;
}

/**
 * Replaces runs of two or more such full stops (`“۔۔۔When Lenin died`) by an ellipsis `…`, where
 * the nearest letters on both sides (within the line) are Latin, Cyrillic or Greek — at least one
 * of them there, none of another script: an Urdu or Chinese sentence keeps its own punctuation.
 * One pass over the text.
 */
export function detectEllipses({ text }: CleanupInput): RuleProposal {
  const edits: TextEdit[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (!FOREIGN_STOPS.has(text[i] as string)) continue;
    let end = i + 1;
    while (end < text.length && FOREIGN_STOPS.has(text[end] as string)) end += 1;
    if (end - i >= 2) {
      const before = nearestLetter(text, i - 1, -1);
      const after = nearestLetter(text, end, 1);
      const isHome = (letter: string | null) => letter === null || HOME_LETTER.test(letter);
      if ((before !== null || after !== null) && isHome(before) && isHome(after)) edits.push({ start: i, end, replacement: '…', ruleId: 'ellipses' });
    }
    i = end - 1;
  }
  return {
    ruleId: 'ellipses',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summaryValues: { count: edits.length },
    summary: edits.length === 0 ? 'no stray full stops as ellipses' : `${edits.length} ${edits.length === 1 ? 'run' : 'runs'} of another script’s full stops made an ellipsis`,
  };
}
