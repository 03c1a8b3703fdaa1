/**
 * Bookkeeping of the IndexedDB databases that keep drafts in this browser (one per user and
 * chunk document, y-indexeddb). Each is recorded with when it was last used and whether the
 * server had confirmed everything in it then. Databases unused for a long time whose content the
 * server had entirely are deleted; a database that may hold a draft the server never confirmed
 * (typed offline, tab closed) is never deleted.
 */

/** Where the records live (localStorage in the browser). */
export interface RecordStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface StoreRecord {
  /** Last time the database was opened or written (ms since the epoch). */
  usedAt: number;
  /** The server had confirmed every change in it when it was last used. */
  isConfirmed: boolean;
}

const REGISTRY_KEY = 'interlinear:local-draft-stores';
/** Confirmed draft databases unused this long are deleted. */
export const LOCAL_DRAFT_MAX_IDLE_MS = 60 * 24 * 60 * 60 * 1000;

export class LocalDraftStores {
  constructor(
    private readonly storage: RecordStorage,
    private readonly now: () => number = Date.now,
  ) {}

  private read(): Record<string, StoreRecord> {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(REGISTRY_KEY) ?? '{}');
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, StoreRecord>) : {};
    } catch {
      return {};
    }
  }

  private write(records: Record<string, StoreRecord>): void {
    try {
      this.storage.setItem(REGISTRY_KEY, JSON.stringify(records));
    } catch {
      // Storage full or disabled: the databases are simply kept.
    }
  }

  /** Records that the database `name` is opened, keeping what is known of its content (nothing yet: confirmed). */
  use(name: string): void {
    this.touch(name, this.read()[name]?.isConfirmed ?? true);
  }

  /** Records that the database `name` is in use; `isConfirmed` says whether the server has all of it. */
  touch(name: string, isConfirmed: boolean): void {
    const records = this.read();
    const previous = records[name];
    if (previous && previous.isConfirmed === isConfirmed && this.now() - previous.usedAt < 60_000) return;
    records[name] = { usedAt: this.now(), isConfirmed };
    this.write(records);
  }

  /**
   * Deletes (with `deleteDatabase`) the databases unused for {@link LOCAL_DRAFT_MAX_IDLE_MS} whose
   * content the server had confirmed, and forgets them. Returns their names.
   */
  prune(deleteDatabase: (name: string) => void): string[] {
    const records = this.read();
    const cutoff = this.now() - LOCAL_DRAFT_MAX_IDLE_MS;
    const pruned = Object.entries(records)
      .filter(([, record]) => record.isConfirmed && record.usedAt < cutoff)
      .map(([name]) => name);
    if (pruned.length === 0) return [];
    for (const name of pruned) {
      deleteDatabase(name);
      delete records[name];
    }
    this.write(records);
    return pruned;
  }
}
