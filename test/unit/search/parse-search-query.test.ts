import { describe, expect, it } from 'vitest';

import { MAX_SEARCH_TERMS, isEmptyQuery, parseSearchQuery } from '../../../lib/search/parse-search-query';

const word = (text: string, isExcluded = false) => ({ kind: 'word', text, isExcluded });

describe('reading a search query', () => {
  it('reads words, phrases, prefixes and exclusions, all of which must hold', () => {
    expect(parseSearchQuery('Lenin "national question" социал* -Trotsky -"left opposition"').groups).toEqual([
      [
        word('Lenin'),
        { kind: 'phrase', text: 'national question', isExcluded: false },
        { kind: 'prefix', text: 'социал', isExcluded: false },
        word('Trotsky', true),
        { kind: 'phrase', text: 'left opposition', isExcluded: true },
      ],
    ]);
  });

  it('reads `or` as looser than the implicit and', () => {
    expect(parseSearchQuery('peasants workers OR soldiers or').groups).toEqual([[word('peasants'), word('workers')], [word('soldiers')]]);
    expect(parseSearchQuery('or or a').groups).toEqual([[word('a')]]);
  });

  it('reduces a prefix to its letters and digits, and drops what cannot be searched', () => {
    expect(parseSearchQuery("it's:*").groups).toEqual([[{ kind: 'prefix', text: 'its', isExcluded: false }]]);
    // Combining marks are part of the letters they go with (Hindi, Tamil).
    expect(parseSearchQuery('भारत* தமிழ்*').groups).toEqual([[{ kind: 'prefix', text: 'भारत', isExcluded: false }, { kind: 'prefix', text: 'தமிழ்', isExcluded: false }]]);
    expect(parseSearchQuery("a* ' !! & | ( ) \"\" - * -*").groups).toEqual([]);
    expect(isEmptyQuery(parseSearchQuery('   '))).toBe(true);
    // An unclosed quotation is a phrase to the end.
    expect(parseSearchQuery('"the party').groups).toEqual([[{ kind: 'phrase', text: 'the party', isExcluded: false }]]);
  });

  it('never searches for exclusions alone, and keeps at most a bounded number of terms', () => {
    expect(parseSearchQuery('-lenin or stalin').groups).toEqual([[word('stalin')]]);
    expect(isEmptyQuery(parseSearchQuery('-lenin -stalin'))).toBe(true);
    const many = Array.from({ length: 40 }, (_, index) => `w${index}`).join(' ');
    expect(parseSearchQuery(many).groups[0]).toHaveLength(MAX_SEARCH_TERMS);
  });
});
