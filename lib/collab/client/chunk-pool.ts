import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

import { nextDetachmentAt, planDetachments } from './chunk-lru';
import { isRefusedUpdateReason } from '../refusal';
import type { LocalDraftStores } from './local-draft-stores';
import type { PresenceState } from './presence';
import type { DocumentSyncState } from './save-state';

/** One attached chunk document: its Y.Doc, its provider on the shared socket, its copy in this browser. */
export interface ChunkSession {
  readonly chunk: number;
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Drafts kept in this browser have been loaded into `doc` (true at once when nothing is kept). */
  isLocalLoaded: boolean;
  /** Why the server refused the document, if it did. */
  refusal: string | null;
}

interface AttachedSession extends ChunkSession {
  lastWantedAt: number;
  local: IndexeddbPersistence | null;
  timers: Set<ReturnType<typeof setTimeout>>;
}

export interface ChunkPoolOptions {
  socket: HocuspocusProviderWebsocket;
  documentName: (chunk: number) => string;
  /** A valid collaboration token; called for every (re)connection of every document. */
  token: () => Promise<string>;
  /** IndexedDB database of a chunk's drafts in this browser; null keeps nothing (read-only viewers). */
  localStoreName: ((chunk: number) => string) | null;
  /** Bookkeeping of those databases (when used, whether the server has all of them), so old ones can be deleted. */
  localStores?: LocalDraftStores;
  /** This tab's awareness state in a chunk. */
  presenceFor: (chunk: number) => PresenceState;
  /** Most chunks kept attached besides those near the viewport. */
  capacity?: number;
  /** The server refused a change of this tab's copy of a chunk as malformed: the copy was dropped and loaded afresh. */
  onLocalStateDropped?: (chunk: number, reason: string) => void;
  /** How long a chunk stays attached after it left the viewport (ms). */
  graceMs?: number;
  now?: () => number;
}

const TOKEN_RETRY_MS = 3_000;
const REOPEN_MS = 1_000;

/**
 * The chunk documents of one editor page on one shared WebSocket: attached when their rows come
 * near the viewport (`want`), detached a while after they leave (see chunk-lru.ts), each kept in
 * IndexedDB so drafts survive reloads and offline periods. Listeners hear about every change of
 * attachment, sync state (`subscribe`) and awareness (`subscribePresence`).
 */
export class ChunkPool {
  private readonly sessions = new Map<number, AttachedSession>();
  /** Chunks whose local copy is being dropped: attached again once their database is gone. */
  private readonly dropping = new Set<number>();
  private wanted = new Set<number>();
  private sweepTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly presenceListeners = new Set<() => void>();
  private isDestroyed = false;
  /** Bumped on every change, for `useSyncExternalStore`. */
  version = 0;
  presenceVersion = 0;

  constructor(private readonly options: ChunkPoolOptions) {}

  /** The chunks near the viewport now: attaches the missing ones and lets the others age out. */
  want(chunks: Iterable<number>): void {
    if (this.isDestroyed) return;
    const now = this.now();
    const next = new Set(chunks);
    for (const chunk of this.wanted) {
      const session = this.sessions.get(chunk);
      if (session && !next.has(chunk)) session.lastWantedAt = now;
    }
    this.wanted = next;
    for (const chunk of next) {
      const session = this.sessions.get(chunk);
      if (session) session.lastWantedAt = now;
      // A chunk whose copy is being dropped is attached again once its database is gone.
      else if (!this.dropping.has(chunk)) this.attach(chunk, now);
    }
    this.sweep();
  }

  get(chunk: number): ChunkSession | undefined {
    return this.sessions.get(chunk);
  }

  all(): ChunkSession[] {
    return [...this.sessions.values()];
  }

  /** Sync state of every attached document, for the save indicator. */
  documentStates(): DocumentSyncState[] {
    return this.all().map(({ provider, refusal }) => ({ isSynced: provider.isSynced, hasUnsyncedChanges: provider.hasUnsyncedChanges, scope: provider.isAuthenticated ? (provider.authorizedScope ?? null) : null, refusal }));
  }

  /** Publishes this tab's awareness state again in every chunk (after focus or caret moves). */
  refreshPresence(): void {
    for (const session of this.sessions.values()) setPresence(session.provider, this.options.presenceFor(session.chunk));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  subscribePresence(listener: () => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  destroy(): void {
    this.isDestroyed = true;
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    for (const chunk of [...this.sessions.keys()]) void this.detach(chunk);
    this.listeners.clear();
    this.presenceListeners.clear();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private attach(chunk: number, now: number): void {
    const { socket, documentName, token, localStoreName } = this.options;
    const doc = new Y.Doc();
    const localName = localStoreName ? localStoreName(chunk) : null;
    const local = localName ? new IndexeddbPersistence(localName, doc) : null;
    const stores = localName ? this.options.localStores : undefined;
    if (localName) stores?.use(localName);
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const later = (run: () => void, ms: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (this.sessions.get(chunk)?.doc === doc) run();
      }, ms);
      timers.add(timer);
    };
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: documentName(chunk),
      document: doc,
      token,
      onAuthenticated: () => {
        session.refusal = null;
        this.changed();
      },
      onAuthenticationFailed: ({ reason }) => {
        // A token that could not be fetched (the network dropped between the socket opening and
        // the request) is worth another try; a refusal by the server is final for this page.
        if (reason.startsWith('Failed to get token')) later(() => void provider.sendToken(), TOKEN_RETRY_MS);
        else session.refusal = reason;
        this.changed();
      },
      onSynced: () => {
        if (localName && !provider.hasUnsyncedChanges) stores?.touch(localName, true);
        this.changed();
      },
      onUnsyncedChanges: ({ number }) => {
        if (localName) stores?.touch(localName, number === 0 && provider.isSynced);
        this.changed();
        if (number === 0) this.sweep();
      },
      onClose: ({ event }) => {
        if (socket.status === 'connected') {
          // The server closed this document alone (the socket is still up). Detaching would tell
          // the server "close" again; it queues that message for the document and replays it on
          // the next connection to it, closing that one too. The provider is let go silently.
          if (socket.configuration.providerMap.get(provider.effectiveName) === provider) socket.configuration.providerMap.delete(provider.effectiveName);
        }
        // The server refused a change of ours as malformed: sending it again would be refused
        // again on every reconnect, so this copy (and its IndexedDB copy) is dropped.
        if (isRefusedUpdateReason(event.reason ?? '')) {
          void this.dropLocalState(chunk, event.reason);
          return;
        }
        // Open it again.
        if (socket.status === 'connected') {
          provider.detach();
          later(() => provider.attach(), REOPEN_MS);
        }
        this.changed();
      },
      onAwarenessChange: () => this.presenceChanged(),
    });
    const session: AttachedSession = { chunk, doc, provider, isLocalLoaded: local === null, refusal: null, lastWantedAt: now, local, timers };
    this.sessions.set(chunk, session);
    void local?.whenSynced.then(() => {
      session.isLocalLoaded = true;
      this.changed();
    });
    setPresence(provider, this.options.presenceFor(chunk));
    provider.attach();
    this.changed();
  }

  private detach(chunk: number, { isDroppingLocal = false } = {}): Promise<void> {
    const session = this.sessions.get(chunk);
    if (!session) return Promise.resolve();
    this.sessions.delete(chunk);
    for (const timer of session.timers) clearTimeout(timer);
    session.provider.destroy();
    // clearData closes the IndexedDB database and deletes it.
    const local = isDroppingLocal ? session.local?.clearData() : session.local?.destroy();
    session.doc.destroy();
    this.changed();
    this.presenceChanged();
    return Promise.resolve(local).then(() => undefined);
  }

  /**
   * Forgets this tab's copy of a chunk (memory and IndexedDB) and, if the chunk is still near the
   * viewport, loads it afresh from the server. Unconfirmed changes of that chunk are lost: the
   * server refused one of them, and they cannot be told apart.
   */
  private async dropLocalState(chunk: number, reason: string): Promise<void> {
    const session = this.sessions.get(chunk);
    if (!session || this.dropping.has(chunk)) return;
    this.dropping.add(chunk);
    const lastWantedAt = session.lastWantedAt;
    try {
      await this.detach(chunk, { isDroppingLocal: true });
    } catch {
      // The database could not be deleted (storage blocked): the fresh copy starts from it anyway.
    } finally {
      this.dropping.delete(chunk);
    }
    this.options.onLocalStateDropped?.(chunk, reason);
    if (this.isDestroyed || this.sessions.has(chunk) || !this.wanted.has(chunk)) return;
    this.attach(chunk, Math.max(lastWantedAt, this.now()));
  }

  private sweep(): void {
    if (this.isDestroyed) return;
    const graceMs = this.options.graceMs ?? 30_000;
    const attached = [...this.sessions.values()].map((session) => ({ chunk: session.chunk, lastWantedAt: session.lastWantedAt, isBusy: session.provider.hasUnsyncedChanges }));
    for (const chunk of planDetachments({ attached, wanted: this.wanted, now: this.now(), graceMs, capacity: this.options.capacity ?? 6 })) void this.detach(chunk);
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    this.sweepTimer = null;
    // Busy chunks are swept again when their last change is confirmed (onUnsyncedChanges).
    const remaining = [...this.sessions.values()].filter((session) => !session.provider.hasUnsyncedChanges).map((session) => ({ chunk: session.chunk, lastWantedAt: session.lastWantedAt, isBusy: false }));
    const next = nextDetachmentAt({ attached: remaining, wanted: this.wanted, graceMs });
    if (next !== null) this.sweepTimer = setTimeout(() => this.sweep(), Math.max(next - this.now(), 0) + 50);
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  private presenceChanged(): void {
    this.presenceVersion += 1;
    for (const listener of this.presenceListeners) listener();
  }
}

/** Sets the local awareness state unless it is already that (every set is a message to everyone). */
function setPresence(provider: HocuspocusProvider, state: PresenceState): void {
  const awareness = provider.awareness;
  if (!awareness) return;
  if (JSON.stringify(awareness.getLocalState()) === JSON.stringify(state)) return;
  awareness.setLocalState({ ...state });
}
