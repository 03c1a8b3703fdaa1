import { describe, expect, it } from 'vitest';

import { editAlignment, undoAlignmentEdit } from '../../../lib/align/edit-alignment';
import { getAlignmentRows } from '../../../lib/align/get-alignment-rows';
import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import { errorCodeOf } from '../../helpers/errors';
import { buildUser, buildWork, grantRole } from '../../helpers/factories';

const ORIGINAL = 'The harbour opened in 1921. Ships came from Riga and from Tallinn, twelve of them in the first week of May 1922. The first captain was called Petrov. He stayed until 1930.';
// The second sentence has no counterpart: the aligner leaves its row untranslated (1–0), with no text row at all.
const TRANSLATION = "Le port ouvrit en 1921. Le premier capitaine s'appelait Petrov. Il resta jusqu’en 1930.";

async function alignedWithGap() {
  const work = await buildWork({ text: ORIGINAL });
  await importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: work.workId, file: { name: 'fr.txt', bytes: new TextEncoder().encode(TRANSLATION) }, provenance: { language: 'fr' } });
  const collectionId = (await getDb().work.findUniqueOrThrow({ where: { id: work.workId }, select: { collectionId: true } })).collectionId;
  const user = await buildUser();
  const editor = await grantRole(user.id, collectionId, 'EDITOR');
  const rowsNow = async () => (await getAlignmentRows({ actor: editor, workId: work.workId, language: 'fr' })).rows;
  return { workId: work.workId, editor, rowsNow };
}

const textRow = (segmentId: string) => getDb().segmentText.findUnique({ where: { segmentId_language: { segmentId, language: 'fr' } }, select: { status: true, continuesPrevious: true, publishedRevisionId: true } });

describe('merging an untranslated row with the previous one', () => {
  it('groups the rows for good (as a reload shows) without touching the previous translation, and undoes', async () => {
    const { workId, editor, rowsNow } = await alignedWithGap();
    const rows = await rowsNow();
    const gap = rows[1];
    expect(gap).toMatchObject({ text: null, revisionId: null, continuesPrevious: false });
    expect(await textRow(gap?.segmentId ?? '')).toBeNull();

    const merged = await editAlignment({ actor: editor, workId, language: 'fr', segmentId: gap?.segmentId ?? '', operation: 'merge', expected: Object.fromEntries(rows.map((r) => [r.segmentId, r.revisionId])) });
    expect(merged.rows).toEqual([expect.objectContaining({ segmentId: gap?.segmentId, text: null, continuesPrevious: true })]);

    // Read again, as the editor does after a reload: the row is now covered by the first one's translation.
    const reloaded = await rowsNow();
    expect(reloaded.map((r) => [r.text, r.continuesPrevious])).toEqual([
      ['Le port ouvrit en 1921.', false],
      [null, true],
      ["Le premier capitaine s'appelait Petrov.", false],
      ['Il resta jusqu’en 1930.', false],
    ]);
    expect(reloaded[0]?.revisionId).toBe(rows[0]?.revisionId);
    // Covered by the previous translation counts as translated, as an imported 2–1 pair does.
    expect(await textRow(gap?.segmentId ?? '')).toEqual({ status: 'APPROVED', continuesPrevious: true, publishedRevisionId: null });
    const window = await getSegmentWindow({ actor: ANONYMOUS, workId, languages: ['en', 'fr'] });
    expect(window.segments.find((s) => s.id === gap?.segmentId)?.texts.fr).toMatchObject({ continuesPrevious: true });

    await undoAlignmentEdit({ actor: editor, workId, editId: merged.editId });
    expect((await rowsNow()).map((r) => [r.text, r.continuesPrevious])).toEqual(rows.map((r) => [r.text, r.continuesPrevious]));
    expect(await textRow(gap?.segmentId ?? '')).toMatchObject({ status: 'EMPTY', continuesPrevious: false });
    // Undone once: a second undo of the same change finds its rows changed.
    expect(await errorCodeOf(undoAlignmentEdit({ actor: editor, workId, editId: merged.editId }))).toBe('STALE_BASE');

    // Split it off again after merging: back to a row of its own with no translation.
    const again = await rowsNow();
    await editAlignment({ actor: editor, workId, language: 'fr', segmentId: gap?.segmentId ?? '', operation: 'merge', expected: Object.fromEntries(again.map((r) => [r.segmentId, r.revisionId])) });
    const grouped = await rowsNow();
    await editAlignment({ actor: editor, workId, language: 'fr', segmentId: gap?.segmentId ?? '', operation: 'split', expected: Object.fromEntries(grouped.map((r) => [r.segmentId, r.revisionId])) });
    const split = await rowsNow();
    expect(split[1]).toMatchObject({ continuesPrevious: false });
    // Splitting a one-sentence translation leaves it with the first row: nothing is moved.
    expect(split[0]?.text).toBe('Le port ouvrit en 1921.');
  });
});
