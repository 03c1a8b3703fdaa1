import { beforeAll, describe, expect, it } from 'vitest';

import { POST as approveRoute } from '../../../app/api/suggestions/[suggestionId]/approve/route';
import { POST as previewRoute } from '../../../app/api/works/[workId]/structure-suggestions/preview/route';
import { POST as proposeRoute } from '../../../app/api/works/[workId]/structure-suggestions/route';
import { ANONYMOUS, SYSTEM_ACTOR, type Actor } from '../../../lib/auth/permissions';
import { MAX_STRUCTURE_PREVIEWS_PER_PAGE, MAX_WAITING_STRUCTURE_PER_AUTHOR, REPORT_MIN_FILL_MS } from '../../../lib/config/limits';
import { getDb, withTransaction } from '../../../lib/db/client';
import { createComment } from '../../../lib/discussion/create-comment';
import { readEditorChunks } from '../../../lib/editor/editor-rows';
import { reimportWork } from '../../../lib/import/reimport-work';
import { getSegmentWindow } from '../../../lib/reader/get-segment-window';
import { locateSegment } from '../../../lib/reader/locate-segment';
import { createReport } from '../../../lib/report/create-report';
import { issueReportFormToken } from '../../../lib/report/report-secrets';
import { createSuggestion } from '../../../lib/review/create-suggestion';
import { approveSuggestion, rejectSuggestion } from '../../../lib/review/decide-suggestion';
import { getOwnSuggestions } from '../../../lib/review/own-suggestions';
import { getReviewQueue } from '../../../lib/review/review-queue';
import { getStaleTranslations } from '../../../lib/review/stale-translations';
import { writeRevision } from '../../../lib/revision/write-revision';
import { previewStructuralEdit } from '../../../lib/structure/preview-structural-edit';
import { proposeStructuralEdit } from '../../../lib/structure/propose-structural-edit';
import type { ProposeStructuralEditInput } from '../../../lib/structure/structural-operation';
import { errorCodeOf } from '../../helpers/errors';
import { buildCollection, buildUser, buildWork, grantRole } from '../../helpers/factories';
import { callRoute, sessionCookie } from '../../helpers/requests';

const WORK_TEXT = `# Chapter One

[Page 7] The scanner glued this sentence and the next one [Page 8] together without a stop. A middle sentence stands here. The last sentence of the paragraph.

A second paragraph begins here. It has two sentences[^1].

Ten years later. The end of the story.

[^1]: A note of the work.
`;

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

interface Row {
  id: string;
  kind: string;
  level: number;
  label: string | null;
  parentId: string | null;
  orderKey: string;
  chunk: number;
  retired: boolean;
  replacedById: string | null;
  en: { text: string | null; revisionId: string | null; origin: string | null; authorId: string | null; editedById: string | null };
  fr: { text: string | null; revisionId: string | null; continuesPrevious: boolean; sourceRevisionId: string | null } | null;
}

/** Every segment of a work (retired ones too) in order, with its English and French texts. */
async function rowsOf(workId: string): Promise<Row[]> {
  const segments = await getDb().segment.findMany({
    where: { workId },
    orderBy: { orderKey: 'asc' },
    select: {
      id: true, kind: true, level: true, label: true, parentId: true, orderKey: true, chunk: true, retiredAt: true, replacedById: true,
      texts: { select: { language: true, continuesPrevious: true, sourceRevisionId: true, publishedRevisionId: true, publishedRevision: { select: { text: true, origin: true, authorId: true, editedById: true } } } },
    },
  });
  return segments.map((segment) => {
    const en = segment.texts.find((text) => text.language === 'en');
    const fr = segment.texts.find((text) => text.language === 'fr');
    return {
      id: segment.id,
      kind: segment.kind,
      level: segment.level,
      label: segment.label,
      parentId: segment.parentId,
      orderKey: segment.orderKey,
      chunk: segment.chunk,
      retired: segment.retiredAt !== null,
      replacedById: segment.replacedById,
      en: { text: en?.publishedRevision?.text ?? null, revisionId: en?.publishedRevisionId ?? null, origin: en?.publishedRevision?.origin ?? null, authorId: en?.publishedRevision?.authorId ?? null, editedById: en?.publishedRevision?.editedById ?? null },
      fr: fr ? { text: fr.publishedRevision?.text ?? null, revisionId: fr.publishedRevisionId, continuesPrevious: fr.continuesPrevious, sourceRevisionId: fr.sourceRevisionId } : null,
    };
  });
}

/** Where the glued sentence is cut: at the space before “and the next”. */
const cutOf = (row: Row) => (row.en.text as string).indexOf(' and the next');

const live = (rows: readonly Row[]) => rows.filter((row) => !row.retired);

function byText(rows: readonly Row[], start: string): Row {
  const row = rows.find((entry) => entry.en.text?.startsWith(start));
  if (!row) throw new Error(`no segment starting “${start}”`);
  return row;
}

/** Publishes a text as an editor would, compare-and-set on the current one. */
async function publish(segmentId: string, language: string, text: string, fields: { sourceRevisionId?: string | null } = {}): Promise<string | null> {
  return withTransaction(getDb(), async (tx) => {
    const current = await tx.segmentText.findUnique({ where: { segmentId_language: { segmentId, language } }, select: { publishedRevisionId: true } });
    return writeRevision({ tx, segmentId, language, text, origin: 'EDIT', authorId: null, expectedRevisionId: current?.publishedRevisionId ?? null, fields, revisionFields: fields });
  });
}

describe('structural edits', () => {
  let volunteer: Actor & { kind: 'user' };
  let otherVolunteer: Actor & { kind: 'user' };
  let editorId: string;
  let secondEditorId: string;

  beforeAll(async () => {
    volunteer = (await buildUser({ name: 'Vera Volunteer' })).actor as Actor & { kind: 'user' };
    otherVolunteer = (await buildUser({ name: 'Otto Other' })).actor as Actor & { kind: 'user' };
    editorId = (await buildUser({ name: 'Edda Editor' })).id;
    secondEditorId = (await buildUser({ name: 'Sam Second' })).id;
  });

  /** A work of three paragraphs and a note, translated into French segment by segment, in a collection of its own. */
  async function scene({ policy = 'SINGLE' }: { policy?: 'SINGLE' | 'DOUBLE' } = {}) {
    const collection = await buildCollection();
    await getDb().collection.update({ where: { id: collection.id }, data: { reviewPolicy: policy } });
    const { workId } = await buildWork({ collectionId: collection.id, text: WORK_TEXT });
    await getDb().workLanguage.create({ data: { workId, language: 'fr' } });
    for (const row of await rowsOf(workId)) {
      if (row.kind !== 'PARAGRAPH' && row.en.text) await publish(row.id, 'fr', `FR ${row.en.text}`, { sourceRevisionId: row.en.revisionId });
    }
    const editor = await grantRole(editorId, collection.id, 'EDITOR');
    const secondEditor = await grantRole(secondEditorId, collection.id, 'EDITOR');
    return { collectionId: collection.id, workId, editor, secondEditor, rows: await rowsOf(workId) };
  }

  const propose = (actor: Actor, workId: string, input: ProposeStructuralEditInput) => proposeStructuralEdit({ actor, workId, input });

  describe('refusals', () => {
    it('refuses anonymous callers (401), and segments or works that are not there (404)', async () => {
      const { workId, rows } = await scene();
      const first = byText(rows, 'The scanner');
      const operation = { type: 'splitSegment', segmentId: first.id, baseRevisionId: first.en.revisionId as string, offset: cutOf(first) } as const;
      expect(await errorCodeOf(propose(ANONYMOUS, workId, { operation }))).toBe('UNAUTHENTICATED');
      expect((await callRoute(proposeRoute, `/api/works/${workId}/structure-suggestions`, { params: { workId }, init: json({ operation }) })).status).toBe(401);

      const other = await scene();
      expect(await errorCodeOf(propose(volunteer, other.workId, { operation }))).toBe('NOT_FOUND');
      const missing = await callRoute(proposeRoute, `/api/works/${crypto.randomUUID()}/structure-suggestions`, { cookie: await sessionCookie(volunteer.id), params: { workId: crypto.randomUUID() }, init: json({ operation }) });
      expect(missing.status).toBe(404);
      expect(await getDb().suggestion.count({ where: { workId, kind: 'STRUCTURE' } })).toBe(0);
    });

    it('refuses a cut inside a word, segments not next to each other, wrong kinds and a text changed since (422, 409)', async () => {
      const { workId, rows } = await scene();
      const first = byText(rows, 'The scanner');
      const cookie = await sessionCookie(volunteer.id);
      const inWord = await callRoute(proposeRoute, `/api/works/${workId}/structure-suggestions`, { cookie, params: { workId }, init: json({ operation: { type: 'splitSegment', segmentId: first.id, baseRevisionId: first.en.revisionId, offset: 6 } }) });
      expect(inWord.status).toBe(422);
      expect(await inWord.json()).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringMatching(/inside a word/) } });

      const last = byText(rows, 'The last sentence');
      expect(await errorCodeOf(propose(volunteer, workId, { operation: { type: 'mergeSegments', segmentId: first.id, nextSegmentId: last.id } }))).toBe('INVALID_INPUT');
      const heading = byText(rows, 'Chapter One');
      expect(await errorCodeOf(propose(volunteer, workId, { operation: { type: 'makeHeading', segmentId: heading.id, level: 2 } }))).toBe('INVALID_INPUT');
      const paragraph = rows.find((row) => row.kind === 'PARAGRAPH') as Row;
      expect(await errorCodeOf(propose(volunteer, workId, { operation: { type: 'splitParagraph', paragraphId: paragraph.id, beforeSegmentId: first.id } }))).toBe('INVALID_INPUT');

      await publish(first.id, 'en', 'The scanner glued this sentence and the next one together without a stop!');
      const stale = await callRoute(proposeRoute, `/api/works/${workId}/structure-suggestions`, { cookie, params: { workId }, init: json({ operation: { type: 'splitSegment', segmentId: first.id, baseRevisionId: first.en.revisionId, offset: cutOf(first) } }) });
      expect(stale.status).toBe(409);
      expect(await getDb().suggestion.count({ where: { workId, kind: 'STRUCTURE' } })).toBe(0);
    });

    it('refuses the same change twice while it waits, and approval by a volunteer or by its own author', async () => {
      const { workId, rows, editor } = await scene();
      const operation = { type: 'joinParagraphs', paragraphId: rows.filter((row) => row.kind === 'PARAGRAPH')[0]?.id as string, nextParagraphId: rows.filter((row) => row.kind === 'PARAGRAPH')[1]?.id as string } as const;
      const { suggestionId } = await propose(editor, workId, { operation });
      const twice = await callRoute(proposeRoute, `/api/works/${workId}/structure-suggestions`, { cookie: await sessionCookie(volunteer.id), params: { workId }, init: json({ operation }) });
      expect(twice.status).toBe(409);
      expect(await twice.json()).toMatchObject({ error: { code: 'CONFLICT', details: { suggestionId } } });
      expect(await errorCodeOf(approveSuggestion({ actor: volunteer, input: { suggestionId } }))).toBe('FORBIDDEN');
      expect(await errorCodeOf(approveSuggestion({ actor: editor, input: { suggestionId } }))).toBe('FORBIDDEN');
      expect(await errorCodeOf(approveSuggestion({ actor: SYSTEM_ACTOR, input: { suggestionId, text: 'edited' } }))).toBe('INVALID_INPUT');
      expect((await getDb().suggestion.findUniqueOrThrow({ where: { id: suggestionId } })).status).toBe('PENDING');
    });

    it('refuses more waiting changes from one proposer in a work than the limit (409), and the queue plans a bounded number per page', async () => {
      const { workId, rows, editor } = await scene();
      const sentences = rows.filter((row) => row.kind === 'SENTENCE');
      const operations = sentences.flatMap((row) => [1, 2, 3, 4, 5, 6].map((level) => ({ type: 'makeHeading' as const, segmentId: row.id, level })));
      expect(operations.length).toBeGreaterThan(MAX_WAITING_STRUCTURE_PER_AUTHOR);
      const ids: string[] = [];
      for (const operation of operations.slice(0, MAX_WAITING_STRUCTURE_PER_AUTHOR)) ids.push((await propose(volunteer, workId, { operation })).suggestionId);
      const over = operations[MAX_WAITING_STRUCTURE_PER_AUTHOR] as (typeof operations)[number];
      await expect(propose(volunteer, workId, { operation: over })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already have 20 changes .* waiting for review/), details: { waiting: MAX_WAITING_STRUCTURE_PER_AUTHOR, limit: MAX_WAITING_STRUCTURE_PER_AUTHOR } });
      const refused = await callRoute(proposeRoute, `/api/works/${workId}/structure-suggestions`, { cookie: await sessionCookie(volunteer.id), params: { workId }, init: json({ operation: over }) });
      expect(refused.status).toBe(409);
      // Someone else may still propose; once one of the proposer's is decided, the proposer may again.
      await propose(otherVolunteer, workId, { operation: over });
      await rejectSuggestion({ actor: editor, input: { suggestionId: ids[0] as string, reason: 'OTHER', note: 'Not a heading.' } });
      const again = operations[MAX_WAITING_STRUCTURE_PER_AUTHOR + 1] as (typeof operations)[number];
      expect((await propose(volunteer, workId, { operation: again })).suggestionId).toBeTruthy();

      // 21 waiting: the first page plans at most the limit, the next page the rest.
      const first = await getReviewQueue({ actor: editor, filter: { workId, kind: 'STRUCTURE', limit: 100 } });
      expect(first.items).toHaveLength(MAX_STRUCTURE_PREVIEWS_PER_PAGE);
      expect(first.next).toBe(first.items.at(-1)?.suggestionId);
      const second = await getReviewQueue({ actor: editor, filter: { workId, kind: 'STRUCTURE', limit: 100, after: first.next as string } });
      expect(second.items).toHaveLength(MAX_WAITING_STRUCTURE_PER_AUTHOR + 1 - MAX_STRUCTURE_PREVIEWS_PER_PAGE);
      expect(second.next).toBeNull();
    });

    it('refuses approval while text suggestions on its segments await review (409), and applies once they are decided', async () => {
      const { workId, rows, editor } = await scene();
      const first = byText(rows, 'The scanner');
      const { suggestionId } = await propose(volunteer, workId, { operation: { type: 'splitSegment', segmentId: first.id, baseRevisionId: first.en.revisionId as string, offset: cutOf(first) } });
      const correction = await createSuggestion({ actor: otherVolunteer, input: { segmentId: first.id, language: 'fr', text: 'FR corrigé', baseRevisionId: first.fr?.revisionId ?? null } });

      const queued = (await getReviewQueue({ actor: editor, filter: { workId, kind: 'STRUCTURE' } })).items;
      expect(queued.map((item) => item.suggestionId)).toEqual([suggestionId]);
      expect(queued[0]?.structure?.blockers).toEqual([{ reason: 'openSuggestions', count: 1 }]);

      const refused = await callRoute(approveRoute, `/api/suggestions/${suggestionId}/approve`, { cookie: await sessionCookie(editorId), params: { suggestionId }, init: json({}) });
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ error: { code: 'CONFLICT', message: expect.stringMatching(/^Decide the 1 suggestion on these segments first/), details: { suggestionIds: [correction.suggestionId] } } });
      expect((await rowsOf(workId)).length).toBe(rows.length);

      await rejectSuggestion({ actor: editor, input: { suggestionId: correction.suggestionId, reason: 'STYLE' } });
      expect((await getReviewQueue({ actor: editor, filter: { workId, kind: 'STRUCTURE' } })).items[0]?.structure?.blockers).toEqual([]);
      expect(await approveSuggestion({ actor: editor, input: { suggestionId } })).toMatchObject({ status: 'PUBLISHED' });
      expect((await rowsOf(workId)).length).toBe(rows.length + 1);
    });

    it('refuses an approval when a text it depends on changed since it was proposed, and writes nothing', async () => {
      const { workId, rows, editor } = await scene();
      const first = byText(rows, 'A second paragraph');
      const second = byText(rows, 'It has two');
      const { suggestionId } = await propose(volunteer, workId, { operation: { type: 'mergeSegments', segmentId: first.id, nextSegmentId: second.id } });
      await publish(second.id, 'fr', 'FR changé entre-temps.', { sourceRevisionId: second.en.revisionId });
      const queued = (await getReviewQueue({ actor: editor, filter: { workId } })).items.find((item) => item.suggestionId === suggestionId);
      expect(queued?.structure?.blockers).toContainEqual({ reason: 'textChanged' });
      expect(queued?.isStale).toBe(true);
      const refused = await approveSuggestion({ actor: editor, input: { suggestionId } }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/changed since this change was proposed/) });
      const after = await rowsOf(workId);
      expect(after.find((row) => row.id === second.id)?.retired).toBe(false);
      expect(after.find((row) => row.id === first.id)?.en.text).toBe('A second paragraph begins here.');
      expect((await getDb().suggestion.findUniqueOrThrow({ where: { id: suggestionId } })).status).toBe('PENDING');
    });
  });

  it('splits a sentence: the first part keeps its id and translation (to check), the second follows it, grouped under that translation, with the page it holds', async () => {
    const { workId, rows, editor } = await scene();
    const glued = byText(rows, 'The scanner');
    const text = glued.en.text as string;
    const offset = text.indexOf(' and the next');
    const anchors = await getDb().pageAnchor.findMany({ where: { segmentId: glued.id }, orderBy: { charOffset: 'asc' } });
    expect(anchors.map((anchor) => anchor.label)).toEqual(['7', '8']);
    const input = { operation: { type: 'splitSegment' as const, segmentId: glued.id, baseRevisionId: glued.en.revisionId as string, offset }, note: 'Two sentences glued by the scanner.' };

    const { preview } = await previewStructuralEdit({ actor: volunteer, workId, input });
    expect(await getDb().suggestion.count({ where: { workId } })).toBe(0);
    const previewed = await callRoute(previewRoute, `/api/works/${workId}/structure-suggestions/preview`, { cookie: await sessionCookie(volunteer.id), params: { workId }, init: json(input) });
    expect(previewed.status).toBe(200);
    expect(await previewed.json()).toEqual({ preview });

    const created = await callRoute(proposeRoute, `/api/works/${workId}/structure-suggestions`, { cookie: await sessionCookie(volunteer.id), params: { workId }, init: json(input) });
    expect(created.status).toBe(201);
    const { suggestionId, preview: proposed } = (await created.json()) as { suggestionId: string; preview: typeof preview };
    expect(proposed.summary).toBe('Split the sentence “The scanner glued this sentence” | “and the next one together without a sto…”');
    const stored = await getDb().suggestion.findUniqueOrThrow({ where: { id: suggestionId } });
    expect(stored).toMatchObject({ kind: 'STRUCTURE', segmentId: glued.id, language: 'en', baseRevisionId: glued.en.revisionId, text: proposed.summary, authorId: volunteer.id, status: 'PENDING' });
    expect(stored.operation).toMatchObject({ operation: input.operation, bases: [{ segmentId: glued.id, language: 'en', revisionId: glued.en.revisionId }], note: 'Two sentences glued by the scanner.' });

    // What the reviewer, the editor's source rows and the author's own list show meanwhile.
    const item = (await getReviewQueue({ actor: editor, filter: { workId, kind: 'STRUCTURE' } })).items[0];
    expect(item).toMatchObject({ kind: 'STRUCTURE', suggestedText: proposed.summary, structure: { summary: proposed.summary, blockers: [], note: 'Two sentences glued by the scanner.' } });
    expect(item?.structure?.after.filter((row) => row.change === 'created')).toEqual([expect.objectContaining({ text: 'and the next one together without a stop.', translations: [{ language: 'fr', text: '', continuesPrevious: true, toCheck: false }] })]);
    const editorRows = (await readEditorChunks(getDb(), { actor: volunteer, workId, collectionId: stored.collectionId, sourceLanguage: 'en', language: 'en', fromChunk: 0, toChunk: 1 }))[0]?.rows ?? [];
    expect(editorRows.find((row) => row.segmentId === glued.id)?.structure).toEqual([{ suggestionId, summary: proposed.summary }]);
    expect(editorRows.find((row) => row.segmentId === glued.id)?.suggestions.waiting).toEqual([]);
    expect(editorRows.find((row) => row.segmentId === glued.id)?.source.openSuggestions).toBe(0);
    const frRows = (await readEditorChunks(getDb(), { actor: volunteer, workId, collectionId: stored.collectionId, sourceLanguage: 'en', language: 'fr', fromChunk: 0, toChunk: 1 }))[0]?.rows ?? [];
    expect(frRows.every((row) => row.structure.length === 0)).toBe(true);
    expect((await getOwnSuggestions({ actor: volunteer, filter: { suggestionId } })).items).toEqual([expect.objectContaining({ kind: 'STRUCTURE', summary: proposed.summary, diff: [], status: 'PENDING' })]);

    expect(await approveSuggestion({ actor: editor, input: { suggestionId } })).toMatchObject({ status: 'PUBLISHED' });
    const after = await rowsOf(workId);
    const first = after.find((row) => row.id === glued.id) as Row;
    const second = after[after.findIndex((row) => row.id === glued.id) + 1] as Row;
    expect(first.en).toMatchObject({ text: 'The scanner glued this sentence', origin: 'STRUCTURE', authorId: volunteer.id, editedById: editorId });
    expect(second).toMatchObject({ kind: 'SENTENCE', parentId: glued.parentId, chunk: glued.chunk, retired: false, en: { text: 'and the next one together without a stop.', origin: 'STRUCTURE', authorId: volunteer.id, editedById: editorId } });
    expect(second.orderKey > first.orderKey && second.orderKey < byText(after, 'A middle').orderKey).toBe(true);
    // The translation stays whole on the first part, marked stale; the second part is covered by it.
    expect(first.fr).toMatchObject({ text: `FR ${text}`, continuesPrevious: false, sourceRevisionId: glued.en.revisionId });
    expect(second.fr).toMatchObject({ text: null, continuesPrevious: true });
    expect((await getStaleTranslations({ actor: editor, workId, language: 'fr' })).map((entry) => entry.segmentId)).toEqual([glued.id]);
    // The page that began in the second part moved with it.
    const moved = await getDb().pageAnchor.findMany({ where: { segmentId: { in: [first.id, second.id] } }, orderBy: { charOffset: 'asc' } });
    const secondStart = offset + 1;
    expect(moved.map((anchor) => [anchor.label, anchor.segmentId, anchor.charOffset])).toEqual([
      ['7', first.id, 0],
      ['8', second.id, (anchors[1]?.charOffset as number) - secondStart],
    ]);
    expect(second.en.text?.slice(moved[1]?.charOffset)).toMatch(/^together/);
    // History, audit, the author told, live documents told of both texts.
    expect((await getDb().revision.findMany({ where: { segmentText: { segmentId: glued.id, language: 'en' } }, orderBy: { createdAt: 'asc' }, select: { origin: true } })).map((revision) => revision.origin)).toEqual(['IMPORT', 'STRUCTURE']);
    const events = await getDb().auditEvent.findMany({ where: { workId, type: { in: ['structure.proposed', 'structure.applied', 'suggestion.approved'] } }, orderBy: { createdAt: 'asc' } });
    expect(events.map((event) => event.type)).toEqual(['structure.proposed', 'structure.applied', 'suggestion.approved']);
    expect(events[1]?.data).toMatchObject({ suggestionId, operation: 'splitSegment', created: [second.id], retired: [] });
    const notification = await getDb().notification.findFirstOrThrow({ where: { userId: volunteer.id, type: 'suggestion.approved', data: { path: ['suggestionId'], equals: suggestionId } } });
    expect(notification.data).toMatchObject({ status: 'PUBLISHED', excerpt: proposed.summary });
    expect(await getDb().collabOutbox.count({ where: { segmentId: second.id, language: 'en' } })).toBeGreaterThan(0);
    expect((await getDb().suggestion.findUniqueOrThrow({ where: { id: suggestionId } })).revisionId).toBe(first.en.revisionId);
  });

  it('merges two sentences with two reviewers: texts joined in every language, the second retired in favour of the first with its reference, comments and reports', async () => {
    const { workId, rows, editor, secondEditor, collectionId } = await scene({ policy: 'DOUBLE' });
    const first = byText(rows, 'A second paragraph');
    const second = byText(rows, 'It has two');
    const refs = await getDb().footnoteRef.findMany({ where: { segmentId: second.id } });
    expect(refs).toHaveLength(1);
    const comment = await createComment({ actor: otherVolunteer, input: { segmentId: second.id, body: 'Are these one sentence?' } });
    const report = await createReport({ actor: ANONYMOUS, clientAddress: `structure-${Date.now()}`, input: { segmentId: second.id, language: 'fr', message: 'Cut in the wrong place.', formToken: issueReportFormToken({ now: new Date(Date.now() - REPORT_MIN_FILL_MS - 1_000) }) } });
    expect(report.isStored).toBe(true);

    const { suggestionId } = await propose(volunteer, workId, { operation: { type: 'mergeSegments', segmentId: first.id, nextSegmentId: second.id } });
    // Another change of the second sentence, which the merge will leave without ground.
    const rival = await propose(otherVolunteer, workId, { operation: { type: 'makeHeading', segmentId: second.id, level: 3 } });
    expect(await approveSuggestion({ actor: editor, input: { suggestionId } })).toMatchObject({ status: 'APPROVED' });
    expect((await rowsOf(workId)).find((row) => row.id === second.id)?.retired).toBe(false);
    expect(await errorCodeOf(approveSuggestion({ actor: editor, input: { suggestionId } }))).toBe('FORBIDDEN');
    expect(await approveSuggestion({ actor: secondEditor, input: { suggestionId } })).toMatchObject({ status: 'PUBLISHED' });

    const after = await rowsOf(workId);
    const merged = after.find((row) => row.id === first.id) as Row;
    const retired = after.find((row) => row.id === second.id) as Row;
    expect(merged.en).toMatchObject({ text: 'A second paragraph begins here. It has two sentences.', origin: 'STRUCTURE', authorId: volunteer.id, editedById: secondEditorId });
    // Both translations were current: the joined one is current against the joined source.
    expect(merged.fr).toMatchObject({ text: 'FR A second paragraph begins here. FR It has two sentences.', sourceRevisionId: merged.en.revisionId });
    expect(retired).toMatchObject({ retired: true, replacedById: first.id, en: { text: 'It has two sentences.' }, fr: { text: 'FR It has two sentences.' } });
    expect(await getDb().footnoteRef.findUniqueOrThrow({ where: { id: refs[0]?.id as string } })).toMatchObject({ segmentId: first.id, charOffset: 'A second paragraph begins here. '.length + (refs[0]?.charOffset as number) });
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } })).segmentId).toBe(first.id);
    expect(await getDb().readerReport.count({ where: { segmentId: first.id } })).toBe(1);
    expect(await getDb().readerReport.count({ where: { segmentId: second.id } })).toBe(0);
    const frRevision = await getDb().segmentText.findUniqueOrThrow({ where: { segmentId_language: { segmentId: first.id, language: 'fr' } }, select: { publishedRevision: { select: { origin: true, authorId: true, editedById: true } } } });
    expect(frRevision.publishedRevision).toEqual({ origin: 'STRUCTURE', authorId: volunteer.id, editedById: secondEditorId });
    expect(await getDb().auditEvent.count({ where: { workId, type: 'suggestion.validated' } })).toBe(1);
    expect((await getDb().auditEvent.findFirstOrThrow({ where: { workId, type: 'structure.applied' } })).data).toMatchObject({ operation: 'mergeSegments', retired: [second.id], created: [] });

    // The permalink of the retired sentence leads to the one that replaced it; the reader no longer shows it.
    expect(await locateSegment({ actor: ANONYMOUS, segmentId: second.id })).toEqual({ workId, segmentId: first.id, isRetired: false, replacedFrom: second.id });
    const window = await getSegmentWindow({ actor: ANONYMOUS, workId, languages: ['en'] });
    expect(window.segments.map((segment) => segment.id)).not.toContain(second.id);
    // The rival change still shows in the queue, saying why it can no longer be approved.
    const queue = (await getReviewQueue({ actor: editor, filter: { collectionId } })).items;
    expect(queue.map((item) => item.suggestionId)).toEqual([rival.suggestionId]);
    expect(queue[0]?.structure).toMatchObject({ before: [], after: [], blockers: [{ reason: 'noLongerFits', message: expect.stringMatching(/no longer part of the text/) }] });
    expect(await errorCodeOf(approveSuggestion({ actor: editor, input: { suggestionId: rival.suggestionId } }))).toBe('CONFLICT');
    await rejectSuggestion({ actor: editor, input: { suggestionId: rival.suggestionId, reason: 'OTHER', note: 'Merged into the sentence before.' } });
  });

  it('merges a sentence whose translation belongs to the group before it: the next one’s translation joins the group’s text', async () => {
    const { workId, rows, editor } = await scene();
    const glued = byText(rows, 'The scanner');
    const middle = byText(rows, 'A middle');
    const last = byText(rows, 'The last sentence');
    // The French text of the first sentence covers the middle one too (an alignment group).
    await withTransaction(getDb(), async (tx) => {
      await writeRevision({ tx, segmentId: glued.id, language: 'fr', text: 'FR premier et milieu.', origin: 'ALIGN', authorId: null, expectedRevisionId: glued.fr?.revisionId ?? null });
      await writeRevision({ tx, segmentId: middle.id, language: 'fr', text: null, origin: 'ALIGN', authorId: null, expectedRevisionId: middle.fr?.revisionId ?? null, fields: { continuesPrevious: true } });
    });
    const { suggestionId } = await propose(volunteer, workId, { operation: { type: 'mergeSegments', segmentId: middle.id, nextSegmentId: last.id } });
    await approveSuggestion({ actor: editor, input: { suggestionId } });
    const after = await rowsOf(workId);
    expect(after.find((row) => row.id === glued.id)?.fr).toMatchObject({ text: 'FR premier et milieu. FR The last sentence of the paragraph.' });
    expect(after.find((row) => row.id === middle.id)).toMatchObject({ en: { text: 'A middle sentence stands here. The last sentence of the paragraph.' }, fr: { text: null, continuesPrevious: true } });
    expect(after.find((row) => row.id === last.id)).toMatchObject({ retired: true, replacedById: middle.id });
    // The group's text took words nobody checked against the source it now covers: it is to check.
    expect(after.find((row) => row.id === glued.id)?.fr?.sourceRevisionId).toBeNull();
    expect((await getStaleTranslations({ actor: editor, workId, language: 'fr' })).map((item) => item.segmentId)).toContain(glued.id);
  });

  it('makes a sentence a heading (its paragraph cut) and a heading a sentence, keeping ids and texts', async () => {
    const { workId, rows, editor } = await scene();
    const later = byText(rows, 'Ten years later');
    const end = byText(rows, 'The end of the story');
    const { suggestionId } = await propose(volunteer, workId, { operation: { type: 'makeHeading', segmentId: later.id, level: 2 } });
    await approveSuggestion({ actor: editor, input: { suggestionId } });
    let after = await rowsOf(workId);
    const heading = after.find((row) => row.id === later.id) as Row;
    expect(heading).toMatchObject({ kind: 'HEADING', level: 2, parentId: null, en: { text: 'Ten years later.', origin: 'IMPORT' }, fr: { text: 'FR Ten years later.' } });
    const oldParagraph = after.find((row) => row.id === later.parentId) as Row;
    const newParagraph = after.find((row) => row.id === after.find((entry) => entry.id === end.id)?.parentId) as Row;
    expect(newParagraph).toMatchObject({ kind: 'PARAGRAPH', retired: false });
    expect(newParagraph.id).not.toBe(oldParagraph.id);
    expect(oldParagraph).toMatchObject({ retired: true, replacedById: newParagraph.id });
    // Reading order: the heading, then the new paragraph row, then its sentence.
    const order = live(after).map((row) => row.id);
    expect(order.indexOf(later.id) + 1).toBe(order.indexOf(newParagraph.id));
    expect(order.indexOf(newParagraph.id) + 1).toBe(order.indexOf(end.id));

    const chapter = byText(rows, 'Chapter One');
    const { suggestionId: back } = await propose(volunteer, workId, { operation: { type: 'makeSentence', segmentId: chapter.id } });
    await approveSuggestion({ actor: editor, input: { suggestionId: back } });
    after = await rowsOf(workId);
    const sentence = after.find((row) => row.id === chapter.id) as Row;
    const paragraph = after.find((row) => row.id === sentence.parentId) as Row;
    expect(sentence).toMatchObject({ kind: 'SENTENCE', level: 0, en: { text: 'Chapter One' } });
    expect(paragraph).toMatchObject({ kind: 'PARAGRAPH', retired: false });
    expect(live(after)[0]?.id).toBe(paragraph.id);
    expect(live(after)[1]?.id).toBe(chapter.id);
    expect(await locateSegment({ actor: ANONYMOUS, segmentId: oldParagraph.id })).toMatchObject({ segmentId: end.id, isRetired: false });
  });

  it('makes a sentence a footnote among the work’s notes, referred to from another sentence', async () => {
    const { workId, rows, editor } = await scene();
    const middle = byText(rows, 'A middle sentence');
    const caller = byText(rows, 'The last sentence');
    const note = rows.find((row) => row.kind === 'FOOTNOTE') as Row;
    const { suggestionId } = await propose(volunteer, workId, { operation: { type: 'makeFootnote', segmentId: middle.id, label: '2', refSegmentId: caller.id, refOffset: 8 } });
    await approveSuggestion({ actor: editor, input: { suggestionId } });
    const after = await rowsOf(workId);
    const footnote = after.find((row) => row.id === middle.id) as Row;
    expect(footnote).toMatchObject({ kind: 'FOOTNOTE', label: '2', parentId: null, retired: false, en: { text: 'A middle sentence stands here.' } });
    // Referred to before note 1 is: placed just before it, among the notes; the paragraph closes up.
    const order = live(after).map((row) => row.id);
    expect(order.indexOf(middle.id) + 1).toBe(order.indexOf(note.id));
    expect(after.find((row) => row.id === caller.id)?.parentId).toBe(middle.parentId);
    expect(await getDb().footnoteRef.findMany({ where: { footnoteId: middle.id }, select: { segmentId: true, label: true, charOffset: true } })).toEqual([{ segmentId: caller.id, label: '2', charOffset: 8 }]);
  });

  it('places a new footnote after the last note referred to before its reference', async () => {
    const { workId, rows, editor } = await scene();
    const note = rows.find((row) => row.kind === 'FOOTNOTE') as Row;
    const later = byText(rows, 'Ten years later');
    const { suggestionId } = await propose(volunteer, workId, { operation: { type: 'makeFootnote', segmentId: later.id, label: '2', refSegmentId: byText(rows, 'The end').id, refOffset: 3 } });
    await approveSuggestion({ actor: editor, input: { suggestionId } });
    const order = live(await rowsOf(workId)).map((row) => row.id);
    expect(order.indexOf(note.id) + 1).toBe(order.indexOf(later.id));
    expect(order.at(-1)).toBe(later.id);
  });

  it('splits a paragraph and joins two, keeping the order of the sentences', async () => {
    const { workId, rows, editor } = await scene();
    const [p1, p2] = rows.filter((row) => row.kind === 'PARAGRAPH') as [Row, Row];
    const middle = byText(rows, 'A middle sentence');
    const last = byText(rows, 'The last sentence');
    const { suggestionId } = await propose(volunteer, workId, { operation: { type: 'splitParagraph', paragraphId: p1.id, beforeSegmentId: middle.id } });
    await approveSuggestion({ actor: editor, input: { suggestionId } });
    let after = await rowsOf(workId);
    const cut = after.find((row) => row.id === middle.id)?.parentId as string;
    expect(cut).not.toBe(p1.id);
    expect(after.find((row) => row.id === last.id)?.parentId).toBe(cut);
    expect(after.find((row) => row.id === byText(rows, 'The scanner').id)?.parentId).toBe(p1.id);
    const order = live(after).map((row) => row.id);
    expect(order.indexOf(cut) + 1).toBe(order.indexOf(middle.id));

    const { suggestionId: join } = await propose(volunteer, workId, { operation: { type: 'joinParagraphs', paragraphId: cut, nextParagraphId: p2.id } });
    await approveSuggestion({ actor: editor, input: { suggestionId: join } });
    after = await rowsOf(workId);
    expect(after.find((row) => row.id === p2.id)).toMatchObject({ retired: true, replacedById: cut });
    expect(after.filter((row) => row.parentId === cut && !row.retired).map((row) => row.en.text)).toEqual(['A middle sentence stands here.', 'The last sentence of the paragraph.', 'A second paragraph begins here.', 'It has two sentences.']);
    expect(live(after).map((row) => row.orderKey)).toEqual(live(after).map((row) => row.orderKey).sort());
  });

  it('applies one of two changes of the same segment approved at the same moment, and refuses the other with nothing written', async () => {
    const { workId, rows, editor, secondEditor } = await scene();
    const glued = byText(rows, 'The scanner');
    const middle = byText(rows, 'A middle');
    const split = await propose(volunteer, workId, { operation: { type: 'splitSegment', segmentId: glued.id, baseRevisionId: glued.en.revisionId as string, offset: cutOf(glued) } });
    const merge = await propose(otherVolunteer, workId, { operation: { type: 'mergeSegments', segmentId: glued.id, nextSegmentId: middle.id } });
    const outcomes = await Promise.allSettled([approveSuggestion({ actor: editor, input: { suggestionId: split.suggestionId } }), approveSuggestion({ actor: secondEditor, input: { suggestionId: merge.suggestionId } })]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.status === 'rejected' ? refused.reason : null).toMatchObject({ code: 'CONFLICT' });
    const after = await rowsOf(workId);
    const statuses = await getDb().suggestion.findMany({ where: { id: { in: [split.suggestionId, merge.suggestionId] } }, select: { id: true, status: true } });
    if (outcomes[0]?.status === 'fulfilled') {
      expect(after.find((row) => row.id === glued.id)?.en.text).toBe('The scanner glued this sentence');
      expect(after.find((row) => row.id === middle.id)?.retired).toBe(false);
    } else {
      expect(after.find((row) => row.id === middle.id)?.retired).toBe(true);
      expect(after.length).toBe(rows.length);
    }
    expect(statuses.map((row) => row.status).sort()).toEqual(['PENDING', 'PUBLISHED']);
  });

  it('takes no text for a segment a merge retired, and of a merge and a publication on its second segment at the same moment one is refused', async () => {
    const { workId, rows, editor } = await scene();
    const first = byText(rows, 'Ten years later');
    const second = byText(rows, 'The end of the story');
    const { suggestionId } = await propose(volunteer, workId, { operation: { type: 'mergeSegments', segmentId: first.id, nextSegmentId: second.id } });
    await approveSuggestion({ actor: editor, input: { suggestionId } });
    const retired = (await rowsOf(workId)).find((row) => row.id === second.id) as Row;
    expect(retired.retired).toBe(true);
    // Straight to the one writer of texts: refused there, not only by the callers' checks.
    await expect(publish(second.id, 'fr', 'FR Une fin réécrite.')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/no longer part of the text/) });
    expect((await rowsOf(workId)).find((row) => row.id === second.id)?.fr).toEqual(retired.fr);

    const other = await scene();
    const a = byText(other.rows, 'Ten years later');
    const b = byText(other.rows, 'The end of the story');
    const merge = await propose(volunteer, other.workId, { operation: { type: 'mergeSegments', segmentId: a.id, nextSegmentId: b.id } });
    const outcomes = await Promise.allSettled([
      approveSuggestion({ actor: other.editor, input: { suggestionId: merge.suggestionId } }),
      createSuggestion({ actor: other.secondEditor, input: { segmentId: b.id, language: 'fr', text: 'FR La fin, revue.', baseRevisionId: b.fr?.revisionId ?? null, publish: true } }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.status === 'rejected' ? refused.reason : null).toMatchObject({ code: 'CONFLICT' });
    const after = (await rowsOf(other.workId)).find((row) => row.id === b.id) as Row;
    // Never a new text on a retired segment: either the merge happened and its text is as it was, or the text was published and nothing was merged.
    if (after.retired) expect(after.fr?.text).toBe('FR The end of the story.');
    else expect(after.fr?.text).toBe('FR La fin, revue.');
  });

  it('rejects a structural edit: nothing changes and the author is told', async () => {
    const { workId, rows, editor } = await scene();
    const first = byText(rows, 'Ten years later');
    const { suggestionId } = await propose(volunteer, workId, { operation: { type: 'mergeSegments', segmentId: first.id, nextSegmentId: byText(rows, 'The end').id } });
    await rejectSuggestion({ actor: editor, input: { suggestionId, reason: 'NOT_IN_ORIGINAL' } });
    expect(await rowsOf(workId)).toEqual(rows);
    expect((await getDb().suggestion.findUniqueOrThrow({ where: { id: suggestionId } })).status).toBe('REJECTED');
    expect(await getDb().notification.count({ where: { userId: volunteer.id, type: 'suggestion.rejected', data: { path: ['suggestionId'], equals: suggestionId } } })).toBe(1);
    expect((await getOwnSuggestions({ actor: volunteer, filter: { suggestionId } })).items[0]).toMatchObject({ status: 'REJECTED', rejectReason: 'NOT_IN_ORIGINAL' });
  });

  it('re-imports a work after a split and a merge without restoring, duplicating or losing text', async () => {
    const { workId, rows, editor } = await scene();
    const glued = byText(rows, 'The scanner');
    const split = await propose(volunteer, workId, { operation: { type: 'splitSegment', segmentId: glued.id, baseRevisionId: glued.en.revisionId as string, offset: (glued.en.text as string).indexOf(' and the next') } });
    await approveSuggestion({ actor: editor, input: { suggestionId: split.suggestionId } });
    const merge = await propose(volunteer, workId, { operation: { type: 'mergeSegments', segmentId: byText(rows, 'Ten years').id, nextSegmentId: byText(rows, 'The end').id } });
    await approveSuggestion({ actor: editor, input: { suggestionId: merge.suggestionId } });
    const before = await rowsOf(workId);

    const summary = await reimportWork({ actor: editor, workId, rules: {} });
    const after = await rowsOf(workId);
    // The texts the structural edits wrote are people's work: kept as they are, reported as kept.
    expect(summary.counts).toMatchObject({ inserted: 0, restored: 0, retired: 0, changed: 0 });
    expect(summary.counts.keptEdited + summary.counts.unmatchedOld).toBeGreaterThanOrEqual(2);
    expect(after).toEqual(before);
    const texts = live(after).flatMap((row) => (row.en.text ? [row.en.text] : []));
    expect(new Set(texts).size).toBe(texts.length);
    expect(after.find((row) => row.id === byText(rows, 'The end').id)).toMatchObject({ retired: true });
  });
});

describe('structural edits and a later re-import', () => {
  let editorId: string;
  let volunteer: Actor;

  beforeAll(async () => {
    editorId = (await buildUser({ name: 'Rhea Reimport' })).id;
    volunteer = (await buildUser({ name: 'Vito Volunteer' })).actor;
  });

  async function importedScene(text: string) {
    const collection = await buildCollection();
    const { workId } = await buildWork({ collectionId: collection.id, text });
    const editor = await grantRole(editorId, collection.id, 'EDITOR');
    return { workId, editor, rows: await rowsOf(workId) };
  }

  it('does not insert again the short first part of two sentences merged since the import', async () => {
    const { workId, editor, rows } = await importedScene('Wait. Smith went to the market in the morning and bought some bread there.\n\nAnother paragraph follows it here.\n');
    const first = byText(rows, 'Wait.');
    const second = byText(rows, 'Smith went');
    const merge = await proposeStructuralEdit({ actor: volunteer, workId, input: { operation: { type: 'mergeSegments', segmentId: first.id, nextSegmentId: second.id } } });
    await approveSuggestion({ actor: editor, input: { suggestionId: merge.suggestionId } });
    const before = await rowsOf(workId);

    const summary = await reimportWork({ actor: editor, workId, rules: {} });
    const after = await rowsOf(workId);
    expect(summary.counts).toMatchObject({ inserted: 0, restored: 0, retired: 0, changed: 0, unmatchedOld: 0 });
    expect(after).toEqual(before);
    expect(live(after).flatMap((row) => (row.en.text ? [row.en.text] : []))).toEqual(['Wait. Smith went to the market in the morning and bought some bread there.', 'Another paragraph follows it here.']);
  });

  it('moves the retired sentences of a paragraph joined to the one before with it, so a re-import restoring one shows it in a live paragraph', async () => {
    const { workId, editor, rows } = await importedScene(WORK_TEXT);
    const [p1, p2] = rows.filter((row) => row.kind === 'PARAGRAPH') as [Row, Row];
    const removed = byText(rows, 'A second paragraph');
    // Retired as a re-import retires a text it no longer has.
    await getDb().segment.update({ where: { id: removed.id }, data: { retiredAt: new Date() } });
    const join = await proposeStructuralEdit({ actor: volunteer, workId, input: { operation: { type: 'joinParagraphs', paragraphId: p1.id, nextParagraphId: p2.id } } });
    await approveSuggestion({ actor: editor, input: { suggestionId: join.suggestionId } });
    expect((await rowsOf(workId)).find((row) => row.id === removed.id)).toMatchObject({ retired: true, parentId: p1.id });

    const summary = await reimportWork({ actor: editor, workId, rules: {} });
    expect(summary.counts).toMatchObject({ restored: 1, inserted: 0 });
    const after = await rowsOf(workId);
    expect(after.find((row) => row.id === removed.id)).toMatchObject({ retired: false, parentId: p1.id });
    expect(after.find((row) => row.id === p2.id)).toMatchObject({ retired: true, replacedById: p1.id });
    const retiredIds = new Set(after.filter((row) => row.retired).map((row) => row.id));
    expect(live(after).filter((row) => row.parentId && retiredIds.has(row.parentId))).toEqual([]);
    expect(live(after).filter((row) => row.parentId === p1.id).map((row) => row.en.text)).toEqual([
      'The scanner glued this sentence and the next one together without a stop.',
      'A middle sentence stands here.',
      'The last sentence of the paragraph.',
      'A second paragraph begins here.',
      'It has two sentences.',
    ]);
  });

  it('restores the paragraph of a sentence a re-import brings back when a heading replaced that paragraph', async () => {
    const { workId, editor, rows } = await importedScene(WORK_TEXT);
    const later = byText(rows, 'Ten years later');
    const removed = byText(rows, 'The end of the story');
    await getDb().segment.update({ where: { id: removed.id }, data: { retiredAt: new Date() } });
    const heading = await proposeStructuralEdit({ actor: volunteer, workId, input: { operation: { type: 'makeHeading', segmentId: later.id, level: 2 } } });
    await approveSuggestion({ actor: editor, input: { suggestionId: heading.suggestionId } });
    expect((await rowsOf(workId)).find((row) => row.id === later.parentId)).toMatchObject({ retired: true, replacedById: later.id });

    await reimportWork({ actor: editor, workId, rules: {} });
    const after = await rowsOf(workId);
    expect(after.find((row) => row.id === removed.id)).toMatchObject({ retired: false, parentId: later.parentId });
    expect(after.find((row) => row.id === later.parentId)?.retired).toBe(false);
    const retiredIds = new Set(after.filter((row) => row.retired).map((row) => row.id));
    expect(live(after).filter((row) => row.parentId && retiredIds.has(row.parentId))).toEqual([]);
  });

  it('keeps a sentence made a footnote, and the reference to it, through a re-import that changes the text calling it', async () => {
    const { workId, editor, rows } = await importedScene(WORK_TEXT);
    const middle = byText(rows, 'A middle sentence');
    const caller = byText(rows, 'The last sentence');
    const made = await proposeStructuralEdit({ actor: volunteer, workId, input: { operation: { type: 'makeFootnote', segmentId: middle.id, label: '2', refSegmentId: caller.id, refOffset: 8 } } });
    await approveSuggestion({ actor: editor, input: { suggestionId: made.suggestionId } });
    // The calling text as an earlier cleanup left it: the re-import reads it differently and rewrites it.
    await withTransaction(getDb(), (tx) => writeRevision({ tx, segmentId: caller.id, language: 'en', text: 'The last sentence of the  paragraph', origin: 'CLEANUP', authorId: null, expectedRevisionId: caller.en.revisionId }));
    const before = await rowsOf(workId);

    const summary = await reimportWork({ actor: editor, workId, rules: {} });
    const after = await rowsOf(workId);
    expect(summary.counts).toMatchObject({ inserted: 0, restored: 0, retired: 0, changed: 1 });
    expect(after.map(({ id, kind, label, parentId, retired }) => ({ id, kind, label, parentId, retired }))).toEqual(before.map(({ id, kind, label, parentId, retired }) => ({ id, kind, label, parentId, retired })));
    expect(after.find((row) => row.id === middle.id)).toMatchObject({ kind: 'FOOTNOTE', label: '2', retired: false, en: { text: 'A middle sentence stands here.' } });
    expect(after.find((row) => row.id === caller.id)?.en.text).toBe('The last sentence of the paragraph.');
    expect(live(after).filter((row) => row.en.text === 'A middle sentence stands here.')).toHaveLength(1);
    expect(await getDb().footnoteRef.findMany({ where: { footnoteId: middle.id }, select: { segmentId: true, label: true, charOffset: true } })).toEqual([{ segmentId: caller.id, label: '2', charOffset: 8 }]);
  });
});
