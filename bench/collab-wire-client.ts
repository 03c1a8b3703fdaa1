/**
 * A simulated editor of bench/collab.ts that speaks the Hocuspocus protocol itself over a real
 * WebSocket (authentication, the two sync steps, updates), in place of a full provider.
 *
 * It makes its edits in a Y.Doc of its own, loaded by the first sync, and sends them as any
 * provider does. What others send it is only read for the ids of the edits it carries (client
 * id and clock range, `Y.parseUpdateMeta`), not merged into its document: real editors merge on
 * their own machines, while here all the simulated editors share the two cores with the servers
 * and PostgreSQL, and that merging would take the CPU the servers need. Its own edits therefore
 * land next to text it knows, as concurrent edits do, which costs the server no less work.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

import { applySeed, type LatencyTracker } from './collab-clients';
import type { PublishedText } from '../lib/collab/published-texts';

/** Message types of the Hocuspocus protocol (as in @hocuspocus/provider). */
const MESSAGE = { sync: 0, auth: 2 } as const;
const SYNC = { step1: 0, step2: 1, update: 2 } as const;
const AUTH = { token: 0, permissionDenied: 1, authenticated: 2 } as const;
/** The provider version the server is told (it only reads it). */
const PROTOCOL_VERSION = '4.8.0';
/** Origin of the first sync's content, so that it is not sent back. */
const FROM_SERVER = Symbol('from-server');

export interface WireEditor {
  doc: Y.Doc;
  /** Resolves at the first sync; rejects with the refusal reason. */
  ready: Promise<void>;
  destroy(): void;
}

/** One editor: its own socket, one document. `seed` (bare server only) is applied before connecting. */
export function connectWireEditor({ url, documentName, token, tracker, seed }: { url: string; documentName: string; token: string; tracker: LatencyTracker; seed?: readonly PublishedText[] }): WireEditor {
  const doc = new Y.Doc();
  if (seed) applySeed(doc, seed);
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  let isSynced = false;
  let settle: { resolve: () => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));

  const send = (type: number, write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, documentName);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    if (socket.readyState === WebSocket.OPEN) socket.send(encoding.toUint8Array(encoder));
  };

  socket.addEventListener('open', () => {
    send(MESSAGE.auth, (encoder) => {
      encoding.writeVarUint(encoder, AUTH.token);
      encoding.writeVarString(encoder, token);
      encoding.writeVarString(encoder, PROTOCOL_VERSION);
    });
    send(MESSAGE.sync, (encoder) => {
      encoding.writeVarUint(encoder, SYNC.step1);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
    });
    // The bare server starts empty: the seeding editor brings the content before it counts as ready.
    if (seed) {
      send(MESSAGE.sync, (encoder) => {
        encoding.writeVarUint(encoder, SYNC.update);
        encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
      });
    }
  });
  socket.addEventListener('error', () => settle.reject(new Error(`socket error on ${documentName}`)));
  socket.addEventListener('close', (event) => settle.reject(new Error(`closed: ${event.code} ${event.reason}`)));
  socket.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
    const decoder = decoding.createDecoder(new Uint8Array(event.data));
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.auth) {
      const kind = decoding.readVarUint(decoder);
      if (kind === AUTH.permissionDenied) settle.reject(new Error(`refused: ${decoding.readVarString(decoder)}`));
      return;
    }
    if (type !== MESSAGE.sync) return; // awareness, sync status, stateless: nothing an editor here needs
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SYNC.step1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      send(MESSAGE.sync, (encoder) => {
        encoding.writeVarUint(encoder, SYNC.step2);
        encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
      });
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    if (syncType === SYNC.step2 && !isSynced) {
      Y.applyUpdate(doc, update, FROM_SERVER);
      isSynced = true;
      settle.resolve();
      return;
    }
    tracker.arrived(update, doc.clientID);
  });

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_SERVER) return;
    send(MESSAGE.sync, (encoder) => {
      encoding.writeVarUint(encoder, SYNC.update);
      encoding.writeVarUint8Array(encoder, update);
    });
  });

  return {
    doc,
    ready,
    destroy() {
      socket.close();
      doc.destroy();
    },
  };
}
