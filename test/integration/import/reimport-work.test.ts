import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { POST as reimportRoute } from '../../../app/api/works/[workId]/reimport/route';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { getDb, withTransaction } from '../../../lib/db/client';
import { getLastCleanupChoice } from '../../../lib/import/get-cleanup-choice';
import { importVolume } from '../../../lib/import/import-volume';
import { importWork } from '../../../lib/import/import-work';
import { planReimport } from '../../../lib/import/plan-reimport';
import type { CleanupChoice } from '../../../lib/import/prepare-text';
import { applyReimportPlan, reimportWork } from '../../../lib/import/reimport-work';
import { getWorkProgress } from '../../../lib/progress/get-work-progress';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { getRevisionHistory } from '../../../lib/review/revision-history';
import { getStaleTranslations } from '../../../lib/review/stale-translations';
import { writeRevision } from '../../../lib/revision/write-revision';
import { errorCodeOf } from '../../helpers/errors';
import { readExport } from '../../helpers/export';
import { buildCollection, buildUser, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';
import { headedPages, scannedPages } from '../../helpers/scanned-pages';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

async function importText(text: string, cleanup: CleanupChoice, collectionId?: string) {
  const collection = collectionId ?? (await buildCollection()).id;
  return importWork({ actor: SYSTEM_ACTOR, file: { name: 'scan.txt', bytes: new TextEncoder().encode(text) }, collection: { id: collection }, metadata: { title: 'Bridges', language: 'en' }, cleanup });
}

async function sourceTexts(workId: string): Promise<{ id: string; kind: string; text: string | null; revisionId: string | null; origin: string | null; chunk: number; parentId: string | null }[]> {
  const segments = await getDb().segment.findMany({
    where: { workId },
    orderBy: { orderKey: 'asc' },
    select: { id: true, kind: true, chunk: true, parentId: true, texts: { where: { language: 'en' }, select: { publishedRevisionId: true, publishedRevision: { select: { text: true, origin: true } } } } },
  });
  return segments.map((segment) => ({
    id: segment.id,
    kind: segment.kind,
    chunk: segment.chunk,
    parentId: segment.parentId,
    text: segment.texts[0]?.publishedRevision?.text ?? null,
    revisionId: segment.texts[0]?.publishedRevisionId ?? null,
    origin: segment.texts[0]?.publishedRevision?.origin ?? null,
  }));
}

/** Publishes a text as a person would (an EDIT revision), compare-and-set on the current one. */
async function publishEdit(segmentId: string, language: string, text: string, expectedRevisionId: string | null, fields: { sourceRevisionId?: string | null } = {}) {
  return withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId, language, text, origin: 'EDIT', authorId: null, expectedRevisionId, fields }));
}

const HEADERS_ON: CleanupChoice = { rules: { 'running-headers': true } };
const HEADERS_OFF: CleanupChoice = { rules: { 'running-headers': false } };

describe('reimportWork', () => {
  let collectionId: string;
  let editor: Actor;
  let volunteer: Actor;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    const editorUser = await buildUser({ name: 'Eda Editor' });
    editor = await grantRole(editorUser.id, collectionId, 'EDITOR');
    volunteer = (await buildUser({ name: 'Vic Volunteer' })).actor;
  });

  it('turns a running header on: the sentences it was read into get CLEANUP revisions, history and translations follow, nothing is deleted', async () => {
    const { workId } = await importText(scannedPages(), HEADERS_OFF, collectionId);
    expect(await getLastCleanupChoice({ actor: editor, workId })).toMatchObject({ 'running-headers': false, 'line-joins': true });
    const before = await sourceTexts(workId);
    const withHeader = before.filter((segment) => segment.text?.includes('A HISTORY OF BRIDGES') || segment.text?.includes('THE STONE AGE'));
    expect(withHeader).toHaveLength(6);
    const translated = withHeader[1] as (typeof withHeader)[number];
    await publishEdit(translated.id, 'fr', 'La première arche…', null, { sourceRevisionId: translated.revisionId });
    expect(await getStaleTranslations({ actor: editor, workId, language: 'fr' })).toEqual([]);

    const summary = await reimportWork({ actor: editor, workId, rules: HEADERS_ON });
    expect(summary.counts).toMatchObject({ changed: 6, inserted: 0, unmatchedOld: 0, keptEdited: 0, conflicts: 0 });
    expect(summary.examples.changed[1]).toMatchObject({ segmentId: translated.id, before: expect.stringContaining('A HISTORY OF BRIDGES 12') as string, after: 'The first arch of bridge number 1 rose in the second summer, when the masters of bridge 2 had argued about the piers.' });

    const after = await sourceTexts(workId);
    expect(after.map((segment) => segment.id)).toEqual(before.map((segment) => segment.id));
    expect(after.filter((segment) => segment.text && /BRIDGES|STONE AGE/.test(segment.text))).toEqual([]);
    expect(after.filter((segment) => withHeader.some((changed) => changed.id === segment.id)).map((segment) => segment.origin)).toEqual(Array(6).fill('CLEANUP'));
    const history = await getRevisionHistory({ actor: editor, segmentId: translated.id, language: 'en' });
    expect(history.map((entry) => [entry.origin, entry.isPublished])).toEqual([['CLEANUP', true], ['IMPORT', false]]);
    expect(history[1]?.text).toBe(translated.text);
    const stale = await getStaleTranslations({ actor: editor, workId, language: 'fr' });
    expect(stale.map((entry) => entry.segmentId)).toEqual([translated.id]);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { workId, type: 'work.reimported' }, select: { data: true, actorId: true } });
    expect(audit.data).toMatchObject({ counts: { changed: 6 }, rules: HEADERS_ON });
    expect(await getLastCleanupChoice({ actor: editor, workId })).toMatchObject({ 'running-headers': true, 'line-joins': true });
    expect(await errorCodeOf(getLastCleanupChoice({ actor: volunteer, workId }))).toBe('FORBIDDEN');

    // Running it again with the same choices changes nothing more.
    expect((await reimportWork({ actor: editor, workId, rules: HEADERS_ON })).counts).toMatchObject({ changed: 0, inserted: 0, unmatchedOld: 0, unchanged: 19 });
  });

  it('turns a running header off: the headers come back as new segments in place; on again they are retired, off again restored', async () => {
    const { workId } = await importText(headedPages(), HEADERS_ON, collectionId);
    const before = await sourceTexts(workId);
    expect(before.some((segment) => segment.text?.includes('BRIDGES'))).toBe(false);

    const summary = await reimportWork({ actor: editor, workId, rules: HEADERS_OFF });
    expect(summary.counts).toMatchObject({ changed: 0, inserted: 6, unmatchedOld: 0 });
    const after = await sourceTexts(workId);
    const texts = after.flatMap((segment) => (segment.text ? [segment.text] : []));
    expect(texts.slice(0, 5)).toEqual(['11 THE STONE AGE', 'The river was wide and slow at the ford on page 1.', 'Builders came from the towns along the coast in year 1.', 'The piers of bridge 1 stood for three centuries.', 'A HISTORY OF BRIDGES 12']);
    expect(texts).toHaveLength(24);
    // Every existing segment is still there, in the same order, and joined by the new ones.
    expect(after.map((segment) => segment.id).filter((id) => before.some((old) => old.id === id))).toEqual(before.map((segment) => segment.id));
    const headings = after.filter((segment) => segment.text?.match(/BRIDGES|STONE AGE/));
    expect(headings.map((segment) => [segment.kind, segment.origin, segment.chunk])).toEqual(Array(6).fill(['HEADING', 'IMPORT', 0]));
    // Sentences keep their paragraphs: every sentence's paragraph comes before it.
    const position = new Map(after.map((segment, index) => [segment.id, index]));
    for (const [index, segment] of after.entries()) if (segment.parentId) expect(position.get(segment.parentId)).toBeLessThan(index);

    // On again: the headers are retired — out of the reader, the export and the progress, their history kept.
    const dry = await reimportWork({ actor: editor, workId, rules: HEADERS_ON, dryRun: true });
    expect(dry.counts).toMatchObject({ retired: 6, restored: 0, unmatchedOld: 0 });
    expect(await getDb().segment.count({ where: { workId, retiredAt: { not: null } } })).toBe(0);
    const back = await reimportWork({ actor: editor, workId, rules: HEADERS_ON });
    expect(back.counts).toMatchObject({ changed: 0, inserted: 0, retired: 6, restored: 0, unmatchedOld: 0 });
    expect(back.examples.retired.map((example) => example.segmentId)).toEqual(headings.map((segment) => segment.id));
    expect(await getDb().segment.count({ where: { workId } })).toBe(after.length);
    const readerTexts = async () => (await getSegmentWindow({ actor: ANONYMOUS, workId, languages: ['en'] })).segments.flatMap((segment) => (segment.texts.en?.text ? [segment.texts.en.text] : []));
    expect(await readerTexts()).toEqual(before.flatMap((segment) => (segment.text ? [segment.text] : [])));
    const exported = (await readExport(editor, workId)).segments;
    expect(exported.map((line) => line.id)).toEqual(before.map((segment) => segment.id));
    expect((await getWorkProgress({ actor: editor, workId })).total).toBe(18);
    const history = await getRevisionHistory({ actor: editor, segmentId: headings[0]?.id as string, language: 'en' });
    expect(history.map((entry) => [entry.text, entry.isPublished])).toEqual([['11 THE STONE AGE', true]]);
    // A retired heading takes no suggestion.
    const retiredHeading = headings[0] as (typeof headings)[number];
    expect(await errorCodeOf(createSuggestion({ actor: editor, input: { segmentId: retiredHeading.id, language: 'en', text: '11 The Stone Age', baseRevisionId: retiredHeading.revisionId } }))).toBe('CONFLICT');
    // A link to a retired heading opens the reader where it stood.
    const around = await getSegmentWindow({ actor: ANONYMOUS, workId, languages: ['en'], around: headings[1]?.id as string });
    expect(around.segments.some((segment) => segment.texts.en?.text === 'The river was wide and slow at the ford on page 2.')).toBe(true);

    // Off again: the same segments come back, no duplicates.
    const restored = await reimportWork({ actor: editor, workId, rules: HEADERS_OFF });
    expect(restored.counts).toMatchObject({ changed: 0, inserted: 0, retired: 0, restored: 6 });
    expect(await getDb().segment.count({ where: { workId } })).toBe(after.length);
    expect(await readerTexts()).toEqual(texts);
    expect((await getWorkProgress({ actor: editor, workId })).total).toBe(24);
  });

  it('retires no text that people edited: a corrected header without a counterpart stays and is reported', async () => {
    const { workId } = await importText(headedPages(), HEADERS_OFF, collectionId);
    const headers = (await sourceTexts(workId)).filter((segment) => segment.text && /BRIDGES|STONE AGE/.test(segment.text));
    const [corrected] = headers as [(typeof headers)[number]];
    await publishEdit(corrected.id, 'en', 'The Stone Age, page 11', corrected.revisionId);
    const summary = await reimportWork({ actor: editor, workId, rules: HEADERS_ON });
    expect(summary.counts).toMatchObject({ retired: 5, unmatchedOld: 1 });
    expect(summary.unmatchedOldSegmentIds).toEqual([corrected.id]);
    const shown = (await getSegmentWindow({ actor: ANONYMOUS, workId, languages: ['en'] })).segments.map((segment) => segment.texts.en?.text);
    expect(shown).toContain('The Stone Age, page 11');
    expect(shown.some((text) => text?.includes('BRIDGES'))).toBe(false);
  });

  it('retires no header a translation grouped over several segments begins on', async () => {
    const { workId } = await importText(headedPages(), HEADERS_OFF, collectionId);
    const texts = await sourceTexts(workId);
    const headerIndex = texts.findIndex((segment) => segment.text === 'A HISTORY OF BRIDGES 12');
    const header = texts[headerIndex] as (typeof texts)[number];
    const next = texts.slice(headerIndex + 1).find((segment) => segment.text !== null) as (typeof texts)[number];
    // One French sentence covers the header and the sentence after it: stored on the header.
    await publishEdit(header.id, 'fr', 'Le fleuve était large et lent au gué de la page 2.', null);
    await getDb().segmentText.create({ data: { segmentId: next.id, language: 'fr', status: 'APPROVED', continuesPrevious: true } });
    const summary = await reimportWork({ actor: editor, workId, rules: HEADERS_ON });
    expect(summary.counts).toMatchObject({ retired: 5, unmatchedOld: 1 });
    expect(summary.unmatchedOldSegmentIds).toEqual([header.id]);
  });

  it('keeps texts edited since the import, reports a concurrent change as a conflict, and a dry run writes nothing', async () => {
    const { workId } = await importText(scannedPages(), HEADERS_OFF, collectionId);
    const withHeader = (await sourceTexts(workId)).filter((segment) => segment.text && /BRIDGES|STONE AGE/.test(segment.text));
    const [edited, raced] = withHeader as [(typeof withHeader)[number], (typeof withHeader)[number]];
    await publishEdit(edited.id, 'en', `${edited.text as string} (checked)`, edited.revisionId);

    const revisionsBefore = await getDb().revision.count({ where: { segmentText: { segment: { workId } } } });
    const dry = await reimportWork({ actor: editor, workId, rules: HEADERS_ON, dryRun: true });
    expect(dry.isDryRun).toBe(true);
    expect(dry.counts).toMatchObject({ changed: 5, keptEdited: 1, conflicts: 0 });
    expect(dry.examples.keptEdited).toEqual([{ segmentId: edited.id, current: `${edited.text as string} (checked)`, proposed: expect.not.stringContaining('STONE AGE') as string }]);
    expect(await getDb().revision.count({ where: { segmentText: { segment: { workId } } } })).toBe(revisionsBefore);
    expect(await getDb().auditEvent.count({ where: { workId, type: 'work.reimported' } })).toBe(0);

    // Someone publishes a correction after the plan was made: it is not overwritten.
    const plan = await planReimport({ actor: editor, workId, rules: HEADERS_ON });
    await publishEdit(raced.id, 'en', 'A correction made meanwhile.', raced.revisionId);
    const summary = await applyReimportPlan({ actor: editor, plan });
    expect(summary.counts).toMatchObject({ changed: 4, keptEdited: 1, conflicts: 1 });
    expect(summary.examples.conflicts.map((conflict) => conflict.segmentId)).toEqual([raced.id]);
    const after = new Map((await sourceTexts(workId)).map((segment) => [segment.id, segment]));
    expect(after.get(raced.id)).toMatchObject({ text: 'A correction made meanwhile.', origin: 'EDIT' });
    expect(after.get(edited.id)).toMatchObject({ text: `${edited.text as string} (checked)`, origin: 'EDIT' });
  });

  it('turns speaker turns on: the paragraphs get their speakers; the names, sentences of their own before, are retired', async () => {
    const lines = ['Anna. Did the bridge stand through the winter?', 'Boris. It stood, though the river rose high.', 'Anna. And the piers held?', 'Boris. They held. The masters had built them well.', 'Anna. Then we can build the next one.', 'Boris. In the spring.'];
    const { workId } = await importText(`${lines.join('\n\n')}\n`, { rules: { 'speaker-turns': false } }, collectionId);
    const summary = await reimportWork({ actor: editor, workId, rules: { rules: { 'speaker-turns': true } } });
    expect(summary.counts).toMatchObject({ changed: 0, layoutsChanged: 6, inserted: 0, retired: 6, unmatchedOld: 0 });
    expect(summary.examples.retired.map((example) => example.text)).toEqual(['Anna.', 'Boris.', 'Anna.', 'Boris.', 'Anna.', 'Boris.']);
    const paragraphs = await getDb().segment.findMany({ where: { workId, kind: 'PARAGRAPH' }, orderBy: { orderKey: 'asc' }, select: { style: true, speaker: true } });
    expect(paragraphs.map((paragraph) => paragraph.speaker)).toEqual(['Anna', 'Boris', 'Anna', 'Boris', 'Anna', 'Boris']);
    expect(paragraphs.every((paragraph) => paragraph.style === 'SPEAKER_TURN')).toBe(true);
    const texts = (await getSegmentWindow({ actor: ANONYMOUS, workId, languages: ['en'] })).segments.flatMap((segment) => (segment.texts.en?.text ? [segment.texts.en.text] : []));
    expect(texts.slice(0, 3)).toEqual(['Did the bridge stand through the winter?', 'It stood, though the river rose high.', 'And the piers held?']);
  });

  it('is for editors of the work’s collection', async () => {
    const { workId } = await importText(scannedPages(), HEADERS_OFF, collectionId);
    expect(await errorCodeOf(reimportWork({ actor: volunteer, workId, rules: HEADERS_ON, dryRun: true }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(reimportWork({ actor: ANONYMOUS, workId, rules: HEADERS_ON }))).toBe('UNAUTHENTICATED');
    const otherEditor = await grantRole((await buildUser()).id, (await buildCollection()).id, 'EDITOR');
    expect(await errorCodeOf(reimportWork({ actor: otherEditor, workId, rules: HEADERS_ON }))).toBe('FORBIDDEN');
    expect(await errorCodeOf(reimportWork({ actor: editor, workId: '01900000-0000-7000-8000-000000000000', rules: HEADERS_ON }))).toBe('NOT_FOUND');
    expect(await getDb().auditEvent.count({ where: { workId, type: 'work.reimported' } })).toBe(0);
  });

  it('re-imports the OCR volume with de-hyphenation turned on: words rejoined as CLEANUP revisions, nothing left unmatched', async () => {
    const file = 'stalin-works-vol8-ocr.en.txt';
    const bytes = await readFile(path.join(CORPUS, file));
    const { workId } = await importWork({ actor: SYSTEM_ACTOR, file: { name: file, bytes }, collection: { id: collectionId }, metadata: { title: 'Volume', language: 'en' }, cleanup: { rules: { dehyphenation: false } } });
    const segmentsBefore = await getDb().segment.count({ where: { workId } });
    const textsBefore = (await sourceTexts(workId)).flatMap((segment) => (segment.text ? [segment.text] : []));

    const summary = await reimportWork({ actor: editor, workId, rules: { rules: { dehyphenation: true } } });
    // Most changes are in place; where a rejoined word moves a sentence break, the sentence split
    // off is inserted after its old segment, its words all from the text as first imported.
    expect(summary.counts.changed).toBeGreaterThan(40);
    expect(summary.counts).toMatchObject({ unmatchedOld: 0, keptEdited: 0, conflicts: 0 });
    expect(summary.counts.inserted).toBeLessThan(summary.counts.changed / 4);
    for (const example of summary.examples.inserted) expect(textsBefore.some((text) => text.includes(example.text.slice(0, 12)))).toBe(true);
    for (const example of summary.examples.changed) expect(example.after.replace(/\s/g, '').length).toBeLessThanOrEqual(example.before.replace(/\s/g, '').length);
    expect(await getDb().segment.count({ where: { workId } })).toBeGreaterThanOrEqual(segmentsBefore + summary.counts.inserted);
    expect(await getDb().revision.count({ where: { origin: 'CLEANUP', segmentText: { segment: { workId } } } })).toBe(summary.counts.changed);
    // A sentence split off joins the paragraph of the sentence it came from, right after it, or
    // comes with a new paragraph of its own (a quotation now found after its introduction).
    const after = await sourceTexts(workId);
    const position = new Map(after.map((segment, index) => [segment.id, index]));
    for (const example of summary.examples.inserted) {
      const index = after.findIndex((segment) => segment.text === example.text && !textsBefore.includes(example.text));
      const previous = after[position.get(example.afterSegmentId as string) as number];
      expect(index, example.text).toBeGreaterThan(0);
      const parentId = after[index]?.parentId;
      if (previous?.kind === 'SENTENCE' && parentId !== previous.parentId) expect(after[index - 1]?.id).toBe(parentId);
    }
    for (const [index, segment] of after.entries()) {
      if (segment.kind === 'SENTENCE') expect(position.get(segment.parentId as string)).toBeLessThan(index);
    }
  }, 60_000);
});

describe('re-importing a work with asterisk notes', () => {
  it('links each changed sentence’s star to the note of its own page, though every note is labelled `*`', async () => {
    const text = [
      'The delegates argued about the harvest of that year in the great hall of the',
      'old school, and the chairman said that they had all skipped over* the recon-',
      'struction of the mills, which had to be done before the winter came at last.',
      '* My italics.',
      '',
      'The second page tells of the reports of the “whole year”* and of the rest of',
      'the work that was still to be done in the years to come by all of them toge-',
      'ther, in the hall of the old school where the delegates met every winter.',
      '* Our italics.',
    ].join('\n');
    const { workId } = await importText(text, { rules: { dehyphenation: false } });
    const collectionId = (await getDb().work.findUniqueOrThrow({ where: { id: workId }, select: { collectionId: true } })).collectionId;
    const editor = await grantRole((await buildUser()).id, collectionId, 'EDITOR');
    const linked = async () =>
      (await getDb().footnoteRef.findMany({ where: { segment: { workId } }, orderBy: { segment: { orderKey: 'asc' } }, select: { label: true, footnote: { select: { label: true, texts: { select: { publishedRevision: { select: { text: true } } } } } } } })).map((ref) => [ref.label, ref.footnote.texts[0]?.publishedRevision?.text]);
    expect(await linked()).toEqual([
      ['*', 'My italics.'],
      ['*', 'Our italics.'],
    ]);
    const summary = await reimportWork({ actor: editor, workId, rules: { rules: { dehyphenation: true } } });
    expect(summary.counts.changed).toBe(2);
    expect(await linked()).toEqual([
      ['*', 'My italics.'],
      ['*', 'Our italics.'],
    ]);
  });
});

describe('re-importing a work split from a volume', () => {
  it('prepares the volume again and takes the work’s own part, leaving the other works alone', async () => {
    const collection = await buildCollection();
    const bytes = await readFile(path.join(CORPUS, 'stalin-works-vol8-ocr.en.txt'));
    const volume = await importVolume({ actor: SYSTEM_ACTOR, file: { name: 'vol8.txt', bytes }, collection: { id: collection.id }, metadata: { title: 'Works, Volume 8', language: 'en' }, cleanup: { rules: { dehyphenation: false } } });
    const works = volume.works.filter((work) => work.kind === 'work');
    // A work that is not the first: the volume's upload is kept on the first work only.
    const target = works[2] as (typeof works)[number];
    const editorUser = await buildUser();
    const editor = await grantRole(editorUser.id, collection.id, 'EDITOR');

    const preview = await reimportWork({ actor: editor, workId: target.workId, rules: { rules: { dehyphenation: false } }, dryRun: true });
    // The same choices as the import: the part is found and nothing would change.
    expect(preview.counts).toMatchObject({ changed: 0, inserted: 0, unmatchedOld: 0, conflicts: 0 });

    const summary = await reimportWork({ actor: editor, workId: target.workId, rules: { rules: { dehyphenation: true } } });
    expect(summary.counts.changed).toBeGreaterThan(0);
    expect(summary.counts).toMatchObject({ unmatchedOld: 0, conflicts: 0 });
    const cleanups = await getDb().revision.groupBy({ by: ['segmentTextId'], where: { origin: 'CLEANUP', segmentText: { segment: { work: { collectionId: collection.id } } } }, _count: { _all: true } });
    const changedWorks = await getDb().segmentText.findMany({ where: { id: { in: cleanups.map((row) => row.segmentTextId) } }, select: { segment: { select: { workId: true } } } });
    expect(new Set(changedWorks.map((text) => text.segment.workId))).toEqual(new Set([target.workId]));
  }, 90_000);
});

describe('POST /api/works/[workId]/reimport', () => {
  it('refuses the signed-out and volunteers, and runs a dry run or the re-import for an editor', async () => {
    const collection = await buildCollection();
    const { workId } = await importText(scannedPages(), HEADERS_OFF, collection.id);
    const call = (body: unknown, cookie?: string) =>
      callRoute(reimportRoute, `/api/works/${workId}/reimport`, { params: { workId }, cookie, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } });
    const body = { cleanup: HEADERS_ON, dryRun: true };

    expect((await call(body)).status).toBe(401);
    const volunteer = await buildUser();
    expect((await call(body, await sessionCookie(volunteer.id))).status).toBe(403);
    const editorUser = await buildUser();
    await grantRole(editorUser.id, collection.id, 'EDITOR');
    const cookie = await sessionCookie(editorUser.id);
    expect((await call({ cleanup: { rules: { 'no-such-rule': true } } }, cookie)).status).toBe(422);

    const dry = await call(body, cookie);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ isDryRun: true, counts: { changed: 6 } });
    const applied = await call({ cleanup: HEADERS_ON }, cookie);
    expect(applied.status).toBe(201);
    expect(await applied.json()).toMatchObject({ isDryRun: false, counts: { changed: 6, conflicts: 0 } });
    expect(await getDb().revision.count({ where: { origin: 'CLEANUP', segmentText: { segment: { workId } } } })).toBe(6);
  });
});
