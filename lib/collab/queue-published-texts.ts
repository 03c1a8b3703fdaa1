import 'server-only';

import { OUTBOX_CHANNEL } from './outbox';
import type { Prisma } from '../db/client';

/**
 * Queues the published texts of some segments for the live collaboration documents, as the
 * `segment_text` trigger does for every changed text. For segments that come back into view
 * without a new text (a re-import restoring retired segments): documents opened while they were
 * retired have no entries for them. Applied after commit by lib/collab/outbox.ts.
 */
export async function queuePublishedTexts(tx: Prisma.TransactionClient, segmentIds: readonly string[]): Promise<void> {
  if (segmentIds.length === 0) return;
  const queued = await tx.$executeRaw`
    INSERT INTO collab_outbox (segment_id, language)
    SELECT segment_id, language FROM segment_text WHERE segment_id = ANY(${segmentIds}::uuid[]) AND published_revision_id IS NOT NULL`;
  if (queued > 0) await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
}
