import 'server-only';

import { namedSegmentIds, storedStructuralEdit } from './stored-structural-edit';
import { can, type Actor } from '../auth/permissions';
import type { Db } from '../db/client';

/** A structural edit waiting for review, as an editor row lists it. */
export interface WaitingStructuralEdit {
  suggestionId: string;
  summary: string;
}

/** Most waiting structural edits read for one page of the editor's rows. */
const MAX_WAITING = 500;

/**
 * For the editor's source rows: the structural edits of the work awaiting review (pending, or
 * approved once) that touch each row: the segments they name, and the sentences of a paragraph
 * they cut or join. Oldest first. Readers who may neither suggest nor review in the collection
 * get none, as for text suggestions.
 */
export async function findWaitingStructuralEdits({ actor, collectionId, workId, rows, db }: { actor: Actor; collectionId: string; workId: string; rows: readonly { segmentId: string; parentId: string | null }[]; db: Db }): Promise<Map<string, WaitingStructuralEdit[]>> {
  const found = new Map<string, WaitingStructuralEdit[]>();
  if (rows.length === 0) return found;
  if (!can(actor, 'suggestion.create', { collectionId }) && !can(actor, 'suggestion.review', { collectionId })) return found;
  // Only the edits naming one of these rows or their paragraphs: every id an operation names is one of its values.
  const ids = [...new Set(rows.flatMap((row) => (row.parentId ? [row.segmentId, row.parentId] : [row.segmentId])))];
  const waiting = await db.$queryRaw<{ id: string; text: string; operation: unknown }[]>`
    SELECT id, text, operation FROM suggestion
     WHERE work_id = ${workId}::uuid AND kind = 'STRUCTURE' AND status IN ('PENDING', 'APPROVED')
       AND jsonb_path_query_array(operation->'operation', '$.*') ?| ${ids}::text[]
     ORDER BY id
     LIMIT ${MAX_WAITING}`;
  for (const suggestion of waiting) {
    const stored = storedStructuralEdit.safeParse(suggestion.operation);
    if (!stored.success) continue;
    const named = new Set(namedSegmentIds(stored.data.operation));
    for (const row of rows) {
      if (!named.has(row.segmentId) && !(row.parentId && named.has(row.parentId))) continue;
      const list = found.get(row.segmentId) ?? [];
      list.push({ suggestionId: suggestion.id, summary: suggestion.text });
      found.set(row.segmentId, list);
    }
  }
  return found;
}
