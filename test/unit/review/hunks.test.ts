import { describe, expect, it } from 'vitest';

import { composeText, hunkCount, hunkExcerpt, toHunks } from '../../../lib/diff/hunks';
import { diffWords } from '../../../lib/diff/word-diff';

describe('hunks of a suggestion', () => {
  const before = 'The committee met on Tuesday and voted against the plan.';
  const after = 'The Central Committee met on Monday and voted for the plan.';
  const parts = toHunks(diffWords(before, after));

  it('cuts a word diff into separate changes', () => {
    expect(hunkCount(parts)).toBe(3);
    const changes = parts.filter((part) => part.kind === 'change');
    expect(changes.map(hunkExcerpt)).toEqual(['committee → Central Committee', 'Tuesday → Monday', 'against → for']);
  });

  it('rebuilds either text, or any mix of kept and turned-down changes', () => {
    expect(composeText(parts, new Set())).toBe(after);
    expect(composeText(parts, new Set([0, 1, 2]))).toBe(before);
    expect(composeText(parts, new Set([1]))).toBe('The Central Committee met on Tuesday and voted for the plan.');
  });

  it('handles pure additions and removals', () => {
    const added = toHunks(diffWords('One.', 'One. Two.'));
    expect(hunkCount(added)).toBe(1);
    expect(composeText(added, new Set([0]))).toBe('One.');
    const removed = toHunks(diffWords('One. Two.', 'One.'));
    expect(hunkExcerpt(removed.find((part) => part.kind === 'change') as Extract<(typeof removed)[number], { kind: 'change' }>)).toBe('Two. → ∅');
    expect(toHunks([])).toEqual([]);
  });
});
