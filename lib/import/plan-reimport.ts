import 'server-only';

import { alignSegmentTexts, normalizeSegmentText } from './align-segment-texts';
import type { CleanupChoice, CleanupReportLine } from './prepare-text';
import { assertRowsImportable } from './store-work';
import type { SegmentRow } from '../segment/build-segment-rows';
import type { EmphasisSpan } from '../segment/emphasis';
import { runParseJob } from './worker/run-parse-job';
import { parseAuditEvent } from '../audit/parse-audit-event';
import { assertCan, type Actor } from '../auth/permissions';
import { getDb, type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { keysBetween } from '../segment/order-key';
import type { PageMark } from '../segment/segmenter';
import type { BlockStyleName } from '../segment/segmenter/block-layout';

/** A segment whose published source text the new cleanup changes (a CLEANUP revision). */
export interface PlannedChange {
  segmentId: string;
  /** The published revision the change is based on: compare-and-set when it is written. */
  expectedRevisionId: string;
  before: string;
  after: string;
  pages: PageMark[];
  footnoteRefs: { label: string; offset: number; key?: string }[];
  /** The emphasis of the new text. */
  emphasis: EmphasisSpan[];
}

/** New rows inserted together between two existing segments. */
export interface PlannedInsertion {
  afterKey: string | null;
  beforeKey: string | null;
  /** The existing segment the rows follow (null: the start of the work). */
  afterSegmentId: string | null;
  chunk: number;
  /** Rows with `parentIndex` local to `rows`; a sentence of an existing paragraph has it in `existingParentIds`. */
  rows: SegmentRow[];
  existingParentIds: (string | null)[];
}

/**
 * What re-running the import of a work with other cleanup choices would do. Nothing is deleted:
 * text the new cleanup no longer has is retired (hidden, kept with its revisions), and retired
 * text it has again is restored.
 */
export interface ReimportPlan {
  workId: string;
  collectionId: string;
  language: string;
  uploadId: string;
  rules: CleanupChoice;
  cleanup: CleanupReportLine[];
  changes: PlannedChange[];
  /** Texts volunteers or editors have changed since the import: never touched by a re-import. */
  keptEdited: { segmentId: string; current: string; proposed: string }[];
  insertions: PlannedInsertion[];
  /** Existing segments the new text has no counterpart for, whose text people edited (or that begin a grouped translation): left as they are. */
  unmatchedOld: { segmentId: string; text: string }[];
  /** Existing segments the new text has no counterpart for, their text as imported: retired (compare-and-set on the revision). */
  retired: { segmentId: string; text: string; expectedRevisionId: string }[];
  /** Retired segments the new text has again: restored. */
  restored: { segmentId: string; text: string }[];
  /** Paragraphs left with no live sentence, and retired paragraphs that get one again. */
  paragraphs: { retired: string[]; restored: string[] };
  unchanged: number;
  /** Existing paragraphs whose layout the new cleanup reads differently (a speaker turn, a list item, a quotation). */
  layoutChanges: { segmentId: string; style: BlockStyleName; label: string | null; speaker: string | null; level: number }[];
  /** Segments whose text stays but whose page anchors move (a page number now read as an anchor). */
  pageMoves: { segmentId: string; pages: PageMark[] }[];
  /** Existing footnotes by label, and by the key of the new note matched to them, for linking references of changed and inserted texts. */
  notes: Map<string, string>;
  /**
   * Segments an applied structural edit acted on or created (from the work's `structure.applied`
   * events): never retired by a re-import, and references to them are not relinked away.
   */
  structural: Set<string>;
}

export interface PlanReimportOptions {
  actor: Actor;
  workId: string;
  /** Cleanup choices, as an import takes them. */
  rules: CleanupChoice;
  db?: Db;
}

/** Origins of texts nobody has touched since the import: a re-import may replace them. */
const MACHINE_ORIGINS = new Set(['IMPORT', 'CLEANUP']);

interface ExistingSegment {
  id: string;
  parentId: string | null;
  kind: string;
  orderKey: string;
  chunk: number;
  label: string | null;
  level: number;
  style: string;
  speaker: string | null;
  isRetired: boolean;
  /** Retired by a structural edit, which recorded the live segment replacing it: never restored by a re-import. */
  replacedById: string | null;
  revisionId: string | null;
  text: string | null;
  origin: string | null;
}

/**
 * Reads a work's original upload (the source-language one), prepares it again exactly as an
 * import would with `rules`, and aligns the new text segments with the existing ones in order
 * (lib/import/align-segment-texts.ts). Writes nothing. Throws NOT_FOUND (work, or no upload kept),
 * UNAUTHENTICATED/FORBIDDEN (`work.import` on the work's collection), INVALID_INPUT and the
 * errors of decoding.
 */
export async function planReimport({ actor, workId, rules, db = getDb() }: PlanReimportOptions): Promise<ReimportPlan> {
  const work = await db.work.findUnique({ where: { id: workId }, select: { collectionId: true, sourceLanguage: true } });
  if (!work) throw new AppError('NOT_FOUND', 'work.notFoundThat');
  assertCan(actor, 'work.import', { collectionId: work.collectionId });
  const source = await findSourceUpload(db, workId);
  const { upload } = source;
  const file = { name: upload.filename, bytes: new Uint8Array(upload.bytes) };
  const prepared = source.volume
    ? await prepareVolumePart({ file, language: work.sourceLanguage, rules, volume: source.volume })
    : await runParseJob('prepare', { file, language: work.sourceLanguage, cleanup: rules });
  assertRowsImportable(prepared.rows);

  // all segments: the new text is matched against every segment, retired ones included, so that those it has again are restored.
  const existing = await db.$queryRaw<{ id: string; parent_id: string | null; kind: string; order_key: string; chunk: number; label: string | null; level: number; style: string; speaker: string | null; retired: boolean; replaced_by_id: string | null; revision_id: string | null; text: string | null; origin: string | null }[]>`
    SELECT s.id, s.parent_id, s.kind::text AS kind, s.order_key, s.chunk, s.label, s.level, s.style::text AS style, s.speaker, s.retired_at IS NOT NULL AS retired, s.replaced_by_id, t.published_revision_id AS revision_id, r.text, r.origin::text AS origin
      FROM segment s
      LEFT JOIN segment_text t ON t.segment_id = s.id AND t.language = ${work.sourceLanguage}
      LEFT JOIN revision r ON r.id = t.published_revision_id
     WHERE s.work_id = ${workId}::uuid
     ORDER BY s.order_key`;
  const all: ExistingSegment[] = existing.map((row) => ({ id: row.id, parentId: row.parent_id, kind: row.kind, orderKey: row.order_key, chunk: row.chunk, label: row.label, level: row.level, style: row.style, speaker: row.speaker, isRetired: row.retired, replacedById: row.replaced_by_id, revisionId: row.revision_id, text: row.text, origin: row.origin }));
  const anchors = await db.pageAnchor.findMany({ where: { workId }, orderBy: [{ charOffset: 'asc' }, { id: 'asc' }], select: { segmentId: true, label: true, charOffset: true } });
  const pagesOf = new Map<string, PageMark[]>();
  for (const anchor of anchors) pagesOf.set(anchor.segmentId, [...(pagesOf.get(anchor.segmentId) ?? []), { label: anchor.label, offset: anchor.charOffset }]);

  const plan: ReimportPlan = {
    workId,
    collectionId: work.collectionId,
    language: work.sourceLanguage,
    uploadId: upload.id,
    rules,
    cleanup: prepared.cleanup,
    changes: [],
    keptEdited: [],
    insertions: [],
    unmatchedOld: [],
    retired: [],
    restored: [],
    paragraphs: { retired: [], restored: [] },
    unchanged: 0,
    layoutChanges: [],
    pageMoves: [],
    notes: new Map(all.filter((segment) => segment.kind === 'FOOTNOTE' && segment.label).map((segment) => [segment.label as string, segment.id])),
    structural: new Set(),
  };
  // The segments structural edits acted on or created: people's choices a re-import keeps.
  const structural = await db.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT x.id FROM audit_event e
     CROSS JOIN LATERAL (SELECT e.data->>'segmentId' AS id UNION ALL SELECT jsonb_array_elements_text(COALESCE(e.data->'created', '[]'::jsonb))) x
     WHERE e.type = 'structure.applied' AND e.work_id = ${workId}::uuid AND x.id IS NOT NULL`;
  for (const row of structural) plan.structural.add(row.id);
  // all segments: the same segments as above, retired ones included.
  const continuing = await db.$queryRaw<{ segment_id: string }[]>`
    SELECT DISTINCT st.segment_id FROM segment_text st JOIN segment s ON s.id = st.segment_id
     WHERE s.work_id = ${workId}::uuid AND st.continues_previous`;
  classify(plan, all, prepared.rows, pagesOf, groupHeads(all, new Set(continuing.map((row) => row.segment_id))));
  return plan;
}

/** Fills the plan: each new row is matched (changed, kept, unchanged) or inserted in order. */
/**
 * Segments whose translation in some language runs on over the segments after them (those marked
 * `continues_previous`): the group's text is stored on its first segment, so that one is not retired.
 */
function groupHeads(all: readonly ExistingSegment[], continuing: ReadonlySet<string>): Set<string> {
  const heads = new Set<string>();
  const texts = all.filter((segment) => segment.kind !== 'PARAGRAPH');
  texts.forEach((segment, index) => {
    if (!continuing.has(segment.id)) return;
    let head = index - 1;
    while (head > 0 && continuing.has(texts[head]?.id ?? '')) head -= 1;
    const id = texts[head]?.id;
    if (id) heads.add(id);
  });
  return heads;
}

function classify(plan: ReimportPlan, all: readonly ExistingSegment[], rows: readonly SegmentRow[], pagesOf: ReadonlyMap<string, PageMark[]>, heads: ReadonlySet<string>): void {
  const positionOf = new Map(all.map((segment, index) => [segment.id, index]));
  // A paragraph a structural edit retired is the paragraph that replaced it (its sentences went
  // there); one replaced by something else (a sentence made a heading or a note) stays itself.
  const liveParagraph = (id: string): string => {
    let current = all[positionOf.get(id) ?? -1];
    for (let hop = 0; hop < 20 && current?.isRetired && current.replacedById; hop += 1) {
      const next = all[positionOf.get(current.replacedById) ?? -1];
      if (next?.kind !== 'PARAGRAPH') break;
      current = next;
    }
    return current?.id ?? id;
  };
  const olds = all.filter((segment) => segment.text !== null && segment.revisionId !== null);
  const textRows = rows.flatMap((row, index) => (row.text === null ? [] : [index]));
  const mapping = alignSegmentTexts(olds.map((segment) => segment.text as string), textRows.map((index) => rows[index]?.text as string));
  const oldOfRow = new Map<number, ExistingSegment>();
  mapping.forEach((oldIndex, k) => {
    if (oldIndex !== null) oldOfRow.set(textRows[k] as number, olds[oldIndex] as ExistingSegment);
  });
  // A note matched to an existing one is that note, for the references that name its key (labels repeat: `*`).
  for (const [index, old] of oldOfRow) {
    const row = rows[index];
    if (row?.kind === 'FOOTNOTE' && row.noteKey && old.kind === 'FOOTNOTE') plan.notes.set(row.noteKey, old.id);
  }
  const absorbed = absorbedRows(all, positionOf, rows, textRows, oldOfRow, plan.structural);
  // A new paragraph one of whose sentences matched is that sentence's existing paragraph.
  const existingParagraph = new Map<number, string>();
  for (const [index, old] of [...oldOfRow, ...absorbed]) {
    const parentIndex = rows[index]?.parentIndex;
    if (parentIndex != null && old.parentId && !existingParagraph.has(parentIndex)) existingParagraph.set(parentIndex, liveParagraph(old.parentId));
  }

  // Walk the new rows in order. Unmatched rows between two matched ones are inserted together
  // right after the last existing segment passed (its paragraph, for a sentence of it), with keys
  // after any inserted there before.
  let lastPosition = -1;
  let lastKey: string | null = null;
  let run: { rows: SegmentRow[]; existingParentIds: (string | null)[]; localIndex: Map<number, number> } | null = null;
  const advance = (segmentId: string) => {
    const position = positionOf.get(segmentId) ?? -1;
    if (position <= lastPosition) return;
    lastPosition = position;
    lastKey = all[position]?.orderKey ?? null;
  };
  const flush = () => {
    if (!run) return;
    const beforeKey = all[lastPosition + 1]?.orderKey ?? null;
    const keys = keysBetween(lastKey, beforeKey, run.rows.length);
    plan.insertions.push({
      afterKey: lastKey,
      beforeKey,
      afterSegmentId: all[lastPosition]?.id ?? null,
      chunk: all[lastPosition]?.chunk ?? all[0]?.chunk ?? 0,
      rows: run.rows,
      existingParentIds: run.existingParentIds,
    });
    lastKey = keys[keys.length - 1] ?? lastKey;
    run = null;
  };
  const laidOut = new Set<string>();
  // A new sentence joins the existing paragraph of the sentence matched before it in its own new
  // paragraph (paragraphs joined by a rule: the one it is inserted into), else of any matched one.
  const currentParent = new Map<number, string>();
  const skipped = emptiedParagraphs(rows, absorbed, existingParagraph);
  rows.forEach((row, index) => {
    if (skipped.has(index)) return;
    const holder = absorbed.get(index);
    if (holder) {
      // Its words are already in a segment a structural edit made (merged into, or moved to the
      // notes): nothing to insert, and nothing to advance past (a moved note stands elsewhere).
      plan.unchanged += 1;
      if (holder.parentId && row.parentIndex !== null && !currentParent.has(row.parentIndex)) currentParent.set(row.parentIndex, liveParagraph(holder.parentId));
      return;
    }
    const paragraphId = row.kind === 'PARAGRAPH' ? existingParagraph.get(index) : undefined;
    const old = oldOfRow.get(index);
    if (paragraphId || old) {
      flush();
      advance((paragraphId ?? old?.id) as string);
      // A segment a structural edit merged into another stays retired as it is: its words are there.
      if (old && !(old.isRetired && old.replacedById)) classifyMatch(plan, old, row, pagesOf);
      if (old?.parentId && row.parentIndex !== null) currentParent.set(row.parentIndex, liveParagraph(old.parentId));
      if (paragraphId && !laidOut.has(paragraphId)) {
        laidOut.add(paragraphId);
        planLayout(plan, all[positionOf.get(paragraphId) ?? -1], row);
      }
      return;
    }
    run ??= { rows: [], existingParentIds: [], localIndex: new Map() };
    const localParent = row.parentIndex === null ? undefined : run.localIndex.get(row.parentIndex);
    run.localIndex.set(index, run.rows.length);
    run.rows.push({ ...row, parentIndex: localParent ?? null });
    run.existingParentIds.push(localParent === undefined && row.parentIndex !== null ? (currentParent.get(row.parentIndex) ?? existingParagraph.get(row.parentIndex) ?? null) : null);
  });
  flush();
  const matched = new Set([...oldOfRow.values(), ...absorbed.values()].map((segment) => segment.id));
  for (const segment of olds) {
    const text = segment.text as string;
    if (matched.has(segment.id)) {
      // A segment a structural edit merged into another is matched (its words are there) but stays retired.
      if (segment.isRetired && !segment.replacedById) plan.restored.push({ segmentId: segment.id, text });
    } else if (!segment.isRetired) {
      // Kept when people edited it, or when a translation grouped over several segments begins on it.
      // A segment a structural edit acted on or created stays too: it is where people put it.
      if (MACHINE_ORIGINS.has(segment.origin ?? '') && !heads.has(segment.id) && !plan.structural.has(segment.id)) plan.retired.push({ segmentId: segment.id, text, expectedRevisionId: segment.revisionId as string });
      else plan.unmatchedOld.push({ segmentId: segment.id, text });
    }
  }
  planParagraphs(plan, all, olds, matched);
}

/**
 * New text rows left unmatched whose words a structural edit already put into a live segment:
 * - a row next to one matched to a segment retired by a merge (it records the segment replacing
 *   it), whose text is part of that replacing segment's text. The aligner cannot match such a row
 *   when it is short ("Dr." of "Dr. Smith went…"), and inserting it would show its words twice;
 * - a row with the same text as a live segment a structural edit acted on that nothing matched
 *   (a sentence made a footnote stands among the notes, out of the order the aligner keeps).
 * Maps the row to the live segment holding its words.
 */
function absorbedRows(all: readonly ExistingSegment[], positionOf: ReadonlyMap<string, number>, rows: readonly SegmentRow[], textRows: readonly number[], oldOfRow: ReadonlyMap<number, ExistingSegment>, structural: ReadonlySet<string>): Map<number, ExistingSegment> {
  const matched = new Set([...oldOfRow.values()].map((segment) => segment.id));
  const moved = new Map<string, ExistingSegment[]>();
  for (const segment of all) {
    if (segment.isRetired || segment.text === null || matched.has(segment.id) || !structural.has(segment.id)) continue;
    const key = normalizeSegmentText(segment.text);
    moved.set(key, [...(moved.get(key) ?? []), segment]);
  }
  const successorOf = (segment: ExistingSegment): ExistingSegment | undefined => {
    let current: ExistingSegment | undefined = segment;
    for (let hop = 0; hop < 20 && current?.isRetired && current.replacedById; hop += 1) current = all[positionOf.get(current.replacedById) ?? -1];
    return current && !current.isRetired && current.text !== null ? current : undefined;
  };
  const absorbed = new Map<number, ExistingSegment>();
  textRows.forEach((index, k) => {
    if (oldOfRow.has(index)) return;
    const text = normalizeSegmentText(rows[index]?.text ?? '');
    if (!text) return;
    const same = moved.get(text)?.shift();
    if (same) {
      absorbed.set(index, same);
      return;
    }
    for (const neighbour of [textRows[k - 1], textRows[k + 1]]) {
      const old = neighbour === undefined ? undefined : oldOfRow.get(neighbour);
      if (!old?.isRetired || !old.replacedById) continue;
      const successor = successorOf(old);
      if (successor && normalizeSegmentText(successor.text as string).includes(text)) {
        absorbed.set(index, successor);
        return;
      }
    }
  });
  return absorbed;
}

/** New paragraph rows matched to no existing paragraph whose every text row is absorbed: nothing of them to insert. */
function emptiedParagraphs(rows: readonly SegmentRow[], absorbed: ReadonlyMap<number, ExistingSegment>, existingParagraph: ReadonlyMap<number, string>): Set<number> {
  const children = new Map<number, number[]>();
  rows.forEach((row, index) => {
    if (row.parentIndex !== null && row.text !== null) children.set(row.parentIndex, [...(children.get(row.parentIndex) ?? []), index]);
  });
  const emptied = new Set<number>();
  for (const [parentIndex, texts] of children) {
    if (!existingParagraph.has(parentIndex) && texts.every((index) => absorbed.has(index))) emptied.add(parentIndex);
  }
  return emptied;
}

/**
 * A paragraph whose sentences are all retired is retired with them; a retired paragraph that
 * keeps or gets a live sentence (restored, or inserted into it) is restored.
 */
function planParagraphs(plan: ReimportPlan, all: readonly ExistingSegment[], olds: readonly ExistingSegment[], matched: ReadonlySet<string>): void {
  const retiring = new Set(plan.retired.map((segment) => segment.segmentId));
  const children = new Map<string, number>();
  const live = new Map<string, number>();
  for (const segment of olds) {
    if (!segment.parentId) continue;
    children.set(segment.parentId, (children.get(segment.parentId) ?? 0) + 1);
    const isLive = segment.isRetired ? matched.has(segment.id) && !segment.replacedById : !retiring.has(segment.id);
    if (isLive) live.set(segment.parentId, (live.get(segment.parentId) ?? 0) + 1);
  }
  for (const insertion of plan.insertions) {
    for (const parentId of insertion.existingParentIds) if (parentId) live.set(parentId, (live.get(parentId) ?? 0) + 1);
  }
  for (const paragraph of all) {
    if (paragraph.kind !== 'PARAGRAPH') continue;
    const isLive = (live.get(paragraph.id) ?? 0) > 0;
    // Restored when it gets a live sentence again, replaced by a structural edit or not: its
    // sentences that could follow into the paragraph replacing it did (lib/structure), so one
    // still here would otherwise be live under a retired paragraph.
    if (paragraph.isRetired && isLive) plan.paragraphs.restored.push(paragraph.id);
    if (!paragraph.isRetired && !isLive && (children.get(paragraph.id) ?? 0) > 0) plan.paragraphs.retired.push(paragraph.id);
  }
}

/** The first new paragraph matched to an existing one gives it its layout, when that differs. */
function planLayout(plan: ReimportPlan, paragraph: ExistingSegment | undefined, row: SegmentRow): void {
  if (paragraph?.kind !== 'PARAGRAPH') return;
  const layout = { style: row.style ?? 'PROSE', label: row.label, speaker: row.speaker ?? null, level: row.level };
  if (layout.style === paragraph.style && layout.label === paragraph.label && layout.speaker === paragraph.speaker && layout.level === paragraph.level) return;
  plan.layoutChanges.push({ segmentId: paragraph.id, ...layout });
}

function classifyMatch(plan: ReimportPlan, old: ExistingSegment, row: SegmentRow, pagesOf: ReadonlyMap<string, PageMark[]>): void {
  const text = row.text as string;
  const isMachineText = MACHINE_ORIGINS.has(old.origin ?? '');
  if (old.text === text) {
    plan.unchanged += 1;
    const pages = pagesOf.get(old.id) ?? [];
    const isSamePages = pages.length === row.pages.length && pages.every((page, k) => page.label === row.pages[k]?.label && page.offset === row.pages[k]?.offset);
    if (isMachineText && !isSamePages) plan.pageMoves.push({ segmentId: old.id, pages: row.pages });
  } else if (isMachineText) {
    plan.changes.push({ segmentId: old.id, expectedRevisionId: old.revisionId as string, before: old.text as string, after: text, pages: row.pages, footnoteRefs: row.footnoteRefs ?? [], emphasis: row.emphasis ?? [] });
  } else {
    plan.keptEdited.push({ segmentId: old.id, current: old.text as string, proposed: text });
  }
}

/** Where a work split from a volume stands in it: the volume's works in order, and this one's title. */
interface VolumePlace {
  workIds: string[];
  index: number;
  title: string;
}

/**
 * The upload a work was imported from: the one its `work.imported` event names (translations
 * imported later keep their own uploads on the same work), or, for a work split from a volume,
 * the volume's upload (kept once, on its first work) with the work's place in the volume.
 */
async function findSourceUpload(db: Db, workId: string): Promise<{ upload: { id: string; filename: string; bytes: Uint8Array }; volume: VolumePlace | null }> {
  const imported = await db.auditEvent.findFirst({ where: { workId, type: 'work.imported' }, orderBy: { createdAt: 'asc' }, select: { id: true, type: true, data: true } });
  const uploadId = imported ? parseAuditEvent(imported, ['work.imported']).data.uploadId : null;
  const upload = uploadId ? await db.upload.findFirst({ where: { id: uploadId, workId }, select: { id: true, filename: true, bytes: true } }) : null;
  if (upload) return { upload, volume: null };

  const volumes = await db.$queryRaw<{ id: string; type: string; data: unknown }[]>`
    SELECT id, type, data FROM audit_event WHERE type = 'volume.imported' AND data->'workIds' ? ${workId} ORDER BY created_at LIMIT 1`;
  const volumeData = volumes[0] ? parseAuditEvent(volumes[0], ['volume.imported']).data : null;
  const workIds = volumeData?.workIds ?? [];
  const volumeUpload = volumeData ? await db.upload.findUnique({ where: { id: volumeData.uploadId }, select: { id: true, filename: true, bytes: true } }) : null;
  const work = await db.work.findUnique({ where: { id: workId }, select: { title: true } });
  if (!volumeUpload || !work || !workIds.includes(workId)) throw new AppError('NOT_FOUND', 'import.noOriginalUpload');
  return { upload: volumeUpload, volume: { workIds, index: workIds.indexOf(workId), title: work.title } };
}

/**
 * The rows of one work of a volume, prepared again from the volume's upload with `rules`: the
 * part with the work's title (the split follows the table of contents, whose titles the works
 * took, or an anthology's pieces, titled by their title lines), or the part at the work's place when the volume still splits into as many parts.
 */
async function prepareVolumePart({ file, language, rules, volume }: { file: { name: string; bytes: Uint8Array }; language: string; rules: CleanupChoice | undefined; volume: VolumePlace }): Promise<{ rows: SegmentRow[]; cleanup: CleanupReportLine[] }> {
  const prepared = await runParseJob('prepare-volume', { file, language, cleanup: rules });
  const normalise = (title: string) => title.replace(/\s+/g, ' ').trim().toLowerCase();
  const byTitle = prepared?.parts.filter((part) => normalise(part.title) === normalise(volume.title)) ?? [];
  const part = byTitle.length === 1 ? byTitle[0] : prepared?.parts.length === volume.workIds.length ? prepared.parts[volume.index] : undefined;
  if (!prepared || !part) {
    throw new AppError('INVALID_INPUT', 'import.worksNoLongerSplit');
  }
  return { rows: part.rows, cleanup: prepared.cleanup };
}
