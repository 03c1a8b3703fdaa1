import { describe, expect, it } from 'vitest';

import { findNameCandidates, type SeedText } from '../../../lib/names/seed-candidates';

// Stems as PostgreSQL's russian snowball stemmer gives them.
const STEMS: Record<string, string> = {
  зиновьев: 'зинов', зиновьева: 'зиновьев', зиновьеву: 'зиновьев', зиновьевым: 'зиновьев',
  москва: 'москв', москве: 'москв', москвы: 'москв', письмо: 'письм', письма: 'письм',
};
const stemOf = (key: string) => STEMS[key] ?? key;
const texts = (lines: string[]): SeedText[] => lines.map((text, i) => ({ segmentId: `s${i}`, text }));

describe('findNameCandidates', () => {
  const russian = texts([
    'Вчера Зиновьев приехал в Москву.',
    'Письмо от Зиновьева пришло в Москве.',
    'Ответ Зиновьеву ушёл из Москвы.',
    'Москва спорила с Зиновьевым.',
    'Письмо лежало на столе.',
    'Вы знаете, что это так.',
    'Вы правы, сказал он. Вы видели?',
  ]);
  const english = texts([
    'Yesterday Zinoviev came to Moscow.',
    'A letter from Zinoviev arrived in Moscow.',
    'The answer to Zinovyev left Moscow.',
    'Moscow argued with Zinoviev.',
    'The letter lay on the table.',
    'You know that this is so.',
    'You are right, he said. Did you see?',
  ]);

  it('groups inflections under the nominative, pairs it with the translation, and leaves out common words', () => {
    const candidates = findNameCandidates({ source: { language: 'ru', texts: russian }, translations: [{ language: 'en', texts: english }], stemOf });
    expect(candidates.map((c) => [c.kind, c.forms.map((f) => f.text).join(' = '), c.occurrences])).toEqual([
      ['PERSON', 'Зиновьев = Zinoviev', 4],
      ['PLACE', 'Москва = Moscow', 3],
    ]);
    expect(candidates[0]?.spellings.sort()).toEqual(['Зиновьев', 'Зиновьева', 'Зиновьеву', 'Зиновьевым']);
  });

  it('needs a word to recur inside sentences, not only at their start', () => {
    const start = texts(['Кострома стоит.', 'Кострома спит.', 'Кострома ждёт.', 'Там Кострома.']);
    expect(findNameCandidates({ source: { language: 'ru', texts: start }, translations: [], stemOf })).toEqual([]);
  });
});
