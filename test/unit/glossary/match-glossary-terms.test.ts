import { describe, expect, it } from 'vitest';

import { matchGlossaryTerms } from '../../../lib/glossary/match-glossary-terms';
import { containsStemSequence, findStemSequence, locateTokens, type StemToken } from '../../../lib/glossary/stem-sequence';
import type { GlossaryCandidate } from '../../../lib/glossary/types';

/** Tokens of a text with a made-up stemmer: lower case, a final "s" of a longer word dropped (the database's are tested in integration). */
function tokensOf(text: string): StemToken[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length, stem: match[0].toLowerCase().replace(/(?<=...)s$/u, '') }));
}

const candidate = (text: string, stems: string[]): GlossaryCandidate => ({ id: text, text, stems });
const spans = (text: string, candidates: GlossaryCandidate[]) => matchGlossaryTerms(text, tokensOf(text), candidates).map((hit) => [text.slice(hit.start, hit.end), hit.term]);

describe('stem sequences', () => {
  const tokens = tokensOf('the workers of the world');

  it('finds stems only at consecutive tokens, in order', () => {
    expect(findStemSequence(tokens, ['worker', 'of'])).toBe(1);
    expect(findStemSequence(tokens, ['the'], 1)).toBe(3);
    expect(containsStemSequence(tokens, ['worker', 'world'])).toBe(false);
    expect(containsStemSequence(tokens, ['of', 'worker'])).toBe(false);
    expect(containsStemSequence(tokens, [])).toBe(false);
  });

  it('places tokens the parser read at their offsets, past the blanks between them', () => {
    expect(locateTokens('Soviets, soviets!', [{ token: 'Soviets', stem: 'soviet' }, { token: 'soviets', stem: 'soviet' }])).toEqual([
      { start: 0, end: 7, stem: 'soviet' },
      { start: 9, end: 16, stem: 'soviet' },
    ]);
  });
});

describe('matching glossary terms', () => {
  it('keeps the leftmost and, at one place, the longest of overlapping terms', () => {
    const candidates = [candidate('Communist Party', ['communist', 'party']), candidate('Communist Party of Britain', ['communist', 'party', 'of', 'britain']), candidate('Party of Britain', ['party', 'of', 'britain'])];
    expect(spans('The Communist Party of Britain and the Communist Party.', candidates)).toEqual([
      ['Communist Party of Britain', 'Communist Party of Britain'],
      ['Communist Party', 'Communist Party'],
    ]);
  });

  it('asks a term written with signs to stand in the text as written', () => {
    const abbreviation = candidate('U.S.S.R.', ['u', 's', 's', 'r']);
    expect(spans('The U.S.S.R. and the u s s r.', [abbreviation])).toEqual([['U.S.S.R.', 'U.S.S.R.']]);
    const bracket = candidate('(b)', ['b']);
    expect(spans('ВКП (b) and b.', [bracket])).toEqual([['(b)', '(b)']]);
  });
});
