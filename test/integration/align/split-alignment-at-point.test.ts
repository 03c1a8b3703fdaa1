import { describe, expect, it } from 'vitest';

import { POST as edits } from '../../../app/api/works/[workId]/alignment/edits/route';
import { POST as undo } from '../../../app/api/works/[workId]/alignment/undo/route';
import { editAlignment } from '../../../lib/align/edit-alignment';
import { getAlignmentRows } from '../../../lib/align/get-alignment-rows';
import { SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const ORIGINAL = 'The bell rang twice. Nobody answered the door. The rain kept falling on the roof. At last a lamp was lit.';
const TRANSLATION = 'La cloche sonna deux fois. Personne ne vint ouvrir. La pluie tombait toujours sur le toit. Enfin une lampe fut allumée.';
const [FR1, FR2, FR3, FR4] = ['La cloche sonna deux fois.', 'Personne ne vint ouvrir.', 'La pluie tombait toujours sur le toit.', 'Enfin une lampe fut allumée.'];

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** A work whose four French sentences are one translation covering its four English rows. */
async function fourSentenceUnit() {
  const work = await buildWork({ text: ORIGINAL });
  const { workId } = work;
  await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId, file: { name: 'fr.txt', bytes: new TextEncoder().encode(TRANSLATION) }, provenance: { language: 'fr' } });
  const collectionId = (await getDb().work.findUniqueOrThrow({ where: { id: workId }, select: { collectionId: true } })).collectionId;
  const user = await buildUser();
  const editor = await grantRole(user.id, collectionId, 'EDITOR');
  const rowsNow = async () => (await getAlignmentRows({ actor: editor, workId, language: 'fr' })).rows;
  const expectedOf = (rows: Awaited<ReturnType<typeof rowsNow>>) => Object.fromEntries(rows.map((r) => [r.segmentId, r.revisionId]));
  const aligned = await rowsNow();
  expect(aligned.map((r) => r.text)).toEqual([FR1, FR2, FR3, FR4]);
  for (const row of aligned.slice(1)) await editAlignment({ actor: editor, workId, language: 'fr', segmentId: row.segmentId, operation: 'merge', expected: expectedOf(await rowsNow()) });
  return { workId, user, editor, aligned, rowsNow, expectedOf };
}

describe('splitting a translation at a chosen point', () => {
  it('is refused to the anonymous and to volunteers, on a text changed since, and inside a word or outside the text; then splits, and undoes', async () => {
    const { workId, user, editor, aligned, rowsNow, expectedOf } = await fourSentenceUnit();
    const params = { workId };
    const rows = await rowsNow();
    expect(rows.map((r) => [r.text, r.continuesPrevious])).toEqual([[`${FR1} ${FR2} ${FR3} ${FR4}`, false], [null, true], [null, true], [null, true]]);
    const head = rows[0]!;
    const text = head.text ?? '';
    const afterSecond = text.indexOf(` ${FR3}`);
    const body = (offset: number, expected = expectedOf(rows)) => ({ workId, language: 'fr', segmentId: head.segmentId, operation: 'splitAt', offset, expected });
    const post = (handler: typeof edits, payload: unknown, cookie?: string) =>
      callRoute(handler, `/api/works/${workId}/alignment/${handler === undo ? 'undo' : 'edits'}`, { params, cookie, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) } });
    const editorCookie = await sessionCookie(user.id);

    const anonymous = await post(edits, body(afterSecond));
    expect(anonymous.status).toBe(401);
    const volunteer = await buildUser();
    const forbidden = await post(edits, body(afterSecond), await sessionCookie(volunteer.id));
    expect(forbidden.status).toBe(403);

    // The offset was chosen in the text as it was before the merges: that revision is gone.
    const stale = await post(edits, body(afterSecond, expectedOf(aligned)), editorCookie);
    expect(stale.status).toBe(409);
    expect(await errorCode(stale)).toBe('STALE_BASE');
    // Without the revision of the text it points into, an offset means nothing.
    const { [head.segmentId]: _omitted, ...withoutHead } = expectedOf(rows);
    const unanchored = await post(edits, body(afterSecond, withoutHead), editorCookie);
    expect(unanchored.status).toBe(422);

    const insideWord = await post(edits, body(text.indexOf('cloche') + 3), editorCookie);
    expect(insideWord.status).toBe(422);
    expect(await errorCode(insideWord)).toBe('INVALID_INPUT');
    expect(((await post(edits, body(text.length + 10), editorCookie)).status)).toBe(422);
    expect(((await post(edits, body(0), editorCookie)).status)).toBe(422);
    expect(((await post(edits, body(10_000_000), editorCookie)).status)).toBe(422);
    expect(((await post(edits, { ...body(afterSecond), offset: 1.5 }, editorCookie)).status)).toBe(422);
    // An offset belongs to splitAt only.
    expect(((await post(edits, { ...body(afterSecond), operation: 'shiftDown' }, editorCookie)).status)).toBe(422);
    expect((await rowsNow()).map((r) => r.revisionId)).toEqual(rows.map((r) => r.revisionId));

    const split = await post(edits, body(afterSecond), editorCookie);
    expect(split.status).toBe(201);
    const { editId } = (await split.json()) as { editId: string };
    const after = await rowsNow();
    expect(after.map((r) => [r.text, r.continuesPrevious])).toEqual([[`${FR1} ${FR2}`, false], [`${FR3} ${FR4}`, false], [null, true], [null, true]]);
    const revisions = await getDb().revision.findMany({ where: { id: { in: after.slice(0, 2).map((r) => r.revisionId ?? '') } }, select: { origin: true } });
    expect(revisions.map((r) => r.origin)).toEqual(['ALIGN', 'ALIGN']);
    const event = await getDb().auditEvent.findUniqueOrThrow({ where: { id: editId }, select: { type: true, data: true } });
    expect(event).toMatchObject({ type: 'alignment.edited', data: { operation: 'splitAt', offset: afterSecond, segmentId: head.segmentId } });

    // Moving the tail of a translation into the next one, inside a sentence.
    const cut = (after[0]?.text ?? '').indexOf(' deux fois');
    const tail = await editAlignment({ actor: editor, workId, language: 'fr', segmentId: head.segmentId, operation: 'splitAt', offset: cut, expected: expectedOf(after) });
    expect((await rowsNow()).map((r) => r.text)).toEqual(['La cloche sonna', `deux fois. ${FR2} ${FR3} ${FR4}`, null, null]);
    expect((await post(undo, { workId, editId: tail.editId }, editorCookie)).status).toBe(201);

    const undone = await post(undo, { workId, editId }, editorCookie);
    expect(undone.status).toBe(201);
    expect((await rowsNow()).map((r) => [r.text, r.continuesPrevious])).toEqual(rows.map((r) => [r.text, r.continuesPrevious]));
  });
});
