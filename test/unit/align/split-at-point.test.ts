import { describe, expect, it } from 'vitest';

import { planAlignmentEdit, type PlannedRow } from '../../../lib/align/plan-alignment-edit';
import { splitPoints, splitTextAt } from '../../../lib/align/split-points';

const row = (segmentId: string, text: string | null, continuesPrevious = false): PlannedRow => ({ segmentId, text, continuesPrevious });

describe('splitPoints', () => {
  it('lists every gap between words once, with sentence ends marked', () => {
    const text = 'Le chat dort.  Il rêve encore.';
    expect(splitPoints(text, 'fr')).toEqual([
      { offset: 2, isSentenceEnd: false },
      { offset: 7, isSentenceEnd: false },
      { offset: 13, isSentenceEnd: true },
      { offset: 17, isSentenceEnd: false },
      { offset: 22, isSentenceEnd: false },
    ]);
  });

  it('marks the replies of a dialogue written with dashes as sentence ends', () => {
    const text = '— Ты дома? — спросила она. — Да, — ответил он.';
    const ends = splitPoints(text, 'ru').filter((point) => point.isSentenceEnd);
    expect(ends.map((point) => text.slice(0, point.offset))).toEqual(['— Ты дома? — спросила она.']);
  });

  it('offers sentence boundaries that have no space, as in Japanese', () => {
    const text = '猫が寝ている。犬も寝ている。';
    expect(splitPoints(text, 'ja')).toEqual([{ offset: 7, isSentenceEnd: true }]);
  });
});

describe('splitPoints and splitTextAt together', () => {
  const texts: [string, string][] = [
    ['fr', 'Il dit : « Viens. » Elle vint.\n\nPuis   rien.'],
    ['ru', '— Ты дома? — спросила она. — Да, — ответил он.'],
    ['en', 'Mr. Vosk lit 41 lamps… then stopped.'],
    ['ja', '猫が寝ている。犬も寝ている。'],
  ];
  it('accepts every point it lists, and the two parts keep every word in order', () => {
    for (const [language, text] of texts) {
      const points = splitPoints(text, language);
      expect(points.length).toBeGreaterThan(0);
      for (const { offset } of points) {
        const parts = splitTextAt(text, offset, language);
        if ('refused' in parts) throw new Error(`${text} @ ${offset}: ${parts.refused}`);
        expect(`${parts.before}${parts.after}`.replace(/\s+/gu, '')).toBe(text.replace(/\s+/gu, ''));
      }
    }
  });
});

describe('splitTextAt', () => {
  const text = 'Un deux.  Trois quatre.';
  it('divides at a gap and trims both parts, wherever in the whitespace the point falls', () => {
    expect(splitTextAt(text, 8, 'fr')).toEqual({ before: 'Un deux.', after: 'Trois quatre.' });
    expect(splitTextAt(text, 9, 'fr')).toEqual({ before: 'Un deux.', after: 'Trois quatre.' });
    expect(splitTextAt(text, 10, 'fr')).toEqual({ before: 'Un deux.', after: 'Trois quatre.' });
  });

  it('refuses a point inside a word, outside the text, or leaving an empty part', () => {
    expect(splitTextAt(text, 4, 'fr')).toEqual({ refused: 'insideWord' });
    expect(splitTextAt(text, 0, 'fr')).toEqual({ refused: 'outsideText' });
    expect(splitTextAt(text, text.length, 'fr')).toEqual({ refused: 'outsideText' });
    expect(splitTextAt(text, 99, 'fr')).toEqual({ refused: 'outsideText' });
    expect(splitTextAt(' Un', 1, 'fr')).toEqual({ refused: 'emptyPart' });
    expect(splitTextAt(text, 2.5, 'fr')).toEqual({ refused: 'outsideText' });
  });
});

describe('planAlignmentEdit: splitAt', () => {
  const four = 'Un. Deux. Trois. Quatre.';
  const group = [row('a', four), row('b', null, true), row('c', null, true), row('d', null, true), row('e', 'Cinq.')];

  it('gives the text after the point to the next covered row, which gets a row of its own', () => {
    const plan = planAlignmentEdit(group, 0, { operation: 'splitAt', offset: four.indexOf(' Trois') }, 'fr');
    expect(plan).toEqual([
      { segmentId: 'a', text: 'Un. Deux.', continuesPrevious: false },
      { segmentId: 'b', text: 'Trois. Quatre.', continuesPrevious: false },
    ]);
  });

  it('moves the tail of a one-row translation to the start of the next one, even inside a sentence', () => {
    const rows = [row('a', 'Il pleut fort, dit-elle.'), row('b', 'Il ne pleut plus.')];
    expect(planAlignmentEdit(rows, 0, { operation: 'splitAt', offset: 14 }, 'fr')).toEqual([
      { segmentId: 'a', text: 'Il pleut fort,', continuesPrevious: false },
      { segmentId: 'b', text: 'dit-elle. Il ne pleut plus.', continuesPrevious: false },
    ]);
    // An untranslated row below takes the tail as its translation.
    const gap = [row('a', 'Un. Deux.'), row('b', null)];
    expect(planAlignmentEdit(gap, 0, { operation: 'splitAt', offset: 3 }, 'fr')).toEqual([
      { segmentId: 'a', text: 'Un.', continuesPrevious: false },
      { segmentId: 'b', text: 'Deux.', continuesPrevious: false },
    ]);
  });

  it('explains where it does not apply', () => {
    expect(planAlignmentEdit(group, 1, { operation: 'splitAt', offset: 3 }, 'fr')).toEqual({ refused: 'coveredAbove' });
    expect(planAlignmentEdit(group, 4, { operation: 'splitAt', offset: 3 }, 'fr')).toEqual({ refused: 'lastRow' });
    expect(planAlignmentEdit([row('a', null), row('b', 'X.')], 0, { operation: 'splitAt', offset: 3 }, 'fr')).toEqual({ refused: 'nothingToSplit' });
    expect(planAlignmentEdit(group, 0, { operation: 'splitAt', offset: 1 }, 'fr')).toEqual({ refused: 'insideWord' });
    expect(planAlignmentEdit(group, 0, { operation: 'splitAt', offset: four.length + 5 }, 'fr')).toEqual({ refused: 'outsideText' });
  });
});
