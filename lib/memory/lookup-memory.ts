import 'server-only';

import { matchPercent, matchTokens } from './score-match';
import type { MemoryMatch, MemoryProvenance } from './types';
import { liveSegmentSql } from '../auth/scope';
import { Prisma, type Db } from '../db/client';
import { diffWords } from '../diff/word-diff';

/** Candidates taken by shared MinHash bands, before rescoring: recall is measured by bench:search. */
export const FUZZY_CANDIDATES = 40;
/**
 * Units sharing a band read at most, before ranking by bands shared: bounds a lookup when the
 * sentence's content words are those of thousands of units (a short line of dialogue such as
 * "-- Да, -- сказал он."), which then share every band and are ranked by the rescoring alone.
 */
export const MAX_BANDED = 2000;
/** Candidates taken by the exact key (the same source in many works). */
const EXACT_CANDIDATES = 20;
/** Order of origins among matches of the same percentage: the library's published translations first. */
const ORIGIN_RANK = { LIBRARY: 0, IMPORTED: 1 } as const;

export interface MemoryLookup {
  sourceLanguage: string;
  targetLanguage: string;
  text: string;
  /** Exact keys (`memory_exact_key`) of the sentence's neighbours, for in-context matches. */
  previousKey?: bigint | null;
  nextKey?: bigint | null;
  /** The segment being translated: its own published translation is no match for itself. */
  excludeSegmentId?: string;
  /** Collections whose units may be shown: 'all', or the ones the reader may read. */
  collectionIds: 'all' | string[];
  minPercent: number;
  limit: number;
}

interface UnitRow {
  id: string;
  origin: 'LIBRARY' | 'IMPORTED';
  source_text: string;
  target_text: string;
  previous_key: bigint | null;
  next_key: bigint | null;
  segment_id: string | null;
  work_id: string | null;
  work_title: string | null;
  work_author: string | null;
  imported_file: string | null;
  translator: string;
  translated_at: Date;
}

/**
 * Exact and fuzzy matches of one sentence in the translation memory (docs/memory.md). Candidates
 * come from the indexes (the exact key; then the units sharing most MinHash bands, GIN `&&`), are
 * rescored by {@link matchPercent}, kept from `minPercent` up and ranked: percentage, the
 * library's units before imported ones, in-context first, newest first; the same pair of texts is
 * shown once (the library's unit when an imported one has the same texts). LIBRARY units of retired segments
 * and of collections outside `collectionIds` never appear (the triggers already drop retired
 * ones; the query checks again), nor do IMPORTED units of other collections.
 */
export async function lookupMemory(db: Db, lookup: MemoryLookup): Promise<MemoryMatch[]> {
  const { sourceLanguage, targetLanguage, text } = lookup;
  const collections = lookup.collectionIds === 'all' ? Prisma.sql`true` : Prisma.sql`coalesce(w.collection_id, m.collection_id) = ANY(${lookup.collectionIds}::uuid[])`;
  const rows = await db.$queryRaw<UnitRow[]>`
    WITH q AS (SELECT memory_exact_key(${text}) AS exact_key,
                      memory_bands(interlinear_search_config(${sourceLanguage}), ${`${sourceLanguage}>${targetLanguage}`}, ${text}) AS bands),
    exact AS (
      SELECT m.id FROM memory_unit m, q
       WHERE m.exact_key = q.exact_key AND m.source_language = ${sourceLanguage} AND m.target_language = ${targetLanguage}
       -- The library's units first (the enum's order): an imported file repeating a sentence never crowds them out.
       ORDER BY m.origin
       LIMIT ${EXACT_CANDIDATES}),
    banded AS (
      SELECT m.id, m.bands, m.origin FROM memory_unit m, q
       WHERE m.bands && q.bands AND m.source_language = ${sourceLanguage} AND m.target_language = ${targetLanguage}
       LIMIT ${MAX_BANDED}),
    fuzzy AS (
      SELECT b.id FROM banded b, q
       ORDER BY (SELECT count(*) FROM unnest(b.bands) x WHERE x = ANY(q.bands)) DESC, b.origin
       LIMIT ${FUZZY_CANDIDATES}),
    candidates AS (SELECT id FROM exact UNION SELECT id FROM fuzzy)
    SELECT m.id, m.origin::text AS origin, m.source_text, m.target_text, m.previous_key, m.next_key, m.segment_id, m.work_id,
           w.title AS work_title, w.author AS work_author, m.imported_file, m.translated_at,
           CASE WHEN m.origin = 'IMPORTED' THEN m.translator
                ELSE coalesce(nullif(u.name, ''), nullif(wl.translator, ''), '') END AS translator
      FROM candidates c
      JOIN memory_unit m ON m.id = c.id
      LEFT JOIN segment s ON s.id = m.segment_id
      LEFT JOIN work w ON w.id = m.work_id
      LEFT JOIN work_language wl ON wl.work_id = m.work_id AND wl.language = m.target_language
      LEFT JOIN revision r ON r.id = m.revision_id
      LEFT JOIN "user" u ON u.id = r.author_id
     WHERE (m.origin = 'IMPORTED' OR (${liveSegmentSql('s')} AND s.id IS NOT NULL))
       AND (${lookup.excludeSegmentId ?? null}::uuid IS NULL OR m.segment_id IS DISTINCT FROM ${lookup.excludeSegmentId ?? null}::uuid)
       AND ${collections}`;

  const current = matchTokens(text);
  const seen = new Set<string>();
  return rows
    .map((row) => {
      const percent = matchPercent(matchTokens(row.source_text), current);
      // Imported units carry no neighbours (their keys are null): never in context.
      const isInContext =
        percent === 100 &&
        row.origin === 'LIBRARY' &&
        lookup.previousKey !== undefined &&
        lookup.nextKey !== undefined &&
        row.previous_key === lookup.previousKey &&
        row.next_key === lookup.nextKey;
      return { row, percent, isInContext };
    })
    .filter(({ percent }) => percent >= lookup.minPercent)
    // The library's own approved texts before imported memories at the same percentage.
    .sort(
      (a, b) =>
        b.percent - a.percent ||
        ORIGIN_RANK[a.row.origin] - ORIGIN_RANK[b.row.origin] ||
        Number(b.isInContext) - Number(a.isInContext) ||
        b.row.translated_at.getTime() - a.row.translated_at.getTime(),
    )
    .filter(({ row }) => {
      const key = `${row.source_text}\u0000${row.target_text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, lookup.limit)
    .map(({ row, percent, isInContext }) => ({
      unitId: row.id,
      percent,
      isInContext,
      sourceText: row.source_text,
      targetText: row.target_text,
      diff: diffWords(row.source_text, text),
      provenance: provenanceOf(row),
    }));
}

function provenanceOf(row: UnitRow): MemoryProvenance {
  const date = row.translated_at.toISOString();
  if (row.origin === 'IMPORTED') return { origin: 'IMPORTED', file: row.imported_file ?? '', translator: row.translator, date };
  return {
    origin: 'LIBRARY',
    workId: row.work_id ?? '',
    workTitle: row.work_title ?? '',
    workAuthor: row.work_author ?? '',
    segmentId: row.segment_id ?? '',
    translator: row.translator,
    date,
  };
}
