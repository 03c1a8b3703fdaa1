import { lengthDistance, lengthSample, SPREAD_LIMIT } from '../length-norm';
import type { CheckSegment, Finding, LengthNorm } from '../types';

const times = (ratio: number): string => (ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1));

/**
 * A translation far longer or shorter than the work's norm for its language: ln(target / source
 * characters) more than {@link SPREAD_LIMIT} spreads from the norm's median, a short pair's distance
 * weighed down as its ratio varies more (lib/checks/length-norm.ts). Texts under 20 characters
 * are not measured.
 */
export function checkLength(segment: CheckSegment, norm: LengthNorm | null): Finding[] {
  if (!norm) return [];
  const sample = lengthSample(segment.source, segment.target);
  if (sample === null) return [];
  const ratio = sample.ratio;
  const distance = lengthDistance(sample, norm);
  if (Math.abs(distance) <= SPREAD_LIMIT) return [];
  const isLong = distance > 0;
  const usual = norm.isDefault ? 'translations between these languages are usually' : 'this work’s translations into this language are usually';
  return [
    {
      check: 'length',
      severity: 'warning',
      key: isLong ? 'too-long' : 'too-short',
      message: `The translation is ${times(Math.exp(ratio))} times as long as the original; ${usual} ${times(Math.exp(norm.median))} times as long.`,
    },
  ];
}
