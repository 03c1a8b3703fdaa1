import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';

import { ChunkPool } from './chunk-pool';
import { LocalDraftStores } from './local-draft-stores';
import type { PresenceState, PresenceUser } from './presence';
import { deriveSaveState, type SaveState, type SocketStatus } from './save-state';
import { collabSocketUrl, createTicketSource, type CollabTicket } from './ticket-source';
import { collabDocumentName } from '../document-name';

/** Where this tab's user is: the segment and the selection in its draft (relative positions). */
export interface EditorFocus {
  segmentId: string;
  chunk: number;
  anchor: unknown;
  head: unknown;
}

export interface OpenCollabConnectionOptions {
  workId: string;
  language: string;
  /** The signed-in user (named to the others), or null for a guest: nothing is kept in the browser then. */
  user: PresenceUser | null;
  /** Fetches a token (`POST /api/collab/token`); it rejects when none could be had. */
  fetchTicket: () => Promise<CollabTicket>;
  capacity?: number;
  graceMs?: number;
}

/**
 * The editor's link to the collaboration server: one WebSocket for the page, a {@link ChunkPool}
 * of chunk documents on it, tokens fetched as needed, this tab's presence, and the browser's
 * online/offline events (the socket is closed at once when the browser goes offline, so the
 * indicator does not wait for a timeout to admit it, and reopened when it is back).
 */
export class CollabConnection {
  readonly pool: ChunkPool;
  readonly session = randomSession();
  private focus: EditorFocus | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private isOnline = typeof navigator === 'undefined' ? true : navigator.onLine;
  version = 0;

  private constructor(
    readonly socket: HocuspocusProviderWebsocket,
    token: () => Promise<string>,
    private readonly options: OpenCollabConnectionOptions,
  ) {
    const { workId, language, user } = options;
    const localStores = user && typeof window !== 'undefined' && typeof indexedDB !== 'undefined' ? new LocalDraftStores(window.localStorage) : undefined;
    // Draft databases of documents long unused, whose content the server had, are deleted once per page.
    localStores?.prune((name) => indexedDB.deleteDatabase(name));
    this.pool = new ChunkPool({
      socket,
      token,
      documentName: (chunk) => collabDocumentName({ workId, language, chunk }),
      // Per user, so drafts typed by one account are never sent in another's name on a shared computer.
      localStoreName: user ? (chunk) => `interlinear:${user.id}:${collabDocumentName({ workId, language, chunk })}` : null,
      localStores,
      presenceFor: (chunk) => this.presenceFor(chunk),
      capacity: options.capacity,
      graceMs: options.graceMs,
      // The server refused one of this tab's changes as malformed; the chunk was reloaded from the server.
      onLocalStateDropped: (chunk, reason) => console.warn(`Chunk ${chunk}: the server refused a change (${reason}); its unsaved changes were discarded and it was loaded again.`),
    });
    this.cleanups.push(this.pool.subscribe(() => this.changed()));
    const onStatus = () => this.changed();
    socket.on('status', onStatus);
    this.cleanups.push(() => socket.off('status', onStatus));
    if (typeof window !== 'undefined') {
      const onOffline = () => {
        this.isOnline = false;
        socket.disconnect();
        this.changed();
      };
      const onOnline = () => {
        this.isOnline = true;
        void socket.connect();
        this.changed();
      };
      window.addEventListener('offline', onOffline);
      window.addEventListener('online', onOnline);
      this.cleanups.push(() => {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      });
      if (!this.isOnline) socket.disconnect();
    }
  }

  /** Fetches a first token (it says where the collaboration server is) and opens the socket. */
  static async open(options: OpenCollabConnectionOptions): Promise<CollabConnection> {
    const tickets = createTicketSource({ fetchTicket: options.fetchTicket });
    const ticket = await tickets.get();
    const socket = new HocuspocusProviderWebsocket({ url: collabSocketUrl(ticket, window.location), minDelay: 500, delay: 1_000, maxDelay: 10_000 });
    return new CollabConnection(socket, tickets.token, options);
  }

  /** What the save indicator should say now. */
  saveState(): SaveState {
    return deriveSaveState({ socket: this.socket.status as SocketStatus, isOnline: this.isOnline, documents: this.pool.documentStates() });
  }

  setFocus(focus: EditorFocus | null): void {
    this.focus = focus;
    this.pool.refreshPresence();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.pool.destroy();
    this.socket.destroy();
    this.listeners.clear();
  }

  private presenceFor(chunk: number): PresenceState {
    const focus = this.focus?.chunk === chunk ? this.focus : null;
    return { session: this.session, user: this.options.user, segmentId: focus?.segmentId ?? null, anchor: focus?.anchor ?? null, head: focus?.head ?? null };
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

function randomSession(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2);
}
