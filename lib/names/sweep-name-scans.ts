import 'server-only';

import { refreshNameMentions } from './refresh-name-mentions';
import { NAME_SCAN_SWEEP } from '../config/limits';
import { getDb } from '../db/client';

/**
 * The app server's background scan of texts waiting to be read for names (docs/names.md,
 * "Keeping the index current"): every {@link NAME_SCAN_SWEEP} interval, the collections with texts
 * queued (a few at a time), each up to its number of texts, one sweep at a time. Readers' views
 * scan a small batch at most; an import's or the migration's backlog is emptied here, off their
 * requests. A failure is logged and the texts stay queued for the next sweep. Returns the stop.
 */
export function startNameScanSweep({ log, intervalMs = NAME_SCAN_SWEEP.intervalMs }: { log: (line: string) => void; intervalMs?: number }): () => void {
  let isRunning = false;
  const sweep = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      const db = getDb();
      const rows = await db.$queryRaw<{ collection_id: string }[]>`SELECT DISTINCT collection_id::text FROM name_scan_queue LIMIT ${NAME_SCAN_SWEEP.collections}`;
      for (const { collection_id: collectionId } of rows) {
        await refreshNameMentions({ db, collectionId, maxTexts: NAME_SCAN_SWEEP.textsPerCollection });
      }
    } catch (error) {
      log(`name scan failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
