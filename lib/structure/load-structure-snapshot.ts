import 'server-only';

import { namedSegmentIds } from './stored-structural-edit';
import type { StructuralOperation } from './structural-operation';
import type { SnapshotNote, SnapshotSegment, SnapshotTranslation, StructureSnapshot } from './structure-snapshot';
import { liveSegment, liveSegmentSql } from '../auth/scope';
import { MAX_STRUCTURE_ROWS, STRUCTURE_CONTEXT_ROWS } from '../config/limits';
import type { Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { emphasisFromPairs } from '../segment/emphasis';

// all segments: whether a segment named by an operation was retired is read, so the planner can say it is gone.
const segmentFields = { id: true, kind: true, level: true, label: true, style: true, speaker: true, parentId: true, orderKey: true, chunk: true, retiredAt: true } as const;

type SegmentFields = { id: string; kind: SnapshotSegment['kind']; level: number; label: string | null; style: SnapshotSegment['style']; speaker: string | null; parentId: string | null; orderKey: string; chunk: number; retiredAt: Date | null };

export interface LoadStructureSnapshotOptions {
  db: Db;
  work: { id: string; sourceLanguage: string };
  operation: StructuralOperation;
  /**
   * Lock the texts of every segment read (`FOR UPDATE`) before reading them, so what is planned
   * stays true until the transaction ends: for applying a change. The caller holds the work's lock,
   * which keeps other structural changes and re-imports out meanwhile.
   */
  isLocked?: boolean;
}

/**
 * Reads what `planStructuralEdit` needs for `operation`: the segments it names (retired ones
 * included, so the planner can say they are gone), the live segments around them (every
 * sentence of a paragraph it concerns, one segment of context on each side), their source texts
 * and translations, page anchors, footnote references and open text suggestions, the work's
 * notes for a new footnote and the first segments of translation groups for a merge. Throws
 * NOT_FOUND when a named segment is not in the work, INVALID_INPUT when the paragraphs concerned
 * are longer than {@link MAX_STRUCTURE_ROWS}.
 */
export async function loadStructureSnapshot({ db, work, operation, isLocked = false }: LoadStructureSnapshotOptions): Promise<StructureSnapshot> {
  const languages = (await db.workLanguage.findMany({ where: { workId: work.id, language: { not: work.sourceLanguage } }, orderBy: { language: 'asc' }, select: { language: true } })).map((row) => row.language);
  const ids = [...new Set(namedSegmentIds(operation))];
  // Applying: the rows of the segments named are locked first, so a text written to one of them
  // meanwhile (writeRevision takes a share lock on its segment) is either seen here or refused.
  // all segments: the rows are locked whether live or not; the planner refuses retired ones.
  if (isLocked) await db.$queryRaw`SELECT id FROM segment WHERE id = ANY(${ids}::uuid[]) AND work_id = ${work.id}::uuid ORDER BY id FOR UPDATE`;
  // all segments: the segments an operation names are read retired too, so the planner can say they are gone.
  const named = (await db.segment.findMany({ where: { id: { in: ids }, workId: work.id }, select: segmentFields })) as SegmentFields[];
  if (named.length !== ids.length) throw new AppError('NOT_FOUND', 'structure.segmentNotInWork');

  // Where the change acts: the segments it names (not the sentence a new note is called from) and
  // the whole of their paragraphs when it cuts, joins or leaves them; a sentence split or merge
  // only needs its segments, with a few rows of context on each side.
  const acting = named.filter((segment) => !(operation.type === 'makeFootnote' && segment.id === operation.refSegmentId && segment.id !== operation.segmentId));
  const isLocal = operation.type === 'splitSegment' || operation.type === 'mergeSegments';
  const context = isLocal ? STRUCTURE_CONTEXT_ROWS : 1;
  const paragraphIds = isLocal ? [] : [...new Set(acting.flatMap((segment) => (segment.kind === 'PARAGRAPH' ? [segment.id] : segment.parentId ? [segment.parentId] : [])))];
  const children = paragraphIds.length > 0 ? await db.segment.findMany({ where: { parentId: { in: paragraphIds }, ...liveSegment }, select: { orderKey: true }, take: MAX_STRUCTURE_ROWS + 1 }) : [];
  if (children.length > MAX_STRUCTURE_ROWS) throw new AppError('INVALID_INPUT', 'structure.paragraphsTooLong', { values: { max: MAX_STRUCTURE_ROWS } });
  // all segments: the paragraphs of the segments named, to know where the change ends; a retired one only bounds the range.
  const paragraphs = paragraphIds.length > 0 ? await db.segment.findMany({ where: { id: { in: paragraphIds } }, select: { orderKey: true } }) : [];
  const keys = [...acting, ...paragraphs, ...children].map((segment) => segment.orderKey).sort();
  const low = keys[0] as string;
  const high = keys.at(-1) as string;

  const [window, previous, following] = await Promise.all([
    db.segment.findMany({ where: { workId: work.id, ...liveSegment, orderKey: { gte: low, lte: high } }, orderBy: { orderKey: 'asc' }, select: segmentFields, take: MAX_STRUCTURE_ROWS + 1 }),
    db.segment.findMany({ where: { workId: work.id, ...liveSegment, orderKey: { lt: low } }, orderBy: { orderKey: 'desc' }, select: segmentFields, take: context }),
    db.segment.findMany({ where: { workId: work.id, ...liveSegment, orderKey: { gt: high } }, orderBy: { orderKey: 'asc' }, select: segmentFields, take: context + 1 }),
  ]);
  if (window.length > MAX_STRUCTURE_ROWS) throw new AppError('INVALID_INPUT', 'structure.changeTooLong', { values: { max: MAX_STRUCTURE_ROWS } });
  // Context after: `context` text-bearing segments (a paragraph row comes with its first sentence).
  const after: SegmentFields[] = [];
  let texts = 0;
  for (const segment of following) {
    if (texts >= context) break;
    after.push(segment as SegmentFields);
    if (segment.kind !== 'PARAGRAPH') texts += 1;
  }
  const rows = [...previous.reverse(), ...window, ...after] as SegmentFields[];

  let groupHeads: StructureSnapshot['groupHeads'] = {};
  const all = new Map<string, SegmentFields>([...rows, ...named].map((segment) => [segment.id, segment]));
  const detailIds = [...all.keys()];
  if (isLocked) await lockTexts(db, detailIds);
  const details = await loadDetails(db, work, languages, detailIds);
  const snapshotOf = (segment: SegmentFields): SnapshotSegment => ({
    id: segment.id,
    kind: segment.kind,
    level: segment.level,
    label: segment.label,
    style: segment.style,
    speaker: segment.speaker,
    parentId: segment.parentId,
    orderKey: segment.orderKey,
    chunk: segment.chunk,
    isRetired: segment.retiredAt !== null,
    ...(details.get(segment.id) ?? emptyDetails()),
  });

  if (operation.type === 'mergeSegments') {
    const first = all.get(operation.segmentId);
    const firstDetails = details.get(operation.segmentId);
    const grouped = languages.filter((language) => firstDetails?.translations[language]?.continuesPrevious);
    if (first && grouped.length > 0) groupHeads = await loadGroupHeads(db, work.id, first.orderKey, grouped, isLocked);
  }
  const referrer = operation.type === 'makeFootnote' ? all.get(operation.refSegmentId) : undefined;
  const notes = operation.type === 'makeFootnote' && referrer ? await loadNotes(db, work.id, operation.segmentId, { orderKey: referrer.orderKey, charOffset: operation.refOffset }) : [];
  return {
    work: { id: work.id, sourceLanguage: work.sourceLanguage, languages },
    rows: rows.map(snapshotOf),
    named: Object.fromEntries(named.map((segment) => [segment.id, snapshotOf(segment as SegmentFields)])),
    notes,
    groupHeads,
  };
}

type Details = Pick<SnapshotSegment, 'prevKey' | 'nextKey' | 'source' | 'translations' | 'anchors' | 'refs' | 'referrers' | 'openSuggestionIds'>;

function emptyDetails(): Details {
  return { prevKey: null, nextKey: null, source: null, translations: {}, anchors: [], refs: [], referrers: [], openSuggestionIds: [] };
}

async function lockTexts(db: Db, segmentIds: readonly string[]): Promise<void> {
  await db.$queryRaw`SELECT id FROM segment_text WHERE segment_id = ANY(${segmentIds}::uuid[]) ORDER BY id FOR UPDATE`;
}

async function loadDetails(db: Db, work: { id: string; sourceLanguage: string }, languages: readonly string[], segmentIds: readonly string[]): Promise<Map<string, Details>> {
  const [neighbours, texts, anchors, refs, referrers, suggestions] = await Promise.all([
    loadNeighbourKeys(db, segmentIds),
    db.segmentText.findMany({
      where: { segmentId: { in: [...segmentIds] }, language: { in: [work.sourceLanguage, ...languages] } },
      select: { segmentId: true, language: true, continuesPrevious: true, sourceRevisionId: true, publishedRevisionId: true, publishedRevision: { select: { text: true, emphasis: true } } },
    }),
    db.pageAnchor.findMany({ where: { segmentId: { in: [...segmentIds] } }, orderBy: [{ charOffset: 'asc' }, { id: 'asc' }], select: { id: true, segmentId: true, label: true, charOffset: true } }),
    db.footnoteRef.findMany({ where: { segmentId: { in: [...segmentIds] } }, orderBy: [{ charOffset: 'asc' }, { id: 'asc' }], select: { id: true, segmentId: true, footnoteId: true, label: true, charOffset: true } }),
    db.footnoteRef.findMany({ where: { footnoteId: { in: [...segmentIds] } }, orderBy: { id: 'asc' }, select: { id: true, footnoteId: true } }),
    db.suggestion.findMany({ where: { segmentId: { in: [...segmentIds] }, kind: { not: 'STRUCTURE' }, status: { in: ['PENDING', 'APPROVED'] } }, orderBy: { id: 'asc' }, select: { id: true, segmentId: true } }),
  ]);
  const details = new Map<string, Details>(segmentIds.map((id) => [id, emptyDetails()]));
  const of = (id: string) => details.get(id) as Details;
  for (const row of neighbours) Object.assign(of(row.id), { prevKey: row.prev_key, nextKey: row.next_key });
  for (const text of texts) {
    const entry = of(text.segmentId);
    if (text.language === work.sourceLanguage) {
      if (text.publishedRevisionId && text.publishedRevision) entry.source = { text: text.publishedRevision.text, revisionId: text.publishedRevisionId, emphasis: emphasisFromPairs(text.publishedRevision.emphasis) };
      continue;
    }
    const translation: SnapshotTranslation = { text: text.publishedRevision?.text ?? null, revisionId: text.publishedRevisionId, continuesPrevious: text.continuesPrevious, sourceRevisionId: text.sourceRevisionId };
    entry.translations[text.language] = translation;
  }
  for (const anchor of anchors) of(anchor.segmentId).anchors.push({ id: anchor.id, label: anchor.label, charOffset: anchor.charOffset });
  for (const ref of refs) of(ref.segmentId).refs.push({ id: ref.id, label: ref.label, charOffset: ref.charOffset, footnoteId: ref.footnoteId });
  for (const ref of referrers) of(ref.footnoteId).referrers.push(ref.id);
  for (const suggestion of suggestions) of(suggestion.segmentId).openSuggestionIds.push(suggestion.id);
  return details;
}

/** The order keys right before and after each segment among all of its work's segments. */
async function loadNeighbourKeys(db: Db, segmentIds: readonly string[]): Promise<{ id: string; prev_key: string | null; next_key: string | null }[]> {
  // all segments: a new key must fall between two existing ones, retired ones included (keys are unique in a work).
  return db.$queryRaw<{ id: string; prev_key: string | null; next_key: string | null }[]>`
    SELECT s.id,
           (SELECT max(o.order_key) FROM segment o WHERE o.work_id = s.work_id AND o.order_key < s.order_key) AS prev_key,
           (SELECT min(o.order_key) FROM segment o WHERE o.work_id = s.work_id AND o.order_key > s.order_key) AS next_key
      FROM segment s WHERE s.id = ANY(${segmentIds}::uuid[])`;
}

/**
 * For each language, the nearest live text-bearing segment before `orderKey` whose translation
 * is not grouped into the previous one: the first segment of the group the segment at `orderKey`
 * belongs to, whose text covers it.
 */
async function loadGroupHeads(db: Db, workId: string, orderKey: string, languages: readonly string[], isLocked: boolean): Promise<StructureSnapshot['groupHeads']> {
  const heads: StructureSnapshot['groupHeads'] = {};
  for (const language of languages) {
    const rows = await db.$queryRaw<{ id: string; revision_id: string | null; text: string | null }[]>`
      SELECT s.id, t.published_revision_id AS revision_id, r.text
        FROM segment s
        LEFT JOIN segment_text t ON t.segment_id = s.id AND t.language = ${language}
        LEFT JOIN revision r ON r.id = t.published_revision_id
       WHERE s.work_id = ${workId}::uuid AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')} AND s.order_key < ${orderKey}
         AND t.continues_previous IS NOT TRUE
       ORDER BY s.order_key DESC LIMIT 1`;
    const head = rows[0];
    if (!head) continue;
    if (isLocked) await lockTexts(db, [head.id]);
    // Read again under the lock: the text may have changed before it was taken.
    const current = isLocked ? await db.segmentText.findUnique({ where: { segmentId_language: { segmentId: head.id, language } }, select: { publishedRevisionId: true, publishedRevision: { select: { text: true } } } }) : null;
    heads[language] = isLocked ? { segmentId: head.id, revisionId: current?.publishedRevisionId ?? null, text: current?.publishedRevision?.text ?? null } : { segmentId: head.id, revisionId: head.revision_id, text: head.text };
  }
  return heads;
}

/**
 * The work's live footnotes (without `exceptId`) a new note referred to at `reference` is placed
 * among, in reading order: the last note in reading order referred to before `reference` (a note
 * referred to before it has its first reference before it), and the first note of the work, which
 * the new one precedes when none is. At most two rows, whatever the number of notes.
 */
async function loadNotes(db: Db, workId: string, exceptId: string, reference: { orderKey: string; charOffset: number }): Promise<SnapshotNote[]> {
  const [before, first] = await Promise.all([
    db.$queryRaw<{ id: string; order_key: string; ref_key: string; ref_offset: number }[]>`
      SELECT n.id, n.order_key, s.order_key AS ref_key, r.char_offset AS ref_offset
        FROM footnote_ref r
        JOIN segment s ON s.id = r.segment_id
        JOIN segment n ON n.id = r.footnote_id
       WHERE s.work_id = ${workId}::uuid AND ${liveSegmentSql('s')} AND n.work_id = ${workId}::uuid AND n.kind = 'FOOTNOTE' AND ${liveSegmentSql('n')} AND n.id <> ${exceptId}::uuid
         AND (s.order_key < ${reference.orderKey} OR (s.order_key = ${reference.orderKey} AND r.char_offset <= ${reference.charOffset}))
       ORDER BY n.order_key DESC, s.order_key, r.char_offset
       LIMIT 1`,
    db.segment.findFirst({ where: { workId, kind: 'FOOTNOTE', ...liveSegment, id: { not: exceptId } }, orderBy: { orderKey: 'asc' }, select: { id: true, orderKey: true } }),
  ]);
  const rows = new Map<string, { id: string; orderKey: string; firstRef: SnapshotNote['firstRef'] }>();
  if (first) rows.set(first.id, { id: first.id, orderKey: first.orderKey, firstRef: null });
  // Its reference found is before the new one; that is all the placing asks of its first reference.
  for (const row of before) rows.set(row.id, { id: row.id, orderKey: row.order_key, firstRef: { orderKey: row.ref_key, charOffset: row.ref_offset } });
  const notes = [...rows.values()].sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
  const neighbours = new Map((await loadNeighbourKeys(db, notes.map((note) => note.id))).map((row) => [row.id, row]));
  return notes.map((note) => ({ ...note, prevKey: neighbours.get(note.id)?.prev_key ?? null, nextKey: neighbours.get(note.id)?.next_key ?? null }));
}
