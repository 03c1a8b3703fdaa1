import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { getAlignmentRows } from '../../../lib/align/get-alignment-rows';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { collabDocumentName } from '../../../lib/collab/document-name';
import { entryText, getSegmentEntry, replaceText, seedEntryUpdate } from '../../../lib/collab/segment-doc';
import { REPORT_MIN_FILL_MS } from '../../../lib/config/limits';
import { getDb, withTransaction } from '../../../lib/db/client';
import { getEditorPage } from '../../../lib/editor/get-editor-page';
import { importWork } from '../../../lib/import/import-work';
import { planReimport } from '../../../lib/import/plan-reimport';
import type { CleanupChoice } from '../../../lib/import/prepare-text';
import { applyReimportPlan, reimportWork } from '../../../lib/import/reimport-work';
import { getWorkProgress } from '../../../lib/progress/get-work-progress';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import { locateSegment } from '../../../lib/reader/locate-segment';
import { createReport } from '../../../lib/report/create-report';
import { issueReportFormToken } from '../../../lib/report/report-secrets';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion } from '../../../lib/review/decide-suggestion';
import { getReviewQueue } from '../../../lib/review/review-queue';
import { getRevisionHistory, revertToRevision } from '../../../lib/review/revision-history';
import { getStaleTranslations } from '../../../lib/review/stale-translations';
import { submitDoneDrafts } from '../../../lib/review/submit-drafts';
import { writeRevision } from '../../../lib/revision/write-revision';
import { addTranslationBySegmentOrder } from '../../../lib/segment/add-translation-by-segment-order';
import { errorCodeOf } from '../../helpers/errors';
import { readExport } from '../../helpers/export';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
/** A scraped web page: navigation above and below the article, which the web-boilerplate rule drops. */
const WEB_PAGE = 'razlatzky-notes-in-the-margins.en.txt';
const BOILERPLATE_OFF: CleanupChoice = { rules: { 'web-boilerplate': false } };
const BOILERPLATE_ON: CleanupChoice = { rules: { 'web-boilerplate': true } };

interface StoredSegment {
  id: string;
  kind: string;
  parentId: string | null;
  isRetired: boolean;
  text: string | null;
  revisionId: string | null;
}

async function segmentsOf(workId: string): Promise<StoredSegment[]> {
  const rows = await getDb().segment.findMany({
    where: { workId },
    orderBy: { orderKey: 'asc' },
    select: { id: true, kind: true, parentId: true, retiredAt: true, texts: { where: { language: 'en' }, select: { publishedRevisionId: true, publishedRevision: { select: { text: true } } } } },
  });
  return rows.map((row) => ({ id: row.id, kind: row.kind, parentId: row.parentId, isRetired: row.retiredAt !== null, text: row.texts[0]?.publishedRevision?.text ?? null, revisionId: row.texts[0]?.publishedRevisionId ?? null }));
}

/** Every segment the reader shows, window after window. */
async function readWhole(workId: string): Promise<{ id: string; kind: string; text: string | null }[]> {
  const shown: { id: string; kind: string; text: string | null }[] = [];
  let after: string | undefined;
  for (;;) {
    const window = await getSegmentWindow({ actor: ANONYMOUS, workId, languages: ['en'], after });
    shown.push(...window.segments.map((segment) => ({ id: segment.id, kind: segment.kind, text: segment.texts.en?.text ?? null })));
    if (!window.hasAfter) return shown;
    after = window.segments.at(-1)?.orderKey;
  }
}

async function exportedIds(workId: string): Promise<string[]> {
  return (await readExport(SYSTEM_ACTOR, workId)).segments.map((segment) => segment.id);
}

/** Publishes a text as a person would (an EDIT revision), compare-and-set on the current one. */
async function publishEdit(segmentId: string, language: string, text: string, expectedRevisionId: string | null, fields: { sourceRevisionId?: string | null } = {}) {
  return withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId, language, text, origin: 'EDIT', authorId: null, expectedRevisionId, fields }));
}

const lastReimportCounts = async (workId: string) =>
  ((await getDb().auditEvent.findFirstOrThrow({ where: { workId, type: 'work.reimported' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { data: true } })).data as { counts: Record<string, number> }).counts;

describe('re-import retires what a cleanup removes and restores it when a later run has it again', () => {
  let collectionId: string;
  let editor: Actor;
  let bytes: Buffer;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    editor = await grantRole((await buildUser()).id, collectionId, 'EDITOR');
    bytes = await readFile(path.join(CORPUS, WEB_PAGE));
  });

  const importPage = async (cleanup: CleanupChoice) =>
    (await importWork({ actor: SYSTEM_ACTOR, file: { name: WEB_PAGE, bytes }, collection: { id: collectionId }, metadata: { title: 'Notes in the Margins', language: 'en' }, cleanup })).workId;

  it('on a web page: the navigation, whole paragraphs of it, is retired and out of every view; off again the same segments come back', async () => {
    const workId = await importPage(BOILERPLATE_OFF);
    // What an import with the rule on shows: the re-imported work must read the same.
    const cleanWorkId = await importPage(BOILERPLATE_ON);
    const imported = await segmentsOf(workId);
    const shownAtImport = await readWhole(workId);
    const navigation = imported.find((segment) => segment.text === 'LONG LIVE PROLETARISM!') as StoredSegment;
    await publishEdit(navigation.id, 'fr', 'VIVE LE PROLÉTARISME !', null);
    const revisionCount = () => getDb().revision.count({ where: { segmentText: { segment: { workId } } } });
    const revisionsBefore = await revisionCount();

    const dry = await reimportWork({ actor: editor, workId, rules: BOILERPLATE_ON, dryRun: true });
    expect(dry.counts).toMatchObject({ retired: 13, restored: 0, changed: 0, inserted: 0, unmatchedOld: 0 });
    expect(await getDb().segment.count({ where: { workId, retiredAt: { not: null } } })).toBe(0);

    const summary = await reimportWork({ actor: editor, workId, rules: BOILERPLATE_ON });
    expect(summary.counts).toMatchObject({ retired: 13, restored: 0, changed: 0, inserted: 0, unmatchedOld: 0, conflicts: 0 });
    expect(summary.examples.retired[0]).toEqual({ segmentId: navigation.id, text: 'LONG LIVE PROLETARISM!' });
    expect(await lastReimportCounts(workId)).toMatchObject({ retired: 13, restored: 0 });

    // Nothing is deleted; a paragraph is retired exactly when all its sentences are.
    const retiredState = await segmentsOf(workId);
    expect(retiredState.map((segment) => segment.id)).toEqual(imported.map((segment) => segment.id));
    expect(retiredState.filter((segment) => segment.kind !== 'PARAGRAPH' && segment.isRetired)).toHaveLength(13);
    for (const paragraph of retiredState.filter((segment) => segment.kind === 'PARAGRAPH')) {
      expect(paragraph.isRetired).toBe(retiredState.filter((segment) => segment.parentId === paragraph.id).every((sentence) => sentence.isRetired));
    }
    expect(retiredState.filter((segment) => segment.kind === 'PARAGRAPH' && segment.isRetired)).toHaveLength(5);
    expect(await revisionCount()).toBe(revisionsBefore);
    const translation = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: navigation.id, language: 'fr' } }, select: { publishedRevision: { select: { text: true } } } });
    expect(translation.publishedRevision?.text).toBe('VIVE LE PROLÉTARISME !');

    // The reader, the export, progress and the editor show what an import with the rule on shows.
    const live = retiredState.filter((segment) => !segment.isRetired);
    const strip = (shown: { kind: string; text: string | null }[]) => shown.map(({ kind, text }) => [kind, text]);
    expect(strip(await readWhole(workId))).toEqual(strip(await readWhole(cleanWorkId)));
    expect(await exportedIds(workId)).toEqual(live.map((segment) => segment.id));
    const total = (await getWorkProgress({ actor: editor, workId })).total;
    expect(total).toBe((await getWorkProgress({ actor: editor, workId: cleanWorkId })).total);
    expect(total).toBe(live.filter((segment) => segment.kind !== 'PARAGRAPH').length);
    const editorPage = await getEditorPage({ actor: editor, workId, language: 'en' });
    expect(editorPage.chunkSizes.reduce((sum, size) => sum + size, 0)).toBe(total);
    const editorRows = editorPage.initialChunks.flatMap((chunk) => chunk.rows);
    expect(editorRows.length).toBeGreaterThan(0);
    expect(editorRows.every((row) => live.some((segment) => segment.id === row.segmentId))).toBe(true);
    expect((await getRevisionHistory({ actor: editor, segmentId: navigation.id, language: 'en' })).map((entry) => [entry.text, entry.isPublished])).toEqual([['LONG LIVE PROLETARISM!', true]]);

    // The same choices again change nothing.
    expect((await reimportWork({ actor: editor, workId, rules: BOILERPLATE_ON })).counts).toMatchObject({ retired: 0, restored: 0, changed: 0, inserted: 0 });

    // Off again: a dry run reports the restoration and writes nothing.
    const undo = await reimportWork({ actor: editor, workId, rules: BOILERPLATE_OFF, dryRun: true });
    expect(undo.counts).toMatchObject({ restored: 13, retired: 0, changed: 0, inserted: 0 });
    expect(undo.examples.restored[0]).toEqual({ segmentId: navigation.id, text: 'LONG LIVE PROLETARISM!' });
    expect(await getDb().segment.count({ where: { workId, retiredAt: { not: null } } })).toBe(18);

    const retiredIds = retiredState.filter((segment) => segment.isRetired).map((segment) => segment.id);
    const queued = () => getDb().collabOutbox.count({ where: { segmentId: { in: retiredIds } } });
    const queuedBefore = await queued();
    const restored = await reimportWork({ actor: editor, workId, rules: BOILERPLATE_OFF });
    expect(restored.counts).toMatchObject({ restored: 13, retired: 0, changed: 0, inserted: 0, unmatchedOld: 0 });
    expect(await lastReimportCounts(workId)).toMatchObject({ retired: 0, restored: 13 });
    // The same segments, not duplicates: the work is as first imported, its texts unchanged.
    expect(await segmentsOf(workId)).toEqual(imported);
    expect(await readWhole(workId)).toEqual(shownAtImport);
    expect(await revisionCount()).toBe(revisionsBefore);
    // Live co-editing documents are told about the texts back in view (13 source texts, 1 translation).
    expect((await queued()) - queuedBefore).toBe(14);
  }, 60_000);

  it('retires no sentence edited after the plan was made, nor its paragraph', async () => {
    const workId = await importPage(BOILERPLATE_OFF);
    const navigation = (await segmentsOf(workId)).find((segment) => segment.text === 'LONG LIVE PROLETARISM!') as StoredSegment;
    const plan = await planReimport({ actor: editor, workId, rules: BOILERPLATE_ON });
    expect(plan.paragraphs.retired).toContain(navigation.parentId);

    await publishEdit(navigation.id, 'en', 'Long live proletarism!', navigation.revisionId);
    const summary = await applyReimportPlan({ actor: editor, plan });
    expect(summary.counts.retired).toBe(12);
    expect(summary.examples.retired.map((example) => example.segmentId)).not.toContain(navigation.id);
    const after = await segmentsOf(workId);
    const paragraph = after.filter((segment) => segment.parentId === navigation.parentId);
    expect(paragraph.map((sentence) => [sentence.text, sentence.isRetired])).toEqual([
      ['Long live proletarism!', false],
      [expect.stringContaining('RussianEnglishFrenchSpanish') as unknown as string, true],
      ['All Power to Strike Committees!', true],
    ]);
    expect(after.find((segment) => segment.id === navigation.parentId)?.isRetired).toBe(false);
    expect((await readWhole(workId)).map((segment) => segment.text)).toContain('Long live proletarism!');
  }, 60_000);

  it('restores a retired text the new choices read differently with a CLEANUP revision', async () => {
    const pages: string[] = [];
    for (let page = 1; page <= 6; page++) {
      const header = page % 2 === 0 ? `A HISTORY OF B R I D G E S ${page + 10}` : `${page + 10} THE STONE AGE`;
      pages.push([header, `The river was wide and slow at the ford on page ${page}.`, `Builders came from the towns along the coast in year ${page}.`, '', `The piers of bridge ${page} stood for three centuries, the bridges.`].join('\n'));
    }
    const { workId } = await importWork({ actor: SYSTEM_ACTOR, file: { name: 'scan.txt', bytes: new TextEncoder().encode(pages.join('\n\n')) }, collection: { id: collectionId }, metadata: { title: 'Bridges', language: 'en' }, cleanup: { rules: { 'running-headers': false, 'letter-spacing': false } } });
    const imported = await segmentsOf(workId);
    const headers = imported.filter((segment) => segment.kind === 'HEADING');
    expect(headers.map((segment) => segment.text)).toEqual(['11 THE STONE AGE', 'A HISTORY OF B R I D G E S 12', '13 THE STONE AGE', 'A HISTORY OF B R I D G E S 14', '15 THE STONE AGE', 'A HISTORY OF B R I D G E S 16']);

    expect((await reimportWork({ actor: editor, workId, rules: { rules: { 'running-headers': true } } })).counts).toMatchObject({ retired: 6, changed: 0 });
    const summary = await reimportWork({ actor: editor, workId, rules: { rules: { 'running-headers': false, 'letter-spacing': true } } });
    expect(summary.counts).toMatchObject({ restored: 6, changed: 3, inserted: 0, retired: 0 });
    expect(summary.examples.changed[0]).toEqual({ segmentId: headers[1]?.id, before: 'A HISTORY OF B R I D G E S 12', after: 'A HISTORY OF BRIDGES 12' });

    const after = await segmentsOf(workId);
    expect(after.map((segment) => segment.id)).toEqual(imported.map((segment) => segment.id));
    expect(after.filter((segment) => segment.kind === 'HEADING').map((segment) => [segment.text, segment.isRetired])).toEqual([
      ['11 THE STONE AGE', false], ['A HISTORY OF BRIDGES 12', false], ['13 THE STONE AGE', false], ['A HISTORY OF BRIDGES 14', false], ['15 THE STONE AGE', false], ['A HISTORY OF BRIDGES 16', false],
    ]);
    const history = await getRevisionHistory({ actor: editor, segmentId: headers[1]?.id as string, language: 'en' });
    expect(history.map((entry) => [entry.origin, entry.text, entry.isPublished])).toEqual([['CLEANUP', 'A HISTORY OF BRIDGES 12', true], ['IMPORT', 'A HISTORY OF B R I D G E S 12', false]]);
  });
});

describe('a retired segment is out of sight of readers, editors and reviewers', () => {
  const TEXT = '# Bridges\n\nThe first sentence.[^1] The second sentence.\n\nThe third sentence. The fourth sentence.\n\n[^1]: The note on the first sentence.\n';
  const FRENCH = '# Ponts\n\nLa première phrase. La deuxième phrase.\n\nLa troisième phrase. La quatrième phrase.\n\n[^1]: La note sur la première phrase.\n';
  let workId: string;
  let collectionId: string;
  let editor: Actor;
  let volunteer: { id: string; actor: Actor };
  let ids: { heading: string; first: string; second: string; third: string; fourth: string; note: string };
  let pendingOnSecond: string;

  beforeAll(async () => {
    collectionId = (await buildCollection()).id;
    editor = await grantRole((await buildUser()).id, collectionId, 'EDITOR');
    volunteer = await buildUser();
    workId = (await buildWork({ text: TEXT, collectionId })).workId;
    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId, language: 'fr', text: FRENCH, format: 'md' });
    // The translation was made against the sources as imported.
    await getDb().$executeRaw`
      UPDATE segment_text t SET source_revision_id = src.published_revision_id
        FROM segment_text src, segment s
       WHERE s.work_id = ${workId}::uuid AND t.segment_id = s.id AND t.language = 'fr' AND src.segment_id = s.id AND src.language = 'en'`;
    const segments = (await segmentsOf(workId)).filter((segment) => segment.kind !== 'PARAGRAPH');
    expect(segments.map((segment) => segment.kind)).toEqual(['HEADING', 'SENTENCE', 'SENTENCE', 'SENTENCE', 'SENTENCE', 'FOOTNOTE']);
    const [heading, first, second, third, fourth, note] = segments.map((segment) => segment.id) as [string, string, string, string, string, string];
    ids = { heading, first, second, third, fourth, note };
    // Before the retirement: the second and third sources are corrected (their translations turn
    // stale), a suggestion waits on the second, and drafts of the second and fourth are marked done.
    for (const id of [second, third]) {
      const source = segments.find((segment) => segment.id === id) as StoredSegment;
      await publishEdit(id, 'en', `${source.text as string} Corrected.`, source.revisionId);
    }
    pendingOnSecond = (await createSuggestion({ actor: volunteer.actor, input: { segmentId: second, language: 'fr', text: 'La deuxième phrase, revue.', baseRevisionId: (await publishedRevisionId(second, 'fr')) } })).suggestionId;
    await createSuggestion({ actor: volunteer.actor, input: { segmentId: third, language: 'fr', text: 'La troisième phrase, revue.', baseRevisionId: (await publishedRevisionId(third, 'fr')) } });
    await storeDoneDrafts(workId, 'fr', [
      { segmentId: second, base: await publishedRevisionId(second, 'fr'), text: 'La deuxième phrase.', draft: 'La deuxième phrase, brouillon.' },
      { segmentId: fourth, base: await publishedRevisionId(fourth, 'fr'), text: 'La quatrième phrase.', draft: 'La quatrième phrase, brouillon.' },
    ]);
    expect((await getSegmentWindow({ actor: ANONYMOUS, workId, languages: ['en'] })).segments.find((segment) => segment.id === first)?.footnoteRefs).toHaveLength(1);

    // Retired as a re-import retires them: the flag alone, everything else kept.
    await getDb().segment.updateMany({ where: { id: { in: [second, note] } }, data: { retiredAt: new Date() } });
  });

  it('leaves them out of the reader, its footnote markers and the export; a permalink says the passage was removed', async () => {
    const window = await getSegmentWindow({ actor: ANONYMOUS, workId, languages: ['en', 'fr'] });
    const shown = window.segments.filter((segment) => segment.kind !== 'PARAGRAPH').map((segment) => segment.id);
    expect(shown).toEqual([ids.heading, ids.first, ids.third, ids.fourth]);
    // The note is retired: its marker is not left dangling in the sentence that referred to it.
    expect(window.segments.find((segment) => segment.id === ids.first)?.footnoteRefs).toEqual([]);
    expect((await exportedIds(workId)).filter((id) => Object.values(ids).includes(id))).toEqual([ids.heading, ids.first, ids.third, ids.fourth]);
    expect(await locateSegment({ actor: ANONYMOUS, segmentId: ids.note })).toEqual({ workId, segmentId: ids.note, isRetired: true, replacedFrom: null });
    expect(await locateSegment({ actor: ANONYMOUS, segmentId: ids.first })).toEqual({ workId, segmentId: ids.first, isRetired: false, replacedFrom: null });
    const progress = await getWorkProgress({ actor: editor, workId, language: 'fr' });
    expect(progress.total).toBe(4);
    expect(progress.languages[0]).toMatchObject({ language: 'fr', translated: 4, proposed: 1, stale: 1 });
  });

  it('refuses a reader’s report on them, as on a deleted passage; a permalink to a paragraph opens at its first live sentence', async () => {
    const now = new Date();
    const formToken = issueReportFormToken({ now: new Date(now.getTime() - REPORT_MIN_FILL_MS - 2_000) });
    const report = (segmentId: string) => createReport({ actor: ANONYMOUS, clientAddress: '198.51.100.23:4711', now, input: { segmentId, language: 'en', message: 'A typo here.', formToken } });
    expect(await errorCodeOf(report(ids.second))).toBe('NOT_FOUND');
    expect(await getDb().readerReport.count({ where: { segmentId: ids.second } })).toBe(0);
    expect((await report(ids.first)).isStored).toBe(true);

    const paragraph = (await segmentsOf(workId)).find((segment) => segment.id === ids.third)?.parentId as string;
    expect(await locateSegment({ actor: ANONYMOUS, segmentId: paragraph })).toEqual({ workId, segmentId: ids.third, isRetired: false, replacedFrom: null });
    await getDb().segment.update({ where: { id: ids.third }, data: { retiredAt: new Date() } });
    try {
      expect(await locateSegment({ actor: ANONYMOUS, segmentId: paragraph })).toEqual({ workId, segmentId: ids.fourth, isRetired: false, replacedFrom: null });
    } finally {
      await getDb().segment.update({ where: { id: ids.third }, data: { retiredAt: null } });
    }
  });

  it('leaves them out of the editor, the alignment editor and adding a translation by segment order', async () => {
    const page = await getEditorPage({ actor: editor, workId, language: 'fr' });
    expect(page.chunkSizes).toEqual([4]);
    expect(page.initialChunks[0]?.rows.map((row) => row.segmentId)).toEqual([ids.heading, ids.first, ids.third, ids.fourth]);

    // The least confident row first: the retired one, though least confident, is not among them.
    await getDb().segmentText.updateMany({ where: { segment: { workId }, language: 'fr' }, data: { alignScore: 0.9 } });
    await getDb().segmentText.updateMany({ where: { segmentId: { in: [ids.second, ids.note] }, language: 'fr' }, data: { alignScore: 0.1 } });
    await getDb().segmentText.updateMany({ where: { segmentId: ids.fourth, language: 'fr' }, data: { alignScore: 0.5 } });
    const weakest = await getAlignmentRows({ actor: editor, workId, language: 'fr', isLeastConfidentFirst: true, limit: 1 });
    expect(weakest.rows.map((row) => row.segmentId)).toEqual([ids.fourth]);
    const inOrder = await getAlignmentRows({ actor: editor, workId, language: 'fr' });
    expect(inOrder.rows.map((row) => row.segmentId)).toEqual([ids.heading, ids.first, ids.third, ids.fourth]);

    await addTranslationBySegmentOrder({ actor: SYSTEM_ACTOR, workId, language: 'de', format: 'md', text: '# Brücken\n\nDer erste Satz.\n\nDer dritte Satz. Der vierte Satz.\n' });
    const german = await getDb().segmentText.findMany({ where: { segment: { workId }, language: 'de' }, select: { segmentId: true, publishedRevision: { select: { text: true } } } });
    expect(new Map(german.map((text) => [text.segmentId, text.publishedRevision?.text]))).toEqual(new Map([[ids.heading, 'Brücken'], [ids.first, 'Der erste Satz.'], [ids.third, 'Der dritte Satz.'], [ids.fourth, 'Der vierte Satz.']]));
  });

  it('takes no new text for them: drafts are not submitted, suggestions, approvals and reverts are refused, the queue and stale list leave them out', async () => {
    expect((await getStaleTranslations({ actor: editor, workId, language: 'fr' })).map((stale) => stale.segmentId)).toEqual([ids.third]);
    const queue = await getReviewQueue({ actor: editor, filter: { workId } });
    expect(queue.items.map((item) => item.segmentId)).toEqual([ids.third]);

    const submitted = await submitDoneDrafts({ actor: volunteer.actor, workId, language: 'fr' });
    expect(submitted).toEqual({ submitted: 1, alreadySubmitted: 0, unchanged: 0, declined: 0, grouped: 0, failed: [], hasMore: false });
    const suggested = await getDb().suggestion.findMany({ where: { workId, authorId: volunteer.id, status: 'PENDING' }, orderBy: { id: 'asc' }, select: { segmentId: true, text: true } });
    expect(suggested).toEqual([
      { segmentId: ids.second, text: 'La deuxième phrase, revue.' },
      { segmentId: ids.third, text: 'La troisième phrase, revue.' },
      { segmentId: ids.fourth, text: 'La quatrième phrase, brouillon.' },
    ]);

    expect(await errorCodeOf(createSuggestion({ actor: volunteer.actor, input: { segmentId: ids.second, language: 'fr', text: 'Encore.', baseRevisionId: await publishedRevisionId(ids.second, 'fr') } }))).toBe('CONFLICT');
    expect(await errorCodeOf(approveSuggestion({ actor: editor, input: { suggestionId: pendingOnSecond } }))).toBe('CONFLICT');
    const history = await getRevisionHistory({ actor: editor, segmentId: ids.second, language: 'en' });
    expect(history).toHaveLength(2);
    expect(await errorCodeOf(revertToRevision({ actor: editor, input: { segmentId: ids.second, language: 'en', revisionId: history[1]?.revisionId as string, expectedRevisionId: history[0]?.revisionId as string } }))).toBe('CONFLICT');
    expect(await publishedRevisionId(ids.second, 'en')).toBe(history[0]?.revisionId);
  });
});

async function publishedRevisionId(segmentId: string, language: string): Promise<string | null> {
  return (await getDb().segmentText.findUnique({ where: { segmentId_language: { segmentId, language } }, select: { publishedRevisionId: true } }))?.publishedRevisionId ?? null;
}

/** Stores the chunk document of a language as the collaboration server would, with drafts marked done. */
async function storeDoneDrafts(workId: string, language: string, drafts: { segmentId: string; base: string | null; text: string; draft: string }[]): Promise<void> {
  const doc = new Y.Doc();
  for (const draft of drafts) {
    Y.applyUpdate(doc, seedEntryUpdate(draft.segmentId, draft.base, draft.text));
    const entry = getSegmentEntry(doc, draft.segmentId) as Y.Map<unknown>;
    replaceText(entryText(entry), draft.draft);
    entry.set('done', true);
  }
  await getDb().collabDocument.create({ data: { name: collabDocumentName({ workId, language, chunk: 0 }), workId, language, chunk: 0, state: new Uint8Array(Y.encodeStateAsUpdate(doc)) } });
}
