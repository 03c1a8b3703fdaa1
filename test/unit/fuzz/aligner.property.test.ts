import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { alignDocuments, alignSentences, type AlignOptions, type Bead } from '../../../lib/align/core';
import type { SeedLexicon } from '../../../lib/align/core/seed-lexicon';
import { anyText, documentText, propertyOptions, sentence } from '../../helpers/arbitraries';

/*
 * What the aligner guarantees for every pair of texts (docs/alignment.md, "What the properties
 * guarantee"): it never throws; every source and every target sentence is in exactly one bead,
 * the indices of a bead are ascending and contiguous and the beads follow both texts in order;
 * every bead has a sentence, a shape the documentation lists (1–1, 1–0, 0–1, 2–1, 1–2, 2–2, 3–1,
 * 1–3, 2–3, 3–2, 4–1, 1–4, 3–3, within `maxBeadSide`) and a score in [0, 1]. Sentences may be empty, blank, made of
 * punctuation or of any characters at all.
 */

const SHAPES = new Set(['1-1', '1-0', '0-1', '2-1', '1-2', '2-2', '3-1', '1-3', '2-3', '3-2', '4-1', '1-4', '3-3']);

function expectValidBeads(beads: readonly Bead[], sourceCount: number, targetCount: number, maxBeadSide: number): void {
  let nextSource = 0;
  let nextTarget = 0;
  for (const bead of beads) {
    expect(SHAPES.has(`${bead.source.length}-${bead.target.length}`)).toBe(true);
    expect(Math.max(bead.source.length, bead.target.length)).toBeLessThanOrEqual(maxBeadSide);
    for (const i of bead.source) expect(i).toBe(nextSource++);
    for (const j of bead.target) expect(j).toBe(nextTarget++);
    expect(Number.isFinite(bead.score)).toBe(true);
    expect(bead.score).toBeGreaterThanOrEqual(0);
    expect(bead.score).toBeLessThanOrEqual(1);
  }
  expect(nextSource).toBe(sourceCount);
  expect(nextTarget).toBe(targetCount);
}

/** A sentence of either language, a piece of a grammar document, or anything at all (blank and empty included). */
const anySentence = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<'en' | 'ru'>('en', 'ru').chain((language) => sentence(language)) },
  { weight: 1, arbitrary: documentText.map((text) => text.slice(0, 400)) },
  { weight: 2, arbitrary: anyText(40) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', '.', '…', '1', '«»', '12 12 12') },
);

/** A key: a word of the generated sentences (transliterated when Russian), cut short or not, or any string. */
const lexiconKey = fc.oneof(
  fc.constantFrom('the', 'of', 'and', 'party', 'state', 'peopl', 'i', 'v', 'partiia', 'parti', 'narod', 'gosud', 'vopro', 'revol', 'kniga', '1', '#q'),
  fc.string({ maxLength: 8 }),
);

/** A seed lexicon of arbitrary word pairs and key length, as lib/align/load-seed-lexicon.ts gives one. */
const seedLexicon: fc.Arbitrary<SeedLexicon> = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.array(fc.tuple(lexiconKey, lexiconKey), { maxLength: 30 }))
  .map(([keyLength, pairs]) => ({
    keyLength,
    targetsOf: (key) => pairs.filter(([source]) => source === key).map(([, target]) => target),
    sourcesOf: (key) => pairs.filter(([, target]) => target === key).map(([source]) => source),
  }));

/**
 * Documented option ranges: iterations ≥ 0, band width ≥ 1 (at least 4 is used), side 2 to 4,
 * weight ≥ 0, cell bound ≥ 1 (small bounds stop the band from widening and make `alignDocuments`
 * cut a document into windows at paragraph boundaries), with or without a seed lexicon.
 */
const options: fc.Arbitrary<AlignOptions> = fc.record(
  {
    iterations: fc.integer({ min: 0, max: 3 }),
    bandWidth: fc.integer({ min: 1, max: 50 }),
    maxBeadSide: fc.integer({ min: 2, max: 4 }),
    lexicalWeight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 40, noNaN: true })),
    maxBandCells: fc.integer({ min: 1, max: 3000 }),
    seedLexicon: fc.option(seedLexicon),
  },
  { requiredKeys: [] },
);

/** A translation-like target: the source's sentences with some dropped, merged, split or added. */
const pair = fc.array(anySentence, { maxLength: 30 }).chain((source) =>
  fc.tuple(
    fc.constant(source),
    fc.oneof(
      fc.array(anySentence, { maxLength: 30 }),
      fc.array(fc.constantFrom('keep', 'drop', 'merge', 'split', 'add'), { minLength: source.length, maxLength: source.length }).map((moves) => {
        const target: string[] = [];
        source.forEach((text, index) => {
          const move = moves[index];
          if (move === 'drop') return;
          if (move === 'merge' && target.length > 0) target[target.length - 1] += ` ${text}`;
          else if (move === 'split') target.push(...text.split(/(?<=,)/u));
          else target.push(text);
          if (move === 'add') target.push('[Note.]');
        });
        return target;
      }),
    ),
  ),
);

const paragraphs = (sentences: readonly string[], cuts: readonly number[]): string[][] => {
  const out: string[][] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(sentences.slice(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  out.push(sentences.slice(from));
  return out;
};

describe('aligner properties', () => {
  it('puts every sentence of both sides in exactly one bead, in order', () => {
    fc.assert(
      fc.property(pair, options, ([source, target], chosen) => {
        const beads = alignSentences(source, target, chosen);
        expectValidBeads(beads, source.length, target.length, chosen.maxBeadSide ?? 4);
      }),
      propertyOptions(150),
    );
  });

  it('keeps the same invariants when paragraphs (empty ones included) guide the alignment or cut it into windows', () => {
    fc.assert(
      fc.property(pair, fc.array(fc.nat({ max: 30 }), { maxLength: 6 }), fc.array(fc.nat({ max: 30 }), { maxLength: 6 }), options, ([source, target], sourceCuts, targetCuts, chosen) => {
        const beads = alignDocuments(paragraphs(source, sourceCuts), paragraphs(target, targetCuts), chosen);
        expectValidBeads(beads, source.length, target.length, chosen.maxBeadSide ?? 4);
      }),
      propertyOptions(120),
    );
  });
});
