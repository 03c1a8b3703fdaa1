import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';

import type { Actor } from '../../../lib/auth/permissions';
import { entryBase, entryDone, entryLatest, entryText, getSegmentEntry, replaceText } from '../../../lib/collab/segment-doc';
import { getDb } from '../../../lib/db/client';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion, rejectSuggestion } from '../../../lib/review/decide-suggestion';
import { confirmed, connectClient, draftOf, eventually, startCollabServer, tokenFor, type TestClient } from '../../helpers/collab';
import { useScratchDatabase } from '../../helpers/db';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';

const TEXT = '# Title\n\nThe first sentence. The second sentence. The third sentence. The fourth sentence. The fifth sentence.\n';

describe('a decision on a suggestion reaches the drafts it came from', () => {
  // A database of its own: another file's collaboration server would claim this one's outbox rows.
  useScratchDatabase({ beforeAll, afterAll });
  let server: Awaited<ReturnType<typeof startCollabServer>>;
  let workId: string;
  let segments: { id: string; base: string | null }[];
  let volunteer: { id: string; actor: Actor };
  let editor: Actor;
  const clients: TestClient[] = [];

  const connect = async (): Promise<TestClient> => {
    const client = connectClient({ url: server.url, workId, token: tokenFor(volunteer.id) });
    clients.push(client);
    await client.ready;
    return client;
  };
  const entryOf = (client: TestClient, index: number) => getSegmentEntry(client.doc, segments[index]?.id as string) as Y.Map<unknown>;
  /** Types `text` into a draft, marks it done, waits until it is stored, and submits it as the volunteer. */
  const draftAndSubmit = async (client: TestClient, index: number, text: string) => {
    const entry = entryOf(client, index);
    client.doc.transact(() => {
      replaceText(entryText(entry), text);
      entry.set('done', true);
    });
    await confirmed(client);
    return createSuggestion({ actor: volunteer.actor, input: { segmentId: segments[index]?.id as string, language: 'en', text, baseRevisionId: entryBase(entry) } });
  };

  beforeAll(async () => {
    server = await startCollabServer();
    const collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, text: TEXT })).workId;
    segments = (
      await getDb().segment.findMany({ where: { workId, kind: { not: 'PARAGRAPH' } }, orderBy: { orderKey: 'asc' }, select: { id: true, texts: { select: { publishedRevisionId: true } } } })
    ).map((segment) => ({ id: segment.id, base: segment.texts[0]?.publishedRevisionId ?? null }));
    volunteer = await buildUser({ name: 'Vera Volunteer' });
    editor = await grantRole((await buildUser({ name: 'Eli Editor' })).id, collectionId, 'EDITOR');
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  it('keeps a rejected draft as the volunteer wrote it, no longer marked done, for everyone editing it', async () => {
    const [writer, other] = [await connect(), await connect()];
    const rejected = await draftAndSubmit(writer, 1, 'The first sentence, rejected.');
    // Changed again after it was submitted: a new proposal, still marked done.
    const changed = await draftAndSubmit(writer, 2, 'The second sentence, submitted.');
    writer.doc.transact(() => entryText(entryOf(writer, 2)).insert(0, 'Reworked: '));
    await confirmed(writer);

    await rejectSuggestion({ actor: editor, input: { suggestionId: rejected.suggestionId, reason: 'MEANING', note: '' } });
    await rejectSuggestion({ actor: editor, input: { suggestionId: changed.suggestionId, reason: 'STYLE', note: '' } });
    for (const client of [writer, other]) {
      await eventually(() => !entryDone(entryOf(client, 1)), { what: 'the rejection to take the done mark off' });
      expect([draftOf(client.doc, segments[1]?.id as string), entryBase(entryOf(client, 1))]).toEqual(['The first sentence, rejected.', segments[1]?.base]);
    }
    // Both decisions applied: the reworked draft kept its mark.
    await eventually(async () => (await getDb().collabOutbox.count()) === 0, { what: 'the outbox to apply both decisions' });
    expect([draftOf(writer.doc, segments[2]?.id as string), entryDone(entryOf(writer, 2))]).toEqual(['Reworked: The second sentence, submitted.', true]);
  });

  it('keeps a partly approved draft on its base, told what is published now, no longer marked done', async () => {
    const client = await connect();
    const partly = await draftAndSubmit(client, 3, 'The third sentence, far too long.');
    const outcome = await approveSuggestion({ actor: editor, input: { suggestionId: partly.suggestionId, text: 'The third sentence, long.', hunkRejections: [{ excerpt: 'far too', reason: 'STYLE', note: 'Shorter.' }] } });
    const entry = entryOf(client, 3);
    await eventually(() => !entryDone(entry), { what: 'the partial approval to take the done mark off' });
    expect([draftOf(client.doc, segments[3]?.id as string), entryBase(entry), entryLatest(entry)]).toEqual(['The third sentence, far too long.', segments[3]?.base, outcome.revisionId]);
  });

  it('moves an approved draft to the new published revision, with nothing left marked done', async () => {
    const client = await connect();
    const whole = await draftAndSubmit(client, 4, 'The fourth sentence, approved.');
    const outcome = await approveSuggestion({ actor: editor, input: { suggestionId: whole.suggestionId } });
    const entry = entryOf(client, 4);
    await eventually(() => entryBase(entry) === outcome.revisionId, { what: 'the approval to reach the draft' });
    expect([draftOf(client.doc, segments[4]?.id as string), entryDone(entry)]).toEqual(['The fourth sentence, approved.', false]);
  });

  it('reaches a stored document nobody has open, and a client that opens it later', async () => {
    const client = await connect();
    const rejected = await draftAndSubmit(client, 5, 'The fifth sentence, offline.');
    for (const open of clients) open.destroy();
    await rejectSuggestion({ actor: editor, input: { suggestionId: rejected.suggestionId, reason: 'OTHER', note: 'Not this.' } });
    await eventually(async () => (await getDb().collabOutbox.count()) === 0, { what: 'the outbox to apply the decision' });
    const later = await connect();
    expect([draftOf(later.doc, segments[5]?.id as string), entryDone(entryOf(later, 5))]).toEqual(['The fifth sentence, offline.', false]);
  });
});
