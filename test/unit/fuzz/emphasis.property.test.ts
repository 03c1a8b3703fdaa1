import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { mapRanges } from '../../../lib/diff/text-ranges';
import { prepareText } from '../../../lib/import/prepare-text';
import { EMPHASIS_CLOSE, EMPHASIS_OPEN } from '../../../lib/segment/emphasis';
import { segmentDocument, type SegmentedBlock } from '../../../lib/segment/segmenter';
import { removeLayoutMarkerChars } from '../../../lib/segment/segmenter/block-layout';
import { anyText, documentText, propertyOptions } from '../../helpers/arbitraries';

/*
 * What emphasis guarantees for every input (docs/import.md, "What the properties guarantee"):
 *
 * 1. Emphasis changes nothing else: a plain-text document with some of its words between emphasis
 *    markers segments into the same headings, sentences, notes and page marks as without them, and
 *    the emphasised stretches spell exactly the words that were marked.
 * 2. An upload cannot forge emphasis: marker characters in plain text, Markdown or a web page's
 *    text are dropped with the rest of the reserved characters, and no row has any emphasis that
 *    the import did not find itself (there is no italic and no letter spacing to find here).
 * 3. An edit carries emphasis to the same words: text added before and after every emphasised
 *    stretch moves each one with its words, and the result is in order, inside the new text.
 */

/** White-space runs and the words between them. */
const WORDS = /\s+|\S+/gu;

/** The text with the words at the chosen places between emphasis markers, and those words. */
function markWords(text: string, picks: readonly boolean[]): { marked: string; words: string[] } {
  const words: string[] = [];
  let index = 0;
  const marked = (text.match(WORDS) ?? [])
    .map((part) => {
      // Page markers (`[Page 23]`) stay whole: emphasis never splits one.
      if (/\s/u.test(part) || /[[\]]/u.test(part) || !picks[index++ % Math.max(picks.length, 1)]) return part;
      words.push(part);
      return `${EMPHASIS_OPEN}${part}${EMPHASIS_CLOSE}`;
    })
    .join('');
  return { marked, words };
}

const withoutEmphasis = (blocks: readonly SegmentedBlock[]): unknown =>
  blocks.map((block) =>
    block.kind === 'paragraph' ? { ...block, sentences: block.sentences.map((sentence) => ({ text: sentence.text, pages: sentence.pages })) } : { ...block, emphasis: undefined },
  );

const emphasisedText = (blocks: readonly SegmentedBlock[]): string =>
  blocks
    .flatMap((block) => (block.kind === 'paragraph' ? block.sentences : [block]))
    .flatMap((element) => (element.emphasis ?? []).map((span) => element.text.slice(span.start, span.end)))
    .join('');

describe('emphasis properties', () => {
  it('segments a plain-text document as without emphasis, the emphasis spelling the words marked', () => {
    fc.assert(
      fc.property(documentText.map(removeLayoutMarkerChars), fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), fc.constantFrom('en', 'ru'), (text, picks, language) => {
        const { marked, words } = markWords(text.replace(/[\uFDD0\uFDD4\uFDD5]/gu, ''), picks);
        const plain = segmentDocument(text.replace(/[\uFDD0\uFDD4\uFDD5]/gu, ''), { format: 'txt', language });
        const emphasised = segmentDocument(marked, { format: 'txt', language });
        expect(withoutEmphasis(emphasised)).toEqual(withoutEmphasis(plain));
        // The segmenter stores text NFC-normalised (a compatibility ideograph becomes its unified form).
        expect(emphasisedText(emphasised).replace(/\s+/gu, '')).toBe(words.join('').normalize('NFC'));
      }),
      propertyOptions(150),
    );
  });

  it('finds no emphasis an upload wrote itself', () => {
    const page = (text: string) => `<html><body><p>${text.replace(/[<>&]/gu, ' ')}</p></body></html>`;
    fc.assert(
      fc.property(fc.oneof(documentText, anyText(300)), fc.constantFrom('upload.txt', 'upload.md', 'upload.html'), (text, filename) => {
        // Letter spacing is the one emphasis plain text has: left off, nothing may be emphasised.
        const forged = `${EMPHASIS_OPEN}${text}${EMPHASIS_CLOSE} ${EMPHASIS_OPEN}forged${EMPHASIS_CLOSE}`;
        const bytes = new TextEncoder().encode(filename.endsWith('.html') ? page(forged) : forged);
        let rows;
        try {
          rows = prepareText({ bytes, filename, language: 'en', cleanup: { rules: { 'letter-spacing': false } } }).rows;
        } catch {
          return; // refused (empty, binary): nothing stored
        }
        for (const row of rows) {
          expect(row.emphasis ?? []).toEqual([]);
          expect(row.text ?? '').not.toMatch(/[\uFDD4\uFDD5]/u);
        }
      }),
      propertyOptions(120),
    );
  });

  it('moves emphasis with its words when text is added around them', () => {
    // Words added come from other words than the text's: which words were kept is then unambiguous.
    const words = fc.array(fc.constantFrom('the', 'party', 'state', 'its', 'first', 'река', 'город', 'a', 'is', '—', ',', '1926'), { minLength: 1, maxLength: 14 });
    const added = fc.array(fc.constantFrom('new', 'words', 'here', 'слова'), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(words, added, added, fc.array(fc.nat(), { maxLength: 6 }), (before, prefix, suffix, cuts) => {
        const text = before.join(' ');
        // Stretches between word boundaries, in order and apart.
        const bounds = [...new Set(cuts.map((cut) => cut % (before.length + 1)))].sort((a, b) => a - b);
        const offsetOf = (word: number) => before.slice(0, word).join(' ').length + (word > 0 ? 1 : 0);
        const ranges: { start: number; end: number }[] = [];
        for (let index = 0; index + 1 < bounds.length; index += 2) {
          const start = offsetOf(bounds[index] as number);
          const end = offsetOf(bounds[index + 1] as number) - 1;
          if (end > start) ranges.push({ start, end });
        }
        const lead = `${prefix.join(' ')} `;
        const after = `${lead}${text} ${suffix.join(' ')}`;
        const mapped = mapRanges(text, after, ranges);
        expect(mapped.map((range) => after.slice(range.start, range.end))).toEqual(ranges.map((range) => text.slice(range.start, range.end)));
        for (const range of mapped) expect(range.start >= 0 && range.end <= after.length && range.end > range.start).toBe(true);
      }),
      propertyOptions(200),
    );
  });
});
