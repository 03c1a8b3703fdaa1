import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { signUpAsAdmin, useBrowserPage } from '../helpers/browser';
import { docxParagraph as p, makeDocx } from '../helpers/docx';
import { makeZip } from '../helpers/zip';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MIB = 1024 * 1024;
const TYPES = '<?xml version="1.0"?><Types/>';
const document = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

interface Upload {
  name: string;
  bytes: Uint8Array;
  type: string;
}

interface Answer {
  status: number;
  body: { error?: { code: string; message: string }; text?: string; workId?: string };
  retryAfter: string | null;
  /** Health checks sent while the upload was in flight and answered before it. */
  healthBefore: number;
  /** Health checks sent while the upload was in flight and answered only after it. */
  healthAfter: number;
}

/** The OCR volume's paragraphs, for uploads that keep a parse worker busy for a while. */
const volumeParagraphs = () => readFileSync(path.join(CORPUS, 'stalin-works-vol8-ocr.en.txt'), 'utf8').split(/\n\s*\n/u).filter((paragraph) => paragraph.trim());
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('uploads that would blow up the readers are refused, and the server keeps serving meanwhile', () => {
  const view = useBrowserPage({ beforeAll, afterAll });
  let cookie = '';
  beforeAll(async () => {
    await signUpAsAdmin(view.page, { baseUrl, databaseUrl, name: 'Pat Parser', email: `parser-${randomBytes(4).toString('hex')}@example.org` });
    cookie = (await view.page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
  });

  /**
   * Posts a file to the import preview (`extract`) or the import as the admin while, unless told
   * not to, another client sends a health check every 50 ms until the upload is answered, and
   * counts which of them the server answered before the upload and which only after it. A server
   * whose event loop is busy with the upload answers none while it works: they all come after.
   */
  async function post(endpoint: 'extract' | 'import', file: Upload, { isWatchingHealth = true } = {}): Promise<Answer> {
    const form = new FormData();
    form.set('file', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
    if (endpoint === 'import') {
      form.set('collection', 'Parser checks');
      form.set('title', file.name);
      form.set('language', 'en');
    }
    let isAnswered = false;
    const probes: Promise<boolean>[] = [];
    const probe = () =>
      probes.push(
        fetch(`${baseUrl}/api/health`).then((response) => {
          expect(response.status).toBe(200);
          return !isAnswered;
        }),
      );
    const timer = isWatchingHealth ? setInterval(probe, 50) : undefined;
    const response = await fetch(`${baseUrl}/api/imports${endpoint === 'extract' ? '/extract' : ''}`, { method: 'POST', body: form, headers: { cookie, origin: baseUrl } });
    const body = (await response.json()) as Answer['body'];
    isAnswered = true;
    clearInterval(timer);
    const before = await Promise.all(probes);
    return { status: response.status, body, retryAfter: response.headers.get('retry-after'), healthBefore: before.filter(Boolean).length, healthAfter: before.filter((isBefore) => !isBefore).length };
  }

  /** The server went on answering while it read the upload: checks sent meanwhile came back before it, but for the last few in flight. */
  const expectAnsweringMeanwhile = (answer: Answer) => {
    expect(answer.healthBefore).toBeGreaterThan(answer.healthAfter);
  };

  const docx = (name: string, bytes: Uint8Array): Upload => ({ name, bytes, type: DOCX_TYPE });
  const html = (name: string, text: string): Upload => ({ name, bytes: new TextEncoder().encode(text), type: 'text/html' });

  it('refuses zip bombs with 413 and the reason, on the preview and the import', async () => {
    const bombs: [Upload, RegExp][] = [
      [docx('zeros.docx', makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': new Uint8Array(80 * MIB) })), /^The Word document cannot be read: it unpacks to more than 64 MB\.$/u],
      [docx('liar.docx', makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': new Uint8Array(80 * MIB) }, { 'word/document.xml': { declaredSize: MIB } })), /word\/document\.xml unpacks to more than the archive states/u],
      [docx('ratio.docx', makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': document(p('Text.')), 'word/media/blank.bin': new Uint8Array(16 * MIB) })), /unpacks to more than 200 times its packed size/u],
      [docx('many.docx', makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': document(p('Text.')), ...Object.fromEntries(Array.from({ length: 2_100 }, (_, index) => [`customXml/item${index}.xml`, '<a/>'])) })), /holds more than 2,000 files/u],
    ];
    for (const [file, message] of bombs) {
      for (const endpoint of ['extract', 'import'] as const) {
        const answer = await post(endpoint, file);
        expect([file.name, endpoint, answer.status, answer.body.error?.code]).toEqual([file.name, endpoint, 413, 'PAYLOAD_TOO_LARGE']);
        expect(answer.body.error?.message).toMatch(message);
      }
    }
    // The server is whole, and still reads an ordinary document.
    const letter = await post('extract', docx('letter.docx', makeDocx([p('A Letter', 'Heading1'), p('Closed until further notice.', 'Quote')])));
    expect([letter.status, letter.body.text]).toEqual([200, '# A Letter\n\n> Closed until further notice.']);
  });

  it('refuses malformed Word documents with 415 and the reason, never 500', async () => {
    const malformed: [Upload, string][] = [
      [docx('text.docx', new TextEncoder().encode('just some text pretending')), 'The file is not a Word document (.docx): it is not a ZIP archive.'],
      [docx('cut.docx', makeDocx([p('A paragraph that will be cut short.')]).slice(0, 200)), 'The file is not a Word document (.docx): it is not a ZIP archive.'],
      [docx('other.docx', makeZip({ 'readme.txt': 'hello' })), 'The file is not a Word document (.docx): it has no word/document.xml.'],
      [docx('broken.docx', makeZip({ '[Content_Types].xml': TYPES, 'word/document.xml': document(p('Text.')).slice(0, -20) })), 'The Word document cannot be read: its XML is malformed.'],
    ];
    for (const [file, message] of malformed) {
      for (const endpoint of ['extract', 'import'] as const) {
        const answer = await post(endpoint, file);
        expect([file.name, endpoint, answer.status, answer.body.error]).toEqual([file.name, endpoint, 415, { code: 'UNSUPPORTED_MEDIA_TYPE', message }]);
      }
    }
  });

  it('reads long and pathological texts in a worker, answering other requests meanwhile, and refuses a page nested too deep', async () => {
    const article = volumeParagraphs()
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
      .join('\n');
    // 240 KB of unclosed comments froze a server for 17 s (a regular expression quadratic in
    // them); a megabyte of them here is an ordinary page's end.
    const comments = await post('extract', html('comments.html', `<html><body><article>${article}</article>${'<!--'.repeat(250_000)}</body></html>`));
    expect(comments.status).toBe(200);
    expect(comments.body.text?.length).toBeGreaterThan(500_000);
    expectAnsweringMeanwhile(comments);

    const scripts = await post('import', html('scripts.html', `<html><body><article><h1>A Page of Scripts</h1>${article}</article>${'<script>'.repeat(60_000)}</body></html>`));
    expect(scripts.status).toBe(201);

    const nested = await post('import', html('nested.html', `<html><body>${'<div>'.repeat(200_000)}deep${'</div>'.repeat(200_000)}</body></html>`));
    expect(nested.status).toBe(413);
    expect(nested.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The web page cannot be read: its elements are nested more than 512 deep.' });

    // The cleanup of a whole volume takes seconds: in a worker too.
    const volume = await post('import', { name: 'stalin-works-vol8-ocr.en.txt', bytes: readFileSync(path.join(CORPUS, 'stalin-works-vol8-ocr.en.txt')), type: 'text/plain' });
    expect(volume.status).toBe(201);
    expectAnsweringMeanwhile(volume);
  });

  it('refuses uploads beyond the parse queue as busy (503, Retry-After) instead of piling them up', async () => {
    // Two workers read, four uploads wait: a seventh sent at the same time is refused at once.
    const volume = docx('volume.docx', makeDocx(volumeParagraphs().map((paragraph) => p(paragraph))));
    const answers = await Promise.all(Array.from({ length: 7 }, () => post('extract', volume, { isWatchingHealth: false })));
    const busy = answers.filter((answer) => answer.status === 503);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const answer of busy) {
      expect(answer.body.error?.code).toBe('SERVER_BUSY');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    expect(answers.filter((answer) => answer.status !== 503).map((answer) => answer.status)).toEqual(Array(7 - busy.length).fill(200));
  });
});
