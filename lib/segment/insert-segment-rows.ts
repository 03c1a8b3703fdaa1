import 'server-only';

import type { SegmentRow } from './build-segment-rows';
import { insertPublishedTexts } from './insert-published-texts';
import { keysBetween } from './order-key';
import { SEGMENTS_PER_CHUNK } from '../config/limits';
import type { Prisma } from '../db/client';
import { uuidv7Batch } from '../db/uuid';

export interface InsertSegmentRowsOptions {
  tx: Prisma.TransactionClient;
  workId: string;
  language: string;
  rows: readonly SegmentRow[];
  authorId: string | null;
  /** Order key the new rows go after (null: the start of the work). */
  afterKey?: string | null;
  /** Order key the new rows go before (null: the end of the work). */
  beforeKey?: string | null;
  /** Rows inserted into an existing work: the collaboration chunk they join (default: counted from 0 as for a new work). */
  chunk?: number;
  /** Rows inserted into an existing work: for each row without `parentIndex`, an existing paragraph it belongs to. */
  existingParentIds?: readonly (string | null)[];
}

export interface InsertedSegments {
  segmentIds: string[];
  orderKeys: string[];
  anchors: { segmentId: string; label: string; charOffset: number }[];
}

/**
 * Bulk-inserts segments (with the layout of their paragraphs: quotation, list item, speaker
 * turn) with their published texts (one IMPORT revision each, with its emphasis) and page anchors:
 * the hot path of every import. One INSERT … SELECT unnest(…) per table instead of a statement
 * per row.
 */
export async function insertSegmentRows({ tx, workId, language, rows, authorId, afterKey = null, beforeKey = null, chunk, existingParentIds }: InsertSegmentRowsOptions): Promise<InsertedSegments> {
  const segmentIds = uuidv7Batch(rows.length);
  const orderKeys = keysBetween(afterKey, beforeKey, rows.length);
  const parentIds = rows.map((row, index) => (row.parentIndex === null ? (existingParentIds?.[index] ?? null) : (segmentIds[row.parentIndex] ?? null)));
  const chunks = chunk === undefined ? chunksOf(rows) : rows.map(() => chunk);

  await tx.$executeRawUnsafe(
    `INSERT INTO segment (id, work_id, parent_id, kind, level, order_key, label, chunk, style, speaker)
     SELECT id, $1::uuid, parent_id, kind::"SegmentKind", level, order_key, label, chunk, style::"BlockStyle", speaker
     FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int2[], $6::text[], $7::text[], $8::int4[], $9::text[], $10::text[])
       AS t(id, parent_id, kind, level, order_key, label, chunk, style, speaker)`,
    workId,
    segmentIds,
    parentIds,
    rows.map((row) => row.kind),
    rows.map((row) => row.level),
    orderKeys,
    rows.map((row) => row.label),
    chunks,
    rows.map((row) => row.style ?? 'PROSE'),
    rows.map((row) => row.speaker ?? null),
  );

  const textItems = rows.flatMap((row, index) => (row.text === null ? [] : [{ segmentId: segmentIds[index] as string, text: row.text, emphasis: row.emphasis ?? [] }]));
  await insertPublishedTexts({ tx, language, items: textItems, authorId, origin: 'IMPORT' });

  const anchors = rows.flatMap((row, index) => row.pages.map((page) => ({ segmentId: segmentIds[index] as string, label: page.label, charOffset: page.offset })));
  await insertPageAnchors(tx, workId, anchors);
  return { segmentIds, orderKeys, anchors };
}

/**
 * The collaboration chunk of each row of a new work: chunks of SEGMENTS_PER_CHUNK text-bearing
 * segments in reading order; a paragraph row goes with the sentence that follows it.
 */
function chunksOf(rows: readonly SegmentRow[]): number[] {
  let textRows = 0;
  return rows.map((row) => {
    const chunk = Math.floor(textRows / SEGMENTS_PER_CHUNK);
    if (row.kind !== 'PARAGRAPH') textRows += 1;
    return chunk;
  });
}

/** Inserts page anchors (where a printed page begins in a segment's text) of one work, in one statement. */
export async function insertPageAnchors(tx: Prisma.TransactionClient, workId: string, anchors: readonly { segmentId: string; label: string; charOffset: number }[]): Promise<void> {
  if (anchors.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO page_anchor (id, work_id, segment_id, label, char_offset)
     SELECT id, $1::uuid, segment_id, label, char_offset FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int4[]) AS t(id, segment_id, label, char_offset)`,
    workId,
    uuidv7Batch(anchors.length),
    anchors.map((anchor) => anchor.segmentId),
    anchors.map((anchor) => anchor.label),
    anchors.map((anchor) => anchor.charOffset),
  );
}
