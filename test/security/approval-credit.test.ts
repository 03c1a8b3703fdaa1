import { describe, expect, inject, it } from 'vitest';

import { runSql } from '../helpers/browser';
import { createAccount, signInOverHttp } from '../helpers/http-session';

const baseUrl = inject('appUrl');
const databaseUrl = inject('appDatabaseUrl');

describe('history is honest about who wrote the published words', () => {
  it('an approval with the editor’s own changes credits the volunteer and the editor', async () => {
    const found = await runSql(
      databaseUrl,
      `SELECT s.id, st.published_revision_id, w.collection_id FROM segment s JOIN work w ON w.id = s.work_id JOIN segment_text st ON st.segment_id = s.id
        WHERE st.language = 'fr' AND s.kind = 'SENTENCE' AND st.published_revision_id IS NOT NULL AND s.retired_at IS NULL ORDER BY s.order_key DESC LIMIT 1`,
    );
    const row = found.rows[0] as { id: string; published_revision_id: string; collection_id: string };
    const volunteer = await createAccount(databaseUrl);
    const editor = await createAccount(databaseUrl);
    await runSql(databaseUrl, `INSERT INTO collection_member (collection_id, user_id, role) VALUES ($1, $2, 'EDITOR')`, [row.collection_id, editor.id]);
    const post = (cookie: string, path: string, body: unknown) => fetch(`${baseUrl}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    const suggested = await post(await signInOverHttp(baseUrl, volunteer), '/api/suggestions', { segmentId: row.id, language: 'fr', text: 'Une phrase proposée avec une faute.', baseRevisionId: row.published_revision_id });
    expect(suggested.status).toBe(201);
    const { suggestionId } = (await suggested.json()) as { suggestionId: string };
    const editorCookie = await signInOverHttp(baseUrl, editor);
    const approved = await post(editorCookie, `/api/suggestions/${suggestionId}/approve`, { text: 'Une phrase proposée, corrigée par l’éditeur.' });
    expect(approved.status).toBe(200);

    const history = await fetch(`${baseUrl}/api/segments/${row.id}/history?lang=fr`, { headers: { cookie: editorCookie } });
    const { revisions } = (await history.json()) as { revisions: { text: string; authorName: string | null; editorName: string | null; isPublished: boolean }[] };
    const names = await runSql(databaseUrl, `SELECT id, name FROM "user" WHERE id = ANY($1::uuid[])`, [[volunteer.id, editor.id]]);
    const nameOf = new Map(names.rows.map((user) => [String(user.id), String(user.name)]));
    expect(revisions[0]).toMatchObject({ text: 'Une phrase proposée, corrigée par l’éditeur.', isPublished: true, authorName: nameOf.get(volunteer.id), editorName: nameOf.get(editor.id) });
  });
});
