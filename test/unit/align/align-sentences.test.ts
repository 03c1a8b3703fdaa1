import { describe, expect, it } from 'vitest';

import { alignDocuments, alignSentences, type AlignmentStats, type Bead } from '../../../lib/align/core';
import { buildAlignmentSide } from '../../../lib/align/core/alignment-side';
import { learnTranslationModel } from '../../../lib/align/core/learn-translation-model';
import { tokenizeForAlignment } from '../../../lib/align/core/tokenize-for-alignment';
import { transliterateCyrillic } from '../../../lib/align/core/transliterate-cyrillic';
import { mulberry32 } from '../../helpers/random';


/** Every index of both sides exactly once, ascending and contiguous inside beads, monotone across beads, scores in [0, 1]. */
function expectValidBeads(beads: readonly Bead[], sourceCount: number, targetCount: number): void {
  let nextSource = 0;
  let nextTarget = 0;
  for (const bead of beads) {
    expect(bead.source.length + bead.target.length).toBeGreaterThan(0);
    for (const i of bead.source) expect(i).toBe(nextSource++);
    for (const j of bead.target) expect(j).toBe(nextTarget++);
    expect(bead.score).toBeGreaterThanOrEqual(0);
    expect(bead.score).toBeLessThanOrEqual(1);
  }
  expect(nextSource).toBe(sourceCount);
  expect(nextTarget).toBe(targetCount);
}

const shapes = (beads: readonly Bead[]): string[] => beads.map((bead) => `${bead.source.join(',')}:${bead.target.join(',')}`);

describe('tokenizeForAlignment (anchors)', () => {
  it('keeps numbers, including superscript footnote markers, as shared tokens', () => {
    expect(tokenizeForAlignment('In 1956, 8848 m¹')).toEqual(['in', '1956', '8848', '1']);
  });

  it('maps every kind of quotation mark to one marker and keeps ? ! ( as markers', () => {
    expect(tokenizeForAlignment('„Wer?“')).toEqual(['#q', 'wer', '#?', '#q']);
    expect(tokenizeForAlignment('« Qui ? » (bis) !')).toEqual(['#q', 'qui', '#?', '#q', '#(', 'bis', '#(', '#!']);
  });

  it('strips diacritics and transliterates Cyrillic so names and cognates collide', () => {
    expect(tokenizeForAlignment('Expédition')).toEqual(tokenizeForAlignment('Expedition'));
    expect(transliterateCyrillic('сталин')).toBe('stalin');
    expect(tokenizeForAlignment('Сталин и Хрущёв')).toEqual(['stalin', 'khrushchev']);
  });

  it('writes ß as ss, so a dictionary\'s spelling meets a Swiss text\'s', () => {
    expect(tokenizeForAlignment('Gruß, groß')).toEqual(['gruss', 'gross']);
    expect(tokenizeForAlignment('GROSS')).toEqual(tokenizeForAlignment('groß'));
  });
});

describe('buildAlignmentSide (OCR debris)', () => {
  it('marks units with no word of two letters or more and no capital letter as debris', () => {
    const side = buildAlignmentSide(['.....', '24 a !', 'h * "', '.:-- , .', 'I...', '-- А!', 'Ja.', 'on y va'].map((sentence) => [sentence]));
    expect(Array.from(side.debris)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
  });
});

// An English text and its (made-up) French translation with one 1–2 split, one 2–1 merge and
// one sentence the translator added.
const english = [
  'The expedition left Geneva on 12 May 1956 with eleven climbers.',
  'After three weeks of marching, they reached the base camp at 5000 metres.',
  'The weather was terrible.',
  'It snowed for days.',
  'On 23 May, Marmet and Schmied reached the summit of Everest.',
  'Two days later Reist and von Gunten stood on top as well, and they also climbed Lhotse for the first time, at 8501 metres.',
  'Why did they succeed where others had failed?',
  'The answer lies in patience, oxygen and the help of the Sherpas.',
];
const french = [
  "L'expédition quitta Genève le 12 mai 1956 avec onze alpinistes.",
  'Après trois semaines de marche, elle atteignit le camp de base à 5000 mètres.',
  'Il fit un temps épouvantable, la neige tomba pendant des jours.',
  'Le 23 mai, Marmet et Schmied atteignirent le sommet de l’Everest.',
  'Deux jours plus tard, Reist et von Gunten y furent à leur tour.',
  'Ils gravirent aussi le Lhotse pour la première fois, à 8501 mètres.',
  '[Note du traducteur : voir la carte en annexe.]',
  'Pourquoi ont-ils réussi là où d’autres avaient échoué ?',
  'La réponse tient à la patience, à l’oxygène et à l’aide des Sherpas.',
];

describe('alignSentences', () => {
  it('finds 1–1, 2–1, 1–2 and 0–1 beads in a small made-up text', () => {
    const beads = alignSentences(english, french);
    expectValidBeads(beads, english.length, french.length);
    expect(shapes(beads)).toEqual(['0:0', '1:1', '2,3:2', '4:3', '5:4,5', ':6', '6:7', '7:8']);
  });

  it('uses numbers as anchors when lengths alone cannot decide', () => {
    const source = ['The ridge was climbed in 1953.', 'The face was climbed in 1975.', 'Both routes are long.'];
    const target = ['La face fut gravie en 1975.', 'Les deux voies sont longues.'];
    const beads = alignSentences(source, target);
    expectValidBeads(beads, 3, 2);
    expect(shapes(beads)).toEqual(['0:', '1:0', '2:1']);
  });

  it('matches transliterated names across Cyrillic and Latin', () => {
    const russian = ['Сталин умер в марте.', 'Хрущёв выступил на съезде.', 'Молотов молчал.'];
    const english2 = ['Stalin died in March.', 'Khrushchev spoke at the congress.', 'Molotov kept silent.'];
    const beads = alignSentences(russian, english2);
    expect(shapes(beads)).toEqual(['0:0', '1:1', '2:2']);
  });

  it('leaves a fragment of OCR debris in the translation unmatched rather than merged into a neighbour', () => {
    const german = [
      'Jedenfalls erweist sich die Höhenzahl 8603 m, die auf der Karte von Marcel Kurz eingesetzt wurde, als recht gut.',
      'Der Lhotse misst amtlich noch immer 8501 m.',
    ];
    const frenchWithDebris = [
      "Quoi qu'il en soit, l'altitude de 8603 m qui figure sur la carte de Marcel Kurz peut être considérée comme exacte.",
      '.....',
      'Officiellement, le Lhotse mesure toujours 8501 m.',
    ];
    const beads = alignSentences(german, frenchWithDebris);
    expectValidBeads(beads, 2, 3);
    expect(shapes(beads)).toEqual(['0:0', ':1', '1:2']);
  });

  it('handles empty sides', () => {
    expect(alignSentences([], [])).toEqual([]);
    expect(shapes(alignSentences(['Only one.'], []))).toEqual(['0:']);
    expect(shapes(alignSentences([], ['Seule.', 'Deux.']))).toEqual([':0', ':1']);
  });

  it('keeps its invariants on random inputs', () => {
    const random = mulberry32(7);
    const words = ['alpha', 'beta', 'gamma', 'delta', '1956', '?', '«', 'Genève', 'Сталин', 'x'];
    const sentence = (): string => Array.from({ length: 1 + Math.floor(random() * 12) }, () => words[Math.floor(random() * words.length)]).join(' ');
    for (let round = 0; round < 25; round++) {
      const n = Math.floor(random() * 40);
      const m = Math.floor(random() * 40);
      const source = Array.from({ length: n }, sentence);
      const target = Array.from({ length: m }, sentence);
      expectValidBeads(alignSentences(source, target, { bandWidth: 4 }), n, m);
    }
  });

  it('aligns 3,000 × 3,000 sentences in a band, not a quadratic table', () => {
    const random = mulberry32(11);
    const source: string[] = [];
    const target: string[] = [];
    for (let k = 0; k < 3000; k++) {
      const words = Array.from({ length: 4 + Math.floor(random() * 20) }, () => `w${Math.floor(random() * 5000)}`);
      source.push(`${words.join(' ')} ${k}.`);
      target.push(`${words.map((word) => word.toUpperCase()).join(' ')} ${k}.`);
    }
    const stats: AlignmentStats = { cells: 0, passes: 0 };
    const beads = alignSentences(source, target, undefined, stats);
    expectValidBeads(beads, 3000, 3000);
    expect(beads.filter((bead) => bead.source.length === 1 && bead.target.length === 1 && bead.source[0] === bead.target[0]).length).toBeGreaterThan(2950);
    expect(stats.cells).toBeLessThan(3001 * 3001 * 0.05);
  });

  it('stops widening its band at the cell bound, and still aligns every sentence', () => {
    const random = mulberry32(5);
    const sentence = (length: number, prefix: string) => `${Array.from({ length }, () => `${prefix}${Math.floor(random() * 3000)}`).join(' ')}.`;
    // No word shared, and lengths that disagree (short then long against long then short): the path leaves the diagonal.
    const source = Array.from({ length: 1500 }, (_, k) => sentence(k < 750 ? 3 : 30, 'a'));
    const target = Array.from({ length: 1500 }, (_, k) => sentence(k < 750 ? 30 : 3, 'b'));
    const free: AlignmentStats = { cells: 0, passes: 0 };
    alignSentences(source, target, undefined, free);
    const bounded: AlignmentStats = { cells: 0, passes: 0 };
    expectValidBeads(alignSentences(source, target, { maxBandCells: 1 }, bounded), 1500, 1500);
    expect(bounded.cells).toBeLessThan(free.cells);
  });

  it('gives lower confidence to a bead with a close alternative than to a clear 1–1', () => {
    const beads = alignSentences(english, french);
    const clear = beads.find((bead) => bead.source[0] === 4)!;
    const minimum = Math.min(...beads.map((bead) => bead.score));
    expect(clear.score).toBeGreaterThan(minimum);
  });
});

describe('learnTranslationModel (IBM Model 1)', () => {
  it('links each word to the partner that explains it, not to every word it meets', () => {
    const german = ['und der hund bellt', 'und der katze schlaft', 'und maus', 'und vogel singt', 'der baum wachst', 'hund und katze'];
    const french = ['et le chien aboie', 'et le chat dort', 'et souris', 'et oiseau chante', 'le arbre pousse', 'chien et chat'];
    const source = buildAlignmentSide(german.map((sentence) => [sentence]));
    const target = buildAlignmentSide(french.map((sentence) => [sentence]));
    const links = learnTranslationModel(source, target, german.map((_, k) => ({ sourceStart: k, sourceEnd: k + 1, targetStart: k, targetEnd: k + 1 })));
    const weight = (s: string, t: string): number | undefined => links.get(source.vocabulary.indexOf(s) * target.vocabulary.length + target.vocabulary.indexOf(t));
    expect(weight('und', 'et')).toBeGreaterThan(0.5);
    expect(weight('der', 'le')).toBeGreaterThan(0.5);
    expect(weight('hund', 'chien')).toBeGreaterThan(0.5);
    // "und" meets "le" in two beads (Dice would give 0.5), but "der" explains "le".
    expect(weight('und', 'le')).toBeUndefined();
    // "maus" and "souris" meet once only: a single meeting is not a link.
    expect(weight('maus', 'souris')).toBeUndefined();
  });
});

describe('large beads', () => {
  const source = [
    'Members of the expedition, by year: 1952 Lombard (geology), 1953 Pugh (physiology), 1954 Heuberger (geography) and 1955 Schneider (maps).',
    'The reports are in the club library.',
  ];
  const target = ['1952, Lombard en géologie ;', '1953, Pugh en physiologie ;', '1954, Heuberger en géographie ;', '1955, Schneider en cartographie.', 'Les rapports sont à la bibliothèque du club.'];

  it('keeps a list that the translation splits into four sentences in one 1–4 bead', () => {
    expect(shapes(alignSentences(source, target))).toEqual(['0:0,1,2,3', '1:4']);
  });

  it('never makes a bead side longer than maxBeadSide', () => {
    const beads = alignSentences(source, target, { maxBeadSide: 3 });
    expectValidBeads(beads, source.length, target.length);
    for (const bead of beads) expect(Math.max(bead.source.length, bead.target.length)).toBeLessThanOrEqual(3);
  });
});

describe('alignDocuments', () => {
  it('aligns paragraphs first and returns beads over flattened sentence indices', () => {
    const source = [english.slice(0, 4), english.slice(4, 6), english.slice(6)];
    const target = [french.slice(0, 3), french.slice(3, 7), french.slice(7)];
    const beads = alignDocuments(source, target);
    expectValidBeads(beads, english.length, french.length);
    expect(shapes(beads)).toEqual(['0:0', '1:1', '2,3:2', '4:3', '5:4,5', ':6', '6:7', '7:8']);
  });

  it('aligns sentences across paragraphs the translation breaks elsewhere', () => {
    // The translation puts the first paragraph's last sentence into the second paragraph, and
    // runs the last two paragraphs together: no pairing of whole paragraphs is right.
    const source = [english.slice(0, 4), english.slice(4, 6), english.slice(6, 7), english.slice(7)];
    const target = [french.slice(0, 2), french.slice(2, 7), french.slice(7)];
    const beads = alignDocuments(source, target);
    expectValidBeads(beads, english.length, french.length);
    expect(shapes(beads)).toEqual(shapes(alignSentences(english, french)));
    expect(shapes(beads)).toContain('2,3:2');
  });

  it('prefers a boundary where both texts start a paragraph', () => {
    // Three sentences against two of one and a half times their length, no word shared: 2–1 then
    // 1–1 and 1–1 then 1–2 cost the same, and the paragraph breaks decide.
    const [a, b, c] = ['Aaaa bbbb cc.', 'Dddd eeee ff.', 'Gggg hhhh ii.'];
    const [x, y] = ['Pppp qqqq rrrr sss.', 'Tttt uuuu vvvv www.'];
    expect(shapes(alignDocuments([[a, b], [c]], [[x], [y]]))).toEqual(['0,1:0', '2:1']);
    expect(shapes(alignDocuments([[a], [b, c]], [[x], [y]]))).toEqual(['0:0', '1,2:1']);
  });

  it('cuts a document too long for one band into windows at paragraph boundaries, and aligns every sentence', () => {
    const random = mulberry32(7);
    const source: string[][] = [];
    const target: string[][] = [];
    for (let p = 0; p < 60; p++) {
      const sourceParagraph: string[] = [];
      const targetParagraph: string[] = [];
      for (let k = 0; k < 20; k++) {
        const words = Array.from({ length: 4 + Math.floor(random() * 16) }, () => `w${Math.floor(random() * 4000)}`);
        sourceParagraph.push(`${words.join(' ')}.`);
        targetParagraph.push(`${words.map((word) => word.toUpperCase()).join(' ')}.`);
      }
      source.push(sourceParagraph);
      target.push(targetParagraph);
    }
    const whole: AlignmentStats = { cells: 0, passes: 0 };
    expectValidBeads(alignDocuments(source, target, undefined, whole), 1200, 1200);
    const windowed: AlignmentStats = { cells: 0, passes: 0 };
    const beads = alignDocuments(source, target, { maxBandCells: 60_000 }, windowed);
    expectValidBeads(beads, 1200, 1200);
    expect(windowed.cells).toBeLessThan(whole.cells / 3);
    expect(beads.filter((bead) => bead.source.length === 1 && bead.target.length === 1 && bead.source[0] === bead.target[0]).length).toBeGreaterThan(1180);
  });

  it('turns a paragraph without a partner into one-sided beads', () => {
    const source = [['Alpha 1.', 'Beta 2.'], ['Extra 99 paragraph with words.'], ['Gamma 3.']];
    const target = [['Alpha 1.', 'Beta 2.'], ['Gamma 3.']];
    const beads = alignDocuments(source, target);
    expectValidBeads(beads, 4, 3);
    expect(shapes(beads)).toContain('2:');
  });
});
