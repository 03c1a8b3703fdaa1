import { describe, expect, it } from 'vitest';

import { GET as queueRoute } from '../../../app/api/review/queue/route';
import { GET as historyRoute } from '../../../app/api/segments/[segmentId]/history/route';
import { POST as approveRoute } from '../../../app/api/suggestions/[suggestionId]/approve/route';
import { POST as suggestRoute } from '../../../app/api/suggestions/route';
import { getDb } from '../../../lib/db/client';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('review routes', () => {
  it('take a suggestion from a volunteer to the published text through an editor, and report a stale approval as 409 with both changes', async () => {
    const collection = await buildCollection();
    const { workId } = await buildWork({ collectionId: collection.id });
    const segment = await getDb().segment.findFirstOrThrow({
      where: { workId, kind: 'SENTENCE' },
      orderBy: { orderKey: 'asc' },
      select: { id: true, texts: { select: { publishedRevisionId: true, publishedRevision: { select: { text: true } } } } },
    });
    const base = segment.texts[0]?.publishedRevisionId ?? null;
    const volunteer = await buildUser();
    const editorUser = await buildUser();
    await grantRole(editorUser.id, collection.id, 'EDITOR');
    const [volunteerCookie, editorCookie] = [await sessionCookie(volunteer.id), await sessionCookie(editorUser.id)];

    expect((await callRoute(suggestRoute, '/api/suggestions', { init: json({ segmentId: segment.id, language: 'en', text: 'x', baseRevisionId: base }) })).status).toBe(401);
    const created = await callRoute(suggestRoute, '/api/suggestions', { cookie: volunteerCookie, init: json({ segmentId: segment.id, language: 'en', text: 'A corrected first sentence.', baseRevisionId: base }) });
    expect(created.status).toBe(201);
    const { suggestionId } = (await created.json()) as { suggestionId: string };
    const stale = await callRoute(suggestRoute, '/api/suggestions', { cookie: volunteerCookie, init: json({ segmentId: segment.id, language: 'en', text: 'Another take.', baseRevisionId: base }) });
    const { suggestionId: secondId } = (await stale.json()) as { suggestionId: string };

    expect((await callRoute(queueRoute, `/api/review/queue?workId=${workId}`, { cookie: volunteerCookie })).status).toBe(403);
    const queue = (await (await callRoute(queueRoute, `/api/review/queue?workId=${workId}`, { cookie: editorCookie })).json()) as { items: { suggestionId: string }[] };
    // The second suggestion by the same author replaced the first.
    expect(queue.items.map((item) => item.suggestionId)).toEqual([secondId]);

    const approved = await callRoute(approveRoute, `/api/suggestions/${secondId}/approve`, { cookie: editorCookie, params: { suggestionId: secondId }, init: json({}) });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'PUBLISHED' });

    // The suggestion in the path is the one decided, whatever the body says.
    const mismatched = await callRoute(approveRoute, `/api/suggestions/${suggestionId}/approve`, { cookie: editorCookie, params: { suggestionId }, init: json({ suggestionId: secondId }) });
    expect(mismatched.status).toBe(409);
    expect(await mismatched.json()).toMatchObject({ error: { code: 'CONFLICT', details: { status: 'WITHDRAWN' } } });

    const withdrawn = await callRoute(approveRoute, `/api/suggestions/${suggestionId}/approve`, { cookie: editorCookie, params: { suggestionId }, init: json({}) });
    expect(withdrawn.status).toBe(409);

    const other = await buildUser();
    const late = await callRoute(suggestRoute, '/api/suggestions', { cookie: await sessionCookie(other.id), init: json({ segmentId: segment.id, language: 'en', text: 'Made from the old text.', baseRevisionId: base }) });
    const { suggestionId: lateId } = (await late.json()) as { suggestionId: string };
    const conflict = await callRoute(approveRoute, `/api/suggestions/${lateId}/approve`, { cookie: editorCookie, params: { suggestionId: lateId }, init: json({}) });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toMatchObject({ error: { code: 'STALE_BASE', details: { currentText: 'Another take.', suggestedText: 'Made from the old text.' } } });

    const history = (await (await callRoute(historyRoute, `/api/segments/${segment.id}/history?lang=en`, { params: { segmentId: segment.id } })).json()) as { revisions: { origin: string }[] };
    expect(history.revisions.map((revision) => revision.origin)).toEqual(['APPROVAL', 'IMPORT']);
  });
});
