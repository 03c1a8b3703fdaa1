import { normalizeForComparison, scriptOf, scriptOfLetter, wordsOf, type WordToken } from '../text';
import type { CheckSegment, Finding } from '../types';

/**
 * Whether a text is worth translating: three words or more of letters, one of them a lower-case
 * word of three letters or more. Numbers, names ("Anna Karenina", "Степан Аркадьич"), initials
 * and short exclamations are left as they are in many translations.
 */
function isTranslatable(words: readonly WordToken[]): boolean {
  return words.length >= 3 && words.some((word) => word.text.length >= 3 && word.text === word.text.toLowerCase() && word.text !== word.text.toUpperCase());
}

/** The longest run of consecutive words in `script`, with where it starts and ends. */
function longestRunIn(words: readonly WordToken[], script: string): { from: number; to: number; count: number } {
  let best = { from: 0, to: 0, count: 0 };
  let from = -1;
  for (let i = 0; i <= words.length; i += 1) {
    const word = words[i];
    const isIn = word !== undefined && scriptOfLetter(word.text.charAt(0)) === script;
    if (isIn && from < 0) from = i;
    if (!isIn && from >= 0) {
      if (i - from > best.count) best = { from, to: i - 1, count: i - from };
      from = -1;
    }
  }
  return best;
}

/**
 * A translation left untranslated: the same as the source (case and white space aside), or, when
 * the two languages are written in different alphabets, written wholly in the source's (or with
 * a run of five words or more of it: a sentence left in the original inside the translation).
 * Texts not worth translating (see {@link isTranslatable}) are left alone.
 */
export function checkUntranslated(segment: CheckSegment): Finding[] {
  const sourceWords = wordsOf(segment.source);
  if (!isTranslatable(sourceWords)) return [];
  if (normalizeForComparison(segment.source) === normalizeForComparison(segment.target)) {
    return [{ check: 'untranslated', severity: 'warning', key: 'same-as-source', message: { key: 'untranslated.sameAsSource' } }];
  }
  const sourceScript = scriptOf(segment.sourceLanguage);
  const targetScript = scriptOf(segment.targetLanguage);
  if (sourceScript === targetScript) return [];
  const targetWords = wordsOf(segment.target);
  const inTargetScript = targetWords.filter((word) => scriptOfLetter(word.text.charAt(0)) === targetScript).length;
  if (inTargetScript === 0 && isTranslatable(targetWords) && targetWords.some((word) => scriptOfLetter(word.text.charAt(0)) === sourceScript)) {
    return [{ check: 'untranslated', severity: 'warning', key: 'script', message: { key: 'untranslated.script' } }];
  }
  const run = longestRunIn(targetWords, sourceScript);
  const runWords = targetWords.slice(run.from, run.to + 1);
  if (run.count >= 5 && isTranslatable(runWords)) {
    const first = runWords[0] as WordToken;
    const last = runWords.at(-1) as WordToken;
    return [{ check: 'untranslated', severity: 'warning', key: `partly:${first.text.toLowerCase()}`, message: { key: 'untranslated.partly', values: { text: segment.target.slice(first.start, last.end) } }, targetRange: { start: first.start, end: last.end } }];
  }
  return [];
}
