import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AppError } from '../../../lib/errors/app-error';
import { docxToText } from '../../../lib/import/parse/docx-to-text';
import { docxParagraphOfRuns, docxRun, docxTextBox, makeDocx } from '../../helpers/docx';
import { makeZip } from '../../helpers/zip';

/** List 1 is numbered, list 2 bulleted, both with three levels. */
const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="10">${[0, 1, 2].map((level) => `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%${level + 1}."/></w:lvl>`).join('')}</w:abstractNum>
<w:abstractNum w:abstractNumId="20">${[0, 1, 2].map((level) => `<w:lvl w:ilvl="${level}"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>`).join('')}</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
</w:numbering>`;

/** Text a run may hold: words, tabs, line breaks, and characters XML and Markdown give meaning to. */
const runText = fc
  .array(fc.oneof(fc.stringMatching(/^[a-zA-Zа-яА-ЯёЁ0-9]{1,8}$/u), fc.constantFrom(' ', '  ', '\t', '\n', '&', '<', '>', '"', "'", '#', '> ', '1.', '- ', '«»', '—', '€', '😀', 'e\u0301')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

/** A run, plain or inside what Word wraps runs in (hyperlinks, tracked insertions, content controls, smart tags). */
const run = fc.tuple(runText, fc.constantFrom('plain', 'hyperlink', 'insertion', 'content-control', 'smart-tag')).map(([text, wrapper]) => {
  const xml = docxRun(text);
  const wrapped = {
    plain: xml,
    hyperlink: `<w:hyperlink w:anchor="note">${xml}</w:hyperlink>`,
    insertion: `<w:ins w:id="1" w:author="A">${xml}</w:ins>`,
    'content-control': `<w:sdt><w:sdtContent>${xml}</w:sdtContent></w:sdt>`,
    'smart-tag': `<w:smartTag w:uri="u" w:element="e">${xml}</w:smartTag>`,
  }[wrapper];
  return { texts: [text], xml: wrapped };
});

const STYLES = [undefined, 'Heading1', 'Heading3', 'Title', 'Quote', 'IntenseQuote', 'Normal', 'ListParagraph', 'BlockText'];

/** A paragraph of runs with a style, maybe a list position, maybe a text box among its runs. */
const paragraph = fc
  .record({
    runs: fc.array(run, { minLength: 1, maxLength: 4 }),
    style: fc.constantFrom(...STYLES),
    list: fc.option(fc.record({ numId: fc.constantFrom('1', '2'), level: fc.integer({ min: 0, max: 2 }) })),
    box: fc.option(fc.array(run, { minLength: 1, maxLength: 2 })),
  })
  .map(({ runs, style, list, box }) => {
    const xml = runs.map((item) => item.xml);
    const texts = runs.flatMap((item) => item.texts);
    if (box) {
      xml.splice(1, 0, docxTextBox([docxParagraphOfRuns(box.map((item) => item.xml))]));
      texts.push(...box.flatMap((item) => item.texts));
    }
    return { xml: docxParagraphOfRuns(xml, { style, list: list ?? undefined }), texts };
  });

/** White space as compared: runs of it as one space (headings are written on one line). */
const normalise = (value: string) => value.replace(/\s+/gu, ' ').trim();

/** docxToText's answer, or its refusal; anything else thrown fails the property. */
async function readOrRefuse(bytes: Uint8Array): Promise<string | AppError> {
  try {
    return await docxToText(bytes);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'UNSUPPORTED_MEDIA_TYPE' || error.code === 'PAYLOAD_TOO_LARGE')) return error;
    throw error;
  }
}

describe('docxToText on generated Word documents', () => {
  it('keeps the text of every run: in paragraphs, headings, quotations, list items, links, insertions, content controls and text boxes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(paragraph, { minLength: 1, maxLength: 8 }), async (paragraphs) => {
        const output = await docxToText(makeDocx(paragraphs.map((item) => item.xml), { numbering: NUMBERING }));
        // Tabs and line breaks make pieces of a run; each piece is kept whole on its line.
        const lines = output.split('\n').map(normalise);
        for (const piece of paragraphs.flatMap((item) => item.texts).flatMap((text) => text.split(/[\t\n]/u))) {
          const expected = normalise(piece);
          if (expected && !lines.some((line) => line.includes(expected))) throw new Error(`lost ${JSON.stringify(piece)} in ${JSON.stringify(output)}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('answers damaged documents, random bytes and broken XML with text or a documented refusal, never anything else', async () => {
    const document = makeDocx(['<w:p><w:r><w:t>A paragraph of a document that will be damaged somewhere.</w:t></w:r></w:p>'.repeat(20)], { numbering: NUMBERING });
    const damaged = fc.oneof(
      // Bytes overwritten anywhere (headers, compressed data, the directory), or the file cut short.
      fc.array(fc.tuple(fc.nat({ max: document.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => {
        const copy = document.slice();
        for (const [offset, value] of edits) copy[offset] = value;
        return copy;
      }),
      fc.nat({ max: document.length - 1 }).map((length) => document.slice(0, length)),
      fc.uint8Array({ maxLength: 2048 }),
      fc.string({ maxLength: 300 }).map((xml) => makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': xml })),
      fc.string({ maxLength: 300 }).map((xml) => makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${xml}</w:body></w:document>` })),
    );
    await fc.assert(
      fc.asyncProperty(damaged, async (bytes) => {
        const result = await readOrRefuse(bytes);
        expect(typeof result === 'string' || result instanceof AppError).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
