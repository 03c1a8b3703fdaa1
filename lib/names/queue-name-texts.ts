import 'server-only';

import { liveSegmentSql } from '../auth/scope';
import { Prisma } from '../db/client';

/** A lexeme of a tsquery, quoted as its input syntax wants (no normalisation is applied to it). */
function lexeme(word: string): string {
  return `'${word.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`;
}

/**
 * Queues for a new scan the texts a change to names may affect: those that mention them now,
 * and those with a capitalised word a head of their current forms may match (found through
 * `name_scan.words` by GIN: the head's stem as a prefix of the word's stem or key, the head's
 * key, and the shorter prefixes of the stem, which is every way lib/names/match-names.ts relates
 * a word to a form's head). A change calls it before and after changing the forms, in its
 * transaction, so that both the old and the new forms' texts are scanned again. Texts never
 * scanned are queued already (every published text is, until scanned).
 */
export async function queueTextsOfNames(tx: Prisma.TransactionClient, { collectionId, nameIds }: { collectionId: string; nameIds: readonly string[] }): Promise<void> {
  if (nameIds.length === 0) return;
  const heads = await tx.nameForm.findMany({ where: { nameId: { in: [...nameIds] } }, select: { keys: true, stems: true, head: true } });
  const terms = new Set<string>();
  for (const form of heads) {
    const stem = form.stems[form.head] ?? '';
    const key = form.keys[form.head] ?? '';
    if (stem) terms.add(`${lexeme(stem)}:*`);
    if (key) terms.add(lexeme(key));
    const letters = [...stem];
    for (let length = 2; length < letters.length; length += 1) terms.add(lexeme(letters.slice(0, length).join('')));
  }
  const query = [...terms].join(' | ');
  // The tsquery is a constant of the statement, so the planner reads the GIN index.
  const candidates =
    query === ''
      ? Prisma.empty
      : Prisma.sql`UNION
      SELECT ns.segment_id, ns.language FROM name_scan ns
        JOIN segment s ON s.id = ns.segment_id JOIN work w ON w.id = s.work_id
       WHERE ns.words @@ ${query}::tsquery AND w.collection_id = ${collectionId}::uuid AND ${liveSegmentSql('s')}`;
  await tx.$executeRaw`
    INSERT INTO name_scan_queue (segment_id, language, collection_id)
    SELECT segment_id, language, ${collectionId}::uuid FROM (
      SELECT m.segment_id, m.language FROM name_mention m WHERE m.name_id = ANY(${[...nameIds]}::uuid[])
      ${candidates}
    ) t
    ORDER BY 1, 2
    ON CONFLICT (segment_id, language) DO UPDATE SET ticket = nextval(pg_get_serial_sequence('name_scan_queue', 'ticket'))`;
}
