import { describe, expect, it } from 'vitest';

import { isConcordanceKey } from '../../../components/editor/keyboard-shortcuts';
import { concordanceQueryFor } from '../../../lib/memory/concordance-query';
import { parseSearchQuery } from '../../../lib/search/parse-search-query';
import { MAX_SEARCH_QUERY_CHARS } from '../../../lib/search/schemas';

describe('the concordance query of selected words', () => {
  it('looks up one word as it is, and several as the phrase they were selected as', () => {
    expect(concordanceQueryFor('newspaper')).toBe('newspaper');
    expect(concordanceQueryFor('  вечерам. ')).toBe('вечерам.');
    expect(concordanceQueryFor("don't")).toBe("don't");
    expect(concordanceQueryFor('read\n  aloud')).toBe('"read aloud"');
    expect(parseSearchQuery(concordanceQueryFor('the workers read') ?? '')).toEqual({ groups: [[{ kind: 'phrase', text: 'the workers read', isExcluded: false }]] });
  });

  it('never lets the selection read as the search box’s syntax', () => {
    // Each is searched as the words it holds, not as an exclusion, a prefix, an alternative or quotes.
    for (const selection of ['-Trotsky', 'revolution*', 'or', 'OR', 'workers or peasants', '"quoted" words', 'a -b', 'word-']) {
      const query = concordanceQueryFor(selection) ?? '';
      const terms = parseSearchQuery(query).groups.flat();
      expect(terms.every((term) => !term.isExcluded && term.kind !== 'prefix'), `${selection} → ${query}`).toBe(true);
      expect(parseSearchQuery(query).groups, `${selection} → ${query}`).toHaveLength(1);
    }
    expect(concordanceQueryFor('"quoted" words')).toBe('"quoted words"');
  });

  it('has nothing to look up without a letter or digit, and cuts a long selection at a word', () => {
    expect(concordanceQueryFor(' … — ')).toBeNull();
    expect(concordanceQueryFor('"')).toBeNull();
    const long = concordanceQueryFor('word '.repeat(100)) ?? '';
    expect(long.length).toBeLessThanOrEqual(MAX_SEARCH_QUERY_CHARS);
    expect(long).toMatch(/^"(word )*word"$/u);
  });
});

describe('the concordance key', () => {
  const press = (key: string, modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>>, code?: string) => ({ key, code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers });

  it('is Alt+Shift+C, by the physical key too (Option+Shift+C types “Ç” on a Mac)', () => {
    expect(isConcordanceKey(press('C', { altKey: true, shiftKey: true }, 'KeyC'))).toBe(true);
    expect(isConcordanceKey(press('Ç', { altKey: true, shiftKey: true }, 'KeyC'))).toBe(true);
    expect(isConcordanceKey(press('c', { altKey: true }, 'KeyC'))).toBe(false);
    expect(isConcordanceKey(press('C', { shiftKey: true }, 'KeyC'))).toBe(false);
    expect(isConcordanceKey(press('C', { altKey: true, shiftKey: true, ctrlKey: true }, 'KeyC'))).toBe(false);
    expect(isConcordanceKey(press('!', { altKey: true, shiftKey: true }, 'Digit1'))).toBe(false);
  });
});
