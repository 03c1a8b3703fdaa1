import 'server-only';

import { cleanFormText } from './name-forms';
import type { Db, NameStatus } from '../db/client';

/**
 * The names of a collection with a form written like `text` (letter case aside), in `language`
 * or of any language, with their status: what a new name or proposal would repeat.
 */
export async function findSameNames(db: Db, { collectionId, text, language }: { collectionId: string; text: string; language: string | null }): Promise<{ id: string; status: NameStatus; label: string }[]> {
  const rows = await db.$queryRaw<{ id: string; status: NameStatus; label: string }[]>`
    SELECT DISTINCT n.id, n.status, n.label FROM name_form f JOIN name_entry n ON n.id = f.name_id
     WHERE f.collection_id = ${collectionId}::uuid AND lower(f.text) = lower(${cleanFormText(text)})
       AND (f.language IS NULL OR ${language}::text IS NULL OR f.language = ${language})`;
  return rows;
}
