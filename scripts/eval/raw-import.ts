/**
 * The import of a text and its translation from plain files, as the product does it, for scoring
 * against a sentence-level gold standard (`npm run eval:align -- --raw`, `npm run eval:split`).
 *
 * A gold standard gives one sentence per line. {@link rawTextFromSentences} turns those lines back
 * into the plain text a user would upload; {@link importRawPair} runs the import path on both
 * sides (decode, cleanup, segmenter: `prepareText`; paragraphs of units: `buildAlignmentUnits`;
 * `alignDocuments`; `placeBeads`) and returns the aligned rows the product stores. Because the
 * cleanup may drop or change characters, every unit is mapped back onto the uploaded text by a
 * diff of the two texts without whitespace, and rows and gold beads are compared as character
 * spans of that text (see span-scores.ts).
 */
import { diffArrays, diffChars } from 'diff';

import { buildAlignmentUnits, unitsFromRows, type AlignmentUnits } from '../../lib/align/build-alignment-units';
import { alignDocuments } from '../../lib/align/core';
import { loadSeedLexicon } from '../../lib/align/load-seed-lexicon';
import { placeBeads } from '../../lib/align/place-beads';
import { prepareText } from '../../lib/import/prepare-text';

/** A half-open range `[start, end)` of character positions, counted without whitespace. */
export interface Span {
  start: number;
  end: number;
}

/** An uploaded text rebuilt from gold sentence lines, with where each line ended up. */
export interface RawText {
  text: string;
  /** Span of each line, counted over the text's non-whitespace characters. */
  lines: Span[];
  /** Positions (non-whitespace count) where the file itself starts a new paragraph: the splitter gets them for free. */
  paragraphBreaks: Set<number>;
}

/**
 * A line that ends a sentence: final punctuation, possibly followed by closing quotes or brackets.
 * A sentence splitter breaks nowhere else, so where the gold's lines break after anything else (a
 * heading such as "CHAPTER II" or "XIV", "he said:" before a reply, a line that lost its full
 * stop) the break came from the layout of the file the corpus was made from.
 */
const SENTENCE_END = /[.!?…]["'»”’)\]]*$/u;

/**
 * How the gold's lines are laid out as a file:
 * - `single`: all of them joined with single spaces into one paragraph;
 * - `breaks`: the same, except that after a line which does not end a sentence comes a blank line
 *   (see {@link SENTENCE_END}), so headings stand alone and a reply announced by "he said:"
 *   begins a paragraph, as in the books.
 */
export type RawLayout = 'single' | 'breaks';

export function isRawLayout(value: string): value is RawLayout {
  return value === 'single' || value === 'breaks';
}

/**
 * Rebuilds the plain text a user would upload from one-sentence-per-line gold text. Nothing here
 * looks at the gold beads: both sides are built the same way from their own lines, and the only
 * paragraph breaks (`breaks` layout) are the ones the lines themselves show. Lines are
 * NFC-normalised, as the import does.
 */
export function rawTextFromSentences(sentences: readonly string[], layout: RawLayout = 'single'): RawText {
  const blocks: string[] = [];
  const lines: Span[] = [];
  const paragraphBreaks = new Set<number>();
  let paragraph: string[] = [];
  let position = 0;
  const endParagraph = (): void => {
    if (paragraph.length === 0) return;
    blocks.push(paragraph.join(' '));
    paragraph = [];
    paragraphBreaks.add(position);
  };
  for (const raw of sentences) {
    const line = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
    const length = line.replace(/\s/gu, '').length;
    lines.push({ start: position, end: position + length });
    position += length;
    if (line === '') continue;
    paragraph.push(line);
    if (layout === 'breaks' && !SENTENCE_END.test(line)) endParagraph();
  }
  endParagraph();
  paragraphBreaks.delete(position);
  return { text: `${blocks.join('\n\n')}\n`, lines, paragraphBreaks };
}

/** Which cleanup the import runs: the product's defaults for a .txt upload, or none. */
export type CleanupMode = 'default' | 'off';

/** One side of an import: its units (headings, sentences, notes) in reading order, as the aligner gets them. */
export interface ImportedSide {
  units: AlignmentUnits<number>;
  /** Span of each unit (flattened order) in the uploaded text; null when none of its characters is found there. */
  spans: (Span | null)[];
}

/** What `prepareText` and the alignment units make of one uploaded text. */
export function importSide({ text, language, cleanup }: { text: string; language: string; cleanup: CleanupMode }): ImportedSide {
  const { rows } = prepareText({ bytes: new TextEncoder().encode(text), filename: 'upload.txt', language, cleanup: cleanup === 'off' ? { isEnabled: false } : undefined });
  const units = buildAlignmentUnits(unitsFromRows(rows));
  return { units, spans: spansOfUnits(text, units.paragraphs.flat()) };
}

/** A row of the aligned translation: source units sharing one translation, and that translation's sentences. */
export interface ImportedRow {
  /** Source units, flattened indices: the first holds the text, the others continue it. */
  source: number[];
  /** Target units placed in this row (none for a source segment left untranslated). */
  target: number[];
  score: number;
}

/** Both sides of an import and the rows of the aligned translation, as the product would store them. */
export interface ImportedPair {
  source: ImportedSide;
  target: ImportedSide;
  rows: ImportedRow[];
  /** Time spent in the aligner alone. */
  seconds: { align: number };
}

/**
 * Imports `sourceText` as a work and `targetText` as its translation, without a database: the same
 * pure steps as `importWork` and `importAlignedTranslation`. Rows are grouped as the alignment
 * editor shows them: a segment and the segments marked as continuing it, with every target
 * sentence `placeBeads` puts there (including unmatched ones it hands to a neighbour).
 */
export function importRawPair({ sourceText, targetText, sourceLanguage, targetLanguage, cleanup, isFlat = false }: { sourceText: string; targetText: string; sourceLanguage: string; targetLanguage: string; cleanup: CleanupMode; /** Align all units as one paragraph per side, as for a file without paragraph breaks. */ isFlat?: boolean }): ImportedPair {
  const flatten = (side: ImportedSide): ImportedSide => (isFlat ? { ...side, units: { ...side.units, paragraphs: [side.units.paragraphs.flat()] } } : side);
  const source = flatten(importSide({ text: sourceText, language: sourceLanguage, cleanup }));
  const target = flatten(importSide({ text: targetText, language: targetLanguage, cleanup }));
  return alignImportedSides({ source, target, sourceLanguage, targetLanguage });
}

/**
 * The gold's own sentences as one paragraph of units per side, in place of the import's cleanup and
 * segmenter: what the rest of the import makes of a perfect split (`--gold-split`).
 */
export function goldSplitSide(sentences: readonly string[], lines: readonly Span[]): ImportedSide {
  const units = sentences.map((sentence) => sentence.normalize('NFC').replace(/\s+/gu, ' ').trim()).filter((sentence) => sentence !== '');
  const spans = lines.filter((span) => span.end > span.start);
  return { units: { paragraphs: [units], keys: units.map((_, index) => index) }, spans };
}

/** Aligns two imported sides and places the translation as the import does (see {@link importRawPair}). */
export function alignImportedSides({ source, target, sourceLanguage, targetLanguage }: { source: ImportedSide; target: ImportedSide; sourceLanguage: string; targetLanguage: string }): ImportedPair {
  // The dictionaries are read once per process, as in the import's worker; not timed as aligning.
  const seedLexicon = loadSeedLexicon(sourceLanguage, targetLanguage);
  const started = performance.now();
  const beads = alignDocuments(source.units.paragraphs, target.units.paragraphs, { sourceLanguage, targetLanguage, seedLexicon });
  const align = (performance.now() - started) / 1000;
  const targetSentences = target.units.paragraphs.flat();
  const placed = placeBeads(beads, targetSentences);

  // placeBeads returns texts; which target sentences each text holds follows from the same rule,
  // checked against the texts below so that the two can never disagree silently.
  const rows: ImportedRow[] = [];
  let pending: number[] = [];
  let placedIndex = 0;
  for (const bead of beads) {
    if (bead.source.length === 0) {
      const previous = rows.findLast((row) => row.target.length > 0);
      if (previous) previous.target.push(...bead.target);
      else pending = pending.concat(bead.target);
      continue;
    }
    const target = [...pending, ...bead.target];
    pending = [];
    bead.source.forEach((sourceIndex, position) => {
      const item = placed[placedIndex++];
      if (!item || item.source !== sourceIndex) throw new Error('placeBeads changed its order of segments');
      if (position === 0 || !item.continuesPrevious) rows.push({ source: [sourceIndex], target: position === 0 ? [...target] : [], score: bead.score });
      else rows.at(-1)?.source.push(sourceIndex);
    });
  }
  const texts = placed.filter((item) => !item.continuesPrevious).map((item) => item.text ?? '');
  rows.forEach((row, index) => {
    if (row.target.map((j) => targetSentences[j] ?? '').join(' ').trim() !== texts[index]) throw new Error(`Row ${index} does not hold the text placeBeads gave it`);
  });
  return { source, target, rows, seconds: { align } };
}

/**
 * Where each unit's characters are in `uploaded`, both read without whitespace. Units normally
 * are the uploaded text in order; the cleanup may have dropped lines (boilerplate, running
 * headers) or changed a few characters, so the two are aligned by a word diff, refined by a
 * character diff inside each changed stretch. A unit spans from its first to its last character
 * found in the upload.
 */
export function spansOfUnits(uploaded: string, units: readonly string[]): (Span | null)[] {
  const inputWords = uploaded.normalize('NFC').split(/\s+/u).filter(Boolean);
  const outputWords = units.flatMap((unit) => unit.split(/\s+/u).filter(Boolean));
  const outputLength = outputWords.reduce((sum, word) => sum + word.length, 0);
  const positions = new Int32Array(outputLength).fill(-1);

  let input = 0;
  let output = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flushChange = (): void => {
    const before = removed.join('');
    const after = added.join('');
    let i = input;
    let o = output;
    for (const part of diffChars(before, after)) {
      const length = part.value.length;
      if (!part.added && !part.removed) for (let k = 0; k < length; k++) positions[o + k] = i + k;
      if (!part.added) i += length;
      if (!part.removed) o += length;
    }
    input += before.length;
    output += after.length;
    removed = [];
    added = [];
  };
  for (const part of diffArrays(inputWords, outputWords)) {
    if (part.removed) removed = removed.concat(part.value);
    else if (part.added) added = added.concat(part.value);
    else {
      flushChange();
      for (const word of part.value) {
        for (let k = 0; k < word.length; k++) positions[output + k] = input + k;
        input += word.length;
        output += word.length;
      }
    }
  }
  flushChange();

  const spans: (Span | null)[] = [];
  let offset = 0;
  for (const unit of units) {
    const length = unit.replace(/\s/gu, '').length;
    let start = -1;
    let end = -1;
    for (let k = offset; k < offset + length; k++) {
      const at = positions[k] ?? -1;
      if (at < 0) continue;
      if (start < 0) start = at;
      end = at + 1;
    }
    spans.push(start < 0 ? null : { start, end });
    offset += length;
  }
  return spans;
}
