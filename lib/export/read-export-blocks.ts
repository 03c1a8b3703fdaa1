import 'server-only';

import { chooseText, type StoredText } from './choose-text';
import { buildRuns, type InlineMark } from './inline-runs';
import type { BlockTexts, ExportBlock, ExportLayout, ExportPlan, PlanWork, SegmentRuns } from './types';
import { liveSegment, liveSegmentsOf } from '../auth/scope';
import type { Db } from '../db/client';

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

type Row = Awaited<ReturnType<typeof readBatch>>[number];

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
      const chosen = chooseText(row.texts as StoredText[], language, fallback);
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

  let after: string | undefined;
  for (;;) {
    const rows = await readBatch(db, work.id, readable, { after, from, to });
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
          const isReferredFromOwnWork = row.referrers.some((referrer) => referrer.segment.workId === work.id);
          yield { kind: 'footnote', id: row.id, workId: work.id, orderKey: row.orderKey, label: row.label, texts, isReferredFromOwnWork };
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
    if (rows.length < BATCH) break;
    after = rows.at(-1)?.orderKey;
  }
  yield* flushParagraph();
  if (pendingPages.length > 0) {
    const [first] = pendingPages;
    yield { kind: 'pages', id: first?.anchorId ?? work.id, workId: work.id, orderKey: to ?? '', pages: pendingPages };
  }
}

function readBatch(db: Db, workId: string, languages: readonly string[], { after, from, to }: { after: string | undefined; from: string | undefined; to: string | undefined }) {
  return db.segment.findMany({
    where: {
      ...liveSegmentsOf(workId),
      orderKey: { ...(after !== undefined ? { gt: after } : from !== undefined ? { gte: from } : {}), ...(to !== undefined ? { lt: to } : {}) },
    },
    orderBy: { orderKey: 'asc' },
    take: BATCH,
    select: {
      id: true, kind: true, level: true, label: true, orderKey: true, parentId: true, style: true, speaker: true,
      parent: { select: { style: true, speaker: true, label: true, level: true } },
      anchors: { select: { id: true, label: true, charOffset: true }, orderBy: [{ charOffset: 'asc' }, { id: 'asc' }] },
      noteRefs: { where: { footnote: liveSegment }, select: { label: true, charOffset: true, footnoteId: true }, orderBy: [{ charOffset: 'asc' }, { id: 'asc' }] },
      referrers: { where: { segment: liveSegment }, select: { segment: { select: { workId: true } } } },
      texts: {
        where: { language: { in: [...languages] } },
        select: { language: true, continuesPrevious: true, publishedRevision: { select: { text: true, emphasis: true } } },
      },
    },
  });
}

function layoutOf(row: { style: ExportLayout['style']; speaker: string | null; label: string | null; level: number }): ExportLayout {
  const isItem = row.style === 'LIST_ITEM';
  return { style: row.style, speaker: row.style === 'SPEAKER_TURN' ? row.speaker : null, marker: isItem ? row.label : null, depth: isItem ? row.level : 0 };
}
