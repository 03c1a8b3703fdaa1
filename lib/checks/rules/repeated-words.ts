import { baseLanguage, excerptAround, wordsOf, type WordToken } from '../text';
import type { CheckSegment, Finding } from '../types';

/**
 * Doubled words that are grammar, not slips: English "had had", "that that"; French reflexive
 * "nous nous", "vous vous"; German "sie sie" (als sie sie sah).
 */
const LEGITIMATE: Record<string, ReadonlySet<string>> = {
  en: new Set(['had', 'that']),
  fr: new Set(['nous', 'vous']),
  de: new Set(['sie']),
};

/** The pairs of the same word standing next to each other with only white space between (case aside). */
function doubledWords(text: string): [WordToken, WordToken][] {
  const words = wordsOf(text);
  const pairs: [WordToken, WordToken][] = [];
  for (let i = 1; i < words.length; i += 1) {
    const previous = words[i - 1] as WordToken;
    const word = words[i] as WordToken;
    if (previous.text.toLowerCase() !== word.text.toLowerCase()) continue;
    if (!/^\s+$/u.test(text.slice(previous.end, word.start))) continue;
    pairs.push([previous, word]);
  }
  return pairs;
}

/**
 * A word typed twice in a row (the the, что что; case-insensitive). Words joined by a hyphen are
 * one word (еле-еле, чуть-чуть), a few doubles are grammar (had had), and when the original
 * doubles a word too the repetition is taken as meant (очень-очень written apart, "very very").
 */
export function checkRepeatedWords(segment: CheckSegment): Finding[] {
  const pairs = doubledWords(segment.target);
  if (pairs.length === 0 || doubledWords(segment.source).length > 0) return [];
  const allowed = LEGITIMATE[baseLanguage(segment.targetLanguage)];
  const findings: Finding[] = [];
  const keys = new Set<string>();
  for (const [first, second] of pairs) {
    const word = first.text.toLowerCase();
    if (allowed?.has(word)) continue;
    const key = `word:${word}`;
    if (keys.has(key)) continue;
    keys.add(key);
    findings.push({ check: 'repeated-words', severity: 'warning', key, message: { key: 'repeated-words.twice', values: { word: first.text, excerpt: excerptAround(segment.target, first.start, second.end, 15) } }, targetRange: { start: first.start, end: second.end } });
  }
  return findings;
}
