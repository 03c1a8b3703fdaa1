import 'server-only';

import type { Hocuspocus } from '@hocuspocus/server';
import type pg from 'pg';

import type { PublishedChange } from './apply-published';
import { collabDocumentName } from './document-name';
import { syncPublishedTexts } from './document-sync';
import type { Listener } from './notifications';
import type { CollabPersistence } from './persistence';
import { loadPublishedTexts } from './published-texts';

/**
 * Applies published texts changed outside the collaboration server (approvals, imports,
 * alignment fixes, reverts) to the live documents. A trigger on `segment_text` queues each change
 * in `collab_outbox` in the changing transaction and notifies on commit; every collaboration
 * process listens, claims rows with SKIP LOCKED (exactly one process applies a row) and deletes
 * them in the same transaction once applied, so a crash leaves them queued. A document that was
 * never opened needs nothing: it is seeded from the published texts when first loaded.
 */
export interface Outbox {
  /** Applies everything queued now; resolves when the queue was empty once. */
  drain(): Promise<void>;
  /** Something was queued: apply it soon. */
  notify(): void;
  stop(): Promise<void>;
}

const BATCH_ROWS = 500;
const SWEEP_INTERVAL_MS = 10_000;

/** Channel the `segment_text` trigger notifies on. */
export const OUTBOX_CHANNEL = 'collab_outbox';

/** Starts applying queued changes; `listener` must call `outbox.notify()` on {@link OUTBOX_CHANNEL}. */
export function startOutbox({ pool, persistence, hocuspocus, listener, log }: { pool: pg.Pool; persistence: CollabPersistence; hocuspocus: Hocuspocus; listener: Listener; log: (line: string) => void }): Outbox {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const drain = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          while (!stopped && (await applyBatch())) {
            // keep going while batches come back full
          }
        } while (again && !stopped);
      } catch (error) {
        log(`outbox: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  /** Applies one batch; true when there may be more. */
  const applyBatch = async (): Promise<boolean> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const claimed = await client.query<{ segment_id: string; language: string; work_id: string; chunk: number }>(
        `WITH claimed AS (
           DELETE FROM collab_outbox WHERE id IN (SELECT id FROM collab_outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING segment_id, language)
         SELECT DISTINCT c.segment_id, c.language, s.work_id, s.chunk FROM claimed c JOIN segment s ON s.id = c.segment_id`,
        [BATCH_ROWS],
      );
      const byDocument = new Map<string, { language: string; segmentIds: string[] }>();
      for (const row of claimed.rows) {
        const name = collabDocumentName({ workId: row.work_id, language: row.language, chunk: row.chunk });
        const group = byDocument.get(name) ?? { language: row.language, segmentIds: [] };
        group.segmentIds.push(row.segment_id);
        byDocument.set(name, group);
      }
      for (const [name, group] of byDocument) {
        if (!hocuspocus.documents.has(name) && !(await persistence.documentExists(name))) continue;
        await applyToDocument(name, group.language, group.segmentIds);
      }
      await client.query('COMMIT');
      return (claimed.rowCount ?? 0) > 0 && claimed.rows.length >= BATCH_ROWS;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const applyToDocument = async (name: string, language: string, segmentIds: string[]) => {
    const connection = await hocuspocus.openDirectConnection(name, { userId: null, userName: 'Interlinear', readOnly: false });
    try {
      const document = connection.document;
      if (!document) return;
      const published = await loadPublishedTexts(pool, language, segmentIds);
      const changes: PublishedChange[] = segmentIds.map((segmentId) => published.get(segmentId) ?? { segmentId, revisionId: null, text: '' });
      await syncPublishedTexts({ pool, persistence, name, doc: document, changes });
    } finally {
      await connection.disconnect();
    }
  };

  const listening = listener.ready.then(() => drain());
  const sweep = setInterval(() => void drain(), SWEEP_INTERVAL_MS);
  sweep.unref();

  return {
    notify: () => void drain(),
    async drain() {
      await listening;
      await drain();
      if (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(sweep);
      await listening;
      if (running) await running;
    },
  };
}
