import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { collabDocumentName } from '../../../lib/collab/document-name';
import { MAX_ATTEMPTS } from '../../../lib/collab/outbox';
import { replaceText, seedEntryUpdate, segmentEntries, segmentEntry } from '../../../lib/collab/segment-doc';
import { getDb, withTransaction } from '../../../lib/db/client';
import { submitDoneDrafts } from '../../../lib/review/submit-drafts';
import { writeRevision } from '../../../lib/revision/write-revision';
import { connectClient, draftOf, eventually, startCollabServer, tokenFor, type TestClient } from '../../helpers/collab';
import { useScratchDatabase } from '../../helpers/db';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';

interface Segment {
  id: string;
  base: string | null;
  text: string;
}

async function segmentsOf(workId: string): Promise<Segment[]> {
  const rows = await getDb().segment.findMany({
    where: { workId, kind: { not: 'PARAGRAPH' } },
    orderBy: { orderKey: 'asc' },
    select: { id: true, texts: { where: { language: 'en' }, select: { publishedRevisionId: true, publishedRevision: { select: { text: true } } } } },
  });
  return rows.map((row) => ({ id: row.id, base: row.texts[0]?.publishedRevisionId ?? null, text: row.texts[0]?.publishedRevision?.text ?? '' }));
}

function publish(segment: Segment, text: string): Promise<unknown> {
  return withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId: segment.id, language: 'en', text, origin: 'EDIT', authorId: null, expectedRevisionId: segment.base }));
}

describe('stored documents written before updates were checked', () => {
  useScratchDatabase({ beforeAll, afterAll });
  const lines: string[] = [];
  const clients: TestClient[] = [];
  let server: Awaited<ReturnType<typeof startCollabServer>> | null = null;

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
  });

  it('load, submit their drafts and take published changes, skipping and reporting the bad entries', async () => {
    const collectionId = (await buildCollection()).id;
    const workId = (await buildWork({ collectionId, text: '# Title\n\nThe first sentence. The second sentence. The third sentence.\n' })).workId;
    const segments = await segmentsOf(workId);
    const [title, first, second] = segments as [Segment, Segment, Segment];
    const name = collabDocumentName({ workId, language: 'en', chunk: 0 });

    // Stored as the server stores it: seeded entries in the state, a draft marked done.
    const doc = new Y.Doc();
    for (const segment of segments) Y.applyUpdate(doc, seedEntryUpdate(segment.id, segment.base, segment.text));
    const draft = segmentEntry(doc, second.id) ?? expect.unreachable('no entry');
    replaceText(draft.text, 'The second sentence, corrected.');
    draft.entry.set('done', true);
    await getDb().collabDocument.create({ data: { name, workId, language: 'en', chunk: 0, state: new Uint8Array(Y.encodeStateAsUpdate(doc)) } });
    // Then a poisoned update in the log, as one was accepted before: an entry replaced by a number,
    // a done mark made a string, another root type, and a row that does not decode at all.
    const before = Y.encodeStateVector(doc);
    segmentEntries(doc).set(first.id, 7);
    (segmentEntry(doc, title.id) ?? expect.unreachable('no entry')).entry.set('done', 'yes');
    doc.getMap('evil').set('x', 1);
    await getDb().collabUpdate.create({ data: { documentName: name, update: new Uint8Array(Y.encodeStateAsUpdate(doc, before)) } });
    await getDb().collabUpdate.create({ data: { documentName: name, update: new Uint8Array([0xff, 0xfe, 0x01]) } });

    // "Submit all drafts marked done" submits the good draft.
    const volunteer = await buildUser();
    expect(await submitDoneDrafts({ actor: volunteer.actor, workId, language: 'en' })).toMatchObject({ submitted: 1, failed: [] });

    // A change published while the document is stored (not loaded) reaches it through the outbox.
    server = await startCollabServer({ log: (line) => lines.push(line) });
    await publish(first, 'The first sentence, published meanwhile.');
    await server.collab.outbox.drain();
    expect(await getDb().collabOutbox.count()).toBe(0);

    const client = connectClient({ url: server.url, workId, token: tokenFor(volunteer.id) });
    clients.push(client);
    await client.ready;
    expect(draftOf(client.doc, first.id)).toBe('The first sentence, published meanwhile.');
    expect(draftOf(client.doc, second.id)).toBe('The second sentence, corrected.');
    expect(segmentEntry(client.doc, title.id)?.text.toString()).toBe(title.text);
    expect(lines.some((line) => line.includes('is malformed'))).toBe(true);
    expect(lines.some((line) => line.includes('unexpected root'))).toBe(true);
  });

  it('applies published changes so that a row that fails holds back no other document, and sets it aside after repeated failures', async () => {
    server ??= await startCollabServer({ log: (line) => lines.push(line) });
    const collectionId = (await buildCollection()).id;
    const work = (await buildWork({ collectionId })).workId;
    const [segment] = (await segmentsOf(work)) as [Segment];
    const watcher = connectClient({ url: server.url, workId: work, token: tokenFor(null) });
    clients.push(watcher);
    await watcher.ready;

    // A queued change whose document cannot be opened (registered under a name that is not one
    // of ours, as a damaged row would be), queued before a good one.
    const badName = `work/${work}/EN/0`;
    await getDb().collabDocument.create({ data: { name: badName, workId: work, language: 'EN', chunk: 0 } });
    await getDb().$executeRaw`INSERT INTO collab_outbox (segment_id, language) VALUES (${segment.id}::uuid, 'EN')`;
    await publish(segment, 'Published while a bad change waits in the queue.');

    await eventually(() => draftOf(watcher.doc, segment.id) === 'Published while a bad change waits in the queue.', { what: 'the good change to reach the live document' });
    for (let attempt = 0; attempt < MAX_ATTEMPTS + 1; attempt += 1) await server.collab.outbox.drain();
    const rows = await getDb().collabOutbox.findMany({ select: { language: true, attempts: true, lastError: true, failedAt: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ language: 'EN', attempts: MAX_ATTEMPTS, lastError: expect.stringMatching(/unknown-document/) });
    expect(rows[0]?.failedAt).toBeInstanceOf(Date);
    expect(lines.some((line) => line.includes('set aside'))).toBe(true);
  });
});
