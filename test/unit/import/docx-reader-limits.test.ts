import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { MAX_ZIP_ENTRIES, MAX_ZIP_UNCOMPRESSED_BYTES } from '../../../lib/config/limits';
import { AppError } from '../../../lib/errors/app-error';
import { docxToText } from '../../../lib/import/parse/docx-to-text';
import { docxParagraph as p, makeDocx } from '../../helpers/docx';
import { makeZip, withDeclaredEntryCount } from '../../helpers/zip';

const MIB = 1024 * 1024;
const DOCUMENT = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
const TYPES = '<?xml version="1.0"?><Types/>';

/** The AppError a promise rejects with (or a failure saying it did not). */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    return { code: `not an AppError: ${String(error)}`, message: '' };
  }
  return { code: 'accepted', message: '' };
}

/** Bytes that deflate about 40× (zeros, with a random byte every 150): an ordinary ratio, unlike a bomb's. */
function ordinaryBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  const noise = randomBytes(Math.ceil(size / 150));
  for (let index = 0; index < noise.length; index += 1) bytes[index * 150] = noise[index] as number;
  return bytes;
}

describe('reading a Word document refuses zip bombs before unpacking them', () => {
  it('refuses a small entry of zeros that states it inflates past the limit, from its headers', async () => {
    const zeros = new Uint8Array(MAX_ZIP_UNCOMPRESSED_BYTES + MIB);
    const bomb = makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': zeros });
    expect(bomb.byteLength).toBeLessThan(MIB);
    expect(await refusal(docxToText(bomb))).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The Word document cannot be read: it unpacks to more than 64 MB.' });
  });

  it('refuses an entry that inflates to far more than its headers state, at the stated size', async () => {
    const zeros = new Uint8Array(MAX_ZIP_UNCOMPRESSED_BYTES + MIB);
    // States 1 MiB: small enough for the limits and an ordinary ratio, so only reading it shows the lie.
    const liar = makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': zeros }, { 'word/document.xml': { declaredSize: MIB } });
    expect(await refusal(docxToText(liar))).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The Word document cannot be read: its part word/document.xml unpacks to more than the archive states.' });
  });

  it('refuses an entry that inflates more than 200 times its size, even under the total limit', async () => {
    const bomb = makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': DOCUMENT(p('Text.')), 'word/media/blank.bin': new Uint8Array(8 * MIB) });
    expect(await refusal(docxToText(bomb))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/word\/media\/blank\.bin unpacks to more than 200 times its packed size/u) });
  });

  it('refuses parts that inflate past the limit together, each at an ordinary ratio', async () => {
    const part = ordinaryBytes(2 * MIB);
    const files: Record<string, string | Uint8Array> = { '[Content_Types].xml': TYPES, 'word/document.xml': DOCUMENT(p('Text.')) };
    for (let index = 0; index < MAX_ZIP_UNCOMPRESSED_BYTES / (2 * MIB) + 1; index += 1) files[`word/media/part${index}.bin`] = part;
    expect(await refusal(docxToText(makeZip(files)))).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The Word document cannot be read: it unpacks to more than 64 MB.' });
  });

  it('refuses a bomb listed after the entries its archive declares, which only some readers would skip', async () => {
    const bomb = makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': new Uint8Array(MAX_ZIP_UNCOMPRESSED_BYTES + MIB) });
    expect(await refusal(docxToText(bomb))).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // Declares one entry: a check reading only the declared count passes it, mammoth's unzipper reads both.
    const hidden = withDeclaredEntryCount(bomb, 1);
    expect(await refusal(docxToText(hidden))).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The Word document is damaged: its ZIP archive does not list its files consistently.' });
  });

  it('refuses an archive of more than 2,000 files', async () => {
    const files: Record<string, string> = { '[Content_Types].xml': TYPES, 'word/document.xml': DOCUMENT(p('Text.')) };
    for (let index = 0; index < MAX_ZIP_ENTRIES; index += 1) files[`customXml/item${index}.xml`] = '<a/>';
    expect(await refusal(docxToText(makeZip(files)))).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The Word document cannot be read: its archive holds more than 2,000 files.' });
  });
});

describe('reading a malformed Word document refuses it as unsupported', () => {
  it('refuses a file that is no ZIP archive, an archive without word/document.xml, and broken XML', async () => {
    expect(await refusal(docxToText(new TextEncoder().encode('just some text pretending')))).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The file is not a Word document (.docx): it is not a ZIP archive.' });
    expect(await refusal(docxToText(randomBytes(4096)))).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await refusal(docxToText(makeZip({ 'readme.txt': 'hello' })))).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The file is not a Word document (.docx): it has no word/document.xml.' });
    const broken = makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': DOCUMENT(p('Text.')).slice(0, -20) });
    expect(await refusal(docxToText(broken))).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The Word document cannot be read: its XML is malformed.' });
  });

  it('refuses encrypted entries and damaged compressed data, and reads the same document undamaged', async () => {
    const encrypted = makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': DOCUMENT(p('Text.')) }, { 'word/document.xml': { isEncrypted: true } });
    expect(await refusal(docxToText(encrypted))).toEqual({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'The Word document is encrypted or packed in a way that cannot be read.' });
    const document = makeDocx([p('A Title', 'Heading1'), p('A paragraph long enough to be deflated into a block of its own, written out twice. '.repeat(20))]);
    expect(await docxToText(document)).toMatch(/^# A Title\n\nA paragraph long enough/u);
    // The deflated data of the last entry begins after its name.
    const damaged = document.slice();
    const start = Buffer.from(damaged).indexOf('word/document.xml') + 'word/document.xml'.length;
    for (let index = start + 4; index < start + 40; index += 1) damaged[index] = 0xff;
    expect(await refusal(docxToText(damaged))).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
