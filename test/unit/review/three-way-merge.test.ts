import { describe, expect, it } from 'vitest';

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
});
