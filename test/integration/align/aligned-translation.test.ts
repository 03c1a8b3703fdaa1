import { describe, expect, it } from 'vitest';

import { editAlignment, undoAlignmentEdit } from '../../../lib/align/edit-alignment';
import { getAlignmentRows } from '../../../lib/align/get-alignment-rows';
import { realignRange } from '../../../lib/align/realign-range';
import { ANONYMOUS, SYSTEM_ACTOR } from '../../../lib/auth/permissions';
import { getDb } from '../../../lib/db/client';
import { importAlignedTranslation } from '../../../lib/import/import-aligned-translation';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import { getWorkOverview } from '../../../lib/reader/get-work-overview';
import { errorCodeOf } from '../../helpers/errors';
import { buildUser, buildWork, grantRole } from '../../helpers/factories';

const ORIGINAL = `# The Harbour in 1921

The harbour opened in 1921. Ships came from Riga and from Tallinn. The first captain was called Petrov.

In winter the water froze for 40 days. Nobody sailed. The town waited for spring.

Was the harbour worth its cost? The council said yes in 1925.
`;

// 1–2 (the Riga sentence is two), 2–1 (two winter sentences are one), and a 0–1 (an added remark).
const TRANSLATION = `# Le port en 1921

Le port ouvrit en 1921. Des navires vinrent de Riga. D'autres vinrent de Tallinn. Le premier capitaine s'appelait Petrov.

En hiver, l'eau gela pendant 40 jours et personne ne navigua. La ville attendit le printemps.

Le port valait-il son prix ? Le conseil dit oui en 1925. Note du traducteur : la date est incertaine.
`;

const file = (text: string, name = 'fr.md') => ({ name, bytes: new TextEncoder().encode(text) });


async function aligned() {
  const work = await buildWork({ text: ORIGINAL });
  const summary = await importAlignedTranslation({
    actor: SYSTEM_ACTOR,
    workId: work.workId,
    file: file(TRANSLATION),
    provenance: { language: 'fr', translator: 'A. Dupont', edition: 'Éditions du Port, Paris', publishedYear: '1960' },
  });
  const window = await getSegmentWindow({ actor: ANONYMOUS, workId: work.workId, languages: ['en', 'fr'] });
  const rows = window.segments.filter((s) => s.kind !== 'PARAGRAPH');
  return { work, summary, rows };
}

describe('importing an existing translation', () => {
  it('aligns it sentence by sentence, keeping every sentence, with provenance and confidences', async () => {
    const { work, summary, rows } = await aligned();
    expect(summary.targetSentences).toBe(10);
    const byEnglish = (start: string) => rows.find((r) => r.texts.en?.text.startsWith(start));
    expect(byEnglish('The harbour opened')?.texts.fr?.text).toBe('Le port ouvrit en 1921.');
    expect(byEnglish('Ships came from Riga')?.texts.fr?.text).toBe("Des navires vinrent de Riga. D'autres vinrent de Tallinn.");
    expect(byEnglish('In winter')?.texts.fr?.text).toBe("En hiver, l'eau gela pendant 40 jours et personne ne navigua.");
    expect(byEnglish('Nobody sailed')?.texts.fr).toMatchObject({ text: '', continuesPrevious: true });
    expect(byEnglish('The council said yes')?.texts.fr?.text).toBe('Le conseil dit oui en 1925. Note du traducteur : la date est incertaine.');
    // Nothing dropped: every French sentence is somewhere, once.
    const french = rows.map((r) => r.texts.fr?.text ?? '').join(' ');
    for (const sentence of ['Le premier capitaine', 'La ville attendit', 'Le port valait-il', 'Note du traducteur']) expect(french.split(sentence)).toHaveLength(2);
    for (const r of rows) {
      if (r.texts.fr && !r.texts.fr.continuesPrevious) expect(r.texts.fr.alignScore).toBeGreaterThanOrEqual(0);
    }

    const overview = await getWorkOverview({ actor: ANONYMOUS, workId: work.workId });
    const fr = overview.languages.find((l) => l.language === 'fr');
    expect(fr).toMatchObject({ translator: 'A. Dupont', edition: 'Éditions du Port, Paris', publishedYear: 1960, translatedFrom: 'en', approved: fr?.total });
    const upload = await getDb().upload.findFirst({ where: { workId: work.workId, filename: 'fr.md' }, select: { byteSize: true } });
    expect(upload?.byteSize).toBe(new TextEncoder().encode(TRANSLATION).byteLength);
  });

  it('refuses a second translation in the same language, the source language, and volunteers', async () => {
    const { work } = await aligned();
    expect(await errorCodeOf(importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: work.workId, file: file(TRANSLATION), provenance: { language: 'fr' } }))).toBe('CONFLICT');
    expect(await errorCodeOf(importAlignedTranslation({ actor: SYSTEM_ACTOR, workId: work.workId, file: file(ORIGINAL), provenance: { language: 'en' } }))).toBe('INVALID_INPUT');
    const volunteer = await buildUser();
    expect(await errorCodeOf(importAlignedTranslation({ actor: volunteer.actor, workId: work.workId, file: file(TRANSLATION), provenance: { language: 'de' } }))).toBe('FORBIDDEN');
  });
});

describe('fixing an alignment by hand', () => {
  it('shifts, merges and splits as revisions, refuses stale edits, and undoes', async () => {
    const { work } = await aligned();
    const collectionId = (await getDb().work.findUniqueOrThrow({ where: { id: work.workId }, select: { collectionId: true } })).collectionId;
    const editorUser = await buildUser();
    const editor = await grantRole(editorUser.id, collectionId, 'EDITOR');
    const volunteer = await buildUser();
    expect(await errorCodeOf(getAlignmentRows({ actor: volunteer.actor, workId: work.workId, language: 'fr' }))).toBe('FORBIDDEN');

    const { rows } = await getAlignmentRows({ actor: editor, workId: work.workId, language: 'fr' });
    const expected = Object.fromEntries(rows.map((r) => [r.segmentId, r.revisionId]));
    const riga = rows.find((r) => r.source.startsWith('Ships came'));
    if (!riga) throw new Error('row missing');

    const shifted = await editAlignment({ actor: editor, workId: work.workId, language: 'fr', segmentId: riga.segmentId, operation: 'shiftDown', expected });
    const after = await getAlignmentRows({ actor: editor, workId: work.workId, language: 'fr' });
    expect(after.rows.find((r) => r.segmentId === riga.segmentId)?.text).toBe('Des navires vinrent de Riga.');
    expect(after.rows.find((r) => r.source.startsWith('The first captain'))?.text).toBe("D'autres vinrent de Tallinn. Le premier capitaine s'appelait Petrov.");
    expect(after.rows.find((r) => r.segmentId === riga.segmentId)?.alignScore).toBe(1);

    // The same edit again, based on what the editor saw before, is stale.
    expect(await errorCodeOf(editAlignment({ actor: editor, workId: work.workId, language: 'fr', segmentId: riga.segmentId, operation: 'shiftDown', expected }))).toBe('STALE_BASE');

    const revisions = await getDb().revision.findMany({ where: { segmentText: { segmentId: riga.segmentId, language: 'fr' } }, orderBy: { createdAt: 'asc' }, select: { origin: true, text: true, parentId: true } });
    expect(revisions.map((r) => r.origin)).toEqual(['ALIGN', 'ALIGN']);
    expect(revisions[1]?.parentId).not.toBeNull();

    await undoAlignmentEdit({ actor: editor, workId: work.workId, editId: shifted.editId });
    const undone = await getAlignmentRows({ actor: editor, workId: work.workId, language: 'fr' });
    expect(undone.rows.map((r) => [r.text, r.continuesPrevious])).toEqual(rows.map((r) => [r.text, r.continuesPrevious]));

    // Several steps back: two edits on overlapping rows, undone newest first.
    const fresh = await getAlignmentRows({ actor: editor, workId: work.workId, language: 'fr' });
    const freshExpected = () => Object.fromEntries(fresh.rows.map((r) => [r.segmentId, r.revisionId]));
    const captain = fresh.rows.find((r) => r.source.startsWith('The first captain'));
    const up = await editAlignment({ actor: editor, workId: work.workId, language: 'fr', segmentId: captain?.segmentId ?? '', operation: 'shiftUp', expected: freshExpected() });
    const between = await getAlignmentRows({ actor: editor, workId: work.workId, language: 'fr' });
    const down = await editAlignment({ actor: editor, workId: work.workId, language: 'fr', segmentId: riga.segmentId, operation: 'shiftDown', expected: Object.fromEntries(between.rows.map((r) => [r.segmentId, r.revisionId])) });
    await undoAlignmentEdit({ actor: editor, workId: work.workId, editId: down.editId });
    await undoAlignmentEdit({ actor: editor, workId: work.workId, editId: up.editId });
    const twiceUndone = await getAlignmentRows({ actor: editor, workId: work.workId, language: 'fr' });
    expect(twiceUndone.rows.map((r) => [r.text, r.continuesPrevious])).toEqual(rows.map((r) => [r.text, r.continuesPrevious]));

    const leastConfident = await getAlignmentRows({ actor: editor, workId: work.workId, language: 'fr', isLeastConfidentFirst: true });
    const scores = leastConfident.rows.map((r) => r.alignScore ?? 1);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it('refuses to undo from a damaged record of the change, and changes nothing', async () => {
    const { work } = await aligned();
    const { rows } = await getAlignmentRows({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr' });
    const riga = rows.find((r) => r.source.startsWith('Ships came'));
    if (!riga) throw new Error('row missing');
    const shifted = await editAlignment({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr', segmentId: riga.segmentId, operation: 'shiftDown', expected: Object.fromEntries(rows.map((r) => [r.segmentId, r.revisionId])) });
    const edited = await getAlignmentRows({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr' });
    const event = await getDb().auditEvent.findUniqueOrThrow({ where: { id: shifted.editId }, select: { type: true, data: true } });
    expect(event.type).toBe('alignment.edited');

    // A row's former state lost: replaying it would write a row from nothing.
    await getDb().auditEvent.update({ where: { id: shifted.editId }, data: { data: { language: 'fr', operation: 'shiftDown', segmentId: riga.segmentId, changes: [{ segmentId: riga.segmentId, after: { revisionId: null, continuesPrevious: false } }] } } });
    const undo = undoAlignmentEdit({ actor: SYSTEM_ACTOR, workId: work.workId, editId: shifted.editId });
    await expect(undo).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/record of this change is damaged/) });
    const after = await getAlignmentRows({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr' });
    expect(after.rows.map((r) => [r.text, r.continuesPrevious, r.revisionId])).toEqual(edited.rows.map((r) => [r.text, r.continuesPrevious, r.revisionId]));
    expect(await getDb().auditEvent.count({ where: { workId: work.workId, type: 'alignment.undone' } })).toBe(0);

    // The record as it was undoes as before.
    await getDb().auditEvent.update({ where: { id: shifted.editId }, data: { data: event.data ?? {} } });
    await undoAlignmentEdit({ actor: SYSTEM_ACTOR, workId: work.workId, editId: shifted.editId });
    const undone = await getAlignmentRows({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr' });
    expect(undone.rows.map((r) => [r.text, r.continuesPrevious])).toEqual(rows.map((r) => [r.text, r.continuesPrevious]));
  });

  it('re-runs the aligner on a range without adding or dropping a sentence', async () => {
    const { work } = await aligned();
    const { rows } = await getAlignmentRows({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr' });
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) throw new Error('rows missing');
    // Scramble by hand first, then let the aligner put it back.
    await editAlignment({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr', segmentId: rows[2]?.segmentId ?? '', operation: 'unlink', expected: Object.fromEntries(rows.map((r) => [r.segmentId, r.revisionId])) });
    await realignRange({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr', fromSegmentId: first.segmentId, toSegmentId: last.segmentId });
    const again = await getAlignmentRows({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr' });
    // Re-aligning a range that is already right changes no text, and is not an error.
    const unchanged = await realignRange({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr', fromSegmentId: first.segmentId, toSegmentId: last.segmentId });
    expect(unchanged.rows.every((r) => r.alignScore !== null)).toBe(true);
    const same = await getAlignmentRows({ actor: SYSTEM_ACTOR, workId: work.workId, language: 'fr' });
    expect(same.rows.map((r) => r.text)).toEqual(again.rows.map((r) => r.text));
    const words = (list: typeof rows) => list.map((r) => r.text ?? '').join(' ').split(/\s+/).filter(Boolean).sort();
    expect(words(again.rows)).toEqual(words(rows));
    expect(again.rows.find((r) => r.source.startsWith('Ships came'))?.text).toBe("Des navires vinrent de Riga. D'autres vinrent de Tallinn.");
  });
});
