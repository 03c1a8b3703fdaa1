import 'server-only';

import type pg from 'pg';
import * as Y from 'yjs';

import type { CollabDocumentKey } from './document-name';

/**
 * Durable storage of collaboration documents in PostgreSQL (plain `pg`, on the hot path of every
 * keystroke): an append-only update log written before an update is confirmed, and a compacted
 * state per document. Loading applies the state, then every logged update (applying an update
 * twice is a no-op in Yjs, so the log may overlap the state).
 */
export interface LoadedDocument {
  state: Uint8Array | null;
  version: number;
  updates: { seq: bigint; update: Uint8Array }[];
}

/** Updates written by one INSERT at most, and INSERTs in flight at once (group commit). */
const MAX_BATCH_UPDATES = 500;
const MAX_INSERTS_IN_FLIGHT = 2;

interface PendingAppend {
  name: string;
  update: Uint8Array;
  userId: string | null;
  settle: { resolve: () => void; reject: (error: unknown) => void };
}

export class CollabPersistence {
  private readonly queue: PendingAppend[] = [];
  private inFlight = 0;
  private idle: (() => void)[] = [];
  private isClosing = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Registers a document before its first load, so changes made elsewhere are queued for it from now on. */
  async ensureDocument(name: string, key: CollabDocumentKey): Promise<void> {
    await this.pool.query(
      `INSERT INTO collab_document (name, work_id, language, chunk) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING`,
      [name, key.workId, key.language, key.chunk],
    );
  }

  async documentExists(name: string): Promise<boolean> {
    const result = await this.pool.query(`SELECT 1 FROM collab_document WHERE name = $1`, [name]);
    return (result.rowCount ?? 0) > 0;
  }

  async load(name: string): Promise<LoadedDocument> {
    const [documentResult, updateResult] = await Promise.all([
      this.pool.query<{ state: Buffer | null; version: number }>(`SELECT state, version FROM collab_document WHERE name = $1`, [name]),
      this.pool.query<{ seq: string; update: Buffer }>(`SELECT seq, update FROM collab_update WHERE document_name = $1 ORDER BY seq`, [name]),
    ]);
    const row = documentResult.rows[0];
    return {
      state: row?.state ? new Uint8Array(row.state) : null,
      version: row?.version ?? 0,
      updates: updateResult.rows.map((update) => ({ seq: BigInt(update.seq), update: new Uint8Array(update.update) })),
    };
  }

  /**
   * Appends one update to the log; resolves once it is committed. Updates that arrive while
   * earlier INSERTs are in flight are written together by the next one (group commit): an idle
   * server writes each update at once, a busy one writes fewer, larger statements instead of
   * queueing for pool connections.
   */
  append(name: string, update: Uint8Array, userId: string | null): Promise<void> {
    if (this.isClosing) return Promise.reject(new Error('The collaboration server is shutting down.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ name, update, userId, settle: { resolve, reject } });
      this.writeQueued();
    });
  }

  /** Refuses new appends and resolves once every accepted one is committed (or failed). */
  async close(): Promise<void> {
    this.isClosing = true;
    if (this.queue.length === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private writeQueued(): void {
    while (this.inFlight < MAX_INSERTS_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH_UPDATES);
      this.inFlight += 1;
      this.pool
        .query(`INSERT INTO collab_update (document_name, update, user_id) SELECT * FROM unnest($1::text[], $2::bytea[], $3::uuid[])`, [
          batch.map((entry) => entry.name),
          batch.map((entry) => Buffer.from(entry.update.buffer, entry.update.byteOffset, entry.update.byteLength)),
          batch.map((entry) => entry.userId),
        ])
        .then(
          () => batch.forEach((entry) => entry.settle.resolve()),
          (error: unknown) => batch.forEach((entry) => entry.settle.reject(error)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.writeQueued();
          if (this.inFlight === 0 && this.queue.length === 0) for (const resolve of this.idle.splice(0)) resolve();
        });
    }
  }

  /**
   * Folds the log into the stored state: merges the state another process may have written since
   * `knownVersion` into `doc`, writes the document's full state, and deletes the log rows that
   * state contains (checked row by row, so a row logged by another process and not yet seen
   * here is kept). Returns the new version.
   */
  async compact(name: string, doc: Y.Doc, knownVersion: number, origin: unknown): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const current = await client.query<{ state: Buffer | null; version: number }>(`SELECT state, version FROM collab_document WHERE name = $1 FOR UPDATE`, [name]);
      const row = current.rows[0];
      if (!row) {
        await client.query('ROLLBACK');
        return knownVersion;
      }
      if (row.state && row.version !== knownVersion) {
        try {
          Y.applyUpdate(doc, new Uint8Array(row.state), origin);
        } catch (error) {
          // A damaged state is replaced by this document's (which holds everything confirmed here).
          this.log(`compaction of ${name}: skipped an unreadable stored state: ${describe(error)}`);
        }
      }
      const snapshot = Y.snapshot(doc);
      const state = Y.encodeStateAsUpdate(doc);
      const version = row.version + 1;
      await client.query(`UPDATE collab_document SET state = $2, version = $3, updated_at = now() WHERE name = $1`, [name, Buffer.from(state), version]);
      const logged = await client.query<{ seq: string; update: Buffer }>(`SELECT seq, update FROM collab_update WHERE document_name = $1 ORDER BY seq`, [name]);
      const folded = logged.rows.filter((entry) => this.isFolded(name, snapshot, entry)).map((entry) => entry.seq);
      if (folded.length > 0) await client.query(`DELETE FROM collab_update WHERE seq = ANY($1::bigint[])`, [folded]);
      await client.query('COMMIT');
      return version;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Whether a logged update is contained in `snapshot`; an unreadable row is kept (and reported), never fatal. */
  private isFolded(name: string, snapshot: Y.Snapshot, entry: { seq: string; update: Buffer }): boolean {
    try {
      return Y.snapshotContainsUpdate(snapshot, new Uint8Array(entry.update));
    } catch (error) {
      this.log(`compaction of ${name}: kept the unreadable logged update ${entry.seq}: ${describe(error)}`);
      return false;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
