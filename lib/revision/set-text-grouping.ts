import 'server-only';

import type { Prisma } from '../db/client';
import { uuidv7 } from '../db/uuid';

export interface SetTextGroupingOptions {
  tx: Prisma.TransactionClient;
  segmentId: string;
  language: string;
  /** Covered by the previous segment's translation (an alignment group), or its own. */
  continuesPrevious: boolean;
  alignScore: number | null;
}

/**
 * Sets how a text groups with the previous segment's (and its alignment confidence) without
 * changing the text itself. A segment with no text in the language yet has no `segment_text` row:
 * one is created, so grouping an untranslated row with the one before it is stored like any other
 * grouping. The status follows the rule `writeRevision` keeps: a text covered by the previous
 * segment's counts as done (APPROVED), an untranslated one of its own as EMPTY.
 */
export async function setTextGrouping({ tx, segmentId, language, continuesPrevious, alignScore }: SetTextGroupingOptions): Promise<void> {
  // One statement: a concurrent writer creating the row meanwhile is updated, never duplicated.
  await tx.$executeRaw`
    INSERT INTO segment_text (id, segment_id, language, status, continues_previous, align_score)
    VALUES (${uuidv7()}::uuid, ${segmentId}::uuid, ${language}, ${continuesPrevious ? 'APPROVED' : 'EMPTY'}::"TextStatus", ${continuesPrevious}, ${alignScore}::real)
    ON CONFLICT (segment_id, language) DO UPDATE SET
      continues_previous = EXCLUDED.continues_previous,
      align_score = EXCLUDED.align_score,
      status = CASE WHEN segment_text.published_revision_id IS NOT NULL OR EXCLUDED.continues_previous THEN 'APPROVED'::"TextStatus" ELSE 'EMPTY'::"TextStatus" END,
      updated_at = now()`;
}
