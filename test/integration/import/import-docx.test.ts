import { describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importWork } from '../../../lib/import/import-work';
import type { ExportedSegment } from '../../../lib/reader/export-work-jsonl';
import { errorCodeOf } from '../../helpers/errors';
import { readExport } from '../../helpers/export';
import { buildCollection } from '../../helpers/factories';
import { makeZip } from '../../helpers/zip';

/** A list paragraph: its list (`w:numId`, absent when the numbering is unknown) and level. */
interface ListPosition {
  numId?: string;
  level?: number;
}

const paragraph = (text: string, style?: string, list?: ListPosition) =>
  `<w:p>${style || list ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${list ? `<w:numPr><w:ilvl w:val="${list.level ?? 0}"/>${list.numId ? `<w:numId w:val="${list.numId}"/>` : ''}</w:numPr>` : ''}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** Word's numbering definitions: list 1 is numbered "1." with letters "a)" below, list 2 has bullets. */
const NUMBERING = `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
</w:numbering>`;

/** A minimal Word document made for this test. */
function docx(): Uint8Array {
  const body = [
    paragraph('A Letter to the Editor', 'Heading1'),
    paragraph('Dear Sir, I write about the bridge. It was closed on 3 May &amp; nobody said why.'),
    paragraph('What we ask', 'Heading2'),
    paragraph('Reopen it', undefined, {}),
    paragraph('Explain the delay', undefined, {}),
    paragraph('The notice on the gate said only this:'),
    paragraph('Closed until further notice.', 'Quote'),
    paragraph('Our reasons', 'Heading2'),
    paragraph('The bridge is the only way to the school', undefined, { numId: '1' }),
    paragraph('for children on foot', undefined, { numId: '1', level: 1 }),
    paragraph('for children on bicycles', undefined, { numId: '1', level: 1 }),
    paragraph('The detour takes an hour', undefined, { numId: '1' }),
    paragraph('We have asked twice', undefined, { numId: '2' }),
  ].join('');
  return makeZip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    'word/numbering.xml': NUMBERING,
  });
}

describe('importing a Word document (.docx)', () => {
  it('reads headings, paragraphs, quotations and list items with their markers, and keeps the file', async () => {
    const collection = await buildCollection();
    const bytes = docx();
    const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'letter.docx', bytes }, collection: { id: collection.id }, metadata: { title: 'Letter', language: 'en' } });
    const lines: ExportedSegment[] = (await readExport(ANONYMOUS, summary.workId)).segments;
    expect(lines.filter((line) => line.kind === 'heading').map((line) => line.texts.en)).toEqual(['A Letter to the Editor', 'What we ask', 'Our reasons']);
    // Each paragraph with its layout, then the text of its sentences.
    const paragraphs: [string, string | null, string][] = [];
    for (const line of lines) {
      if (line.kind === 'paragraph') paragraphs.push([line.style, line.label, '']);
      const last = paragraphs.at(-1);
      if (line.kind === 'sentence' && last) last[2] = `${last[2]} ${line.texts.en ?? ''}`.trim();
    }
    expect(paragraphs).toEqual([
      ['prose', null, 'Dear Sir, I write about the bridge. It was closed on 3 May & nobody said why.'],
      // A list paragraph whose numbering is not defined shows no marker in Word, nor here.
      ['prose', null, 'Reopen it'],
      ['prose', null, 'Explain the delay'],
      ['prose', null, 'The notice on the gate said only this:'],
      ['quote', null, 'Closed until further notice.'],
      ['list_item', '1.', 'The bridge is the only way to the school'],
      // Numbered as a nested list: the reader knows a list is numbered, not Word's number format ("a)").
      ['list_item', '1.', 'for children on foot'],
      ['list_item', '2.', 'for children on bicycles'],
      ['list_item', '2.', 'The detour takes an hour'],
      ['list_item', '•', 'We have asked twice'],
    ]);
    // Each item at its list level.
    expect(lines.filter((line) => line.kind === 'paragraph' && line.style === 'list_item').map((line) => line.level)).toEqual([0, 1, 1, 0, 0]);
    const upload = await getDb().upload.findFirstOrThrow({ where: { workId: summary.workId }, select: { bytes: true, mediaType: true } });
    expect(Buffer.from(upload.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(upload.mediaType).toContain('wordprocessingml');
  });

  it('refuses a .docx that is not a Word document', async () => {
    const collection = await buildCollection();
    const notZip = new TextEncoder().encode('just some text pretending');
    expect(await errorCodeOf(importWork({ actor: SYSTEM_ACTOR, file: { name: 'fake.docx', bytes: notZip }, collection: { id: collection.id }, metadata: { title: 'Fake', language: 'en' } }))).toBe('UNSUPPORTED_MEDIA_TYPE');
    const otherZip = makeZip({ 'readme.txt': 'hello' });
    expect(await errorCodeOf(importWork({ actor: SYSTEM_ACTOR, file: { name: 'other.docx', bytes: otherZip }, collection: { id: collection.id }, metadata: { title: 'Zip', language: 'en' } }))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
