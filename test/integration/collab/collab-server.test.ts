import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { collabDocumentName } from '../../../lib/collab/document-name';
import { getSegmentEntry, entryText, entryBase, entryLatest } from '../../../lib/collab/segment-doc';
import { getDb } from '../../../lib/db/client';
import { withTransaction } from '../../../lib/db/client';
import { writeRevision } from '../../../lib/revision/write-revision';
import { confirmed, connectClient, draftOf, eventually, startCollabServer, tokenFor, type TestClient } from '../../helpers/collab';
import { useScratchDatabase } from '../../helpers/db';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';

async function firstSegments(workId: string, language = 'en') {
  return getDb().segment.findMany({
    where: { workId, kind: { not: 'PARAGRAPH' } },
    orderBy: { orderKey: 'asc' },
    select: { id: true, texts: { where: { language }, select: { publishedRevisionId: true, publishedRevision: { select: { text: true } } } } },
  });
}

describe('collaboration server', () => {
  // A database of its own: the outbox of another test file's collaboration server (without Redis
  // between them) would otherwise claim this server's queued changes and apply them to its own copy.
  useScratchDatabase({ beforeAll, afterAll });
  let server: Awaited<ReturnType<typeof startCollabServer>>;
  let workId: string;
  let segments: Awaited<ReturnType<typeof firstSegments>>;
  let volunteer: Awaited<ReturnType<typeof buildUser>>;
  const clients: TestClient[] = [];
  const connect = (token: string | null, chunk = 0) => {
    const client = connectClient({ url: server.url, workId, chunk, token });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startCollabServer();
    const collection = await buildCollection();
    workId = (await buildWork({ collectionId: collection.id })).workId;
    segments = await firstSegments(workId);
    volunteer = await buildUser({ name: 'Vera Volunteer' });
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('seeds every segment of the chunk with its published text and base revision', async () => {
    const client = connect(tokenFor(volunteer.id));
    await client.ready;
    for (const segment of segments) {
      const entry = getSegmentEntry(client.doc, segment.id);
      expect(entry && entryText(entry).toString()).toBe(segment.texts[0]?.publishedRevision?.text);
      expect(entry && entryBase(entry)).toBe(segment.texts[0]?.publishedRevisionId);
    }
  });

  it('shows one client’s typing to another and keeps it after both leave', async () => {
    const segmentId = segments[1]?.id as string;
    const [a, b] = [connect(tokenFor(volunteer.id)), connect(tokenFor(volunteer.id))];
    await Promise.all([a.ready, b.ready]);
    entryText(getSegmentEntry(a.doc, segmentId) as Y.Map<unknown>).insert(0, 'Edited: ');
    await eventually(() => draftOf(b.doc, segmentId).startsWith('Edited: '), { what: 'the edit to reach the other client' });
    await confirmed(a);
    a.destroy();
    b.destroy();

    const later = connect(tokenFor(volunteer.id));
    await later.ready;
    expect(draftOf(later.doc, segmentId).startsWith('Edited: ')).toBe(true);
  });

  it('refuses connections without a valid token, with the reason', async () => {
    await expect(connect(null).ready).rejects.toThrow('missing-token');
    await expect(connect('c1.forged.signature').ready).rejects.toThrow('invalid-token');
    const otherWork = connectClient({ url: server.url, workId: '0190a5b0-0000-7000-8000-000000000000', token: tokenFor(volunteer.id) });
    clients.push(otherWork);
    await expect(otherWork.ready).rejects.toThrow('unknown-document');
  });

  it('lets guests read but applies none of their changes', async () => {
    const segmentId = segments[0]?.id as string;
    const guest = connect(tokenFor(null));
    const writer = connect(tokenFor(volunteer.id));
    await Promise.all([guest.ready, writer.ready]);
    expect(guest.provider.authorizedScope).toBe('readonly');
    expect(writer.provider.authorizedScope).toBe('read-write');
    entryText(getSegmentEntry(guest.doc, segmentId) as Y.Map<unknown>).insert(0, 'VANDAL ');
    entryText(getSegmentEntry(writer.doc, segmentId) as Y.Map<unknown>).insert(0, 'Fix ');
    await confirmed(writer);
    await eventually(() => draftOf(guest.doc, segmentId).includes('Fix '), { what: 'the writer’s edit to reach the guest' });
    const fresh = connect(tokenFor(volunteer.id));
    await fresh.ready;
    expect(draftOf(fresh.doc, segmentId)).toContain('Fix ');
    expect(draftOf(fresh.doc, segmentId)).not.toContain('VANDAL');
    expect(draftOf(writer.doc, segmentId)).not.toContain('VANDAL');
  });

  it('applies a text published elsewhere to connected clients at once', async () => {
    const segment = segments[2] as (typeof segments)[number];
    const client = connect(tokenFor(volunteer.id));
    await client.ready;
    await withTransaction(getDb(), (tx) =>
      writeRevision({ tx, segmentId: segment.id, language: 'en', text: 'A sentence corrected by an editor.', origin: 'EDIT', authorId: null, expectedRevisionId: segment.texts[0]?.publishedRevisionId ?? null }),
    );
    await eventually(() => draftOf(client.doc, segment.id) === 'A sentence corrected by an editor.', { what: 'the published text to reach the client' });
    const entry = getSegmentEntry(client.doc, segment.id) as Y.Map<unknown>;
    const published = await getDb().segmentText.findFirstOrThrow({ where: { segmentId: segment.id, language: 'en' }, select: { publishedRevisionId: true } });
    expect(entryBase(entry)).toBe(published.publishedRevisionId);
  });

  it('keeps a draft edited under a newly published text, and tells its editors what is published now', async () => {
    const segment = segments[4] as (typeof segments)[number];
    const client = connect(tokenFor(volunteer.id));
    await client.ready;
    const entry = getSegmentEntry(client.doc, segment.id) as Y.Map<unknown>;
    const base = entryBase(entry);
    entryText(entry).insert(0, 'Draft: ');
    await confirmed(client);
    const revisionId = await withTransaction(getDb(), (tx) =>
      writeRevision({ tx, segmentId: segment.id, language: 'en', text: 'Published by an editor meanwhile.', origin: 'EDIT', authorId: null, expectedRevisionId: segment.texts[0]?.publishedRevisionId ?? null }),
    );
    await eventually(() => entryLatest(entry) === revisionId, { what: 'the new revision to reach the draft' });
    expect(draftOf(client.doc, segment.id)).toMatch(/^Draft: /);
    expect(entryBase(entry)).toBe(base);
  });

  it('closes a connection that sends bytes it cannot read, and serves the others', async () => {
    const socket = new WebSocket(server.url);
    const closed = new Promise<number>((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    socket.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect(await closed).not.toBe(1000);

    const client = connect(tokenFor(volunteer.id));
    await client.ready;
    expect(draftOf(client.doc, segments[0]?.id as string)).not.toBe('');
  });

  it('closes a connection that sends a malformed update and leaves the document intact', async () => {
    const segmentId = segments[3]?.id as string;
    const watcher = connect(tokenFor(volunteer.id));
    const sender = connect(tokenFor(volunteer.id));
    await Promise.all([watcher.ready, sender.ready]);
    const before = draftOf(watcher.doc, segmentId);
    const connectionsBefore = server.collab.hocuspocus.getConnectionsCount();

    const message = encoding.createEncoder();
    encoding.writeVarString(message, collabDocumentName({ workId, language: 'en', chunk: 0 }));
    encoding.writeVarUint(message, 0); // sync
    encoding.writeVarUint(message, 2); // update
    encoding.writeVarUint8Array(message, new Uint8Array([0x05, 0xff, 0x13, 0x77, 0x00, 0x42, 0x99, 0x01]));
    sender.socket.webSocket?.send(encoding.toUint8Array(message));

    await eventually(() => server.collab.hocuspocus.getConnectionsCount() < connectionsBefore, { what: 'the server to close the sender’s connection' });
    entryText(getSegmentEntry(watcher.doc, segmentId) as Y.Map<unknown>).insert(0, 'Still fine. ');
    await confirmed(watcher);
    const fresh = connect(tokenFor(volunteer.id));
    await fresh.ready;
    expect(draftOf(fresh.doc, segmentId)).toBe(`Still fine. ${before}`);
  });

  it('makes the connections of a user whose access changed authenticate again', async () => {
    const leaving = await buildUser();
    const client = connect(tokenFor(leaving.id));
    await client.ready;
    await getDb().user.update({ where: { id: leaving.id }, data: { disabledAt: new Date() } });
    await eventually(() => client.refusals.includes('account-disabled'), { what: 'the disabled account to be refused' });
  });
});
