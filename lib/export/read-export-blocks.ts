import 'server-only';

import { chooseText, type StoredText } from './choose-text';
import { buildRuns, type InlineMark } from './inline-runs';
import type { BlockTexts, ExportBlock, ExportLayout, ExportPlan, PlanWork, SegmentRuns } from './types';
import { liveSegmentSql } from '../auth/scope';
import { Prisma, type Db } from '../db/client';

/** Segments read per query: memory stays flat whatever the work's length. */
const BATCH = 1000;

export interface ReadExportBlocksOptions {
  db: Db;
  plan: ExportPlan;
  work: PlanWork;
  /** The languages to write, in order (the plan's, or one of them for a chapter's original). */
  languages: readonly string[];
  /** From this order key (inclusive) to that one (exclusive); the whole work when absent. */
  from?: string | undefined;
  to?: string | undefined;
  /** Whether printed pages are marked (once per download: not in a chapter's repeated original). */
  hasPages?: boolean;
  /** Whether notes are written as blocks (not in a chapter's repeated original: its markers link to the note already written). */
  hasNotes?: boolean;
}

/**
 * A stretch of a work as blocks in reading order, read {@link BATCH} segments per query (keyset
 * on the order key), each sentence's texts joined into its paragraph. Each language's text is
 * chosen by {@link chooseText} (the original stands in for a missing translation when the plan
 * says so). Footnote markers are placed where they stand in the original's text and at the end of
 * a translated sentence; a printed page begins where it does in the original and at the start of
 * a translated sentence, in the first language with a text there — or, where no language has
 * one, at the next text (or in a block of its own at the end), so no page is ever lost. Markers
 * of notes the download does not hold are left out.
 */
export async function* readExportBlocks({ db, plan, work, languages, from, to, hasPages = true, hasNotes = true }: ReadExportBlocksOptions): AsyncGenerator<ExportBlock> {
  const fallback = plan.isFallbackToSource ? work.sourceLanguage : null;
  const readable = fallback ? [...languages, fallback] : [...languages];
  const external = new Set(plan.externalNotes);
  const isNoteWritten = (id: string) => plan.notes.has(id) || external.has(id);

  let pendingPages: { anchorId: string; label: string }[] = [];
  let paragraph: Extract<ExportBlock, { kind: 'paragraph' }> | null = null;

  /** A segment's texts in each language, with its markers and pages placed. */
  const textsOf = (row: Row): BlockTexts => {
    const texts: BlockTexts = {};
    const refs = row.noteRefs.filter((ref) => isNoteWritten(ref.footnoteId));
    // Pages carried from segments without text begin at this one's start (offset 0).
    const pages = hasPages ? [...pendingPages.map((page) => ({ ...page, offset: 0 })), ...row.anchors.map((anchor) => ({ anchorId: anchor.id, label: anchor.label, offset: anchor.charOffset }))] : [];
    let isPaged = pages.length === 0;
    for (const language of languages) {
      const chosen = chooseText(row.texts, language, fallback);
      if (!chosen) continue;
      const isOriginal = chosen.language === work.sourceLanguage;
      const marks: InlineMark[] = refs.map((ref) => ({ offset: isOriginal ? ref.charOffset : Number.MAX_SAFE_INTEGER, run: { type: 'noteref', noteId: ref.footnoteId, label: ref.label } }));
      if (!isPaged) {
        // A translation's pages begin at its start.
        marks.push(...pages.map((page) => ({ offset: isOriginal ? page.offset : 0, run: { type: 'page' as const, anchorId: page.anchorId, label: page.label } })));
        isPaged = true;
      }
      const runs: SegmentRuns = { segmentId: row.id, language: chosen.language, isFallback: chosen.isFallback, runs: buildRuns(chosen.text, chosen.emphasis, marks) };
      texts[language] = [runs];
    }
    pendingPages = isPaged ? [] : pages.map(({ anchorId, label }) => ({ anchorId, label }));
    return texts;
  };

  const flushParagraph = function* (): Generator<ExportBlock> {
    if (paragraph && Object.keys(paragraph.texts).length > 0) yield paragraph;
    paragraph = null;
  };

  // The next batch is asked for before this one is laid out, so the database works while the blocks are written.
  let pending: Promise<Row[]> | null = readBatch(db, work.id, readable, { after: undefined, from, to });
  try {
    while (pending) {
      const rows: Row[] = await pending;
      const last = rows.at(-1)?.orderKey;
      pending = rows.length === BATCH && last !== undefined ? readBatch(db, work.id, readable, { after: last, from, to }) : null;
      for (const row of rows) {
        const isSentenceOfParagraph = row.kind === 'SENTENCE' && paragraph !== null && row.parentId === paragraph.id;
        if (!isSentenceOfParagraph) yield* flushParagraph();
        if (row.kind === 'HEADING') {
          const texts = textsOf(row);
          if (Object.keys(texts).length > 0) yield { kind: 'heading', id: row.id, workId: work.id, orderKey: row.orderKey, level: Math.max(row.level, 1), texts };
        } else if (row.kind === 'FOOTNOTE') {
          if (!hasNotes) continue;
          const texts = textsOf(row);
          if (Object.keys(texts).length > 0) {
            yield { kind: 'footnote', id: row.id, workId: work.id, orderKey: row.orderKey, label: row.label, texts, isReferredFromOwnWork: row.isReferredFromOwnWork };
          }
        } else if (row.kind === 'PARAGRAPH') {
          paragraph = { kind: 'paragraph', id: row.id, workId: work.id, orderKey: row.orderKey, layout: layoutOf(row), texts: {} };
          if (row.anchors.length > 0) textsOf(row);
        } else {
          // A sentence: of the open paragraph, or one standing alone (its paragraph's layout, if any).
          paragraph ??= { kind: 'paragraph', id: row.parentId ?? row.id, workId: work.id, orderKey: row.orderKey, layout: layoutOf(row.parent ?? row), texts: {} };
          for (const [language, runs] of Object.entries(textsOf(row))) (paragraph.texts[language] ??= []).push(...runs);
        }
      }
    }
  } finally {
    // A reader that stops early leaves the batch read ahead unread: its failure is nobody's to report.
    pending?.catch(() => undefined);
  }
  yield* flushParagraph();
  if (pendingPages.length > 0) {
    const [first] = pendingPages;
    yield { kind: 'pages', id: first?.anchorId ?? work.id, workId: work.id, orderKey: to ?? '', pages: pendingPages };
  }
}

interface Row {
  id: string;
  kind: 'HEADING' | 'PARAGRAPH' | 'SENTENCE' | 'FOOTNOTE';
  level: number;
  label: string | null;
  orderKey: string;
  parentId: string | null;
  style: ExportLayout['style'];
  speaker: string | null;
  parent: { style: ExportLayout['style']; speaker: string | null; label: string | null; level: number } | null;
  anchors: { id: string; label: string; charOffset: number }[];
  noteRefs: { label: string; charOffset: number; footnoteId: string }[];
  /** For a note: whether a live segment of its own work refers to it. */
  isReferredFromOwnWork: boolean;
  texts: StoredText[];
}

interface SqlRow {
  id: string;
  kind: Row['kind'];
  level: number;
  label: string | null;
  order_key: string;
  parent_id: string | null;
  style: Row['style'];
  speaker: string | null;
  parent_style: Row['style'] | null;
  parent_speaker: string | null;
  parent_label: string | null;
  parent_level: number | null;
  /** Null when none (no JSON built for most rows). */
  anchors: Row['anchors'] | null;
  refs: Row['noteRefs'] | null;
  own_referrer: boolean | null;
  texts: { language: string; continuesPrevious: boolean; text: string | null; emphasis: number[] | null }[];
}

/**
 * One batch of a work's live segments in reading order, each with its paragraph's layout, its
 * pages, its references to live notes, and its texts in `languages` with their published words
 * — one statement, so a volume is read in a few dozen round trips.
 */
async function readBatch(db: Db, workId: string, languages: readonly string[], { after, from, to }: { after: string | undefined; from: string | undefined; to: string | undefined }): Promise<Row[]> {
  const start = after !== undefined ? Prisma.sql`AND s.order_key > ${after}` : from !== undefined ? Prisma.sql`AND s.order_key >= ${from}` : Prisma.empty;
  const end = to !== undefined ? Prisma.sql`AND s.order_key < ${to}` : Prisma.empty;
  const rows = await db.$queryRaw<SqlRow[]>`
    SELECT s.id, s.kind, s.level, s.label, s.order_key, s.parent_id, s.style, s.speaker,
           p.style AS parent_style, p.speaker AS parent_speaker, p.label AS parent_label, p.level AS parent_level,
           (SELECT json_agg(json_build_object('id', a.id, 'label', a.label, 'charOffset', a.char_offset) ORDER BY a.char_offset, a.id)
              FROM page_anchor a WHERE a.segment_id = s.id) AS anchors,
           (SELECT json_agg(json_build_object('label', r.label, 'charOffset', r.char_offset, 'footnoteId', r.footnote_id) ORDER BY r.char_offset, r.id)
              FROM footnote_ref r JOIN segment f ON f.id = r.footnote_id AND ${liveSegmentSql('f')} WHERE r.segment_id = s.id) AS refs,
           -- An aggregate, not EXISTS: looked up by the note's index for notes only, never a hash of every segment.
           CASE WHEN s.kind = 'FOOTNOTE' THEN (
              SELECT bool_or(rs.work_id = s.work_id) FROM footnote_ref r JOIN segment rs ON rs.id = r.segment_id AND ${liveSegmentSql('rs')} WHERE r.footnote_id = s.id) END AS own_referrer,
           (SELECT coalesce(json_agg(json_build_object('language', t.language, 'continuesPrevious', t.continues_previous, 'text', v.text, 'emphasis', v.emphasis)), '[]'::json)
              FROM segment_text t LEFT JOIN revision v ON v.id = t.published_revision_id
             WHERE t.segment_id = s.id AND t.language = ANY(${[...languages]}::text[])) AS texts
      FROM segment s
      LEFT JOIN segment p ON p.id = s.parent_id AND ${liveSegmentSql('p')}
     WHERE s.work_id = ${workId}::uuid AND ${liveSegmentSql('s')} ${start} ${end}
     ORDER BY s.order_key
     LIMIT ${BATCH}`;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    level: row.level,
    label: row.label,
    orderKey: row.order_key,
    parentId: row.parent_id,
    style: row.style,
    speaker: row.speaker,
    parent: row.parent_style === null ? null : { style: row.parent_style, speaker: row.parent_speaker, label: row.parent_label, level: row.parent_level ?? 0 },
    anchors: row.anchors ?? [],
    noteRefs: row.refs ?? [],
    isReferredFromOwnWork: row.own_referrer === true,
    texts: row.texts.map((text) => ({ language: text.language, continuesPrevious: text.continuesPrevious, publishedRevision: text.text === null ? null : { text: text.text, emphasis: text.emphasis ?? [] } })),
  }));
}

function layoutOf(row: { style: ExportLayout['style']; speaker: string | null; label: string | null; level: number }): ExportLayout {
  const isItem = row.style === 'LIST_ITEM';
  return { style: row.style, speaker: row.style === 'SPEAKER_TURN' ? row.speaker : null, marker: isItem ? row.label : null, depth: isItem ? row.level : 0 };
}
