import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { POST as submitRoute } from '../../../app/api/works/[workId]/suggestions/route';
import { ANONYMOUS } from '../../../lib/auth/permissions';
import { collabDocumentName } from '../../../lib/collab/document-name';
import { entryText, getSegmentEntry, replaceText, seedEntryUpdate } from '../../../lib/collab/segment-doc';
import { getDb } from '../../../lib/db/client';
import { submitDoneDrafts } from '../../../lib/review/submit-drafts';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

describe('submitting every draft marked done', () => {
  let workId: string;
  let segments: { id: string; base: string | null; text: string }[];

  beforeAll(async () => {
    const collectionId = (await buildCollection()).id;
    workId = (await buildWork({ collectionId, text: '# Title\n\nThe first sentence. The second sentence. The third sentence. The fourth sentence.\n' })).workId;
    const rows = await getDb().segment.findMany({
      where: { workId, kind: { not: 'PARAGRAPH' } },
      orderBy: { orderKey: 'asc' },
      select: { id: true, texts: { select: { publishedRevisionId: true, publishedRevision: { select: { text: true } } } } },
    });
    segments = rows.map((row) => ({ id: row.id, base: row.texts[0]?.publishedRevisionId ?? null, text: row.texts[0]?.publishedRevision?.text ?? '' }));

    // The stored document of the chunk: seeded entries, then editing as the collaboration server stores it.
    const doc = new Y.Doc();
    for (const segment of segments) Y.applyUpdate(doc, seedEntryUpdate(segment.id, segment.base, segment.text));
    const edit = (index: number, text: string, isDone: boolean) => {
      const entry = getSegmentEntry(doc, (segments[index] as { id: string }).id) as Y.Map<unknown>;
      replaceText(entryText(entry), text);
      entry.set('done', isDone);
    };
    edit(1, 'The first sentence, corrected.', true);
    edit(2, 'The second sentence, still being worked on.', false);
    edit(3, 'The third sentence.', true); // marked done without a change
    const name = collabDocumentName({ workId, language: 'en', chunk: 0 });
    await getDb().collabDocument.create({ data: { name, workId, language: 'en', chunk: 0, state: new Uint8Array(Y.encodeStateAsUpdate(doc)) } });
    // A change confirmed after the last compaction: only in the update log.
    const before = Y.encodeStateVector(doc);
    edit(4, 'The fourth sentence, corrected.', true);
    await getDb().collabUpdate.create({ data: { documentName: name, update: new Uint8Array(Y.encodeStateAsUpdate(doc, before)) } });
  });

  it('turns the changed drafts marked done into suggestions, in reading order, once', async () => {
    const volunteer = await buildUser();
    expect(await submitDoneDrafts({ actor: volunteer.actor, workId, language: 'en' })).toEqual({ submitted: 2, alreadySubmitted: 0, unchanged: 1, declined: 0, grouped: 0, failed: [], hasMore: false });
    const suggestions = await getDb().suggestion.findMany({ where: { workId, authorId: volunteer.id }, orderBy: { id: 'asc' }, select: { segmentId: true, text: true, baseRevisionId: true, status: true } });
    expect(suggestions).toEqual([
      { segmentId: segments[1]?.id, text: 'The first sentence, corrected.', baseRevisionId: segments[1]?.base, status: 'PENDING' },
      { segmentId: segments[4]?.id, text: 'The fourth sentence, corrected.', baseRevisionId: segments[4]?.base, status: 'PENDING' },
    ]);
    // Again: nothing new to submit.
    expect(await submitDoneDrafts({ actor: volunteer.actor, workId, language: 'en' })).toMatchObject({ submitted: 0, alreadySubmitted: 2, unchanged: 1 });
  });

  it('asks guests to sign in and refuses unknown works and languages', async () => {
    const volunteer = await buildUser();
    expect(await errorCodeOf(submitDoneDrafts({ actor: ANONYMOUS, workId, language: 'en' }))).toBe('UNAUTHENTICATED');
    expect(await errorCodeOf(submitDoneDrafts({ actor: volunteer.actor, workId, language: 'de' }))).toBe('NOT_FOUND');
    expect(await errorCodeOf(submitDoneDrafts({ actor: volunteer.actor, workId: '0190a5b0-0000-7000-8000-000000000000', language: 'en' }))).toBe('NOT_FOUND');
    const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await callRoute(submitRoute, `/api/works/${workId}/suggestions`, { params: { workId }, init: json({ language: 'en' }) })).status).toBe(401);
    const response = await callRoute(submitRoute, `/api/works/${workId}/suggestions`, { cookie: await sessionCookie(volunteer.id), params: { workId }, init: json({ language: 'en' }) });
    expect(response.status).toBe(200);
    // Another volunteer's drafts are the ones waiting for review: nothing is asked twice.
    expect(await response.json()).toMatchObject({ submitted: 0, alreadySubmitted: 2 });
  });
});
