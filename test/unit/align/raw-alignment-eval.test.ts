import { describe, expect, it } from 'vitest';

import { countAlignmentHits, type ScoredBead } from '../../../lib/align/core';
import { importRawPair, rawTextFromSentences, spansOfUnits, type Span } from '../../../scripts/eval/raw-import';
import { countBoundaries, countSpanHits, mergeRowsWithinGoldBeads, type SpanPair } from '../../../scripts/eval/span-scores';

/** Spans of consecutive lines of the given non-whitespace lengths. */
function linesOf(lengths: readonly number[]): Span[] {
  let position = 0;
  return lengths.map((length) => ({ start: position, end: (position += length) }));
}

/** The span pair covering the given line indices on each side. */
function pairOf(bead: ScoredBead, source: readonly Span[], target: readonly Span[]): SpanPair {
  const side = (indices: readonly number[], lines: readonly Span[]): Span | null =>
    indices.length === 0 ? null : { start: lines[indices[0] ?? 0]?.start ?? 0, end: lines[indices[indices.length - 1] ?? 0]?.end ?? 0 };
  return { source: side(bead.source, source), target: side(bead.target, target) };
}

describe('rawTextFromSentences', () => {
  const lines = ['CHAPTER I', 'He came in.', 'She said:', "'Sit down.'", 'He sat.'];

  it('joins every line into one paragraph in the single layout', () => {
    const raw = rawTextFromSentences(lines);
    expect(raw.text).toBe("CHAPTER I He came in. She said: 'Sit down.' He sat.\n");
    expect(raw.lines).toEqual(linesOf([8, 9, 8, 10, 6]));
    expect([...raw.paragraphBreaks]).toEqual([]);
  });

  it('starts a paragraph after each line that does not end a sentence in the breaks layout', () => {
    const raw = rawTextFromSentences(lines, 'breaks');
    expect(raw.text).toBe("CHAPTER I\n\nHe came in. She said:\n\n'Sit down.' He sat.\n");
    expect([...raw.paragraphBreaks]).toEqual([8, 25]);
  });
});

describe('spansOfUnits', () => {
  it('finds each unit in the uploaded text, whitespace aside', () => {
    expect(spansOfUnits('Ab cd.  Ef\ngh.', ['Ab cd.', 'Ef gh.'])).toEqual([
      { start: 0, end: 5 },
      { start: 5, end: 10 },
    ]);
  });

  it('skips what the cleanup dropped and maps around a changed character', () => {
    const uploaded = 'One two. CHAPTER II Three four. Five six.';
    expect(spansOfUnits(uploaded, ['One two.', 'Three fOur.', 'Five six.'])).toEqual([
      { start: 0, end: 7 },
      { start: 16, end: 26 },
      { start: 26, end: 34 },
    ]);
    expect(spansOfUnits(uploaded, ['One two.', 'Ωμέγα'])).toEqual([{ start: 0, end: 7 }, null]);
  });
});

describe('countSpanHits', () => {
  // The worked example of ../shared/align-eval/README.md, each sentence two characters long.
  const source = linesOf([2, 2, 2, 2]);
  const target = linesOf([2, 2, 2, 2]);
  const gold: ScoredBead[] = [
    { source: [0], target: [0] },
    { source: [1, 2], target: [1] },
    { source: [], target: [2] },
    { source: [3], target: [3] },
  ];

  it('gives the index scorer’s counts when rows are the system beads', () => {
    const system: ScoredBead[] = [
      { source: [0], target: [0] },
      { source: [1], target: [1] },
      { source: [2], target: [] },
      { source: [], target: [2] },
      { source: [3], target: [3] },
    ];
    const rows = system.map((bead) => pairOf(bead, source, target));
    expect(countSpanHits({ rows, gold, sourceLines: source, targetLines: target })).toEqual(countAlignmentHits(system, gold));
    expect(countAlignmentHits(system, gold)).toEqual({ system: 5, gold: 3, strictPrecisionHits: 3, laxPrecisionHits: 4, strictRecallHits: 2, laxRecallHits: 3 });
  });

  it('never matches a row to a bead whose sentences are not consecutive', () => {
    const split: ScoredBead[] = [{ source: [0], target: [0, 2] }, { source: [1], target: [1] }];
    const lines = linesOf([2, 2, 2]);
    const rows = [pairOf({ source: [0], target: [0, 1, 2] }, lines, lines), pairOf({ source: [1], target: [] }, lines, lines)];
    expect(countSpanHits({ rows, gold: split, sourceLines: lines, targetLines: lines })).toMatchObject({ strictPrecisionHits: 0, strictRecallHits: 0, laxPrecisionHits: 1, laxRecallHits: 1 });
  });
});

describe('mergeRowsWithinGoldBeads', () => {
  const source = linesOf([3, 3, 3]);
  const target = linesOf([6, 3]);
  // Two English sentences against one Russian paragraph of dialogue, then a 1–1 bead.
  const gold: ScoredBead[] = [
    { source: [0, 1], target: [0] },
    { source: [2], target: [1] },
  ];

  it('merges finer rows that lie inside one gold bead, so that cutting a dialogue is not an error', () => {
    const rows: SpanPair[] = [
      { source: { start: 0, end: 3 }, target: { start: 0, end: 3 } },
      { source: { start: 3, end: 6 }, target: { start: 3, end: 6 } },
      { source: { start: 6, end: 9 }, target: { start: 6, end: 9 } },
    ];
    const input = { gold, sourceLines: source, targetLines: target };
    expect(countSpanHits({ rows, ...input }).strictRecallHits).toBe(1);
    const merged = mergeRowsWithinGoldBeads({ rows, ...input });
    expect(merged).toEqual([
      { source: { start: 0, end: 6 }, target: { start: 0, end: 6 } },
      { source: { start: 6, end: 9 }, target: { start: 6, end: 9 } },
    ]);
    expect(countSpanHits({ rows: merged, ...input })).toMatchObject({ system: 2, strictPrecisionHits: 2, strictRecallHits: 2 });
  });

  it('leaves a row that crosses a gold boundary as it is', () => {
    const rows: SpanPair[] = [
      { source: { start: 0, end: 3 }, target: { start: 0, end: 3 } },
      { source: { start: 3, end: 9 }, target: { start: 3, end: 9 } },
    ];
    expect(mergeRowsWithinGoldBeads({ rows, gold, sourceLines: source, targetLines: target })).toEqual(rows);
  });
});

describe('countBoundaries', () => {
  it('compares unit ends with line ends, leaving out the file’s own paragraph breaks', () => {
    const lines = linesOf([4, 4, 8, 4]);
    const gold: ScoredBead[] = [
      { source: [0], target: [0] },
      { source: [1], target: [1] },
      { source: [2], target: [2] },
      { source: [3], target: [3, 4] },
    ];
    // Units: lines 0–1 together (a missed boundary), line 2 cut in two (inside a 1–1 bead), then
    // line 3; the break after line 2 is a paragraph break of the file.
    const unitSpans = [{ start: 0, end: 8 }, { start: 8, end: 12 }, { start: 12, end: 16 }, { start: 16, end: 20 }];
    expect(countBoundaries({ unitSpans, lines, paragraphBreaks: new Set([16]), gold, side: 'source' })).toEqual({
      predicted: 2,
      gold: 2,
      correct: 1,
      insideOneToOne: 1,
      oneToOne: 3,
      oneToOneCut: 1,
    });
  });
});

describe('importRawPair', () => {
  it('puts every unit of both sides in exactly one row, in reading order', () => {
    const english = rawTextFromSentences(['It was 1872.', 'Anna came to Moscow on the 3rd.', "'Is it you?' she asked.", "'Yes, it is me.'", 'They went home.']);
    const russian = rawTextFromSentences(['Был 1872 год.', 'Анна приехала в Москву 3-го.', '-- Это ты? -- спросила она. -- Да, это я.', 'Они поехали домой.']);
    const pair = importRawPair({ sourceText: english.text, targetText: russian.text, sourceLanguage: 'en', targetLanguage: 'ru', cleanup: 'default' });
    expect(pair.rows.flatMap((row) => row.source)).toEqual(pair.source.units.keys.map((_, index) => index));
    expect(pair.rows.flatMap((row) => row.target)).toEqual(pair.target.units.keys.map((_, index) => index));
    expect(pair.target.units.paragraphs.flat()).toContain('-- Да, это я.');
    expect(pair.source.spans.every((span) => span !== null)).toBe(true);
  });
});
