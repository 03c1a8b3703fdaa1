import { describe, expect, it } from 'vitest';

import { MAX_DIFF_EDITS, MAX_SEGMENT_CHARS } from '../../../lib/config/limits';
import { mergeThreeWay } from '../../../lib/review/three-way-merge';

describe('three-way merge of a suggestion and the text published since', () => {
  it('applies both changes when they touch different words', () => {
    expect(mergeThreeWay('The fifth sentence.', 'A fifth sentence.', 'The fifth sentence, revised.')).toBe('A fifth sentence, revised.');
    expect(mergeThreeWay('one two three four', 'one 2 three four', 'one two three 4')).toBe('one 2 three 4');
  });

  it('takes the only change when one side did not change', () => {
    expect(mergeThreeWay('base text', 'base text', 'their text')).toBe('their text');
    expect(mergeThreeWay('base text', 'our text', 'base text')).toBe('our text');
  });

  it('accepts the same change made on both sides', () => {
    expect(mergeThreeWay('a b c', 'a x c d', 'a x c')).toBe('a x c d');
  });

  it('gives up when both change the same words differently', () => {
    expect(mergeThreeWay('The red car.', 'The blue car.', 'The green car.')).toBeNull();
    expect(mergeThreeWay('a b', 'a X b', 'a Y b')).toBeNull();
  });

  it('merges changes far apart in a segment of the longest length', () => {
    const sentence = 'The delegates of the congress discussed the report on the political situation. ';
    const base = sentence.repeat(Math.floor(MAX_SEGMENT_CHARS / sentence.length)).trim();
    const ours = base.replace('delegates', 'Delegates');
    const at = base.lastIndexOf('report');
    const theirs = `${base.slice(0, at)}account${base.slice(at + 'report'.length)}`;
    expect(mergeThreeWay(base, ours, theirs)).toBe(`${ours.slice(0, at)}account${ours.slice(at + 'report'.length)}`);
  });

  it('gives up when one side changed more than a word diff follows', () => {
    // Pairs of a changed and a kept word: ours changes every first word (two tokens per pair),
    // theirs one kept word in the middle.
    const pairs = (count: number, changed: string) => Array.from({ length: count }, (_, i) => `${changed}${i} keep${i}`).join(' ');
    const atBound = MAX_DIFF_EDITS / 2;
    expect(mergeThreeWay(pairs(atBound, 'a'), pairs(atBound, 'b'), pairs(atBound, 'a').replace('keep7 ', 'kept7 '))).toBe(pairs(atBound, 'b').replace('keep7 ', 'kept7 '));
    expect(mergeThreeWay(pairs(atBound + 1, 'a'), pairs(atBound + 1, 'b'), pairs(atBound + 1, 'a').replace('keep7 ', 'kept7 '))).toBeNull();
  });
});
