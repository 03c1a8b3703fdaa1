import { describe, expect, it } from 'vitest';

import { alignSegmentTexts } from '../../../lib/import/align-segment-texts';
import { mulberry32 } from '../../helpers/random';

describe('alignSegmentTexts', () => {
  it('matches identical texts, texts cleaned differently, and leaves removed and added ones unmatched', () => {
    const before = ['Chapter One', 'A HISTORY OF BRIDGES 12', 'The bridge was built of stone and tim- ber by the old masters.', 'It stood for years.', 'It stood for years.', 'The end.'];
    const after = ['Chapter One', 'The bridge was built of stone and timber by the old masters.', 'It stood for years.', 'A new line kept this time.', 'It stood for years.', 'The end.'];
    expect(alignSegmentTexts(before, after)).toEqual([0, 2, 3, null, 4, 5]);
  });

  it('never crosses: a match out of order is left unmatched', () => {
    const result = alignSegmentTexts(['Alpha beta gamma.', 'Delta epsilon zeta.'], ['Delta epsilon zeta.', 'Alpha beta gamma.']);
    expect([[1, null], [null, 0]]).toContainEqual(result);
  });

  it('aligns 10,000 segments with scattered changes in order, quickly enough for an import', () => {
    const random = mulberry32(7);
    const words = ['stone', 'river', 'bridge', 'master', 'timber', 'town', 'year', 'people', 'worker', 'party', 'congress', 'question'];
    const sentence = () => Array.from({ length: 8 + Math.floor(random() * 12) }, () => words[Math.floor(random() * words.length)]).join(' ') + '.';
    const before = Array.from({ length: 10_000 }, sentence);
    const after: string[] = [];
    const expected: (number | null)[] = [];
    before.forEach((text, index) => {
      const roll = random();
      if (roll < 0.05) return; // removed
      if (roll < 0.1) {
        after.push(`Header line ${index}`);
        expected.push(null);
      }
      after.push(roll < 0.3 ? text.replace(/ (\w+)(\w{3}) /, ' $1- $2 ') + ' 7' : text);
      expected.push(index);
    });
    const result = alignSegmentTexts(before, after);
    const agreeing = result.filter((value, index) => value === expected[index]).length;
    expect(agreeing / after.length).toBeGreaterThan(0.98);
    // Strictly increasing where matched.
    const matched = result.filter((value): value is number => value !== null);
    expect(matched.every((value, index) => index === 0 || value > (matched[index - 1] as number))).toBe(true);
  });
});
