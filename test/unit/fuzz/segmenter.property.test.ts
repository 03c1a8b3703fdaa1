import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { segmentDocument, splitSentences, type SegmentedBlock } from '../../../lib/segment/segmenter';
import { removeLayoutMarkerChars } from '../../../lib/segment/segmenter/block-layout';
import { anyText, documentText, lettersOf, propertyOptions, uploadText } from '../../helpers/arbitraries';

/*
 * What the segmenter guarantees for every input (docs/import.md, "What the properties guarantee"):
 *
 * 1. It never throws, whatever the text, format or language tag.
 * 2. Every heading, sentence and note text is non-empty, trimmed, and holds no white space but
 *    single spaces (runs of white space, line breaks included, become one space).
 * 3. Plain text loses nothing: after the documented normalisation — BOM dropped, CR LF and CR read
 *    as LF, NFC, U+FDD0 removed, page markers (`[Page 23]`, `[page xiv]`, `[p. 23]`) and emphasis
 *    markers (U+FDD4, U+FDD5) taken out and lines left with nothing but such markers dropped — the blocks are the runs of lines between
 *    blank lines, each with its white space collapsed (a title wrapped over several capital lines
 *    being one heading: docs/import.md, step 4), and the sentences of a paragraph put back
 *    together (with one space or none between them, as the text had) give its block.
 * 4. Markdown loses no letter: the letters of the headings, sentences, note labels and notes are
 *    the letters of the normalised text; only syntax (`#`, `>`, list markers, `[^1]:`) goes.
 * 5. Every page marker comes out as a page mark with its label, in document order, on the element
 *    where its page begins (when there is any element), at an offset inside that element's text.
 * 6. Emphasis is well-formed: each stretch inside its element's text, neither empty nor beginning
 *    or ending with a space, in order and apart (test/unit/fuzz/emphasis.property.test.ts: which
 *    words it covers).
 *
 * The import removes the characters of layout markers (U+FDD1–U+FDD3) before segmenting
 * (lib/import/read-upload-text.ts), so properties 3 and 4 are stated for texts without them.
 */

const PAGE_MARKER = /\[[ \t]*(?:page|p\.)[ \t]*([0-9]+[a-z]?|[ivxlcdm]+)[ \t]*\]/giu;
const MARK = '\uFDD0';
/** Page markers and emphasis markers, each read as one zero-width mark. */
const INLINE_MARKER = new RegExp(`${PAGE_MARKER.source}|[\uFDD4\uFDD5]`, 'giu');
const BLANK = /^\s*$/u;

interface Normalised {
  /** The text with page markers replaced by MARK and marker-only lines dropped. */
  lines: string[];
  labels: string[];
}

function normalise(input: string): Normalised {
  const labels: string[] = [];
  const marked = input
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .normalize('NFC')
    .replaceAll(MARK, '')
    .replace(INLINE_MARKER, (_marker: string, label: string | undefined) => {
      if (label !== undefined) labels.push(label);
      return MARK;
    });
  const lines = marked.split('\n').filter((line) => !(line.includes(MARK) && BLANK.test(line.replaceAll(MARK, ''))));
  return { lines, labels };
}

const collapse = (text: string): string => text.replaceAll(MARK, '').replace(/\s+/gu, ' ').trim();

/** The plain-text blocks the documentation promises: runs of non-blank lines, collapsed. */
function expectedPlainBlocks(input: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of [...normalise(input).lines, '']) {
    if (BLANK.test(line)) {
      const text = collapse(current.join('\n'));
      if (text !== '') blocks.push(text);
      current = [];
    } else current.push(line);
  }
  return blocks;
}

/**
 * How many blocks from `expected[at]` on make up `heading`: one, or several blocks in
 * capitals (a wrapped title joined with one space); 0 when none does.
 */
function titleLinesOf(heading: string, expected: readonly string[], at: number): number {
  if (heading === expected[at]) return 1;
  const capital = (line: string) => line === line.toLocaleUpperCase();
  let joined = expected[at] ?? '';
  for (let end = at + 1; end < expected.length && capital(expected[end - 1] ?? '') && capital(expected[end] ?? ''); end += 1) {
    joined += ` ${expected[end]}`;
    if (joined === heading) return end - at + 1;
  }
  return 0;
}

/** Whether `sentences`, each followed by one space or none, spell `text` exactly. */
function spells(sentences: readonly string[], text: string): boolean {
  let at = 0;
  for (const [index, sentence] of sentences.entries()) {
    if (index > 0 && text[at] === ' ') at += 1;
    if (!text.startsWith(sentence, at)) return false;
    at += sentence.length;
  }
  return at === text.length;
}

const textsOf = (block: SegmentedBlock): string[] => (block.kind === 'paragraph' ? block.sentences.map((sentence) => sentence.text) : [block.text]);
const pagesOf = (blocks: readonly SegmentedBlock[]) =>
  blocks.flatMap((block) => (block.kind === 'paragraph' ? block.sentences.map((s) => ({ text: s.text, pages: s.pages })) : [{ text: block.text, pages: block.pages }]));

function expectWellFormed(blocks: readonly SegmentedBlock[]): void {
  for (const block of blocks) {
    if (block.kind === 'paragraph') expect(block.sentences.length).toBeGreaterThan(0);
    if (block.kind === 'heading') expect(block.level).toBeGreaterThanOrEqual(1);
    for (const text of textsOf(block)) {
      expect(text).not.toBe('');
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/ {2}|[^\S ]/u);
    }
  }
  for (const element of pagesOf(blocks)) {
    for (const page of element.pages) {
      expect(page.offset).toBeGreaterThanOrEqual(0);
      expect(page.offset).toBeLessThanOrEqual(element.text.length);
    }
  }
  const elements = blocks.flatMap((block) => (block.kind === 'paragraph' ? block.sentences : [block]));
  for (const element of elements) expectWellFormedEmphasis(element.text, element.emphasis ?? []);
}

/** Each stretch inside the text, neither empty nor beginning or ending with white space, in order and apart. */
function expectWellFormedEmphasis(text: string, emphasis: readonly { start: number; end: number }[]): void {
  let previousEnd = -1;
  for (const span of emphasis) {
    expect(span.start).toBeGreaterThan(previousEnd);
    expect(span.end).toBeGreaterThan(span.start);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(span.start, span.end)).toBe(text.slice(span.start, span.end).trim());
    previousEnd = span.end;
  }
}

const languages = fc.constantFrom('en', 'ru', 'de', 'fr', 'ru-RU', '', 'not a tag', 'x-ﬀ');
const formats = fc.constantFrom<'txt' | 'md'>('txt', 'md');

describe('segmenter properties', () => {
  it('never throws and yields well-formed blocks, whatever the text, format and language', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(400), uploadText), formats, languages, (text, format, language) => {
        expectWellFormed(segmentDocument(text, { format, language }));
        for (const sentence of splitSentences(text, language)) expect(sentence).toBe(sentence.trim());
      }),
      propertyOptions(250),
    );
  });

  it('loses no text of a plain-text document: blocks are its collapsed blank-line runs, sentences spell them', () => {
    fc.assert(
      fc.property(fc.oneof(documentText, anyText(300)).map(removeLayoutMarkerChars), languages, (text, language) => {
        const blocks = segmentDocument(text, { format: 'txt', language });
        const expected = expectedPlainBlocks(text);
        let at = 0;
        for (const block of blocks) {
          const blockText = expected[at] ?? '';
          if (block.kind === 'paragraph') {
            expect(spells(block.sentences.map((s) => s.text), blockText)).toBe(true);
            at += 1;
            continue;
          }
          expect(block.kind).toBe('heading');
          const heading = block.kind === 'heading' ? block.text : '';
          // One title wrapped by the printer over several capital lines is one heading.
          const parts = titleLinesOf(heading, expected, at);
          expect(parts).toBeGreaterThan(0);
          at += parts;
        }
        expect(at).toBe(expected.length);
      }),
      propertyOptions(200),
    );
  });

  it('loses no letter of a Markdown document: only syntax goes', () => {
    fc.assert(
      fc.property(fc.oneof(documentText, anyText(300)).map(removeLayoutMarkerChars), languages, (text, language) => {
        const blocks = segmentDocument(text, { format: 'md', language });
        const out = blocks.map((block) => (block.kind === 'footnote' ? `${block.label} ${block.text}` : textsOf(block).join(' '))).join(' ');
        expect(lettersOf(out)).toBe(lettersOf(collapse(normalise(text).lines.join('\n'))));
      }),
      propertyOptions(200),
    );
  });

  it('turns every page marker into a page mark with its label, in document order', () => {
    fc.assert(
      fc.property(documentText.map(removeLayoutMarkerChars), formats, (text, format) => {
        const blocks = segmentDocument(text, { format, language: 'en' });
        const labels = pagesOf(blocks).flatMap((element) => element.pages.map((page) => page.label));
        expect(labels).toEqual(blocks.length > 0 ? normalise(text).labels : []);
      }),
      propertyOptions(150),
    );
  });

  it('splits a paragraph into trimmed sentences that spell it, with one space or none between them', () => {
    fc.assert(
      fc.property(fc.oneof(documentText, anyText(300)), languages, (paragraph, language) => {
        const text = paragraph.replace(/\s+/gu, ' ').trim();
        const sentences = splitSentences(paragraph, language);
        expect(sentences.every((sentence) => sentence !== '')).toBe(true);
        expect(spells(sentences, text)).toBe(true);
      }),
      propertyOptions(200),
    );
  });
});
