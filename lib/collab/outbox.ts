import 'server-only';

import type { Hocuspocus } from '@hocuspocus/server';
import type pg from 'pg';

import type { PublishedChange } from './apply-published';
import { collabDocumentName } from './document-name';
import { syncDecisions, syncPublishedTexts } from './document-sync';
import type { Listener } from './notifications';
import type { CollabPersistence } from './persistence';
import { loadPublishedTexts } from './published-texts';

/**
 * Applies published texts changed outside the collaboration server (approvals, imports,
 * alignment fixes, reverts) and decisions on suggestions (a rejected or partly approved draft is
 * no longer marked done) to the live documents. Triggers on `segment_text` and `suggestion`
 * queue each change in `collab_outbox` in the changing transaction and notify on commit; every
 * collaboration process listens, claims rows with SKIP LOCKED (exactly one process applies a row)
 * and deletes them in the same transaction once applied, so a crash leaves them queued. A row
 * that cannot be applied is kept with its error and retried later; after a few attempts it is set
 * aside (`failed_at`), so it never holds back the others. A document that was never opened needs
 * nothing: it is seeded from the published texts when first loaded.
 */
export interface Outbox {
  /** Applies everything queued now; resolves when the queue was empty once. */
  drain(): Promise<void>;
  /** Something was queued: apply it soon. */
  notify(): void;
  stop(): Promise<void>;
}

const BATCH_ROWS = 500;
/** Failed attempts after which a queued change is set aside (`failed_at`) instead of retried. */
export const MAX_ATTEMPTS = 5;
const SWEEP_INTERVAL_MS = 10_000;

/** Channel the `segment_text` trigger notifies on. */
export const OUTBOX_CHANNEL = 'collab_outbox';

/** Starts applying queued changes; `listener` must call `outbox.notify()` on {@link OUTBOX_CHANNEL}. */
export function startOutbox({ pool, persistence, hocuspocus, listener, log }: { pool: pg.Pool; persistence: CollabPersistence; hocuspocus: Hocuspocus; listener: Listener; log: (line: string) => void }): Outbox {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  /** Rows that failed during the current drain: retried on a later one, not in a loop now. */
  let failedThisDrain = new Set<string>();

  const drain = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      failedThisDrain = new Set();
      try {
        do {
          again = false;
          while (!stopped && (await applyBatch())) {
            // keep going while batches come back full
          }
        } while (again && !stopped);
      } catch (error) {
        log(`outbox: ${describe(error)}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  /**
   * Applies one batch; true when there may be more. Each document's rows are applied on their
   * own, and when that fails each row on its own, so one bad row holds back nothing else: it is
   * kept with its error and retried on a later drain, and set aside after {@link MAX_ATTEMPTS}.
   */
  const applyBatch = async (): Promise<boolean> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // all segments: a queued text change belongs to its segment's document whatever the segment's state; restoring a segment queues its texts this way.
      const claimed = await client.query<{ id: string; segment_id: string; language: string; work_id: string | null; chunk: number | null }>(
        `SELECT o.id, o.segment_id, o.language, s.work_id, s.chunk
           FROM collab_outbox o LEFT JOIN segment s ON s.id = o.segment_id
          WHERE o.failed_at IS NULL AND NOT (o.id = ANY($2::bigint[]))
          ORDER BY o.id LIMIT $1
          FOR UPDATE OF o SKIP LOCKED`,
        [BATCH_ROWS, [...failedThisDrain]],
      );
      const done: string[] = [];
      const failed: { id: string; error: string }[] = [];
      const byDocument = new Map<string, { language: string; rows: { id: string; segmentId: string }[] }>();
      for (const row of claimed.rows) {
        // A segment deleted since has nothing to apply.
        if (row.work_id === null || row.chunk === null) {
          done.push(row.id);
          continue;
        }
        const name = collabDocumentName({ workId: row.work_id, language: row.language, chunk: row.chunk });
        const group = byDocument.get(name) ?? { language: row.language, rows: [] };
        group.rows.push({ id: row.id, segmentId: row.segment_id });
        byDocument.set(name, group);
      }
      for (const [name, { language, rows }] of byDocument) {
        try {
          if (hocuspocus.documents.has(name) || (await persistence.documentExists(name))) await applyToDocument(name, language, [...new Set(rows.map((row) => row.segmentId))]);
          done.push(...rows.map((row) => row.id));
          continue;
        } catch (error) {
          if (rows.length === 1) {
            failed.push({ id: (rows[0] as { id: string }).id, error: describe(error) });
            continue;
          }
        }
        for (const row of rows) {
          try {
            await applyToDocument(name, language, [row.segmentId]);
            done.push(row.id);
          } catch (error) {
            failed.push({ id: row.id, error: describe(error) });
          }
        }
      }
      if (done.length > 0) await client.query(`DELETE FROM collab_outbox WHERE id = ANY($1::bigint[])`, [done]);
      if (failed.length > 0) {
        const updated = await client.query<{ id: string; set_aside: boolean }>(
          `UPDATE collab_outbox o SET attempts = o.attempts + 1, last_error = f.error,
                  failed_at = CASE WHEN o.attempts + 1 >= $3 THEN now() END
             FROM unnest($1::bigint[], $2::text[]) AS f(id, error)
            WHERE o.id = f.id
            RETURNING o.id, o.failed_at IS NOT NULL AS set_aside`,
          [failed.map((failure) => failure.id), failed.map((failure) => failure.error.slice(0, 1_000)), MAX_ATTEMPTS],
        );
        for (const failure of failed) failedThisDrain.add(failure.id);
        const setAside = new Set(updated.rows.filter((row) => row.set_aside).map((row) => row.id));
        for (const failure of failed) log(`outbox: change ${failure.id} could not be applied${setAside.has(failure.id) ? ` ${MAX_ATTEMPTS} times and is set aside` : ''}: ${failure.error}`);
      }
      await client.query('COMMIT');
      return claimed.rows.length >= BATCH_ROWS;
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
      await syncPublishedTexts({ pool, persistence, name, doc: document, changes, log });
      await syncDecisions({ pool, persistence, name, doc: document, language, segmentIds });
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
