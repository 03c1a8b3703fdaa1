import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { runCleanup } from '../../../lib/cleanup';
import { detectLetterSpacing } from '../../../lib/cleanup/rules/letter-spacing';
import { mapRanges } from '../../../lib/diff/text-ranges';
import { extractText } from '../../../lib/import/parse/extract-text';
import { prepareText } from '../../../lib/import/prepare-text';
import { readUploadText } from '../../../lib/import/read-upload-text';
import type { SegmentRow } from '../../../lib/segment/build-segment-rows';
import { docxParagraphOfRuns, docxRun, makeDocx } from '../../helpers/docx';

const encode = (text: string) => new TextEncoder().encode(text);
/** The emphasised words of each text row, as the reader would show them. */
const emphasised = (rows: readonly SegmentRow[]) => rows.flatMap((row) => (row.emphasis ?? []).map((span) => (row.text ?? '').slice(span.start, span.end)));
const rowWith = (rows: readonly SegmentRow[], words: string) => rows.find((row) => row.text?.includes(words));

/** Ordinary prose around letter-spaced words, long enough for the text's vocabulary to know them. */
const PROSE = 'It was the first time that its members met. Its first report was short and it was read at once. He writes to us, but also to the state without the party and the destruction of its order. They told us. ';

describe('letter spacing kept as emphasis', () => {
  it('reports the words a run spelled letter by letter as emphasis, not spaced capitals or words broken by OCR', () => {
    const text = `${PROSE.repeat(3)}At i t s f i r s t sitting he spoke.\nC O N T E N T S\nHe wr i t e s to us.`;
    const proposal = detectLetterSpacing({ text, format: 'txt' });
    const cleaned = runCleanup(text, { enabled: { 'line-joins': false } });
    expect(cleaned.text).toContain('At its first sitting he spoke.\nCONTENTS\nHe writes to us.');
    expect(proposal.data?.emphasis?.length).toBe(1);
    expect(cleaned.emphasis.map((span) => cleaned.text.slice(span.start, span.end))).toEqual(['its first']);
    expect(proposal.summary).toBe('3 letter-spaced words rejoined, 1 kept as emphasis');
  });

  it('finds spaced words the text’s apostrophes and abbreviations used to hide (`didn’t`, `T.U.C.`), and reads OCR’s I as l', () => {
    // `t` and `s` stand alone in `didn’t` and `the T.U.C.’s`, which made `i t s` look like ordinary text.
    const text = `${PROSE.repeat(3)}We didn’t go; the T.U.C.’s men didn’t either, it’s true. The exploiters were many.\nThe party and i t s leader, at the e x p I o i t e r s” (sic).`;
    const cleaned = runCleanup(text);
    expect(cleaned.text).toContain('The party and its leader, at the expIoiters” (sic).');
    expect(cleaned.emphasis.map((span) => cleaned.text.slice(span.start, span.end))).toEqual(['its', 'expIoiters']);
  });

  it('stores a run wrapped over two lines as one emphasis, in the sentence that holds it', () => {
    const text = `${PROSE.repeat(3)}The state can be won not only without a civil war, b u t a l s o w i t h o u t\nt h e d e s t r u c t i o n of the old state.\n`;
    const rows = prepareText({ bytes: encode(text), filename: 'scan.txt', language: 'en' }).rows;
    const row = rowWith(rows, 'but also without the destruction of');
    expect(row?.emphasis?.map((span) => row.text?.slice(span.start, span.end))).toEqual(['but also without the destruction']);
  });

  it('keeps no emphasis when the rule is off', () => {
    const rows = prepareText({ bytes: encode(`${PROSE.repeat(3)}At i t s f i r s t sitting.`), filename: 'scan.txt', language: 'en', cleanup: { rules: { 'letter-spacing': false } } }).rows;
    expect(emphasised(rows)).toEqual([]);
  });
});

describe('letter spacing on the OCR volume', () => {
  // Runs of letters set one or two apart, with at least two single letters other than a and I.
  const RUN = /(?<![\p{L}\p{N}])\p{L}{1,2}(?: \p{L}{1,2})+(?![\p{L}\p{N}])/gu;
  const spacedRuns = (text: string) => [...text.matchAll(RUN)].map((match) => match[0]).filter((run) => run.split(' ').filter((group) => group.length === 1 && !/^[aAI]$/u.test(group)).length >= 2);

  it('rejoins the spaced words with small letters and stores them as emphasis (docs/import.md, Emphasis)', () => {
    const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../../../../shared/corpus/stalin-works-vol8-ocr.en.txt')));
    const upload = readUploadText({ bytes, filename: 'vol8.txt' });
    const before = spacedRuns(upload.text).filter((run) => /\p{Ll}/u.test(run));
    expect(before.length).toBe(81);
    const cleaned = runCleanup(upload.text);
    // Left: `. o c . . a` of the title page's imprint and `peacefu l`, a word OCR broke, not spaced.
    expect(spacedRuns(cleaned.text)).toEqual(['o c', 'u l']);
    const rows = prepareText({ bytes, filename: 'vol8.txt', language: 'en' }).rows;
    const words = emphasised(rows);
    expect(words.length).toBe(84);
    for (const expected of ['its first sitting', 'but also without the destruction', 'at the expense of the expIoiters', 'to smash', 'a little']) expect(words).toContain(expected);
    // Spaced capitals (running heads, CONTENTS, NOTES) are display, not emphasis.
    expect(words.filter((word) => word === word.toUpperCase())).toEqual([]);
  });
});

describe('italics of web pages and Word documents', () => {
  it('takes a web page’s <em> and <i> out of the text as emphasis at their offsets', () => {
    const page = '<html><body><article><h1>On <em>the</em> Bridge</h1><p>He said <em>no</em>, twice. <i>Then</i> he <em>left the <b>town</b></em>.</p></article></body></html>';
    const upload = readUploadText({ bytes: encode(page), filename: 'page.html' });
    expect(upload.text).toBe('# On the Bridge\n\nHe said no, twice. Then he left the town.');
    expect(upload.emphasis.map((span) => upload.text.slice(span.start, span.end))).toEqual(['the', 'no', 'Then', 'left the town']);

    const rows = prepareText({ bytes: encode(page), filename: 'page.html', language: 'en' }).rows;
    expect(rows.filter((row) => row.text !== null).map((row) => [row.text, row.emphasis])).toEqual([
      ['On the Bridge', [{ start: 3, end: 6 }]],
      ['He said no, twice.', [{ start: 8, end: 10 }]],
      ['Then he left the town.', [{ start: 0, end: 4 }, { start: 8, end: 21 }]],
    ]);
  });

  it('cuts an emphasis over a sentence end into one per sentence, and keeps it beside footnote references', () => {
    const page = '<p><em>It ended. It began again</em> at once.</p>';
    const rows = prepareText({ bytes: encode(page), filename: 'page.html', language: 'en' }).rows.filter((row) => row.text !== null);
    expect(emphasised(rows)).toEqual(['It ended.', 'It began again']);
  });

  it('reads a Word document’s italic runs as emphasis', async () => {
    const italic = (text: string) => `<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const bytes = makeDocx([docxParagraphOfRuns([docxRun('The bridge was '), italic('not'), docxRun(' closed, '), italic('he said'), docxRun('.')])]);
    const extractedText = await extractText({ name: 'letter.docx', bytes });
    const rows = prepareText({ bytes, filename: 'letter.docx', language: 'en', extractedText }).rows;
    expect(rowWith(rows, 'The bridge')?.text).toBe('The bridge was not closed, he said.');
    expect(emphasised(rows)).toEqual(['not', 'he said']);
  });
});

describe('emphasis cannot be forged', () => {
  it('drops marker characters an upload holds, in plain text, Markdown and web pages alike', () => {
    const forged = 'A \uFDD4forged\uFDD5 word and a \uFDD5stray\uFDD4 one.';
    for (const filename of ['upload.txt', 'upload.md']) {
      const rows = prepareText({ bytes: encode(forged), filename, language: 'en' }).rows;
      expect(rows.find((row) => row.text !== null)).toMatchObject({ text: 'A forged word and a stray one.' });
      expect(emphasised(rows)).toEqual([]);
    }
    const rows = prepareText({ bytes: encode(`<p>${forged} <em>Real</em>.</p>`), filename: 'upload.html', language: 'en' }).rows;
    expect(rows.flatMap((row) => row.text ?? [])).toEqual(['A forged word and a stray one.', 'Real.']);
    expect(emphasised(rows)).toEqual(['Real']);
  });
});

describe('emphasis through an edit (mapRanges)', () => {
  const text = 'It is a good article, in my opinion.';
  const good = { start: 8, end: 12 };

  it('keeps the emphasised words where they now stand, and a typo corrected in them', () => {
    const after = 'Indeed, it is a good article, in my opinion.';
    expect(mapRanges(text, after, [good]).map((range) => after.slice(range.start, range.end))).toEqual(['good']);
    expect(mapRanges('It is a gond article.', 'It is a good article.', [good]).map((range) => 'It is a good article.'.slice(range.start, range.end))).toEqual(['good']);
  });

  it('leaves out words added at its edges, takes in words added inside it', () => {
    const spans = [{ start: 8, end: 20 }]; // "good article"
    const before = mapRanges(text, 'It is a very good article, in my opinion.', [{ start: 8, end: 12 }]);
    expect(before).toEqual([{ start: 13, end: 17 }]);
    const inside = 'It is a good old article, in my opinion.';
    expect(mapRanges(text, inside, spans).map((range) => inside.slice(range.start, range.end))).toEqual(['good old article']);
  });

  it('drops an emphasis whose words were deleted', () => {
    expect(mapRanges(text, 'It is an article, in my opinion.', [good])).toEqual([]);
  });
});
