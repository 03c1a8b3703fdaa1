import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { mapOffsets } from '../../../lib/diff/text-ranges';

/** The offset just after `word` (its first occurrence) in `text`. */
const after = (text: string, word: string) => text.indexOf(word) + word.length;
const at = (text: string, word: string) => text.indexOf(word);

describe('mapOffsets', () => {
  it('keeps a marker after its word (end) and a page at its word (start) when text changes before them', () => {
    const before = 'He wrote tbe letter and sent it.';
    const text = 'He wrote the long letter and sent it.';
    expect(mapOffsets(before, text, [after(before, 'letter')], 'end')).toEqual([after(text, 'letter')]);
    expect(mapOffsets(before, text, [at(before, 'and')], 'start')).toEqual([at(text, 'and')]);
  });

  it('follows a corrected word: a marker stays after it, a page at its beginning', () => {
    const before = 'the wrod was said';
    const text = 'the word was said';
    expect(mapOffsets(before, text, [after(before, 'wrod')], 'end')).toEqual([after(text, 'word')]);
    expect(mapOffsets(before, text, [at(before, 'wrod')], 'start')).toEqual([at(text, 'word')]);
  });

  it('leaves words inserted at a marker after it, and words inserted at a page before it', () => {
    const before = 'one two three';
    const text = 'one added two three';
    // A marker after "one": the inserted word goes after the marker.
    expect(mapOffsets(before, text, [3], 'end')).toEqual([3]);
    // A page starting at "two": the inserted word stays on the page before.
    expect(mapOffsets(before, text, [at(before, 'two')], 'start')).toEqual([at(text, 'two')]);
  });

  it('returns offsets inside the new text, unchanged for the same text', () => {
    expect(mapOffsets('same text', 'same text', [0, 4, 9], 'end')).toEqual([0, 4, 9]);
    expect(mapOffsets('a long text here', 'a', [16, 10], 'end')).toEqual([1, 1]);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.array(fc.nat(40)), fc.constantFrom('start' as const, 'end' as const), (before, text, offsets, edge) => {
        const moved = mapOffsets(before, text, offsets, edge);
        expect(moved).toHaveLength(offsets.length);
        for (const offset of moved) expect(offset >= 0 && offset <= text.length).toBe(true);
      }),
    );
  });

  it('keeps the order of the points it moves', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bb', 'c d', ' ', ',', 'ёж')), fc.array(fc.constantFrom('a', 'bb', 'c d', ' ', ',', 'ёж')), fc.constantFrom('start' as const, 'end' as const), (a, b, edge) => {
        const before = a.join('');
        const offsets = Array.from({ length: before.length + 1 }, (_, index) => index);
        const moved = mapOffsets(before, b.join(''), offsets, edge);
        for (let index = 1; index < moved.length; index += 1) expect(moved[index]).toBeGreaterThanOrEqual(moved[index - 1] as number);
      }),
    );
  });
});
