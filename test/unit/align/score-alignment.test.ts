import { describe, expect, it } from 'vitest';

import { countAlignmentHits, formatBeads, parseBeads, scoreAlignment, scoreFromCounts, sumAlignmentCounts } from '../../../lib/align/core';

describe('scoreAlignment', () => {
  it('reproduces the worked example of the align-eval README', () => {
    const gold = parseBeads('[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3]\n');
    const system = parseBeads('[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n[3]:[3]');
    const scores = scoreAlignment(system, gold);
    expect(scores.strict.precision).toBeCloseTo(3 / 5);
    expect(scores.lax.precision).toBeCloseTo(4 / 5);
    expect(scores.strict.recall).toBeCloseTo(2 / 3);
    expect(scores.lax.recall).toBeCloseTo(1);
    expect(scores.strict.f1).toBeCloseTo(0.632, 3);
    expect(scores.lax.f1).toBeCloseTo(0.889, 3);
  });

  it('counts identical beads once and drops beads empty on both sides', () => {
    const gold = parseBeads('[0]:[0]\n[1]:[1]');
    const counts = countAlignmentHits(
      [
        { source: [0], target: [0] },
        { source: [0], target: [0] },
        { source: [], target: [] },
        { source: [1], target: [1] },
      ],
      gold,
    );
    expect(counts).toMatchObject({ system: 2, gold: 2, strictPrecisionHits: 2, strictRecallHits: 2 });
  });

  it('scores a merge of two gold beads as lax-only, and ignores gold insertions in recall', () => {
    const gold = parseBeads('[0]:[0]\n[1]:[1]\n[]:[2]');
    const system = parseBeads('[0, 1]:[0, 1, 2]');
    const counts = countAlignmentHits(system, gold);
    expect(counts).toEqual({ system: 1, gold: 2, strictPrecisionHits: 0, laxPrecisionHits: 1, strictRecallHits: 0, laxRecallHits: 2 });
  });

  it('never gives lax credit to a one-sided system bead that does not match exactly', () => {
    const gold = parseBeads('[0]:[0, 1]');
    const counts = countAlignmentHits(parseBeads('[0]:[0]\n[]:[1]'), gold);
    expect(counts.laxPrecisionHits).toBe(1);
    expect(counts.system).toBe(2);
    expect(counts.strictRecallHits).toBe(0);
    expect(counts.laxRecallHits).toBe(1);
  });

  it('compares index lists in order and leaves sentences outside every bead free of cost', () => {
    const gold = parseBeads('[0]:[0]\n[2]:[1]');
    const counts = countAlignmentHits(parseBeads('[0]:[0]\n[2]:[1]'), gold);
    expect(scoreFromCounts(counts).strict.f1).toBe(1);
    expect(countAlignmentHits([{ source: [2, 1], target: [0] }], parseBeads('[1, 2]:[0]')).strictPrecisionHits).toBe(0);
  });

  it('micro-averages counts over documents', () => {
    const a = countAlignmentHits(parseBeads('[0]:[0]'), parseBeads('[0]:[0]'));
    const b = countAlignmentHits(parseBeads('[0]:[0]\n[1]:[1]\n[2]:[2]'), parseBeads('[0, 1]:[0, 1]\n[2]:[2]'));
    const total = scoreFromCounts(sumAlignmentCounts([a, b]));
    expect(total.strict.precision).toBeCloseTo(2 / 4);
    expect(total.strict.recall).toBeCloseTo(2 / 3);
  });

  it('round-trips the bead notation and rejects malformed lines', () => {
    const text = '[0, 1]:[2]\n[]:[3]\n[2]:[]';
    expect(formatBeads(parseBeads(text))).toBe(text);
    expect(() => parseBeads('[0]-[1]')).toThrow(/line 1/);
    expect(() => parseBeads('[0]:["a"]')).toThrow(/line 1/);
  });
});
