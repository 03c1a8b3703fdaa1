import { normalizeForComparison, shortHash } from '../text';
import type { CheckSegment, Finding, OtherTranslation } from '../types';

/**
 * The same source sentence translated differently elsewhere in the work: the translation equals
 * none of the published translations of the segments whose source is the same sentence (by the
 * memory's exact key: case and white space aside). The key digests those other translations, so
 * a dismissal holds until one of them changes.
 */
export function checkConsistency(segment: CheckSegment, others: readonly OtherTranslation[] | null): Finding[] {
  if (!others || others.length === 0) return [];
  const target = normalizeForComparison(segment.target);
  const texts = new Map<string, OtherTranslation>();
  for (const other of others) {
    const normalized = normalizeForComparison(other.text);
    if (normalized !== '' && !texts.has(normalized)) texts.set(normalized, other);
  }
  if (texts.size === 0 || texts.has(target)) return [];
  const [first] = texts.values();
  if (!first) return [];
  return [
    {
      check: 'consistency',
      severity: 'warning',
      key: `differs:${shortHash([...texts.keys()].sort().join('\u0000'))}`,
      message: { key: 'consistency.differs', values: { text: first.text, others: texts.size - 1 } },
    },
  ];
}
