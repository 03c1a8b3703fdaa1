import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { CleanupPreviewSession, type PreviewSource } from '../../../components/import/cleanup-preview-session';
import { summarizeSplitPart } from '../../../lib/cleanup/split';
import { extractText } from '../../../lib/import/parse/extract-text';
import { prepareText, prepareVolume, type CleanupChoice } from '../../../lib/import/prepare-text';
import type { UploadText } from '../../../lib/import/read-upload-text';
import { doParseJob } from '../../../lib/import/worker/parse-jobs';
import { docxParagraph as p, makeDocx } from '../../helpers/docx';

const speech = (topic: string) =>
  `The speaker turned to ${topic} and spoke about it at the length of a paragraph, so that the piece is more than its heading. It goes on for a while and ends here.`;

/** A made-up volume as a Word document: contents with tabs before the pages, two pieces, a dialogue, quotation marks read in the wrong code page. */
const VOLUME = makeDocx([
  p('Collected Talks', 'Title'),
  p('Contents'),
  p('A Talk About Bridges\t1'),
  p('A Conversation on the Harbour\t4'),
  p('Notes\t9'),
  p('A Talk About Bridges', 'Heading1'),
  p(speech('bridges')),
  p(`³The river decides,² he said, ³and the river is slow.² ³So be it,² said the mayor. ${speech('rivers')}`),
  p('A Conversation on the Harbour', 'Heading1'),
  p('Baker: Where does the ferry stop?'),
  p('Carter: At the old pier, for now.'),
  p('Baker: And in winter?'),
  p('Carter: Not at all in winter.'),
  p('Baker: Then we need the bridge.'),
  p('The notice on the pier said only this:'),
  p('Closed until further notice.', 'Quote'),
  p('Notes', 'Heading1'),
  p('1 The ferry stopped running in 1931.'),
]);

/** What the preview shows for a source: each rule's count and summary with the chosen rules, and the split. */
function previewOf(source: PreviewSource, rules: CleanupChoice['rules'] = {}) {
  const session = new CleanupPreviewSession();
  const analysis = session.load(source);
  const preview = session.preview(rules, 0);
  return { analysis, counts: preview.counts, split: preview.split };
}

/** What the import stores for the same file: its cleanup report and the parts of a split. */
async function importOf(file: { name: string; bytes: Uint8Array }, rules: CleanupChoice['rules'] = {}) {
  const options = { bytes: file.bytes, filename: file.name, language: 'en', cleanup: { isEnabled: true, rules }, extractedText: await extractText(file) };
  const volume = prepareVolume(options);
  const parts = volume?.parts.map(summarizeSplitPart);
  return { cleanup: prepareText(options).cleanup, parts: parts ?? null };
}

describe('the import preview of a Word document', () => {
  const file = { name: 'talks.docx', bytes: VOLUME };
  let extracted: UploadText;
  let source: PreviewSource;
  beforeAll(async () => {
    // What the extract route answers: the job its parse worker runs.
    extracted = (await doParseJob({ kind: 'read', input: { file } })) as UploadText;
    source = { kind: 'extracted', ...extracted };
  });

  it('reads the text the import reads: headings, quotations, the contents lines', () => {
    expect(extracted.format).toBe('docx');
    expect(extracted.text).toContain('# A Talk About Bridges');
    expect(extracted.text).toContain('> Closed until further notice.');
    expect(extracted.text).toContain('A Conversation on the Harbour\t4');
  });

  it('finds what the import finds, rule by rule, with every rule on and with one switched off', async () => {
    const preview = previewOf(source);
    const stored = await importOf(file);
    expect(preview.analysis.format).toBe('docx');
    expect(preview.counts).toEqual(stored.cleanup);
    expect(preview.analysis.findings.map(({ ruleId, count, summary, summaryValues }) => ({ ruleId, count, summary, summaryValues }))).toEqual(stored.cleanup);
    // The document gives the rules something to do, so the comparison means something.
    const counted = new Map(stored.cleanup.map(({ ruleId, count }) => [ruleId, count]));
    expect(counted.get('charset-punctuation')).toBeGreaterThan(0);
    expect(counted.get('speaker-turns')).toBeGreaterThan(0);

    const withoutTurns = { 'speaker-turns': false, 'charset-punctuation': false };
    expect(previewOf(source, withoutTurns).counts).toEqual((await importOf(file, withoutTurns)).cleanup);
  });

  it('proposes the split the import makes', async () => {
    const preview = previewOf(source);
    const stored = await importOf(file);
    expect(stored.parts?.filter((part) => part.kind === 'work').map((part) => part.title)).toEqual(['A Talk About Bridges', 'A Conversation on the Harbour']);
    expect(preview.split).toEqual(stored.parts);
  });
});

describe('the import preview of files the browser reads', () => {
  const encode = (text: string) => new TextEncoder().encode(text);
  const files = [
    {
      name: 'scan.txt',
      bytes: encode(
        [
          'THE HARBOUR',
          'The ferry stopped at the old pier in sum-',
          'mer and did not run in winter; the town asked',
          'for a bridge.',
          '',
          'THE HARBOUR 2',
          '³The river decides,² he said, ³and the river is slow.² ³So be it,² said the mayor.',
        ].join('\n'),
      ),
    },
    {
      name: 'page.html',
      bytes: encode(
        `<html><body><nav>Home | About</nav><article><h1>The Harbour</h1><p>³The river decides,² he said, ³and the river is slow.² ³So be it,² said the mayor.</p><p>${speech('the harbour')}</p><blockquote><p>Closed until further notice.</p></blockquote><ol><li>Reopen it</li><li>Explain the delay</li></ol></article></body></html>`,
      ),
    },
  ];

  for (const file of files) {
    it(`finds what the import finds in ${file.name}`, async () => {
      const source: PreviewSource = { kind: 'bytes', bytes: file.bytes.slice().buffer, filename: file.name };
      expect(previewOf(source).counts).toEqual((await importOf(file)).cleanup);
      expect(previewOf(source).counts.some((line) => line.count > 0)).toBe(true);
    });
  }

  it('proposes the anthology split the import makes, with each piece’s author, date and source', async () => {
    const file = { name: 'quotes.txt', bytes: new Uint8Array(readFileSync(path.resolve(__dirname, '../../../../shared/corpus/lenin-stalin-quotes-collection.en.txt'))) };
    const session = new CleanupPreviewSession();
    session.load({ kind: 'bytes', bytes: file.bytes.slice().buffer, filename: file.name });
    const preview = session.preview({}, 0);
    const stored = await importOf(file);
    expect(preview.splitBy).toBe('anthology');
    expect(stored.parts).toHaveLength(7);
    expect(stored.parts?.[0]).toMatchObject({ title: 'Lenin on ‘Jewish Nation’', author: 'V. I. Lenin', dateText: '1903' });
    expect(preview.split).toEqual(stored.parts);
  });

  it('refuses a Word document given as bytes: it is read on the server', () => {
    const session = new CleanupPreviewSession();
    expect(() => session.load({ kind: 'bytes', bytes: VOLUME.slice().buffer, filename: 'talks.docx' })).toThrow(/read on the server/u);
  });
});
