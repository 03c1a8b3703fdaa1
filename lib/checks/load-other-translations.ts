import 'server-only';

import type { OtherTranslation } from './types';
import { liveSegmentSql } from '../auth/scope';
import type { Db } from '../db/client';
import { followedByContinuation } from '../memory/repetition-candidates';

/** Most other segments read per segment: a line recurring hundreds of times ("— Yes.") needs only a few of its translations. */
const MAX_OTHERS = 12;

/**
 * The published translations into `language` of the other segments of the work whose source is
 * the same sentence (docs/memory.md, Repetitions: the exact key of each published source in
 * `source_key`, indexed by work, the texts compared again as the key normalises them so two
 * sentences whose keys collide are never taken for each other). Translations grouped with a
 * neighbour's (covering more than the sentence) are left out. By segment; segments without a
 * published source have none.
 */
export async function loadOtherTranslations(db: Db, { workId, sourceLanguage, language, segmentIds }: { workId: string; sourceLanguage: string; language: string; segmentIds: readonly string[] }): Promise<Map<string, OtherTranslation[]>> {
  if (segmentIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; other_id: string; text: string }[]>`
    SELECT k.segment_id AS id, o.other_id, o.text
      FROM source_key k
      JOIN segment_text ks ON ks.segment_id = k.segment_id AND ks.language = ${sourceLanguage}
      JOIN revision kr ON kr.id = ks.published_revision_id
      CROSS JOIN LATERAL (
        SELECT c.id AS other_id, tr.text
          FROM source_key x
          JOIN segment c ON c.id = x.segment_id AND ${liveSegmentSql('c')}
          JOIN segment_text cs ON cs.segment_id = c.id AND cs.language = ${sourceLanguage}
          JOIN revision cr ON cr.id = cs.published_revision_id
          JOIN segment_text ct ON ct.segment_id = c.id AND ct.language = ${language} AND NOT ct.continues_previous
          JOIN revision tr ON tr.id = ct.published_revision_id
         WHERE x.work_id = k.work_id AND x.exact_key = k.exact_key AND x.segment_id <> k.segment_id
           AND memory_exact_text(cr.text) = memory_exact_text(kr.text)
           AND NOT ${followedByContinuation('c', language)}
         -- The same few each time (a finding's key digests them: a dismissal must find it again).
         ORDER BY c.order_key
         LIMIT ${MAX_OTHERS}) o
     WHERE k.work_id = ${workId}::uuid AND k.segment_id = ANY(${[...segmentIds]}::uuid[])`;
  const bySegment = new Map<string, OtherTranslation[]>();
  for (const row of rows) {
    const list = bySegment.get(row.id) ?? [];
    list.push({ segmentId: row.other_id, text: row.text });
    bySegment.set(row.id, list);
  }
  return bySegment;
}
