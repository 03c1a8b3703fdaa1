import 'server-only';

import { joinGroupSources } from './group-source';
import type { SourceFootnote } from './types';
import { liveSegmentSql } from '../auth/scope';
import { Prisma, type Db } from '../db/client';

/**
 * What the checks of one segment's translation read from the database: its source (the texts of
 * the segments translated with it joined, as the editor shows them), its footnote references
 * (offsets into that joined source), and its published translation.
 */
export interface CheckUnit {
  segmentId: string;
  workId: string;
  kind: 'HEADING' | 'SENTENCE' | 'FOOTNOTE';
  source: string;
  footnotes: SourceFootnote[];
  /** The published translation, null when there is none. */
  target: string | null;
  targetRevisionId: string | null;
  /** Its translation is part of the previous segment's (`continues_previous`): it has none of its own to check. */
  isContinuation: boolean;
}

interface UnitRow {
  id: string;
  work_id: string;
  kind: 'HEADING' | 'SENTENCE' | 'FOOTNOTE';
  source: string | null;
  target: string | null;
  target_revision_id: string | null;
  continues: boolean;
  /** The next live text segments (up to 8), each with its source and whether its translation continues this group. */
  following: { id: string; text: string; continues: boolean }[] | null;
}

/** Most segments translated as one that a group is read with: far more than aligned translations make. */
const MAX_GROUP = 8;

/**
 * The check units of some segments of one work in `language` (live text segments only; others
 * are left out). One query for the texts and the groups (the next few segments' continuation
 * marks, by the work's order index), one for the footnote references of every segment read.
 */
export async function loadCheckUnits(db: Db, { workId, sourceLanguage, language, segmentIds }: { workId: string; sourceLanguage: string; language: string; segmentIds: readonly string[] }): Promise<Map<string, CheckUnit>> {
  if (segmentIds.length === 0) return new Map();
  const rows = await db.$queryRaw<UnitRow[]>`
    SELECT s.id, s.work_id, s.kind::text AS kind, sr.text AS source, tr.text AS target, tt.published_revision_id AS target_revision_id,
           coalesce(tt.continues_previous, false) AS continues, g.following
      FROM unnest(${[...segmentIds]}::uuid[]) u(id)
      JOIN segment s ON s.id = u.id AND s.work_id = ${workId}::uuid AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')}
      LEFT JOIN segment_text st ON st.segment_id = s.id AND st.language = ${sourceLanguage}
      LEFT JOIN revision sr ON sr.id = st.published_revision_id
      LEFT JOIN segment_text tt ON tt.segment_id = s.id AND tt.language = ${language}
      LEFT JOIN revision tr ON tr.id = tt.published_revision_id
      CROSS JOIN LATERAL (
        SELECT json_agg(json_build_object('id', n.id, 'text', coalesce(nr.text, ''), 'continues', coalesce(nt.continues_previous, false)) ORDER BY n.order_key) AS following
          FROM (SELECT n.id, n.order_key FROM segment n
                 WHERE n.work_id = s.work_id AND n.order_key > s.order_key AND n.kind <> 'PARAGRAPH' AND ${liveSegmentSql('n')}
                 ORDER BY n.order_key LIMIT ${MAX_GROUP}) n
          LEFT JOIN segment_text nt ON nt.segment_id = n.id AND nt.language = ${language}
          LEFT JOIN segment_text ns ON ns.segment_id = n.id AND ns.language = ${sourceLanguage}
          LEFT JOIN revision nr ON nr.id = ns.published_revision_id) g`;
  return unitsOf(db, rows);
}

/**
 * The check units of every live text segment of a work in `language`, in reading order, or of
 * those of chunks `chunks.from` … `chunks.to - 1` (the editor's window; the next chunk is read too,
 * for the groups that run on into it): one ordered scan of the work's segments (groups read from
 * the rows that follow each other), one for their footnote references.
 */
export async function loadWorkCheckUnits(db: Db, { workId, sourceLanguage, language, chunks }: { workId: string; sourceLanguage: string; language: string; chunks?: { from: number; to: number } }): Promise<CheckUnit[]> {
  const rows = await db.$queryRaw<(Omit<UnitRow, 'following'> & { chunk: number })[]>`
    SELECT s.id, s.work_id, s.kind::text AS kind, s.chunk, sr.text AS source, tr.text AS target, tt.published_revision_id AS target_revision_id,
           coalesce(tt.continues_previous, false) AS continues
      FROM segment s
      LEFT JOIN segment_text st ON st.segment_id = s.id AND st.language = ${sourceLanguage}
      LEFT JOIN revision sr ON sr.id = st.published_revision_id
      LEFT JOIN segment_text tt ON tt.segment_id = s.id AND tt.language = ${language}
      LEFT JOIN revision tr ON tr.id = tt.published_revision_id
     WHERE s.work_id = ${workId}::uuid AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')}
       ${chunks ? Prisma.sql`AND s.chunk >= ${chunks.from} AND s.chunk <= ${chunks.to}` : Prisma.empty}
     ORDER BY s.order_key`;
  const withFollowing: UnitRow[] = rows.map((row, index) => ({ ...row, following: rows.slice(index + 1, index + 1 + MAX_GROUP).map((next) => ({ id: next.id, text: next.source ?? '', continues: next.continues })) }));
  const wanted = chunks ? withFollowing.filter((_, index) => (rows[index]?.chunk ?? 0) < chunks.to) : withFollowing;
  return [...(await unitsOf(db, wanted, chunks ? undefined : workId)).values()];
}

/** Units of rows with their groups; `workId`: the rows are the whole work's (its references are read by work, not by a list of ids). */
async function unitsOf(db: Db, rows: readonly UnitRow[], workId?: string): Promise<Map<string, CheckUnit>> {
  const groups = new Map<string, { id: string; text: string }[]>();
  for (const row of rows) {
    const members: { id: string; text: string }[] = [];
    for (const next of row.following ?? []) {
      if (!next.continues) break;
      members.push({ id: next.id, text: next.text });
    }
    groups.set(row.id, members);
  }
  const ids = [...new Set(rows.flatMap((row) => [row.id, ...(groups.get(row.id) ?? []).map((member) => member.id)]))];
  const references = workId ? await loadWorkFootnoteReferences(db, workId) : await loadFootnoteReferences(db, ids);
  const units = new Map<string, CheckUnit>();
  for (const row of rows) {
    const members = groups.get(row.id) ?? [];
    const { text, offsets } = joinGroupSources([row.source ?? '', ...members.map((member) => member.text)]);
    const footnotes = [row.id, ...members.map((member) => member.id)].flatMap((id, index) => (references.get(id) ?? []).map((reference) => ({ label: reference.label, offset: reference.offset + (offsets[index] ?? 0) })));
    units.set(row.id, { segmentId: row.id, workId: row.work_id, kind: row.kind, source: text, footnotes, target: row.target, targetRevisionId: row.target_revision_id, isContinuation: row.continues });
  }
  return units;
}

/** The footnote references of some segments (to live notes only, as the reader shows them), by segment, in text order. */
async function loadFootnoteReferences(db: Db, segmentIds: readonly string[]): Promise<Map<string, SourceFootnote[]>> {
  if (segmentIds.length === 0) return new Map();
  const rows = await db.$queryRaw<ReferenceRow[]>`
    SELECT f.segment_id, f.label, f.char_offset
      FROM unnest(${[...segmentIds]}::uuid[]) u(id)
      JOIN footnote_ref f ON f.segment_id = u.id
      JOIN segment n ON n.id = f.footnote_id AND ${liveSegmentSql('n')}
     ORDER BY f.segment_id, f.char_offset`;
  return referencesBySegment(rows);
}

/** The footnote references of a work's segments, as {@link loadFootnoteReferences}. */
async function loadWorkFootnoteReferences(db: Db, workId: string): Promise<Map<string, SourceFootnote[]>> {
  const rows = await db.$queryRaw<ReferenceRow[]>`
    SELECT f.segment_id, f.label, f.char_offset
      FROM segment s
      JOIN footnote_ref f ON f.segment_id = s.id
      JOIN segment n ON n.id = f.footnote_id AND ${liveSegmentSql('n')}
     WHERE s.work_id = ${workId}::uuid AND ${liveSegmentSql('s')}
     ORDER BY f.segment_id, f.char_offset`;
  return referencesBySegment(rows);
}

interface ReferenceRow {
  segment_id: string;
  label: string;
  char_offset: number;
}

function referencesBySegment(rows: readonly ReferenceRow[]): Map<string, SourceFootnote[]> {
  const references = new Map<string, SourceFootnote[]>();
  for (const row of rows) {
    const list = references.get(row.segment_id) ?? [];
    list.push({ label: row.label, offset: row.char_offset });
    references.set(row.segment_id, list);
  }
  return references;
}
