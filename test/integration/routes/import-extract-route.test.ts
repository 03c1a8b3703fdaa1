import { describe, expect, it } from 'vitest';

import { POST as extractRoute } from '../../../app/api/imports/extract/route';
import { CleanupPreviewSession } from '../../../components/import/cleanup-preview-session';
import { MAX_UPLOAD_BYTES } from '../../../lib/config/limits';
import { extractText } from '../../../lib/import/parse/extract-text';
import { prepareText } from '../../../lib/import/prepare-text';
import { docxParagraph as p, makeDocx } from '../../helpers/docx';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';
import { makeZip } from '../../helpers/zip';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function fileForm(name: string, bytes: Uint8Array, type = DOCX_TYPE): FormData {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  return form;
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return body.error;
}

/** A letter with a heading, a quotation and a short dialogue, written for this test. */
const LETTER = makeDocx([
  p('A Letter About the Ferry', 'Heading1'),
  p('The notice on the pier said only this:'),
  p('Closed until further notice.', 'Quote'),
  p('Baker: Where does the ferry stop?'),
  p('Carter: At the old pier, for now.'),
  p('Baker: And in winter?'),
  p('Carter: Not at all in winter.'),
  p('Yours,\nA. Baker'),
]);

describe('POST /api/imports/extract', () => {
  it('refuses anonymous callers with 401, volunteers with 403', async () => {
    const anonymous = await callRoute(extractRoute, '/api/imports/extract', { init: { method: 'POST', body: fileForm('letter.docx', LETTER) } });
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('UNAUTHENTICATED');
    const volunteer = await buildUser();
    const forbidden = await callRoute(extractRoute, '/api/imports/extract', { cookie: await sessionCookie(volunteer.id), init: { method: 'POST', body: fileForm('letter.docx', LETTER) } });
    expect(forbidden.status).toBe(403);
    expect((await errorOf(forbidden)).code).toBe('FORBIDDEN');
  });

  describe('for an editor', () => {
    const post = async (form: FormData, headers: Record<string, string> = {}) => {
      const collection = await buildCollection();
      const user = await buildUser();
      await grantRole(user.id, collection.id, 'EDITOR');
      return callRoute(extractRoute, '/api/imports/extract', { cookie: await sessionCookie(user.id), init: { method: 'POST', body: form, headers } });
    };

    it('answers a Word document’s text as the import cleans it, and the preview of that text counts what the import counts', async () => {
      const response = await post(fileForm('letter.docx', LETTER));
      expect(response.status).toBe(200);
      const extracted = (await response.json()) as { format: 'docx'; encoding: 'utf-8'; text: string };
      expect(extracted.format).toBe('docx');
      expect(extracted.encoding).toBe('utf-8');
      expect(extracted.text).toBe(
        [
          '# A Letter About the Ferry',
          'The notice on the pier said only this:',
          '> Closed until further notice.',
          'Baker: Where does the ferry stop?',
          'Carter: At the old pier, for now.',
          'Baker: And in winter?',
          'Carter: Not at all in winter.',
          'Yours,\nA. Baker',
        ].join('\n\n'),
      );

      const session = new CleanupPreviewSession();
      const analysis = session.load({ kind: 'extracted', ...extracted });
      const imported = prepareText({ bytes: LETTER, filename: 'letter.docx', language: 'en', extractedText: await extractText({ name: 'letter.docx', bytes: LETTER }) });
      expect(analysis.findings.map(({ ruleId, count, summary, summaryValues }) => ({ ruleId, count, summary, summaryValues }))).toEqual(imported.cleanup);
      expect(imported.cleanup.find((line) => line.ruleId === 'speaker-turns')?.count).toBe(4);
    });

    it('reads the other importable formats as the import does', async () => {
      const html = await post(fileForm('page.html', new TextEncoder().encode('<html><body><h1>Ferry</h1><p>It stops at the pier.</p><blockquote><p>Closed.</p></blockquote></body></html>'), 'text/html'));
      expect(html.status).toBe(200);
      expect(await html.json()).toEqual({ format: 'html', encoding: 'utf-8', text: '# Ferry\n\nIt stops at the pier.\n\n> Closed.' });
      const cyrillic = await post(fileForm('note.txt', new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0, 0x21]), 'text/plain'));
      expect(await cyrillic.json()).toEqual({ format: 'txt', encoding: 'windows-1251', text: 'Привет, мир!' });
    });

    it('refuses files it cannot read, with the reason', async () => {
      const notZip = await post(fileForm('fake.docx', new TextEncoder().encode('just some text pretending')));
      expect(notZip.status).toBe(415);
      expect(await errorOf(notZip)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/not a Word document/u) });

      const otherZip = await post(fileForm('other.docx', makeZip({ 'readme.txt': 'hello' })));
      expect(otherZip.status).toBe(415);
      expect((await errorOf(otherZip)).message).toMatch(/no word\/document\.xml/u);

      const blank = await post(fileForm('blank.docx', makeDocx([p('   ')])));
      expect(blank.status).toBe(422);
      expect(await errorOf(blank)).toEqual({ code: 'INVALID_INPUT', message: 'The Word document contains no text.' });

      const empty = await post(fileForm('empty.docx', new Uint8Array()));
      expect(empty.status).toBe(422);
      expect((await errorOf(empty)).message).toBe('The file is empty.');

      const pdf = await post(fileForm('scan.pdf', new TextEncoder().encode('%PDF-1.4'), 'application/pdf'));
      expect(pdf.status).toBe(415);
      expect((await errorOf(pdf)).message).toMatch(/only plain text/u);

      const nothing = await post(new FormData());
      expect(nothing.status).toBe(422);
      expect((await errorOf(nothing)).code).toBe('INVALID_INPUT');

      const huge = await post(fileForm('letter.docx', LETTER), { 'content-length': String(MAX_UPLOAD_BYTES * 2) });
      expect(huge.status).toBe(413);
      expect((await errorOf(huge)).code).toBe('PAYLOAD_TOO_LARGE');
    });
  });
});
