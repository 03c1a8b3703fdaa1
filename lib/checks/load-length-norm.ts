import 'server-only';

import { lengthNormOf, MIN_MEASURED_CHARS } from './length-norm';
import type { LengthNorm } from './types';
import { liveSegmentSql } from '../auth/scope';
import type { Db } from '../db/client';
import { followedByContinuation } from '../memory/repetition-candidates';

/**
 * The work's own length norm for `language` (lib/checks/length-norm.ts): from the lengths of
 * every published translation of a live text segment, measured as the checks measure them (white
 * space runs counted once), translations grouped with a neighbour's left out; the language pair's
 * default below 30 of them. One scan of the work's texts; the lengths are summed in PostgreSQL.
 */
export async function loadLengthNorm(db: Db, { workId, sourceLanguage, language }: { workId: string; sourceLanguage: string; language: string }): Promise<LengthNorm> {
  const rows = await db.$queryRaw<{ source_chars: number; target_chars: number }[]>`
    SELECT char_length(regexp_replace(btrim(sr.text), '\\s+', ' ', 'g'))::int AS source_chars,
           char_length(regexp_replace(btrim(tr.text), '\\s+', ' ', 'g'))::int AS target_chars
      FROM segment s
      JOIN segment_text st ON st.segment_id = s.id AND st.language = ${sourceLanguage}
      JOIN revision sr ON sr.id = st.published_revision_id
      JOIN segment_text tt ON tt.segment_id = s.id AND tt.language = ${language} AND NOT tt.continues_previous
      JOIN revision tr ON tr.id = tt.published_revision_id
     WHERE s.work_id = ${workId}::uuid AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')}
       AND NOT ${followedByContinuation('s', language)}`;
  const samples = rows.filter((row) => row.source_chars >= MIN_MEASURED_CHARS && row.target_chars > 0).map((row) => ({ ratio: Math.log(row.target_chars / row.source_chars), sourceChars: row.source_chars }));
  return lengthNormOf(samples, sourceLanguage, language);
}
