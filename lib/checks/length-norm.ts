import { baseLanguage } from './text';
import type { LengthNorm } from './types';

/** Below this many published translations a work's own norm is not trusted: the language pair's stands in. */
export const MIN_NORM_TRANSLATIONS = 30;

/** Texts shorter than this (characters) say little about length: they are neither measured nor checked. */
export const MIN_MEASURED_CHARS = 20;

/** The least spread a norm is given: a work of very even translations would otherwise flag ordinary ones. */
export const MIN_SPREAD = 0.12;

/** How many spreads from the median a translation's length may be before it is a finding. */
export const SPREAD_LIMIT = 3;

/**
 * Usual norms by language pair (median of ln(target/source), spread for 100 characters),
 * measured on literary pairs: English–Russian on Anna Karenina (part 1, its 7,536 one-to-one
 * sentence pairs in ../shared/align-eval) and German–French on the Text+Berg yearbooks (924
 * pairs); the other pairs chained from those and from published English–French and
 * English–German ratios, with a wider spread. A pair not listed uses ratio 1 and a wide spread.
 */
const PAIRS: Record<string, { median: number; spread: number }> = {
  'en>ru': { median: -0.11, spread: 0.17 },
  'ru>en': { median: 0.11, spread: 0.17 },
  'de>fr': { median: -0.04, spread: 0.17 },
  'fr>de': { median: 0.04, spread: 0.17 },
  'en>fr': { median: 0.15, spread: 0.2 },
  'fr>en': { median: -0.15, spread: 0.2 },
  'en>de': { median: 0.12, spread: 0.2 },
  'de>en': { median: -0.12, spread: 0.2 },
  'ru>fr': { median: 0.26, spread: 0.22 },
  'fr>ru': { median: -0.26, spread: 0.22 },
  'ru>de': { median: 0.23, spread: 0.22 },
  'de>ru': { median: -0.23, spread: 0.22 },
};

/** The language pair's usual norm, for a work with too few translations of its own. */
export function defaultLengthNorm(sourceLanguage: string, targetLanguage: string, count = 0): LengthNorm {
  const pair = PAIRS[`${baseLanguage(sourceLanguage)}>${baseLanguage(targetLanguage)}`] ?? { median: 0, spread: 0.25 };
  return { ...pair, count, isDefault: true };
}

/**
 * The length every spread is given for: the log ratio of a short pair varies more than a long
 * one's (a word more or less weighs more), roughly as 1/√length, so a pair's distance from the
 * median is scaled by √(length / this) before it is compared with the spread.
 */
export const REFERENCE_CHARS = 100;

/** A pair's measure: ln(target/source) of their lengths in characters, and the source's length. */
export interface LengthSample {
  ratio: number;
  sourceChars: number;
}

export function lengthSample(source: string, target: string): LengthSample | null {
  const s = measuredLength(source);
  const t = measuredLength(target);
  if (s < MIN_MEASURED_CHARS || t === 0) return null;
  return { ratio: Math.log(t / s), sourceChars: s };
}

/** How far a pair is from a norm, in spreads (positive: longer than usual). */
export function lengthDistance(sample: LengthSample, norm: { median: number; spread: number }): number {
  return ((sample.ratio - norm.median) * Math.sqrt(sample.sourceChars / REFERENCE_CHARS)) / Math.max(norm.spread, MIN_SPREAD);
}

/** A text's length as the norm measures it: its characters, trimmed (the database counts them the same way). */
export function measuredLength(text: string): number {
  return text.trim().length;
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * A work's norm from its published translations: the median of their log ratios and a robust
 * standard deviation of their distances from it, scaled to {@link REFERENCE_CHARS} (1.4826 × the
 * median absolute deviation, which a few wildly long pairs do not move); the pair's default when
 * there are fewer than {@link MIN_NORM_TRANSLATIONS}.
 */
export function lengthNormOf(samples: readonly LengthSample[], sourceLanguage: string, targetLanguage: string): LengthNorm {
  if (samples.length < MIN_NORM_TRANSLATIONS) return defaultLengthNorm(sourceLanguage, targetLanguage, samples.length);
  const center = median(samples.map((sample) => sample.ratio).sort((a, b) => a - b));
  const deviations = samples.map((sample) => Math.abs(sample.ratio - center) * Math.sqrt(sample.sourceChars / REFERENCE_CHARS)).sort((a, b) => a - b);
  return { median: center, spread: 1.4826 * median(deviations), count: samples.length, isDefault: false };
}
