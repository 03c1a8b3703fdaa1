import 'server-only';

import type pg from 'pg';

import type { DeclinedText } from './apply-published';
import type { CollabDocumentKey } from './document-name';
import { liveSegmentSqlText } from '../auth/scope';

export interface PublishedText {
  segmentId: string;
  /** The published revision; null when the segment has no text in this language yet. */
  revisionId: string | null;
  text: string;
}

/** The text-bearing segments of a chunk in reading order, each with its published text in the key's language. */
export async function loadChunkTexts(pool: pg.Pool, key: CollabDocumentKey): Promise<PublishedText[]> {
  const result = await pool.query<{ segment_id: string; revision_id: string | null; text: string | null }>(
    `SELECT s.id AS segment_id, st.published_revision_id AS revision_id, r.text
       FROM segment s
       LEFT JOIN segment_text st ON st.segment_id = s.id AND st.language = $3
       LEFT JOIN revision r ON r.id = st.published_revision_id
      WHERE s.work_id = $1 AND s.chunk = $2 AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSqlText('s')}
      ORDER BY s.order_key`,
    [key.workId, key.chunk, key.language],
  );
  return result.rows.map((row) => ({ segmentId: row.segment_id, revisionId: row.revision_id, text: row.text ?? '' }));
}

/** The published texts of some segments in one language (segments without one are left out). */
export async function loadPublishedTexts(pool: pg.Pool, language: string, segmentIds: readonly string[]): Promise<Map<string, PublishedText>> {
  const result = await pool.query<{ segment_id: string; revision_id: string; text: string }>(
    `SELECT st.segment_id, st.published_revision_id AS revision_id, r.text
       FROM segment_text st JOIN revision r ON r.id = st.published_revision_id
      WHERE st.language = $1 AND st.segment_id = ANY($2::uuid[])`,
    [language, segmentIds],
  );
  return new Map(result.rows.map((row) => [row.segment_id, { segmentId: row.segment_id, revisionId: row.revision_id, text: row.text }]));
}

/**
 * Text suggestions (not structural edits) for some segments in one language whose words a reviewer turned down: rejected, or
 * published with a text other than the one suggested (changes turned down, or rewritten).
 */
export async function loadDeclinedTexts(pool: pg.Pool, language: string, segmentIds: readonly string[]): Promise<DeclinedText[]> {
  if (segmentIds.length === 0) return [];
  const result = await pool.query<{ segment_id: string; base_revision_id: string | null; text: string }>(
    `SELECT segment_id, base_revision_id, text FROM suggestion
      WHERE language = $1 AND segment_id = ANY($2::uuid[]) AND kind <> 'STRUCTURE'
        AND (status = 'REJECTED' OR (status = 'PUBLISHED' AND approved_text IS NOT NULL AND approved_text <> text))`,
    [language, segmentIds],
  );
  return result.rows.map((row) => ({ segmentId: row.segment_id, baseRevisionId: row.base_revision_id, text: row.text }));
}

/** Texts of revisions by id. */
export async function loadRevisionTexts(pool: pg.Pool, revisionIds: readonly string[]): Promise<Map<string, string>> {
  if (revisionIds.length === 0) return new Map();
  const result = await pool.query<{ id: string; text: string }>(`SELECT id, text FROM revision WHERE id = ANY($1::uuid[])`, [revisionIds]);
  return new Map(result.rows.map((row) => [row.id, row.text]));
}

/** Where a document's work belongs and which languages it is read in; null when the work does not exist. */
export async function loadWorkAccess(pool: pg.Pool, workId: string): Promise<{ collectionId: string; languages: string[]; chunks: number } | null> {
  // all segments: chunks are numbered places in the work, and a chunk left empty by retirement still has its number (lib/editor/editor-rows.ts counts it as 0).
  const result = await pool.query<{ collection_id: string; languages: string[] | null; chunks: number | null }>(
    `SELECT w.collection_id,
            (SELECT array_agg(language) FROM work_language wl WHERE wl.work_id = w.id) AS languages,
            (SELECT max(chunk) + 1 FROM segment s WHERE s.work_id = w.id) AS chunks
       FROM work w WHERE w.id = $1`,
    [workId],
  );
  const row = result.rows[0];
  if (!row) return null;
  return { collectionId: row.collection_id, languages: row.languages ?? [], chunks: row.chunks ?? 0 };
}
