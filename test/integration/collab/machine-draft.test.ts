import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';

import { SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { entryBase, entryMachine, entryText, getSegmentEntry, replaceText } from '../../../lib/collab/segment-doc';
import { getDb } from '../../../lib/db/client';
import { importWork } from '../../../lib/import/import-work';
import { LibreTranslateProvider } from '../../../lib/machine-translation/libretranslate-provider';
import { translateSegment } from '../../../lib/machine-translation/translate-segment';
import { approveSuggestion } from '../../../lib/review/decide-suggestion';
import { submitDoneDrafts } from '../../../lib/review/submit-drafts';
import { confirmed, connectClient, draftOf, eventually, startCollabServer, tokenFor, type TestClient } from '../../helpers/collab';
import { useScratchDatabase } from '../../helpers/db';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';
import { startLibreTranslate, type FakeService } from '../../helpers/fake-translation-service';

describe('a draft filled with machine translation, co-edited', () => {
  // A database of its own: another file's collaboration server would claim this one's outbox rows.
  useScratchDatabase({ beforeAll, afterAll });
  let server: Awaited<ReturnType<typeof startCollabServer>>;
  // The real services cannot be reached from here: a local server speaking LibreTranslate's API.
  let service: FakeService;
  let workId: string;
  let segmentId: string;
  let volunteer: { id: string; actor: Actor };
  let editor: Actor;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await startCollabServer();
    service = await startLibreTranslate();
    const collectionId = (await buildCollection()).id;
    workId = (await importWork({ actor: SYSTEM_ACTOR, file: { name: 'ru.md', bytes: new TextEncoder().encode('Никто не говорил. Была ночь.\n') }, collection: { id: collectionId }, metadata: { title: 'Ночь', language: 'ru' } })).workId;
    await getDb().workLanguage.create({ data: { workId, language: 'en' } });
    segmentId = (await getDb().segment.findFirstOrThrow({ where: { workId, kind: 'SENTENCE' }, orderBy: { orderKey: 'asc' }, select: { id: true } })).id;
    volunteer = await buildUser({ name: 'Vera Volunteer' });
    editor = await grantRole((await buildUser({ name: 'Eli Editor' })).id, collectionId, 'EDITOR');
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
    await service.close();
  });

  const connect = async (): Promise<TestClient> => {
    const client = connectClient({ url: server.url, workId, token: tokenFor(volunteer.id) });
    clients.push(client);
    await client.ready;
    return client;
  };
  const entryOf = (client: TestClient) => getSegmentEntry(client.doc, segmentId) as Y.Map<unknown>;

  it('carries its mark to every editor, to the submitted suggestion, and drops it once published', async () => {
    const [writer, other] = [await connect(), await connect()];
    const machine = await translateSegment({ actor: volunteer.actor, input: { workId, segment: segmentId, lang: 'en' }, provider: new LibreTranslateProvider({ url: service.url }) });
    const entry = entryOf(writer);
    writer.doc.transact(() => {
      replaceText(entryText(entry), machine.text);
      entry.set('machine', { id: machine.id, provider: machine.provider, text: machine.text });
      entry.set('done', true);
    });
    await confirmed(writer);
    await eventually(() => entryMachine(entryOf(other))?.id === machine.id, { what: 'the other editor to see the mark' });

    expect(await submitDoneDrafts({ actor: volunteer.actor, workId, language: 'en' })).toMatchObject({ submitted: 1, failed: [] });
    const suggestion = await getDb().suggestion.findFirstOrThrow({ where: { segmentId, language: 'en' }, select: { id: true, machineProvider: true, isMachineEdited: true } });
    expect(suggestion).toMatchObject({ machineProvider: 'LIBRETRANSLATE', isMachineEdited: false });

    const outcome = await approveSuggestion({ actor: editor, input: { suggestionId: suggestion.id } });
    for (const client of [writer, other]) {
      await eventually(() => entryBase(entryOf(client)) === outcome.revisionId, { what: 'the approval to reach the draft' });
      expect([draftOf(client.doc, segmentId), entryMachine(entryOf(client))]).toEqual(['Nobody spoke.', null]);
    }
    expect(await getDb().revision.findUniqueOrThrow({ where: { id: outcome.revisionId ?? '' }, select: { machineProvider: true } })).toEqual({ machineProvider: 'LIBRETRANSLATE' });
  });
});
