import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { ChunkPool } from '../../../lib/collab/client/chunk-pool';
import { parsePresence } from '../../../lib/collab/client/presence';
import { collabDocumentName } from '../../../lib/collab/document-name';
import { listSegmentEntries, segmentEntries, segmentEntry } from '../../../lib/collab/segment-doc';
import { MAX_SEGMENT_CHARS } from '../../../lib/config/limits';
import { getDb } from '../../../lib/db/client';
import { confirmed, connectClient, draftOf, eventually, startCollabServer, tokenFor, type TestClient } from '../../helpers/collab';
import { useScratchDatabase } from '../../helpers/db';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';

/** The stored document as the next load would see it: compacted state, then the update log. */
async function storedDocument(name: string): Promise<Y.Doc> {
  const document = await getDb().collabDocument.findUniqueOrThrow({ where: { name }, select: { state: true } });
  const updates = await getDb().collabUpdate.findMany({ where: { documentName: name }, orderBy: { seq: 'asc' }, select: { update: true } });
  const doc = new Y.Doc();
  for (const update of [document.state, ...updates.map((row) => row.update)]) if (update) Y.applyUpdate(doc, update);
  return doc;
}

async function loggedUpdates(name: string): Promise<number> {
  return getDb().collabUpdate.count({ where: { documentName: name } });
}

describe('updates a client may not make', () => {
  useScratchDatabase({ beforeAll, afterAll });
  let server: Awaited<ReturnType<typeof startCollabServer>>;
  let workId: string;
  let name: string;
  let segmentIds: string[];
  let volunteer: Awaited<ReturnType<typeof buildUser>>;
  const lines: string[] = [];
  const clients: TestClient[] = [];
  const connect = (token: string | null) => {
    const client = connectClient({ url: server.url, workId, token });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    // No compaction while the test counts the rows of the update log.
    server = await startCollabServer({ compactAfterMs: 600_000, compactAtMostAfterMs: 600_000, log: (line) => lines.push(line) });
    workId = (await buildWork({ collectionId: (await buildCollection()).id })).workId;
    name = collabDocumentName({ workId, language: 'en', chunk: 0 });
    segmentIds = (await getDb().segment.findMany({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } })).map((segment) => segment.id);
    volunteer = await buildUser({ name: 'Vera Volunteer' });
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  const entry = (doc: Y.Doc, index: number) => segmentEntry(doc, segmentIds[index] as string) ?? expect.unreachable('no entry');

  it('refuses every kind of poisoned update: nothing stored, nobody else sees it, the document still loads and takes edits', async () => {
    const target = () => segmentIds[0] as string;
    const poisons: [string, (doc: Y.Doc) => void][] = [
      ['entry replaced by a number', (doc) => segmentEntries(doc).set(target(), 7)],
      ['entry replaced by a string', (doc) => segmentEntries(doc).set(target(), 'poison')],
      ['base of another type', (doc) => entry(doc, 0).entry.set('base', 12)],
      ['done of another type', (doc) => entry(doc, 0).entry.set('done', 'yes')],
      ['text of another type', (doc) => entry(doc, 0).entry.set('text', 'plain')],
      ['an unknown key', (doc) => entry(doc, 0).entry.set('evil', { nested: true })],
      ['latest set by a client', (doc) => entry(doc, 0).entry.set('latest', '0190a5b0-0000-7000-8000-0000000000ee')],
      ['an entry deleted', (doc) => segmentEntries(doc).delete(target())],
      ['an entry for a segment of no chunk', (doc) => segmentEntries(doc).set('0190a5b0-0000-7000-8000-0000000000ff', new Y.Map([['text', new Y.Text('x')], ['base', null], ['done', false]]))],
      ['another root type', (doc) => doc.getMap('evil').set('x', 1)],
      ['another root text', (doc) => doc.getText('notes').insert(0, 'graffiti')],
    ];
    const watcher = connect(tokenFor(volunteer.id));
    await watcher.ready;
    const published = draftOf(watcher.doc, target());
    for (const [what, poison] of poisons) {
      const sender = connect(tokenFor(volunteer.id));
      await sender.ready;
      const logged = await loggedUpdates(name);
      sender.doc.transact(() => poison(sender.doc));
      await eventually(() => sender.closes.some((reason) => reason.startsWith('invalid-update')), { what: `the server to refuse ${what}` });
      expect(await loggedUpdates(name), what).toBe(logged);
      sender.destroy();
    }
    // The honest watcher saw none of it, and keeps working.
    expect(listSegmentEntries(watcher.doc)).toHaveLength(segmentIds.length);
    expect([...watcher.doc.share.keys()]).toEqual(['segments']);
    expect(draftOf(watcher.doc, target())).toBe(published);
    entry(watcher.doc, 0).text.insert(0, 'Still editable. ');
    await confirmed(watcher);
    expect(watcher.closes).toEqual([]);

    const stored = await storedDocument(name);
    expect([...stored.share.keys()].filter((root) => root !== 'segments')).toEqual([]);
    const reported: string[] = [];
    expect(listSegmentEntries(stored, (segmentId) => reported.push(segmentId))).toHaveLength(segmentIds.length);
    expect(reported).toEqual([]);

    const fresh = connect(tokenFor(volunteer.id));
    await fresh.ready;
    expect(draftOf(fresh.doc, target())).toBe(`Still editable. ${published}`);
    expect(lines.filter((line) => line.includes('refused an update'))).toHaveLength(poisons.length);
  });

  it('refuses a draft that grows past the segment length limit, at once or keystroke by keystroke', async () => {
    const writer = connect(tokenFor(volunteer.id));
    await writer.ready;
    const logged = await loggedUpdates(name);
    entry(writer.doc, 1).text.insert(0, 'x'.repeat(MAX_SEGMENT_CHARS + 1));
    await eventually(() => writer.closes.some((reason) => reason.includes('at most')), { what: 'the server to refuse the oversized draft' });
    expect(await loggedUpdates(name)).toBe(logged);

    const typist = connect(tokenFor(volunteer.id));
    await typist.ready;
    const text = entry(typist.doc, 2).text;
    text.insert(text.length, 'y'.repeat(MAX_SEGMENT_CHARS - text.length));
    await confirmed(typist);
    expect(typist.closes).toEqual([]);
    text.insert(0, 'z');
    await eventually(() => typist.closes.some((reason) => reason.includes('at most')), { what: 'the server to refuse one character too many' });

    const fresh = connect(tokenFor(volunteer.id));
    await fresh.ready;
    expect(draftOf(fresh.doc, segmentIds[1] as string).length).toBeLessThan(MAX_SEGMENT_CHARS);
    expect(draftOf(fresh.doc, segmentIds[2] as string)).toHaveLength(MAX_SEGMENT_CHARS);
  });

  it('shows presence under the name of the token, whatever the client claims', async () => {
    const admin = await buildUser({ name: 'Site Admin' });
    const watcher = connect(tokenFor(volunteer.id));
    const guest = connect(tokenFor(null));
    const impostor = connect(tokenFor(volunteer.id));
    await Promise.all([watcher.ready, guest.ready, impostor.ready]);
    const claim = { id: admin.id, name: 'Site Admin', color: '#b4451f' };
    guest.provider.awareness?.setLocalState({ session: 'guest-tab', user: claim, segmentId: null, anchor: null, head: null });
    impostor.provider.awareness?.setLocalState({ session: 'impostor-tab', user: claim, segmentId: null, anchor: null, head: null });

    const seen = (session: string) => [...(watcher.provider.awareness?.getStates().values() ?? [])].map(parsePresence).find((state) => state?.session === session);
    await eventually(() => !!seen('guest-tab') && !!seen('impostor-tab'), { what: 'both states to reach the watcher' });
    expect(seen('guest-tab')?.user).toBeNull();
    expect(seen('impostor-tab')?.user).toMatchObject({ id: volunteer.id, name: 'Vera Volunteer' });
  });

  it('makes the editor drop its copy of a chunk whose change was refused, and load it afresh once', async () => {
    const socket = new HocuspocusProviderWebsocket({ url: server.url, delay: 50, minDelay: 50, maxDelay: 200 });
    const dropped: string[] = [];
    const pool = new ChunkPool({
      socket,
      token: async () => tokenFor(volunteer.id),
      documentName: (chunk) => collabDocumentName({ workId, language: 'en', chunk }),
      localStoreName: null,
      presenceFor: () => ({ session: 'pool-tab', user: null, segmentId: null, anchor: null, head: null }),
      onLocalStateDropped: (_chunk, reason) => dropped.push(reason),
    });
    try {
      pool.want([0]);
      const poisoned = pool.get(0)?.doc ?? expect.unreachable('no chunk');
      await eventually(() => !!pool.get(0)?.provider.isSynced, { what: 'the chunk to sync' });
      const refusals = lines.filter((line) => line.includes('refused an update')).length;
      segmentEntries(poisoned).set(segmentIds[3] as string, 42);

      await eventually(() => dropped.length > 0 && !!pool.get(0)?.provider.isSynced, { what: 'the chunk to be dropped and loaded again' });
      const fresh = pool.get(0)?.doc ?? expect.unreachable('no chunk');
      expect(fresh).not.toBe(poisoned);
      expect(segmentEntry(fresh, segmentIds[3] as string)).not.toBeNull();
      // The fresh copy works, and nothing was sent again.
      entry(fresh, 3).text.insert(0, 'After the reload. ');
      await eventually(() => !pool.get(0)?.provider.hasUnsyncedChanges, { what: 'the edit to be confirmed' });
      expect(dropped).toHaveLength(1);
      expect(lines.filter((line) => line.includes('refused an update')).length).toBe(refusals + 1);
    } finally {
      pool.destroy();
      socket.destroy();
    }
  });
});
