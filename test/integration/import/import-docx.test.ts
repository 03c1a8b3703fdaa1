import { describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importWork } from '../../../lib/import/import-work';
import { exportWorkJsonl, type ExportedSegment } from '../../../lib/reader/export-work-jsonl';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection } from '../../helpers/factories';
import { makeZip } from '../../helpers/zip';

const paragraph = (text: string, style?: string, isList = false) =>
  `<w:p>${style || isList ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${isList ? '<w:numPr><w:ilvl w:val="0"/></w:numPr>' : ''}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A minimal Word document made for this test. */
function docx(): Uint8Array {
  const body = [
    paragraph('A Letter to the Editor', 'Heading1'),
    paragraph('Dear Sir, I write about the bridge. It was closed on 3 May &amp; nobody said why.'),
    paragraph('What we ask', 'Heading2'),
    paragraph('Reopen it', undefined, true),
    paragraph('Explain the delay', undefined, true),
  ].join('');
  return makeZip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  });
}

describe('importing a Word document (.docx)', () => {
  it('reads headings, paragraphs and list items, and keeps the file', async () => {
    const collection = await buildCollection();
    const bytes = docx();
    const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'letter.docx', bytes }, collection: { id: collection.id }, metadata: { title: 'Letter', language: 'en' } });
    const lines: ExportedSegment[] = [];
    for await (const line of exportWorkJsonl({ actor: ANONYMOUS, workId: summary.workId })) lines.push(JSON.parse(line) as ExportedSegment);
    expect(lines.filter((line) => line.kind === 'heading').map((line) => line.texts.en)).toEqual(['A Letter to the Editor', 'What we ask']);
    const sentences = lines.filter((line) => line.kind === 'sentence').map((line) => line.texts.en);
    expect(sentences).toEqual(['Dear Sir, I write about the bridge.', 'It was closed on 3 May & nobody said why.', '- Reopen it', '- Explain the delay']);
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
