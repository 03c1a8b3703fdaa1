import { describe, expect, it } from 'vitest';

import { POST as edits } from '../../../app/api/works/[workId]/alignment/edits/route';
import { GET as alignmentRows } from '../../../app/api/works/[workId]/alignment/route';
import { POST as undo } from '../../../app/api/works/[workId]/alignment/undo/route';
import { POST as addTranslation } from '../../../app/api/works/[workId]/translations/route';
import { getDb } from '../../../lib/db/client';
import { buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

function translationForm(workId: string, text: string, language = 'de'): FormData {
  const form = new FormData();
  form.set('workId', workId);
  form.set('language', language);
  form.set('translator', 'T. Übersetzer');
  form.set('publishedYear', '1970');
  form.set('file', new File([text], 'de.txt', { type: 'text/plain' }));
  return form;
}

describe('translations and alignment routes', () => {
  it('add a translation (editors only), then read, edit and undo its alignment', async () => {
    const work = await buildWork({ text: 'First sentence here. Second one follows. Third and last.' });
    const params = { workId: work.workId };
    const collectionId = (await getDb().work.findUniqueOrThrow({ where: { id: work.workId }, select: { collectionId: true } })).collectionId;
    const volunteer = await buildUser();
    const editor = await buildUser();
    await grantRole(editor.id, collectionId, 'EDITOR');
    const editorCookie = await sessionCookie(editor.id);

    const text = 'Erster Satz hier. Zweiter folgt. Dritter und letzter.';
    expect((await callRoute(addTranslation, `/api/works/${work.workId}/translations`, { params, init: { method: 'POST', body: translationForm(work.workId, text) } })).status).toBe(401);
    const forbidden = await callRoute(addTranslation, `/api/works/${work.workId}/translations`, { params, cookie: await sessionCookie(volunteer.id), init: { method: 'POST', body: translationForm(work.workId, text) } });
    expect(forbidden.status).toBe(403);
    const added = await callRoute(addTranslation, `/api/works/${work.workId}/translations`, { params, cookie: editorCookie, init: { method: 'POST', body: translationForm(work.workId, text) } });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ language: 'de', targetSentences: 3, beadTypes: { '1-1': 3 } });

    const volunteerRows = await callRoute(alignmentRows, `/api/works/${work.workId}/alignment?lang=de`, { params, cookie: await sessionCookie(volunteer.id) });
    expect(volunteerRows.status).toBe(403);
    const listed = await callRoute(alignmentRows, `/api/works/${work.workId}/alignment?lang=de`, { params, cookie: editorCookie });
    expect(listed.status).toBe(200);
    const { rows } = (await listed.json()) as { rows: { segmentId: string; revisionId: string | null; text: string | null }[] };
    expect(rows.map((r) => r.text)).toEqual(['Erster Satz hier.', 'Zweiter folgt.', 'Dritter und letzter.']);

    const expected = Object.fromEntries(rows.map((r) => [r.segmentId, r.revisionId]));
    const post = (handler: typeof edits, url: string, body: unknown) => callRoute(handler, url, { params, cookie: editorCookie, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } });
    const merged = await post(edits, `/api/works/${work.workId}/alignment/edits`, { workId: work.workId, language: 'de', segmentId: rows[1]?.segmentId, operation: 'merge', expected });
    expect(merged.status).toBe(201);
    const { editId } = (await merged.json()) as { editId: string };

    const mergedAgain = await post(edits, `/api/works/${work.workId}/alignment/edits`, { workId: work.workId, language: 'de', segmentId: rows[1]?.segmentId, operation: 'merge', expected });
    expect(mergedAgain.status).toBe(422); // the row is now covered by the previous one: merging again does not apply
    // Based on what the editor saw before the merge, the previous group's text has changed since.
    const stale = await post(edits, `/api/works/${work.workId}/alignment/edits`, { workId: work.workId, language: 'de', segmentId: rows[2]?.segmentId, operation: 'shiftUp', expected });
    expect(stale.status).toBe(409);
    expect(await errorCode(stale)).toBe('STALE_BASE');

    const undone = await post(undo, `/api/works/${work.workId}/alignment/undo`, { workId: work.workId, editId });
    expect(undone.status).toBe(201);
    const bad = await post(edits, `/api/works/${work.workId}/alignment/edits`, { workId: work.workId, language: 'de', segmentId: 'nope', operation: 'explode', expected: {} });
    expect(bad.status).toBe(422);
    expect(await errorCode(bad)).toBe('INVALID_INPUT');
  });
});
