import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { collabDocumentName } from '../../../lib/collab/document-name';
import { entryText, getSegmentEntry } from '../../../lib/collab/segment-doc';
import { getDb } from '../../../lib/db/client';
import { confirmed, connectClient, draftOf, eventually, spawnCollabProcess, tokenFor, type TestClient } from '../../helpers/collab';
import { useScratchDatabase } from '../../helpers/db';
import { buildUser, buildWork } from '../../helpers/factories';

/** The document as PostgreSQL holds it: compacted state plus every logged update. */
async function storedDocument(name: string): Promise<Y.Doc> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const doc = new Y.Doc();
    const state = await client.query<{ state: Buffer | null }>('SELECT state FROM collab_document WHERE name = $1', [name]);
    if (state.rows[0]?.state) Y.applyUpdate(doc, new Uint8Array(state.rows[0].state));
    const updates = await client.query<{ update: Buffer }>('SELECT update FROM collab_update WHERE document_name = $1 ORDER BY seq', [name]);
    for (const row of updates.rows) Y.applyUpdate(doc, new Uint8Array(row.update));
    return doc;
  } finally {
    await client.end();
  }
}

describe('durability of the collaboration server', () => {
  // A database of its own: the outbox of another test file's collaboration server (without Redis
  // between them) would otherwise claim this server's queued changes and apply them to its own copy.
  useScratchDatabase({ beforeAll, afterAll });
  const clients: TestClient[] = [];
  const kills: (() => Promise<void>)[] = [];
  let workId: string;
  let segmentId: string;
  let userId: string;

  beforeAll(async () => {
    workId = (await buildWork()).workId;
    const first = await getDb().segment.findFirstOrThrow({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } });
    segmentId = first.id;
    userId = (await buildUser()).id;
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const kill of kills) await kill();
  });

  it('loses no confirmed update when the server is killed with SIGKILL, and merges edits made while it was down', async () => {
    const server = await spawnCollabProcess();
    kills.push(server.kill);
    const writer = connectClient({ url: server.url, workId, token: tokenFor(userId) });
    clients.push(writer);
    await writer.ready;
    const text = () => entryText(getSegmentEntry(writer.doc, segmentId) as Y.Map<unknown>);

    // 100 keystrokes, each confirmed before the next: the last one is acknowledged just before the kill.
    for (let i = 0; i < 100; i += 1) {
      text().insert(text().length, String(i % 10));
      await confirmed(writer);
    }
    const typed = text().toString();
    await server.kill();

    // Nothing but PostgreSQL survives: every confirmed keystroke must be there.
    const stored = await storedDocument(collabDocumentName({ workId, language: 'en', chunk: 0 }));
    expect(draftOf(stored, segmentId)).toBe(typed);

    // The client keeps typing while the server is down, then a new server starts on the same port.
    text().insert(0, 'Offline: ');
    expect(writer.provider.hasUnsyncedChanges).toBe(true);
    const restarted = await spawnCollabProcess({ port: server.port });
    kills.push(restarted.kill);
    await confirmed(writer, 20_000);

    const reader = connectClient({ url: restarted.url, workId, token: tokenFor(userId) });
    clients.push(reader);
    await reader.ready;
    await eventually(() => draftOf(reader.doc, segmentId) === `Offline: ${typed}`, { what: 'the offline edit to merge' });
  });
});
