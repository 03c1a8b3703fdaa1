import 'server-only';

import { lengthNormOf, MIN_MEASURED_CHARS } from './length-norm';
import type { LengthNorm } from './types';
import { liveSegmentSql } from '../auth/scope';
import type { Db } from '../db/client';

/**
 * The work's own length norm for `language` (lib/checks/length-norm.ts): from the lengths of
 * every published translation of a live text segment, measured as the checks measure them
 * (trimmed), translations grouped with a neighbour's (theirs, or the next segment's into theirs)
 * left out; the language pair's default below 30 of them. One ordered scan of the work's texts,
 * the next segment's grouping read with `lead()`: no lookup per segment. A 10,000-segment work's
 * scan takes a tenth of a second or more, and its norm moves little with one text: with
 * `maxAgeMs`, a norm computed that recently in this process is answered instead (the editor's
 * windows and submissions; the work's list reads the texts anyway and computes it afresh).
 */
export async function loadLengthNorm(db: Db, { workId, sourceLanguage, language, maxAgeMs = 0 }: { workId: string; sourceLanguage: string; language: string; maxAgeMs?: number }): Promise<LengthNorm> {
  const key = `${workId}\u0000${language}`;
  const cached = recent.get(key);
  if (maxAgeMs > 0 && cached && Date.now() - cached.at <= maxAgeMs) return cached.norm;
  const rows = await db.$queryRaw<{ source_chars: number; target_chars: number }[]>`
    SELECT x.source_chars, x.target_chars
      FROM (SELECT char_length(btrim(sr.text))::int AS source_chars, char_length(btrim(tr.text))::int AS target_chars,
                   coalesce(tt.continues_previous, false) AS continues,
                   coalesce(lead(tt.continues_previous) OVER (ORDER BY s.order_key), false) AS next_continues
              FROM segment s
              LEFT JOIN segment_text st ON st.segment_id = s.id AND st.language = ${sourceLanguage}
              LEFT JOIN revision sr ON sr.id = st.published_revision_id
              LEFT JOIN segment_text tt ON tt.segment_id = s.id AND tt.language = ${language}
              LEFT JOIN revision tr ON tr.id = tt.published_revision_id
             WHERE s.work_id = ${workId}::uuid AND s.kind <> 'PARAGRAPH' AND ${liveSegmentSql('s')}) x
     WHERE NOT x.continues AND NOT x.next_continues AND x.source_chars >= ${MIN_MEASURED_CHARS} AND x.target_chars > 0`;
  const samples = rows.map((row) => ({ ratio: Math.log(row.target_chars / row.source_chars), sourceChars: row.source_chars }));
  const norm = lengthNormOf(samples, sourceLanguage, language);
  recent.delete(key);
  recent.set(key, { norm, at: Date.now() });
  if (recent.size > CACHED_NORMS) recent.delete(recent.keys().next().value ?? key);
  return norm;
}

/** How old a norm the editor's windows, the review queue and submissions accept (ms). */
export const NORM_MAX_AGE_MS = 5 * 60_000;

/** Norms computed lately, oldest first, for callers that accept one a little old. */
const recent = new Map<string, { norm: LengthNorm; at: number }>();
/** Works × languages whose norms are kept. */
const CACHED_NORMS = 64;
