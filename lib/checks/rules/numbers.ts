import { extractNumbers, monthsNamed, type NumberToken } from './number-tokens';
import { isSpelledOut } from './number-words';
import { wordsOf } from '../text';
import type { CheckMessage, CheckSegment, Finding } from '../types';

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** What a finding about a reading says (`missing`: of the original; else of the translation): the number as written, or the month (its name in the reader's language). */
function describe(token: NumberToken, side: 'missing' | 'extra'): CheckMessage {
  const month = token.values[0]?.startsWith('month:') ? Number(token.values[0].slice(6)) : null;
  if (month) return { key: side === 'missing' ? 'numbers.missingMonth' : 'numbers.extraMonth', values: { month: MONTH_NAMES[month - 1] ?? String(month) } };
  return { key: side === 'missing' ? 'numbers.missing' : 'numbers.extra', values: { number: token.text } };
}

/** The key of a token: its first reading ("1917", "3.5", "month:3"), the same however it is written. */
function keyOf(token: NumberToken): string {
  return token.values[0] ?? token.text;
}

/** Whether a token left over is accounted for in the other text all the same: a number spelled out in words, a month named without a date. */
function isExcused(token: NumberToken, other: string, language: string): boolean {
  if (token.kind === 'month') return monthsNamed(other, language).has(Number(token.values[0]?.slice(6)));
  const words = wordsOf(other).map((word) => word.text.toLowerCase());
  return token.values.some((value) => isSpelledOut(value, words, language));
}

/**
 * Numbers and dates that differ: pairs each number of the source with one of the target that
 * has a reading in common (1,000 = 1 000 = 1.000; 3.5 = 3,5; XV = 15 = 15th = 15-й; March = марта =
 * 03 of a numeric date), in order; what is left on either side is a finding, unless the other
 * text spells the number out in words (small numbers only, never years).
 */
export function checkNumbers(segment: CheckSegment): Finding[] {
  const source = extractNumbers(segment.source, segment.sourceLanguage);
  const target = extractNumbers(segment.target, segment.targetLanguage);
  if (source.length === 0 && target.length === 0) return [];
  const used = new Set<number>();
  const paired = new Set<number>();
  // First the pairs whose first readings agree, then those with any reading in common.
  for (const isLoose of [false, true]) {
    source.forEach((token, s) => {
      if (paired.has(s)) return;
      const index = target.findIndex((candidate, t) => !used.has(t) && (isLoose ? candidate.values.some((value) => token.values.includes(value)) : candidate.values[0] === token.values[0]));
      if (index < 0) return;
      used.add(index);
      paired.add(s);
    });
  }
  const unmatched = source.filter((_, s) => !paired.has(s));
  const extra = target.filter((_, i) => !used.has(i));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  if (unmatched.length > 0) {
    for (const token of unmatched) {
      if (isExcused(token, segment.target, segment.targetLanguage)) continue;
      const key = `missing:${keyOf(token)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ check: 'numbers', severity: 'error', key, message: describe(token, 'missing'), sourceRange: { start: token.start, end: token.end } });
    }
  }
  if (extra.length > 0) {
    for (const token of extra) {
      if (isExcused(token, segment.source, segment.sourceLanguage)) continue;
      const key = `extra:${keyOf(token)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ check: 'numbers', severity: 'error', key, message: describe(token, 'extra'), targetRange: { start: token.start, end: token.end } });
    }
  }
  return findings;
}
