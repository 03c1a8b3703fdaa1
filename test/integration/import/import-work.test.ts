import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importWork } from '../../../lib/import/import-work';
import type { ExportedSegment } from '../../../lib/reader/export-work-jsonl';
import { errorCodeOf } from '../../helpers/errors';
import { readExport } from '../../helpers/export';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { singleByteEncoder } from '../../helpers/legacy-encodings';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

async function exported(workId: string): Promise<ExportedSegment[]> {
  return (await readExport(ANONYMOUS, workId)).segments;
}


describe('importWork', () => {
  it('stores segments in order with published texts, IMPORT revisions, page anchors and the original bytes', async () => {
    const text = '# A Short Work\n\n[Page 7] The first sentence is here. Mr. Smith wrote the second one.\n\nA new paragraph begins. It ends [Page 8] on the next page.\n';
    const summary = await buildWork({ text });
    expect(summary.counts).toEqual({ heading: 1, paragraph: 2, sentence: 4, footnote: 0 });
    expect(summary.pageAnchors.map((anchor) => anchor.label)).toEqual(['7', '8']);

    const lines = await exported(summary.workId);
    expect(lines.map((line) => line.kind)).toEqual(['heading', 'paragraph', 'sentence', 'sentence', 'paragraph', 'sentence', 'sentence']);
    expect(lines.map((line) => line.texts.en ?? null)).toEqual([
      'A Short Work', null, 'The first sentence is here.', 'Mr. Smith wrote the second one.', null, 'A new paragraph begins.', 'It ends on the next page.',
    ]);
    expect(lines.map((line) => line.page)).toEqual([null, null, '7', null, null, null, '8']);
    expect(lines[2]?.status).toEqual({ en: 'APPROVED' });
    // Order keys sort the same way as the reading order.
    expect([...lines.map((l) => l.order)].sort()).toEqual(lines.map((l) => l.order));

    const db = getDb();
    const upload = await db.upload.findFirstOrThrow({ where: { workId: summary.workId }, select: { bytes: true, sha256: true, byteSize: true } });
    expect(Buffer.from(upload.bytes).toString('utf8')).toBe(text);
    const revisions = await db.revision.findMany({ where: { segmentText: { segment: { workId: summary.workId } } }, select: { origin: true, parentId: true } });
    expect(revisions).toHaveLength(5);
    expect(revisions.every((revision) => revision.origin === 'IMPORT' && revision.parentId === null)).toBe(true);
    const audit = await db.auditEvent.findFirst({ where: { workId: summary.workId, type: 'work.imported' } });
    expect(audit).not.toBeNull();
  });

  it('keeps the original upload byte for byte, CRLF and BOM included', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Line one\r\ncontinues here.\r\n\r\nTwo.\r\n')]);
    const collection = await buildCollection();
    const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'x.txt', bytes }, collection: { id: collection.id }, metadata: { title: 'Bytes', language: 'en' } });
    const upload = await getDb().upload.findFirstOrThrow({ where: { workId: summary.workId }, select: { bytes: true } });
    expect(Buffer.from(upload.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect((await exported(summary.workId)).flatMap((l) => (l.texts.en ? [l.texts.en] : []))).toEqual(['Line one continues here.', 'Two.']);
  });

  it('imports every corpus file without cleanup, and the export round-trips the source text', async () => {
    const collection = await buildCollection();
    for (const file of (await import('node:fs')).readdirSync(CORPUS).filter((name) => name.endsWith('.txt'))) {
      const bytes = await readFile(path.join(CORPUS, file));
      const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name: file, bytes }, collection: { id: collection.id }, metadata: { title: file, language: 'en' }, cleanup: { isEnabled: false } });
      expect(summary.counts.sentence).toBeGreaterThan(20);
      expect(summary.cleanup).toEqual([]);
      const lines = await exported(summary.workId);
      const letters = (s: string) => s.replace(/\s+/g, '').length;
      const exportedLetters = lines.reduce((sum, line) => sum + letters(line.texts.en ?? ''), 0);
      // Nothing lost: every non-space character is in some segment (page markers aside).
      expect(exportedLetters).toBeGreaterThan(letters(bytes.toString('utf8')) * 0.99);
    }
  });

  it('cleans an OCR volume on import by default: no mojibake, no running headers, pages as anchors', async () => {
    const collection = await buildCollection();
    const file = 'stalin-works-vol8-ocr.en.txt';
    const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name: file, bytes: await readFile(path.join(CORPUS, file)) }, collection: { id: collection.id }, metadata: { title: 'Volume', language: 'en' } });
    const byRule = Object.fromEntries(summary.cleanup.map((line) => [line.ruleId, line.count]));
    expect(byRule['charset-punctuation']).toBeGreaterThan(0);
    expect(byRule['running-headers']).toBeGreaterThan(100);
    const lines = await exported(summary.workId);
    const texts = lines.flatMap((line) => (line.texts.en ? [line.texts.en] : []));
    expect(texts.filter((text) => /[³²Œ¹‹]/.test(text))).toEqual([]);
    expect(texts.filter((text) => /J\. V\. S T A L I N/.test(text))).toEqual([]);
    // Page anchors: a few hundred, in reading order the numbered pages increase.
    const pages = lines.flatMap((line) => (line.page && /^\d+$/.test(line.page) ? [Number(line.page)] : []));
    expect(pages.length).toBeGreaterThan(300);
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    // The upload is kept as it came, whatever the cleanup did.
    const upload = await getDb().upload.findFirstOrThrow({ where: { workId: summary.workId }, select: { sha256: true, encoding: true } });
    expect(upload.encoding).toBe('utf-8');
  });

  it('imports Russian texts saved in legacy encodings and records the encoding', async () => {
    const collection = await buildCollection();
    const russian = 'Переводчик должен понимать не только слова. Работа над текстом идёт медленно.';
    for (const encoding of ['windows-1251', 'koi8-r'] as const) {
      const summary = await importWork({ actor: SYSTEM_ACTOR, file: { name: `${encoding}.txt`, bytes: singleByteEncoder(encoding)(russian) }, collection: { id: collection.id }, metadata: { title: encoding, language: 'ru' } });
      expect(summary.encoding).toBe(encoding);
      const texts = (await exported(summary.workId)).flatMap((line) => (line.texts.ru ? [line.texts.ru] : []));
      expect(texts).toEqual(['Переводчик должен понимать не только слова.', 'Работа над текстом идёт медленно.']);
    }
  });

  it('refuses bad files with a clear error and leaves nothing behind', async () => {
    const collection = await buildCollection();
    const db = getDb();
    const before = await db.work.count();
    const attempt = (name: string, bytes: Uint8Array) =>
      importWork({ actor: SYSTEM_ACTOR, file: { name, bytes }, collection: { id: collection.id }, metadata: { title: 'Bad', language: 'en' } });
    expect(await errorCodeOf(attempt('empty.txt', new Uint8Array()))).toBe('INVALID_INPUT');
    expect(await errorCodeOf(attempt('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])))).toBe('UNSUPPORTED_ENCODING');
    expect(await errorCodeOf(attempt('bad-utf8.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xcf, 0x20, 0x41])))).toBe('UNSUPPORTED_ENCODING');
    expect(await errorCodeOf(attempt('scan.pdf', new TextEncoder().encode('%PDF-1.7')))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await errorCodeOf(importWork({ actor: SYSTEM_ACTOR, file: { name: 'a.txt', bytes: new TextEncoder().encode('Text.') }, collection: { id: collection.id }, metadata: { title: '', language: 'en' } }))).toBe('INVALID_INPUT');
    expect(await db.work.count()).toBe(before);
  });

  it('rolls back everything when the transaction fails half-way', async () => {
    const collection = await buildCollection();
    const db = getDb();
    const counts = async () => [await db.work.count(), await db.segment.count(), await db.upload.count(), await db.revision.count()];
    const before = await counts();
    // The import joins the caller's transaction; a failure after it wrote its rows must undo them all.
    await expect(
      db.$transaction(async (tx) => {
        await importWork({ actor: SYSTEM_ACTOR, db: tx, file: { name: 'a.txt', bytes: new TextEncoder().encode('One. Two.') }, collection: { id: collection.id }, metadata: { title: 'Doomed', language: 'en' } });
        throw new Error('failure after the import wrote its rows');
      }),
    ).rejects.toThrow('failure after the import');
    expect(await counts()).toEqual(before);
  });

  it('checks who is asking: anonymous and volunteers may not import, editors of the collection may', async () => {
    const collection = await buildCollection();
    const volunteer = await buildUser();
    const file = { name: 'a.txt', bytes: new TextEncoder().encode('One sentence.') };
    const metadata = { title: 'Guarded', language: 'en' };
    expect(await errorCodeOf(importWork({ actor: ANONYMOUS, file, collection: { id: collection.id }, metadata }))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(importWork({ actor: volunteer.actor, file, collection: { id: collection.id }, metadata }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(importWork({ actor: volunteer.actor, file, collection: { title: 'A collection nobody made' }, metadata }))).toBe('NOT_FOUND');
    const editor = await grantRole(volunteer.id, collection.id, 'EDITOR');
    const summary = await importWork({ actor: editor, file, collection: { id: collection.id }, metadata });
    const work = await getDb().work.findUniqueOrThrow({ where: { id: summary.workId }, select: { createdById: true } });
    expect(work.createdById).toBe(volunteer.id);
  });
});
