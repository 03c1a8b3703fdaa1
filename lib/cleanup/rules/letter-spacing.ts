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
 * Rejoins letter-spaced words (`C O N T E N T S` → `CONTENTS`, `wr i t e s` → `writes`,
 * `W O R K E R S O F A L L` → `WORKERS OF ALL`). Word boundaries inside a run come from the
 * text's own vocabulary: the run's letters are split into the fewest known words. The same
 * vocabulary repairs a capital OCR put inside a word (`necesSary` → `necessary`) when the text
 * writes that word in lowercase elsewhere.
 */
export function detectLetterSpacing({ text }: CleanupInput): RuleProposal {
  const runs = [...text.matchAll(RUN)];
  // Vocabulary from the text outside the runs: a run's own letters must not vouch for themselves.
  const tokens = [...maskRuns(text, runs).matchAll(/\p{L}+/gu)];
  const rejoined = rejoinRuns(runs, tokens);
  const lowered = lowerStrayCapitals(tokens);
  const edits = [...rejoined, ...lowered].sort((a, b) => a.start - b.start);
  const parts = [rejoined.length > 0 ? `${rejoined.length} letter-spaced words rejoined` : null, lowered.length > 0 ? `${lowered.length} stray capitals lowered` : null];
  return {
    ruleId: 'letter-spacing',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summary: edits.length === 0 ? 'no letter-spaced words' : parts.filter(Boolean).join(', '),
  };
}

function rejoinRuns(runs: RegExpExecArray[], tokens: RegExpExecArray[]): TextEdit[] {
  if (runs.length === 0) return [];
  const vocabulary = new Map<string, number>();
  const neutralSingles = new Map<string, number>();
  for (const token of tokens) {
    const word = token[0].toLowerCase();
    if (word.length >= 2) vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
    else neutralSingles.set(word, (neutralSingles.get(word) ?? 0) + 1);
  }
  for (const [letter, count] of neutralSingles) vocabulary.set(letter, count);
  let maxSingle = 0;
  for (const count of neutralSingles.values()) maxSingle = Math.max(maxSingle, count);
  // A single letter that hardly ever stands alone in ordinary context ("t", "s") betrays letter
  // spacing; "a" and "I" do not. The floor of 2 tolerates a stray OCR letter.
  const isSuspicious = (letter: string) => (neutralSingles.get(letter.toLowerCase()) ?? 0) <= Math.max(2, maxSingle * 0.005);

  const edits: TextEdit[] = [];
  for (const run of runs) {
    const groups = run[0].split(' ');
    const singles = groups.filter((g) => g.length === 1);
    const suspicious = singles.filter(isSuspicious).length;
    if (singles.length < 2 || suspicious === 0) continue;
    const letters = groups.join('');
    const words = segment(letters, vocabulary);
    let replacement: string;
    if (words) replacement = words.join(' ');
    else if (singles.length >= 3 && suspicious >= 2) replacement = letters; // clearly spaced, unknown word
    else continue;
    if (replacement === run[0]) continue;
    const start = run.index;
    edits.push({ start, end: start + run[0].length, replacement, ruleId: 'letter-spacing' });
  }
  return edits;
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
 * whose words are more frequent). Returns null when no full split exists.
 */
function segment(letters: string, vocabulary: Map<string, number>): string[] | null {
  const lower = letters.toLowerCase();
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
