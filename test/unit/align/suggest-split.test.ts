import { describe, expect, it } from 'vitest';

import { splitTextAt } from '../../../lib/align/split-points';
import { suggestSplit } from '../../../lib/align/suggest-split';
import { MAX_SPLIT_SUGGESTION_CANDIDATES, MAX_SPLIT_SUGGESTION_ROWS } from '../../../lib/config/limits';

/** The parts a suggestion divides `text` into. */
function parts(text: string, offsets: readonly number[] | undefined, language: string): string[] {
  if (!offsets) throw new Error('no suggestion');
  const out: string[] = [];
  let rest = text;
  let shift = 0;
  for (const offset of offsets) {
    const split = splitTextAt(rest, offset - shift, language);
    if ('refused' in split) throw new Error(split.refused);
    out.push(split.before);
    shift += rest.length - split.after.length;
    rest = split.after;
  }
  return [...out, rest];
}

describe('suggestSplit', () => {
  it('keeps a Russian dialogue written with dashes apart where the English rows divide it', () => {
    const sources = ['“Are you at home?” she asked.', '“Yes,” he said. “I came back an hour ago with the bread.”'];
    const text = '— Ты дома? — спросила она. — Да, — ответил он. — Я вернулся час назад с хлебом.';
    const suggestion = suggestSplit({ sources, text, language: 'ru' });
    expect(suggestion?.isBySentence).toBe(true);
    expect(parts(text, suggestion?.offsets, 'ru')).toEqual(['— Ты дома? — спросила она.', '— Да, — ответил он. — Я вернулся час назад с хлебом.']);
  });

  it('gives each reply of a dash dialogue kept in one Russian unit to its own English row', () => {
    const sources = ['“Are you coming with us tonight?” she asked.', '“Yes,” he said.', '“Then hurry, the last boat leaves at 9.”'];
    const text = '— Ты пойдёшь с нами сегодня вечером? — спросила она. — Да, — сказал он. — Тогда скорее, последняя лодка уходит в 9.';
    expect(parts(text, suggestSplit({ sources, text, language: 'ru' })?.offsets, 'ru')).toEqual([
      '— Ты пойдёшь с нами сегодня вечером? — спросила она.',
      '— Да, — сказал он.',
      '— Тогда скорее, последняя лодка уходит в 9.',
    ]);
  });

  it('follows the lengths of the rows when nothing else tells', () => {
    const sources = ['It rained.', 'The long grey road to the mill was empty all morning, and nobody came.'];
    const text = 'Il pleuvait. La longue route grise. Elle menait au moulin, vide toute la matinée, et personne ne vint.';
    expect(parts(text, suggestSplit({ sources, text, language: 'fr' })?.offsets, 'fr')).toEqual(['Il pleuvait.', 'La longue route grise. Elle menait au moulin, vide toute la matinée, et personne ne vint.']);
    // The same text against rows of the opposite lengths is divided the other way.
    const reversed = ['It rained on the long grey road.', 'It led to the mill, empty all morning, and nobody came.'];
    expect(parts(text, suggestSplit({ sources: reversed, text, language: 'fr' })?.offsets, 'fr')).toEqual(['Il pleuvait. La longue route grise.', 'Elle menait au moulin, vide toute la matinée, et personne ne vint.']);
  });

  it('lets shared numbers and names outweigh a small difference in length', () => {
    const sources = ['Anna left for Riga in 1921 with two trunks.', 'Her brother stayed behind.'];
    // By length alone the cut would fall after the first sentence; "Riga" and "1921" are in the second.
    const text = 'Elle partit un matin très tôt sans un mot. Anna arriva à Riga en 1921. Son frère resta.';
    expect(parts(text, suggestSplit({ sources, text, language: 'fr' })?.offsets, 'fr')).toEqual(['Elle partit un matin très tôt sans un mot. Anna arriva à Riga en 1921.', 'Son frère resta.']);
  });

  it('divides one sentence between words, after a comma rather than inside a clause', () => {
    // By length alone the cut would fall one word later, after "et".
    const sources = ['He opened the door.', 'The cat came in at once.'];
    const text = 'Il ouvrit la porte, et le chat entra aussitôt.';
    const suggestion = suggestSplit({ sources, text, language: 'fr' });
    expect(suggestion?.isBySentence).toBe(false);
    expect(parts(text, suggestion?.offsets, 'fr')).toEqual(['Il ouvrit la porte,', 'et le chat entra aussitôt.']);
  });

  it('gives every row of a larger group a part, in order', () => {
    const sources = ['One.', 'Two and two.', 'Three, three and three.'];
    const text = 'Un. Deux et deux. Trois, trois et trois.';
    expect(parts(text, suggestSplit({ sources, text, language: 'fr' })?.offsets, 'fr')).toEqual(['Un.', 'Deux et deux.', 'Trois, trois et trois.']);
  });

  it('suggests nothing when there is nothing to divide', () => {
    expect(suggestSplit({ sources: ['One row.'], text: 'Un. Deux.', language: 'fr' })).toBeNull();
    expect(suggestSplit({ sources: ['One.', 'Two.', 'Three.'], text: 'Un deux', language: 'fr' })).toBeNull();
    expect(suggestSplit({ sources: ['One.', 'Two.'], text: 'Seul', language: 'fr' })).toBeNull();
    // Past its bounds a group is not weighed at all (the search grows with rows × candidates²).
    const many = Array.from({ length: MAX_SPLIT_SUGGESTION_ROWS + 1 }, (_, k) => `Row ${k}.`);
    expect(suggestSplit({ sources: many, text: many.map((_, k) => `Ligne ${k}.`).join(' '), language: 'fr' })).toBeNull();
    const long = Array.from({ length: MAX_SPLIT_SUGGESTION_CANDIDATES + 2 }, (_, k) => `mot${k}`).join(' ');
    expect(suggestSplit({ sources: ['One.', 'Two.'], text: long, language: 'fr' })).toBeNull();
    expect(suggestSplit({ sources: many.slice(0, 2), text: long.split(' ').slice(0, MAX_SPLIT_SUGGESTION_CANDIDATES + 1).join(' '), language: 'fr' })).not.toBeNull();
  });
});
