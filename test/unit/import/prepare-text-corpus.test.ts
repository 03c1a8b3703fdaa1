import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { prepareText, prepareVolume } from '../../../lib/import/prepare-text';
import { countAsteriskNoteLines, countNotes } from '../../../scripts/eval/count-notes';

/** The shared corpus lives next to the project root, outside the repository. */
const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');

describe('preparing the OCR volume for import', () => {
  const volume = prepareVolume({ bytes: readFileSync(path.join(CORPUS_DIR, 'stalin-works-vol8-ocr.en.txt')), filename: 'vol8.txt', language: 'en' });
  const parts = volume?.parts ?? [];
  /** Lower-case words, punctuation aside (`PARTY,”` and `PARTY”` are one word). */
  const words = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}\s-]+/gu, ' ').replace(/\s+/gu, ' ').trim();

  it('reads every numbered note and every asterisk note as one note, each linked from its marker on the page the note names', () => {
    const counts = countNotes(parts);
    // The notes run 1…103; each is one note, none a paragraph, none cut into sentences.
    expect(counts.numberedNotes).toBe(103);
    expect(counts.numberedNotesRecognised).toBe(103);
    expect(counts.numberedNotesMissing).toEqual([]);
    // Every marker survived the OCR, some glued to a year (`192349`), a page (`p. 1765`), set apart or misread (`86` for 85).
    expect(counts.numberedRefs).toBe(103);
    expect(counts.numberedNotesUnreferenced).toEqual([]);
    expect(counts.refsWithNamedPage).toBe(103);
    expect(counts.refsOffNamedPage).toEqual([]);
    // The author's and editors' notes at the foot of their pages, with every star in the text.
    const lines = countAsteriskNoteLines(readFileSync(path.join(CORPUS_DIR, 'stalin-works-vol8-ocr.en.txt'), 'utf8'));
    expect(lines).toBe(61);
    expect(counts.asteriskNotes).toBe(lines);
    expect(counts.asteriskNotesUnreferenced).toBe(0);
    expect(counts.asteriskRefs).toBeGreaterThanOrEqual(79);
    expect(counts.danglingRefs).toBe(0);
    const notesPart = parts.find((part) => /^Notes$/u.test(part.title));
    expect(notesPart?.rows.filter((row) => row.kind === 'SENTENCE')).toEqual([]);
  });

  it('splits into the same works, each from its first page, whatever the cleanup rejoins', () => {
    // Two front-matter parts (title pages and contents, the preface), 23 works, the notes and the chronicle.
    expect(parts.map((part) => `${part.kind} ${part.firstPage ?? ''}`)).toEqual([
      'front-matter VI',
      'front-matter XIII',
      ...['1', '11', '13', '97', '101', '105', '106', '114', '115', '123', '157', '164', '182', '185', '203', '205', '215', '217', '220', '225', '245', '311', '373'].map((page) => `work ${page}`),
      'back-matter 393',
      'back-matter 409',
    ]);
    // No running head is left as a heading inside a work: no heading after the work's title block
    // (a title the OCR garbled is cut into a few rows) is its capital title again, whole or shortened (three words or more of it, in order: `REPLY TO GREETINGS`).
    const TITLE_BLOCK_ROWS = 6;
    const isShortening = (head: string[], title: string[]) => head.length >= 3 && title.reduce((k, word) => (head[k] === word ? k + 1 : k), 0) === head.length;
    const stray = parts
      .filter((part) => part.kind === 'work')
      .flatMap((part) => part.rows.slice(TITLE_BLOCK_ROWS).filter((row) => row.kind === 'HEADING').filter((row) => !/[\p{Ll}\d]/u.test(row.text ?? '') && isShortening(words(row.text ?? '').split(' '), words(part.title).split(' '))))
      .map((row) => row.text);
    expect(stray).toEqual([]);
    const text = parts.flatMap((part) => part.rows.map((row) => row.text ?? '')).join('\n');
    expect(text).toContain('the shoulders of the well-to-do strata');
    expect(text).toContain('hostile collisions between the workers’ government');
  });

  it('keeps the page numbers of the contents with their entries', () => {
    const contents = parts.find((part) => part.rows.some((row) => row.text === 'CONTENTS' || row.text?.startsWith('Preface . . .')));
    expect(contents?.kind).toBe('front-matter');
    const texts = contents?.rows.flatMap((row) => (row.text === null ? [] : [row.text])) ?? [];
    expect(texts.filter((text) => /^\s*\d+\s*$/u.test(text))).toEqual([]);
    expect(texts).toContain('I . . . . . . . . . . . . . . . . . 1');
  });

  it('starts each item of the contents with its heading', () => {
    // Everything but the part before the first item (title pages and the contents itself).
    const items = parts.slice(1);
    expect(items.length).toBeGreaterThanOrEqual(25);
    const missing = items.filter((part) => {
      const first = part.rows.find((row) => row.text !== null);
      return first?.kind !== 'HEADING' || !words(part.title).startsWith(words(first.text ?? ''));
    });
    expect(missing.map((part) => part.title)).toEqual([]);
  });

  it('reads a capital title wrapped over several lines as one heading', () => {
    // The title's capital words, before its subtitle or date (`… COMMITTEE. Speech Delivered …`).
    const capitals = (title: string) => words(title.split(' ').filter((_, k, all) => all.slice(0, k + 1).every((word) => !/\p{Ll}/u.test(word))).join(' '));
    const works = parts.filter((part) => part.kind === 'work');
    const cut = works.filter((part) => {
      const first = part.rows.find((row) => row.text !== null);
      return first?.kind === 'HEADING' && words(first.text ?? '') !== capitals(part.title);
    });
    // Four titles are broken by an OCR line that is no heading (before the join, 19 of 23 were cut).
    expect(works.length).toBeGreaterThanOrEqual(20);
    expect(cut.length).toBeLessThanOrEqual(4);
  });
});

describe('preparing the scraped web page for import', () => {
  it('starts the work with the article’s byline and title, set apart above it, as headings', () => {
    const name = 'razlatzky-notes-in-the-margins.en.txt';
    const prepared = prepareText({ bytes: readFileSync(path.join(CORPUS_DIR, name)), filename: name, language: 'en' });
    const [byline, title, first] = prepared.rows.filter((row) => row.text !== null);
    expect([byline?.kind, byline?.text]).toEqual(['HEADING', 'A. B. Razlatzky']);
    expect([title?.kind, title?.text]).toEqual(['HEADING', 'Notes in the Margins of History']);
    expect([first?.kind, first?.text]).toEqual(['SENTENCE', 'I must say at once that I am a Marxist.']);
  });
});
