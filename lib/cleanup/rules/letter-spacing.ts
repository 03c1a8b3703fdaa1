import type { EmphasisSpan } from '../../segment/emphasis';
import { examplesOf } from '../text-edits';
import type { CleanupInput, RuleProposal, TextEdit } from '../types';

/**
 * A run of short letter groups separated by single spaces, e.g. `S T A L I N`, `wr i t e s`,
 * `At i t s f i r s t`. Groups are one or two letters; the run is judged below.
 */
const RUN = /(?<![\p{L}\p{N}.'’-])\p{L}{1,2}(?: \p{L}{1,2})+(?![\p{L}\p{N}'’-])/gu;

/** Longest word the segmenter tries; longer vocabulary entries are rare and slow the search. */
const MAX_WORD = 24;

/** One capital inside an otherwise lowercase word: `necesSary`, `tHe`. */
const STRAY_CAPITAL = /^\p{Ll}+\p{Lu}\p{Ll}+$/u;

/**
 * A word of the text's vocabulary: letters, with the apostrophes inside it (`didn’t`, `Trotsky’s`):
 * read apart, their `t` and `s` would count as letters the text sets alone, and a spaced `i t s`
 * would look like ordinary text.
 */
const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const LOWERCASE = /\p{Ll}/u;
/** A capital I inside small letters: OCR's l. */
const READ_AS_L = /(?<=\p{Ll})I(?=\p{Ll})/gu;
/** Before a letter that is no word of its own: an abbreviation's full stop, an apostrophe. */
const NOT_A_WORD_BEFORE = /^['’‘.]$/u;

/** A rejoined run: its edit, and which of the words it became were spaced letter by letter. */
interface Rejoined {
  edit: TextEdit;
  words: string[];
  isEmphasis: boolean[];
}

/**
 * Rejoins letter-spaced words (`C O N T E N T S` → `CONTENTS`, `wr i t e s` → `writes`,
 * `W O R K E R S O F A L L` → `WORKERS OF ALL`). Word boundaries inside a run come from the
 * text's own vocabulary: the run's letters are split into the fewest known words. The same
 * vocabulary repairs a capital OCR put inside a word (`necesSary` → `necessary`) when the text
 * writes that word in lowercase elsewhere.
 *
 * Letter spacing is how Russian and German printing emphasise, so the words a run spelled letter
 * by letter (`i t s f i r s t` → `its first`) are reported as emphasis (`data.emphasis`), with a
 * one-letter word between or beside them (`a l i t t l e` → `a little`). Words of two-letter
 * groups (`wr i t e s`: a wide line of a justified page read apart by OCR) are not, and neither
 * is a run without a small letter (`C O N T E N T S`, `S T A L I N`: titles and running heads set
 * in spaced capitals, a matter of display, not emphasis).
 */
export function detectLetterSpacing({ text }: CleanupInput): RuleProposal {
  const runs = [...text.matchAll(RUN)];
  // Vocabulary from the text outside the runs: a run's own letters must not vouch for themselves.
  const masked = maskRuns(text, runs);
  const tokens = [...masked.matchAll(/\p{L}+/gu)];
  const rejoined = rejoinRuns(runs, tokens, masked);
  const lowered = lowerStrayCapitals(tokens);
  const edits = [...rejoined.map((run) => run.edit), ...lowered].sort((a, b) => a.start - b.start);
  const emphasis = emphasisOf(edits, rejoined);
  const parts = [
    rejoined.length > 0 ? `${rejoined.length} letter-spaced words rejoined` : null,
    emphasis.length > 0 ? `${emphasis.length} kept as emphasis` : null,
    lowered.length > 0 ? `${lowered.length} stray capitals lowered` : null,
  ];
  return {
    ruleId: 'letter-spacing',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summaryValues: { count: edits.length, rejoined: rejoined.length, emphasis: emphasis.length, lowered: lowered.length },
    summary: edits.length === 0 ? 'no letter-spaced words' : parts.filter(Boolean).join(', '),
    ...(emphasis.length > 0 ? { data: { emphasis } } : {}),
  };
}

/** The emphasised words of the rejoined runs, as offsets into the text after all `edits` (sorted). */
function emphasisOf(edits: readonly TextEdit[], rejoined: readonly Rejoined[]): EmphasisSpan[] {
  const byEdit = new Map(rejoined.map((run) => [run.edit, run]));
  const spans: EmphasisSpan[] = [];
  let delta = 0;
  for (const edit of edits) {
    const run = byEdit.get(edit);
    if (run) {
      // Where the replacement stands in the output, then each word in it (joined by single spaces).
      let at = edit.start + delta;
      run.words.forEach((word, index) => {
        const last = spans.at(-1);
        if (run.isEmphasis[index]) {
          if (last && last.end === at - 1 && index > 0 && run.isEmphasis[index - 1]) last.end = at + word.length;
          else spans.push({ start: at, end: at + word.length });
        }
        at += word.length + 1;
      });
    }
    delta += edit.replacement.length - (edit.end - edit.start);
  }
  return spans;
}

/**
 * Which words of a run were spelled letter by letter: a word of two letters or more made only of
 * one-letter groups, and a one-letter word beside such a word. None in a run without a small letter.
 */
function spacedWords(groups: readonly string[], words: readonly string[]): boolean[] {
  if (!LOWERCASE.test(groups.join(''))) return words.map(() => false);
  // The length of the group each letter of the run came from.
  const groupOf: number[] = groups.flatMap((group) => Array.from({ length: group.length }, () => group.length));
  let letter = 0;
  const isSpaced = words.map((word) => {
    const from = letter;
    letter += word.length;
    return word.length >= 2 && groupOf.slice(from, letter).every((length) => length === 1);
  });
  let position = 0;
  return words.map((word, index) => {
    const isSingle = word.length === 1 && groupOf[position] === 1;
    position += word.length;
    return isSpaced[index] === true || (isSingle && (isSpaced[index - 1] === true || isSpaced[index + 1] === true));
  });
}

function rejoinRuns(runs: RegExpExecArray[], tokens: RegExpExecArray[], masked: string): Rejoined[] {
  if (runs.length === 0) return [];
  const vocabulary = new Map<string, number>();
  const neutralSingles = new Map<string, number>();
  for (const token of tokens) {
    const word = token[0].toLowerCase();
    if (word.length >= 2) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
  }
  // Letters that stand alone as words: the `t` of `didn’t`, the `s` of `Trotsky’s` (`T.U.C.’s`,
  // `Trotsky ’s`) and the letters of initials and abbreviations (`J. V.`, `T.U.C.`, `p. 64`) do not.
  for (const match of masked.matchAll(WORD)) {
    if (match[0].length !== 1 || masked[match.index + 1] === '.' || NOT_A_WORD_BEFORE.test(masked[match.index - 1] ?? '')) continue;
    const letter = match[0].toLowerCase();
    neutralSingles.set(letter, (neutralSingles.get(letter) ?? 0) + 1);
  }
  for (const [letter, count] of neutralSingles) vocabulary.set(letter, count);
  let maxSingle = 0;
  for (const count of neutralSingles.values()) maxSingle = Math.max(maxSingle, count);
  // A single letter that hardly ever stands alone in ordinary context ("t", "s") betrays letter
  // spacing; "a" and "I" do not. The floor of 2 tolerates a stray OCR letter.
  const isSuspicious = (letter: string) => (neutralSingles.get(letter.toLowerCase()) ?? 0) <= Math.max(2, maxSingle * 0.005);

  const rejoined: Rejoined[] = [];
  for (const run of runs) {
    const groups = run[0].split(' ');
    const singles = groups.filter((g) => g.length === 1);
    const suspicious = singles.filter(isSuspicious).length;
    if (singles.length < 2 || suspicious === 0) continue;
    const letters = groups.join('');
    let words = segment(letters, vocabulary);
    if (!words && singles.length >= 3 && suspicious >= 2) words = [letters]; // clearly spaced, unknown word
    if (!words) continue;
    const replacement = words.join(' ');
    if (replacement === run[0]) continue;
    const start = run.index;
    rejoined.push({ edit: { start, end: start + run[0].length, replacement, ruleId: 'letter-spacing' }, words, isEmphasis: spacedWords(groups, words) });
  }
  return rejoined;
}

/** Words with one capital inside, lowered when the text also writes the word all in lowercase. */
function lowerStrayCapitals(tokens: RegExpExecArray[]): TextEdit[] {
  const candidates = tokens.filter((token) => STRAY_CAPITAL.test(token[0]));
  if (candidates.length === 0) return [];
  const lowercase = new Set(tokens.map((token) => token[0]).filter((word) => word === word.toLowerCase()));
  return candidates
    .filter((token) => lowercase.has(token[0].toLowerCase()))
    .map((token) => ({ start: token.index, end: token.index + token[0].length, replacement: token[0].toLowerCase(), ruleId: 'letter-spacing' as const }));
}

function maskRuns(text: string, runs: readonly RegExpExecArray[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const run of runs) {
    const start = run.index ?? 0;
    parts.push(text.slice(cursor, start), ' '.repeat(run[0].length));
    cursor = start + run[0].length;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * Splits `letters` into the fewest vocabulary words (dynamic programming; ties go to the split
 * whose words are more frequent). Returns null when no full split exists. A capital I between
 * small letters is looked up as the l that OCR so often reads as one (`e x p I o i t e r s` is
 * `expIoiters`, one word, not ten); the letters themselves are kept as they are.
 */
function segment(letters: string, vocabulary: Map<string, number>): string[] | null {
  const lower = letters.replace(READ_AS_L, 'l').toLowerCase();
  const n = lower.length;
  const best: { words: number; score: number; from: number }[] = [{ words: 0, score: 0, from: -1 }];
  for (let end = 1; end <= n; end++) {
    let choice: { words: number; score: number; from: number } | undefined;
    for (let start = Math.max(0, end - MAX_WORD); start < end; start++) {
      const prev = best[start];
      if (!prev || prev.from === -2) continue;
      const count = vocabulary.get(lower.slice(start, end));
      if (count === undefined) continue;
      const words = prev.words + 1;
      const score = prev.score + Math.log(1 + count);
      if (!choice || words < choice.words || (words === choice.words && score > choice.score)) choice = { words, score, from: start };
    }
    best.push(choice ?? { words: Infinity, score: 0, from: -2 });
  }
  if ((best[n]?.from ?? -2) === -2) return null;
  const words: string[] = [];
  let end = n;
  while (end > 0) {
    const from = best[end]?.from ?? 0;
    words.unshift(letters.slice(from, end));
    end = from;
  }
  return words;
}
