import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';

import { entryText, getSegmentEntry, segmentEntries } from '../../../lib/collab/segment-doc';
import { getDb } from '../../../lib/db/client';
import { confirmed, connectClient, draftOf, eventually, spawnCollabProcess, startCollabServer, tokenFor, type TestClient } from '../../helpers/collab';
import { useScratchDatabase } from '../../helpers/db';
import { buildUser, buildWork } from '../../helpers/factories';
import { mulberry32 } from '../../helpers/random';

function snapshotOf(doc: Y.Doc): Record<string, string> {
  return Object.fromEntries([...segmentEntries(doc).keys()].map((segmentId) => [segmentId, draftOf(doc, segmentId)]));
}

describe('convergence of concurrent edits', () => {
  // A database of its own: the outbox of another test file's collaboration server (without Redis
  // between them) would otherwise claim this server's queued changes and apply them to its own copy.
  useScratchDatabase({ beforeAll, afterAll });
  const clients: TestClient[] = [];
  let workId: string;
  let segmentIds: string[];
  let userId: string;

  beforeAll(async () => {
    workId = (await buildWork()).workId;
    segmentIds = (await getDb().segment.findMany({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true } })).map((s) => s.id);
    userId = (await buildUser()).id;
  });

  afterAll(() => {
    for (const client of clients) client.destroy();
  });

  it('brings many clients making random concurrent edits to identical text', async () => {
    const server = await startCollabServer();
    try {
      const random = mulberry32(20261123);
      const group = Array.from({ length: 8 }, () => connectClient({ url: server.url, workId, token: tokenFor(userId) }));
      clients.push(...group);
      await Promise.all(group.map((client) => client.ready));
      for (let round = 0; round < 40; round += 1) {
        for (const client of group) {
          const segmentId = segmentIds[Math.floor(random() * segmentIds.length)] as string;
          const text = entryText(getSegmentEntry(client.doc, segmentId) as Y.Map<unknown>);
          const position = Math.floor(random() * (text.length + 1));
          if (random() < 0.3 && text.length > 0) text.delete(Math.min(position, text.length - 1), 1 + Math.floor(random() * 3));
          else text.insert(position, 'abcdefghij'.slice(0, 1 + Math.floor(random() * 4)));
        }
        if (round % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await Promise.all(group.map((client) => confirmed(client)));
      const expected = snapshotOf((group[0] as TestClient).doc);
      await eventually(() => group.every((client) => JSON.stringify(snapshotOf(client.doc)) === JSON.stringify(expected)), { what: 'all clients to converge' });

      const late = connectClient({ url: server.url, workId, token: tokenFor(userId) });
      clients.push(late);
      await late.ready;
      expect(snapshotOf(late.doc)).toEqual(expected);
    } finally {
      await server.stop();
    }
  });

  it('converges clients of two collaboration processes sharing documents through Redis', async () => {
    // The run's own Redis, started by the global setup (test/helpers/redis.ts).
    const redisUrl = inject('redisUrl');
    const [first, second] = await Promise.all([spawnCollabProcess({ redisUrl }), spawnCollabProcess({ redisUrl })]);
    try {
      const a = connectClient({ url: first.url, workId, chunk: 0, token: tokenFor(userId) });
      const b = connectClient({ url: second.url, workId, chunk: 0, token: tokenFor(userId) });
      clients.push(a, b);
      await Promise.all([a.ready, b.ready]);
      const segmentId = segmentIds[0] as string;
      entryText(getSegmentEntry(a.doc, segmentId) as Y.Map<unknown>).insert(0, 'From the first process. ');
      entryText(getSegmentEntry(b.doc, segmentId) as Y.Map<unknown>).insert(0, 'From the second process. ');
      await eventually(() => draftOf(a.doc, segmentId) === draftOf(b.doc, segmentId) && draftOf(a.doc, segmentId).includes('first') && draftOf(a.doc, segmentId).includes('second'), {
        what: 'clients on different processes to converge',
      });
    } finally {
      await Promise.all([first.kill(), second.kill()]);
    }
  });
});
