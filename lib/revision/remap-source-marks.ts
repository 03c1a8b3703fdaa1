import 'server-only';

import type { Prisma } from '../db/client';
import { mapOffsets } from '../diff/text-ranges';

/**
 * Moves what is anchored in a segment's source text by character offset — its footnote markers
 * (`footnote_ref`) and the printed pages that begin in it (`page_anchor`) — from `before` to
 * `after` through the word diff, for a new revision of the source text (the caller knows it is
 * one): a correction that changes the text's length before a marker leaves the marker after the
 * same word. A marker follows the word before it, a page the word after it ({@link mapOffsets}).
 * One read, and one write per table only when something moves.
 */
export async function remapSourceMarks(tx: Prisma.TransactionClient, segmentId: string, before: string, after: string): Promise<void> {
  if (before === after) return;
  const marks = await tx.$queryRaw<{ kind: 'note' | 'page'; id: string; char_offset: number }[]>`
    SELECT 'note' AS kind, f.id, f.char_offset FROM footnote_ref f WHERE f.segment_id = ${segmentId}::uuid
    UNION ALL
    SELECT 'page' AS kind, p.id, p.char_offset FROM page_anchor p WHERE p.segment_id = ${segmentId}::uuid`;
  if (marks.length === 0) return;
  for (const kind of ['note', 'page'] as const) {
    const ofKind = marks.filter((mark) => mark.kind === kind);
    const moved = mapOffsets(before, after, ofKind.map((mark) => mark.char_offset), kind === 'note' ? 'end' : 'start');
    const changed = ofKind.flatMap((mark, index) => (moved[index] === mark.char_offset ? [] : [{ id: mark.id, offset: moved[index] as number }]));
    if (changed.length === 0) continue;
    const ids = changed.map((mark) => mark.id);
    const offsets = changed.map((mark) => mark.offset);
    if (kind === 'note') {
      await tx.$executeRaw`UPDATE footnote_ref f SET char_offset = m.char_offset FROM unnest(${ids}::uuid[], ${offsets}::int4[]) AS m(id, char_offset) WHERE f.id = m.id`;
    } else {
      await tx.$executeRaw`UPDATE page_anchor p SET char_offset = m.char_offset FROM unnest(${ids}::uuid[], ${offsets}::int4[]) AS m(id, char_offset) WHERE p.id = m.id`;
    }
  }
}
