import { describe, expect, it } from 'vitest';

import { matchIndexForKey } from '../../../components/editor/keyboard-shortcuts';
import { matchPercent, matchTokens, MAX_SCORED_TOKENS } from '../../../lib/memory/score-match';

const percent = (stored: string, current: string) => matchPercent(matchTokens(stored), matchTokens(current));

describe('fuzzy match percentage', () => {
  it('counts words and punctuation as tokens, white space not', () => {
    expect(matchTokens('  The workers,  read —\n«газеты»! ')).toEqual(['The', 'workers', ',', 'read', '—', '«', 'газеты', '»', '!']);
  });

  it('is 100 only for the same tokens in the same order', () => {
    expect(percent('The workers read the newspapers.', 'The workers read the newspapers.')).toBe(100);
    expect(percent('The workers read  the\nnewspapers.', 'The workers read the newspapers.')).toBe(100);
    // A changed capital or comma costs one token of six.
    expect(percent('the workers read the newspapers.', 'The workers read the newspapers.')).toBe(83);
    expect(percent('The workers read the newspapers,', 'The workers read the newspapers.')).toBe(83);
  });

  it('is 100 × (1 − word edit distance ÷ the longer length), rounded down', () => {
    // 9 tokens, 2 replaced.
    expect(percent('The workers read the newspapers in the evening.', 'The workers read the newspaper in the morning.')).toBe(77);
    // One token inserted into 6: distance 1 over 7.
    expect(percent('The workers read the newspapers.', 'The workers read all the newspapers.')).toBe(85);
    // Two neighbours swapped: two substitutions.
    expect(percent('Рабочие читали газеты вечером.', 'Читали рабочие газеты вечером.')).toBe(60);
    expect(percent('', '')).toBe(100);
    expect(percent('Something.', '')).toBe(0);
    expect(percent('Nothing alike here.', 'Entirely other words!')).toBe(0);
  });

  it('is symmetric and ranks closer variants higher', () => {
    const current = 'He looked at people as if they were inanimate things.';
    const variants = ['He looked at people as if they were things.', 'He looked at people as if they were inanimate things.', 'She looked at them as if they were things.'];
    const scores = variants.map((variant) => percent(variant, current));
    expect(scores[1]).toBe(100);
    expect(scores[0]).toBeGreaterThan(scores[2] ?? 100);
    for (const variant of variants) expect(percent(variant, current)).toBe(percent(current, variant));
  });

  it('scores at most the first tokens of an overlong text (bounded time)', () => {
    const long = Array.from({ length: 10_000 }, (_, i) => `w${i}`).join(' ');
    expect(matchTokens(long)).toHaveLength(MAX_SCORED_TOKENS);
    const started = performance.now();
    expect(percent(long, long)).toBe(100);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('memory match keys', () => {
  const key = (code: string, modifiers: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }>) => ({ key: '!', code, altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...modifiers });
  it('inserts match 1–5 with Alt+Shift and a digit, read from the physical key', () => {
    expect(matchIndexForKey(key('Digit1', { altKey: true, shiftKey: true }))).toBe(0);
    expect(matchIndexForKey(key('Digit5', { altKey: true, shiftKey: true }))).toBe(4);
    expect(matchIndexForKey(key('Digit6', { altKey: true, shiftKey: true }))).toBeNull();
    // Ctrl+digit switches browser tabs; Alt alone or Shift alone types.
    expect(matchIndexForKey(key('Digit1', { ctrlKey: true }))).toBeNull();
    expect(matchIndexForKey(key('Digit1', { altKey: true, shiftKey: true, ctrlKey: true }))).toBeNull();
    expect(matchIndexForKey(key('Digit1', { altKey: true }))).toBeNull();
    expect(matchIndexForKey(key('Digit1', { shiftKey: true }))).toBeNull();
    expect(matchIndexForKey(key('KeyA', { altKey: true, shiftKey: true }))).toBeNull();
  });
});
