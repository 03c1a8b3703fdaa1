import 'server-only';

import { liveSegmentSql } from '../../auth/scope';
import { MAX_GLOSSARY_LOOKUP_TEXTS } from '../../config/limits';
import { Prisma, type Db } from '../../db/client';
import { findGlossaryHits } from '../../glossary/find-glossary-hits';

/** Segments read per query (and glossary lookups per batch): memory stays flat whatever the work's length. */
const BATCH = Math.min(1000, MAX_GLOSSARY_LOOKUP_TEXTS);
/** Open discussions written per segment at most (their first comment each). */
const MAX_COMMENTS_PER_SEGMENT = 10;
/** Characters of a footnote's or comment's text written in a note at most. */
const MAX_NOTE_CHARS = 2000;

/** One text-bearing segment of a work as translators' tools get it: the original, one translation, and what helps translating it. */
export interface ExchangeUnit {
  segmentId: string;
  kind: 'HEADING' | 'SENTENCE' | 'FOOTNOTE';
  /** The original's published text and its revision. */
  sourceText: string;
  sourceRevisionId: string;
  /** The translation's published text ('' when none) and its revision (null when none). */
  targetText: string;
  targetRevisionId: string | null;
  /** When the published translation was written (null when none), and who is credited for it. */
  targetChangedAt: Date | null;
  targetCreatedAt: Date | null;
  translator: string;
  /** The translation of this segment is part of the previous segment's (one sentence for two). */
  isGrouped: boolean;
  /** Printed pages beginning in this segment, at offsets of the original's text. */
  pages: { label: string; offset: number }[];
  /** Notes this segment refers to: their label, original and translation. */
  footnotes: { label: string; source: string; target: string }[];
  /** Approved glossary terms found in the original, with their approved translations (a forbidden one as “not …”). */
  glossary: { term: string; translations: string[]; note: string }[];
  /** Open discussions of the segment (about it, or about this translation): first comment each. */
  comments: { author: string; body: string }[];
}

export interface ReadExchangeUnitsOptions {
  db: Db;
  work: { id: string; collectionId: string; sourceLanguage: string };
  targetLanguage: string;
  /** Footnotes, glossary terms and discussions too (XLIFF); without them, texts only (TMX). */
  withNotes: boolean;
}

interface SqlRow {
  id: string;
  kind: ExchangeUnit['kind'];
  order_key: string;
  source_text: string;
  source_revision_id: string;
  target_text: string | null;
  target_revision_id: string | null;
  target_changed_at: Date | null;
  target_created_at: Date | null;
  translator: string | null;
  grouped: boolean | null;
  pages: ExchangeUnit['pages'] | null;
  footnotes: { label: string; source: string | null; target: string | null }[] | null;
}

/**
 * A work's text-bearing live segments with a published original, in reading order, with their
 * translation into `targetLanguage` (published text and revision), printed pages and, with
 * `withNotes`, the notes they refer to, the glossary terms of their original (the editor's
 * recogniser, one lookup per batch) and their open discussions. {@link BATCH} segments per query
 * (keyset on the order key), the next batch read while the current one is written.
 */
export async function* readExchangeUnits({ db, work, targetLanguage, withNotes }: ReadExchangeUnitsOptions): AsyncGenerator<ExchangeUnit> {
  // A collection without a glossary for the pair pays nothing for looking terms up.
  const hasGlossary = withNotes && (await db.glossaryTerm.findFirst({ where: { collectionId: work.collectionId, sourceLanguage: work.sourceLanguage, targetLanguage, state: 'APPROVED' }, select: { id: true } })) !== null;
  const options = { withNotes, hasGlossary };
  let pending: Promise<ExchangeUnit[]> | null = readBatch(db, work, targetLanguage, options, undefined);
  try {
    while (pending) {
      const batch: ExchangeUnit[] & { lastKey?: string } = await pending;
      pending = batch.lastKey !== undefined ? readBatch(db, work, targetLanguage, options, batch.lastKey) : null;
      yield* batch;
    }
  } finally {
    pending?.catch(() => undefined);
  }
}

async function readBatch(db: Db, work: ReadExchangeUnitsOptions['work'], target: string, { withNotes, hasGlossary }: { withNotes: boolean; hasGlossary: boolean }, after: string | undefined): Promise<ExchangeUnit[] & { lastKey?: string }> {
  const rows = await db.$queryRaw<SqlRow[]>`
    SELECT s.id, s.kind, s.order_key, sv.text AS source_text, sv.id AS source_revision_id,
           tv.text AS target_text, tv.id AS target_revision_id, tv.created_at AS target_changed_at,
           CASE WHEN tv.id IS NOT NULL THEN (SELECT min(x.created_at) FROM revision x WHERE x.segment_text_id = tt.id) END AS target_created_at,
           coalesce(nullif(u.name, ''), nullif(wl.translator, ''), '') AS translator,
           tt.continues_previous AS grouped,
           (SELECT json_agg(json_build_object('label', a.label, 'offset', a.char_offset) ORDER BY a.char_offset, a.id)
              FROM page_anchor a WHERE a.segment_id = s.id) AS pages,
           ${withNotes ? Prisma.sql`(SELECT json_agg(json_build_object('label', r.label, 'source', fsv.text, 'target', ftv.text) ORDER BY r.char_offset, r.id)
              FROM footnote_ref r
              JOIN segment f ON f.id = r.footnote_id AND ${liveSegmentSql('f')}
              LEFT JOIN segment_text fst ON fst.segment_id = f.id AND fst.language = ${work.sourceLanguage}
              LEFT JOIN revision fsv ON fsv.id = fst.published_revision_id
              LEFT JOIN segment_text ftt ON ftt.segment_id = f.id AND ftt.language = ${target}
              LEFT JOIN revision ftv ON ftv.id = ftt.published_revision_id
             WHERE r.segment_id = s.id)` : Prisma.sql`NULL::json`} AS footnotes
      FROM segment s
      JOIN segment_text st ON st.segment_id = s.id AND st.language = ${work.sourceLanguage}
      JOIN revision sv ON sv.id = st.published_revision_id
      LEFT JOIN segment_text tt ON tt.segment_id = s.id AND tt.language = ${target}
      LEFT JOIN revision tv ON tv.id = tt.published_revision_id
      LEFT JOIN "user" u ON u.id = tv.author_id
      LEFT JOIN work_language wl ON wl.work_id = s.work_id AND wl.language = ${target}
     WHERE s.work_id = ${work.id}::uuid AND ${liveSegmentSql('s')} AND s.kind <> 'PARAGRAPH'
       ${after === undefined ? Prisma.empty : Prisma.sql`AND s.order_key > ${after}`}
     ORDER BY s.order_key
     LIMIT ${BATCH}`;
  const [glossary, comments] = withNotes && rows.length > 0
    ? await Promise.all([
        hasGlossary ? findGlossaryHits(db, { collectionId: work.collectionId, sourceLanguage: work.sourceLanguage, targetLanguage: target, texts: rows.map((row) => row.source_text) }) : [],
        readOpenDiscussions(db, rows.map((row) => row.id), target),
      ])
    : [[], new Map<string, ExchangeUnit['comments']>()];
  const units: ExchangeUnit[] & { lastKey?: string } = rows.map((row, index) => ({
    segmentId: row.id,
    kind: row.kind,
    sourceText: row.source_text,
    sourceRevisionId: row.source_revision_id,
    targetText: row.target_text ?? '',
    targetRevisionId: row.target_revision_id,
    targetChangedAt: row.target_changed_at,
    targetCreatedAt: row.target_created_at,
    translator: row.translator ?? '',
    isGrouped: row.grouped === true,
    pages: row.pages ?? [],
    footnotes: (row.footnotes ?? []).filter((note) => note.source !== null || note.target !== null).map((note) => ({ label: note.label, source: cut(note.source ?? ''), target: cut(note.target ?? '') })),
    glossary: (glossary[index] ?? []).map((hit) => ({ term: hit.term, translations: hit.translations.map((translation) => (translation.status === 'forbidden' ? `not “${translation.text}”` : translation.text)), note: cut(hit.note) })),
    comments: comments.get(row.id) ?? [],
  }));
  if (rows.length === BATCH) units.lastKey = rows.at(-1)?.order_key;
  return units;
}

/** The first comment of each open discussion of the segments (about the segment, or about the translation), oldest first. */
async function readOpenDiscussions(db: Db, segmentIds: string[], language: string): Promise<Map<string, ExchangeUnit['comments']>> {
  const rows = await db.$queryRaw<{ segment_id: string; author: string | null; body: string }[]>`
    SELECT c.segment_id, u.name AS author, c.body
      FROM (SELECT c.*, row_number() OVER (PARTITION BY c.segment_id ORDER BY c.id) AS n
              FROM comment c
             WHERE c.segment_id = ANY(${segmentIds}::uuid[]) AND c.thread_id IS NULL AND c.resolved_at IS NULL AND c.deleted_at IS NULL
               AND (c.language IS NULL OR c.language = ${language})) c
      LEFT JOIN "user" u ON u.id = c.author_id
     WHERE c.n <= ${MAX_COMMENTS_PER_SEGMENT}
     ORDER BY c.segment_id, c.id`;
  const bySegment = new Map<string, ExchangeUnit['comments']>();
  for (const row of rows) {
    const list = bySegment.get(row.segment_id) ?? [];
    list.push({ author: row.author ?? '', body: cut(row.body) });
    bySegment.set(row.segment_id, list);
  }
  return bySegment;
}

function cut(text: string): string {
  return text.length > MAX_NOTE_CHARS ? `${text.slice(0, MAX_NOTE_CHARS - 1)}…` : text;
}
