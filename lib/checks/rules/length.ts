import { lengthDistance, lengthSample, SPREAD_LIMIT } from '../length-norm';
import type { CheckSegment, Finding, LengthNorm } from '../types';

/** A ratio as the message shows it: to a tenth, whole from 10 on. */
const times = (ratio: number): number => (ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10);

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
  return [
    {
      check: 'length',
      severity: 'warning',
      key: isLong ? 'too-long' : 'too-short',
      message: { key: 'length.tooLongOrShort', values: { ratio: times(Math.exp(ratio)), norm: norm.isDefault ? 'default' : 'work', usual: times(Math.exp(norm.median)) } },
    },
  ];
}
