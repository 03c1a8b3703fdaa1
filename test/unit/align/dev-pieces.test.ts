import { describe, expect, it } from 'vitest';

import { cutIntoPieces } from '../../../scripts/eval/dev-pieces';

describe('cutIntoPieces', () => {
  it('cuts after enough beads, keeps crossing beads in one piece and renumbers each piece from 0', () => {
    const source = ['s0', 's1', 's2', 's3', 's4', 's5'];
    const target = ['t0', 't1', 't2', 't3', 't4', 't5', 't6'];
    // Beads 1 and 2 cross (s1 ~ t2, s2 ~ t1): no cut may fall between them.
    const gold = [
      { source: [0], target: [0] },
      { source: [1], target: [2] },
      { source: [2], target: [1] },
      { source: [3], target: [3, 4] },
      { source: [], target: [5] },
      { source: [4, 5], target: [6] },
    ];
    const pieces = cutIntoPieces({ source, target, gold }, 2);
    expect(pieces.map((piece) => piece.gold.length)).toEqual([3, 2, 1]);
    expect(pieces[0]).toEqual({ source: ['s0', 's1', 's2'], target: ['t0', 't1', 't2'], gold: gold.slice(0, 3) });
    expect(pieces[1]).toEqual({ source: ['s3'], target: ['t3', 't4', 't5'], gold: [{ source: [0], target: [0, 1] }, { source: [], target: [2] }] });
    expect(pieces[2]).toEqual({ source: ['s4', 's5'], target: ['t6'], gold: [{ source: [0, 1], target: [0] }] });
  });
});
