import 'server-only';

import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';

import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Hocuspocus, type Extension, type WebSocketLike } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import { Redis as IORedis } from 'ioredis';
import pg from 'pg';
import * as Y from 'yjs';

import { AccessCache } from './access-cache';
import { colorFor } from './client/presence';
import { DeferredAcks } from './deferred-acks';
import { parseCollabDocumentName } from './document-name';
import { SERVER_ORIGIN, syncPublishedTexts } from './document-sync';
import { listen } from './notifications';
import { OUTBOX_CHANNEL, startOutbox, type Outbox } from './outbox';
import { CollabPersistence } from './persistence';
import { loadChunkTexts, loadWorkAccess } from './published-texts';
import { CollabRefusal, MalformedMessage } from './refusal';
import { listSegmentEntries, SEGMENTS_ROOT } from './segment-doc';
import { verifyCollabToken } from './token';
import { UpdateGate } from './update-gate';
import { validateClientUpdate } from './validate-update';
import { loadActor } from '../auth/load-actor';
import { ANONYMOUS, can, type Actor } from '../auth/permissions';
import { MAX_COLLAB_MESSAGE_BYTES } from '../config/limits';
import { getDb } from '../db/client';
import { databasePoolOptions } from '../db/pool-options';

/** What the server knows about a connection once it is authenticated. */
export interface CollabContext {
  userId: string | null;
  userName: string;
  readOnly: boolean;
}

export interface CollabServerOptions {
  /** PostgreSQL of the app (the documents are stored there). */
  databaseUrl: string;
  /** The next-auth secret: collaboration tokens are signed with it. */
  secret: string;
  /** With a Redis URL, several collaboration processes serve the same documents. */
  redisUrl?: string;
  /** Quiet period after the last change before the update log is compacted (ms). */
  compactAfterMs?: number;
  /** Longest a busy document waits for compaction (ms). */
  compactAtMostAfterMs?: number;
  /** URL path WebSocket upgrades are accepted on. */
  path?: string;
  log?: (line: string) => void;
}

export interface CollabServer {
  hocuspocus: Hocuspocus<CollabContext>;
  outbox: Outbox;
  /** Takes WebSocket upgrades to `path` on an HTTP server (the app's own, or one of its own). */
  attach(server: HttpServer): void;
  /** Closes every connection, stores every loaded document, stops the outbox and the pool. */
  close(): Promise<void>;
}

/**
 * Channel the triggers on `collection_member` and `user` notify on, with the user's id: a role
 * granted or revoked, an account disabled, a session ended.
 */
const ACCESS_CHANNEL = 'collab_access';

function closeConnectionsOf(hocuspocus: Hocuspocus<CollabContext>, userId: string): void {
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.connections.keys()) {
      // Closing the socket (not only this document's channel) makes the provider reconnect and
      // authenticate every document again with a fresh token.
      if ((connection.context as CollabContext | undefined)?.userId === userId) connection.webSocket.close(4401, 'access-changed');
    }
  }
}

const DOCUMENT_LOAD_ORIGIN = { source: 'interlinear-load' } as const;
/** An empty Yjs update (no structs, no deletions): what a reconnecting client sends when it has nothing new. */
const EMPTY_UPDATE_BYTES = 2;

/**
 * The collaboration server: Hocuspocus with authentication by collaboration token, read-only
 * enforcement from the permission table, an update log each update is written to before it is
 * confirmed (a confirmed keystroke is a committed row; others see it while the write is in flight), compaction into snapshots when a document goes
 * quiet, published texts changed elsewhere applied to live documents, and optionally Redis to
 * share documents between processes. See docs/collaboration.md.
 */
export function createCollabServer({ databaseUrl, secret, redisUrl, compactAfterMs = 2_000, compactAtMostAfterMs = 10_000, path = '/collab', log = () => undefined }: CollabServerOptions): CollabServer {
  // Tokens signed with a missing or trivial secret would open every document to anyone.
  if (secret.length < 16) throw new Error('The collaboration server needs NEXTAUTH_SECRET (16 characters or more) to check tokens.');
  // The app's time limits: a database that stops answering fails a store instead of hanging it.
  const pool = new pg.Pool(databasePoolOptions(databaseUrl));
  pool.on('error', (error) => log(`idle database connection lost: ${error.message}`));
  const persistence = new CollabPersistence(pool, log);
  const acks = new DeferredAcks();
  const gate = new UpdateGate();
  /** Compactions under way, awaited by close() before the pool ends. */
  const compactions = new Set<Promise<number>>();
  let isClosed = false;
  /** Version of the stored state each loaded document already contains. */
  const versions = new Map<string, number>();
  const access = new AccessCache<Actor, Awaited<ReturnType<typeof loadWorkAccess>>>();

  const extensions: Extension[] = [];
  if (redisUrl) extensions.push(new RedisExtension({ createClient: () => new IORedis(redisUrl, { maxRetriesPerRequest: null }) }));

  const hocuspocus = new Hocuspocus<CollabContext>({
    name: `interlinear-collab-${process.pid}`,
    quiet: true,
    debounce: compactAfterMs,
    maxDebounce: compactAtMostAfterMs,
    extensions,

    async onAuthenticate({ token, documentName, connectionConfig }) {
      const verified = verifyCollabToken(token, secret);
      if (!verified.ok) throw new CollabRefusal(verified.reason);
      const key = parseCollabDocumentName(documentName);
      const opens = (work: Awaited<ReturnType<typeof loadWorkAccess>>) => !!key && !!work && work.languages.includes(key.language) && key.chunk < Math.max(work.chunks, 1);
      const work = key ? await access.work(key.workId, () => loadWorkAccess(pool, key.workId), opens) : null;
      if (!key || !work || !opens(work)) throw new CollabRefusal('unknown-document');
      let actor: Actor = ANONYMOUS;
      const { userId, sessionVersion } = verified.claims;
      if (userId) {
        actor = await access.actor(userId, () => loadActor({ userId, db: getDb() }));
        if (actor.kind !== 'user') throw new CollabRefusal('account-disabled');
        // The session that minted the token has ended (signed out, password changed) since.
        if (actor.sessionVersion !== sessionVersion) throw new CollabRefusal('session-ended');
      }
      const resource = { collectionId: work.collectionId };
      if (!can(actor, 'work.read', resource)) throw new CollabRefusal('forbidden');
      const readOnly = !can(actor, 'segment.edit', resource);
      connectionConfig.readOnly = readOnly;
      return { userId: actor.kind === 'user' ? actor.id : null, userName: actor.kind === 'user' ? actor.name : 'Guest', readOnly } satisfies CollabContext;
    },

    async onLoadDocument({ document, documentName }) {
      const key = parseCollabDocumentName(documentName);
      if (!key) throw new CollabRefusal('unknown-document');
      await persistence.ensureDocument(documentName, key);
      const loaded = await persistence.load(documentName);
      document.transact(() => {
        for (const update of [loaded.state, ...loaded.updates.map((row) => row.update)]) {
          if (!update) continue;
          try {
            Y.applyUpdate(document, update, DOCUMENT_LOAD_ORIGIN);
          } catch (error) {
            log(`skipped an unreadable stored update of ${documentName}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }, DOCUMENT_LOAD_ORIGIN);
      versions.set(documentName, loaded.version);
      // Stored before updates were checked, or a damaged row: readers skip such content, and
      // the entries of the chunk's segments are replaced below; said once per load.
      for (const root of document.share.keys()) if (root !== SEGMENTS_ROOT) log(`${documentName} holds an unexpected root "${root.slice(0, 40)}"; it is ignored`);
      listSegmentEntries(document, (segmentId, problem) => log(`${documentName}: the entry of segment ${segmentId.slice(0, 64)} is malformed (${problem}); it is skipped`));

      // Segments without an entry get one seeded from their published text (the same update on
      // every process); entries whose base is no longer published catch up.
      await syncPublishedTexts({ pool, persistence, name: documentName, doc: document, changes: await loadChunkTexts(pool, key), log });
      return document;
    },

    async beforeSync({ type, payload, document, documentName, connection, context }) {
      // Only sync step 2 and updates carry changes; a read-only connection's are not applied.
      if (type === 0 || connection.readOnly) return;
      if (payload.byteLength <= EMPTY_UPDATE_BYTES) return;
      // Checked before it is stored or applied: a refused update closes this document's
      // connection (the editor then drops its copy, see client/chunk-pool.ts) and leaves no trace.
      await gate.enter(document, connection);
      const refusal = validateClientUpdate(document, payload);
      if (refusal) {
        log(`refused an update of ${documentName} from ${context.userId ?? 'a guest'}: ${refusal}`);
        throw new MalformedMessage(refusal);
      }
      // Stored while the update is applied and broadcast; its confirmation waits for the commit.
      const stored = persistence.append(documentName, payload, context.userId);
      acks.track(connection, stored, (error) => {
        log(`an update of ${documentName} could not be stored; closing the connection so the client sends it again: ${error instanceof Error ? error.message : String(error)}`);
        connection.webSocket.close(1011, 'storage-failed');
      });
    },

    async afterHandleMessage({ connection }) {
      gate.leave(connection);
    },

    async beforeHandleAwareness({ states, context }) {
      // Presence names whoever the token says, whatever the client claims (a guest could
      // otherwise appear as anyone). Server-made awareness (no connection) has no context.
      if (!context) return;
      const user = context.userId ? { id: context.userId, name: context.userName, color: colorFor(context.userId) } : null;
      for (const [clientId, state] of states) states.set(clientId, { ...(typeof state === 'object' && state !== null ? state : {}), user });
    },

    async onStoreDocument({ document, documentName }) {
      // After close() nothing is compacted: every confirmed update is in the log already.
      if (isClosed) return;
      const compaction = persistence.compact(documentName, document, versions.get(documentName) ?? 0, SERVER_ORIGIN);
      compactions.add(compaction);
      try {
        versions.set(documentName, await compaction);
      } finally {
        compactions.delete(compaction);
      }
    },

    async afterUnloadDocument({ documentName }) {
      versions.delete(documentName);
    },
  });

  const listener = listen(databaseUrl, {
    [OUTBOX_CHANNEL]: () => outbox.notify(),
    // Roles changed or an account was disabled: its connections re-authenticate with the new rights.
    [ACCESS_CHANNEL]: (userId) => {
      access.forgetUser(userId);
      closeConnectionsOf(hocuspocus, userId);
    },
  }, log);
  const outbox = startOutbox({ pool, persistence, hocuspocus, listener, log });

  const websockets = crossws({
    serverOptions: { maxPayload: MAX_COLLAB_MESSAGE_BYTES },
    hooks: {
      open(peer) {
        const connection = hocuspocus.handleConnection(peer.websocket as unknown as WebSocketLike, peer.request as Request);
        connections.set(peer.id, connection);
      },
      message(peer, message) {
        connections.get(peer.id)?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        connections.get(peer.id)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        connections.delete(peer.id);
      },
      error(peer, error) {
        log(`WebSocket error on ${peer.id}: ${error.message}`);
      },
    },
  });
  const connections = new Map<string, ReturnType<typeof hocuspocus.handleConnection>>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== path) return;
    void websockets.handleUpgrade(request, socket, head);
  };

  return {
    hocuspocus,
    outbox,
    attach(server) {
      server.on('upgrade', onUpgrade);
    },
    async close() {
      await outbox.stop();
      await listener.stop();
      // Stop taking messages, let the updates already accepted reach the log, then compact what
      // is loaded (every confirmed update is in the log already: this only shortens the next load).
      hocuspocus.closeConnections();
      websockets.closeAll();
      await persistence.close();
      const stores = [...hocuspocus.documents.keys()].map((name) => `onStoreDocument-${name}`).filter((id) => hocuspocus.debouncer.isDebounced(id));
      await Promise.allSettled(stores.map((id): unknown => hocuspocus.debouncer.executeNow(id)));
      // Documents unloaded as their last connection closed may be compacting still.
      await Promise.allSettled([...compactions]);
      isClosed = true;
      await pool.end();
    },
  };
}
