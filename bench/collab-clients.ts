/**
 * Clients of bench/collab.ts: real Hocuspocus providers over real WebSockets, and the latency
 * tracker. An edit is identified by its Yjs id (client id, clock): the sender notes when it made
 * the edit; every other client of the same document notes when a remote transaction advanced that
 * client's clock past it. All clients of a document live in one thread: same clock.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';

import { collabDocumentName } from '../lib/collab/document-name';
import type { PublishedText } from '../lib/collab/published-texts';
import { entryText, getSegmentEntry, seedEntryUpdate, segmentEntries } from '../lib/collab/segment-doc';

/** `wire`: editors speaking the protocol themselves (collab-wire-client.ts); `provider`: full Hocuspocus providers. */
export type EditorClientKind = 'wire' | 'provider';
export const isEditorClientKind = (value: string): value is EditorClientKind => value === 'wire' || value === 'provider';

export class LatencyTracker {
  /** Per Yjs client id: clock of each tracked edit → when it was made. */
  private readonly sent = new Map<number, Map<number, number>>();
  readonly samples: number[] = [];
  /** Edits made while recording, and deliveries to other clients expected for them. */
  edits = 0;
  expected = 0;
  /** Every edit made, recorded or not. */
  totalEdits = 0;
  isRecording = false;

  /** Makes `edit` on `doc` and, while recording, expects `observers` other clients to see it. */
  edit(doc: Y.Doc, observers: number, edit: () => void): void {
    const clock = Y.getState(doc.store, doc.clientID);
    const started = performance.now();
    edit();
    this.totalEdits += 1;
    if (!this.isRecording) return;
    let clocks = this.sent.get(doc.clientID);
    if (!clocks) this.sent.set(doc.clientID, (clocks = new Map()));
    clocks.set(clock, started);
    this.edits += 1;
    this.expected += observers;
  }

  /**
   * Notes the arrival at `receiver` (a Yjs client id) of every tracked edit an update carries, read
   * from its ids, not merged. The server sends an update to its own sender too: that is no arrival.
   */
  arrived(update: Uint8Array, receiver: number): void {
    const now = performance.now();
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [client, after] of to) {
      if (client === receiver) continue;
      const clocks = this.sent.get(client);
      if (!clocks) continue;
      for (let clock = from.get(client) ?? 0; clock < after; clock += 1) {
        const started = clocks.get(clock);
        if (started !== undefined) this.samples.push(now - started);
      }
    }
  }

  /** Notes, in `doc`, the arrival of every tracked edit made elsewhere. */
  observe(doc: Y.Doc): void {
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const [client, after] of transaction.afterState) {
        const clocks = this.sent.get(client);
        if (!clocks) continue;
        for (let clock = transaction.beforeState.get(client) ?? 0; clock < after; clock += 1) {
          const started = clocks.get(clock);
          if (started !== undefined) this.samples.push(now - started);
        }
      }
    });
  }
}

export interface BenchClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves at the first sync; rejects with the refusal reason. */
  ready: Promise<void>;
  destroy(): void;
}

/** The same updates our server seeds a document with, so that both servers serve the same content. */
export function applySeed(doc: Y.Doc, seed: readonly PublishedText[]): void {
  doc.transact(() => {
    for (const text of seed) Y.applyUpdate(doc, seedEntryUpdate(text.segmentId, text.revisionId, text.text));
  });
}

/** One editor: its own socket, one document. `seed` (bare server only) is applied before connecting. */
export function connectEditor({ url, workId, chunk, token, tracker, seed }: { url: string; workId: string; chunk: number; token: string; tracker: LatencyTracker; seed?: readonly PublishedText[] }): BenchClient {
  const socket = new HocuspocusProviderWebsocket({ url });
  const doc = new Y.Doc();
  if (seed) applySeed(doc, seed);
  tracker.observe(doc);
  const { provider, ready } = attach({ socket, doc, name: collabDocumentName({ workId, language: 'en', chunk }), token });
  return {
    doc,
    provider,
    ready,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

function attach({ socket, doc, name, token }: { socket: HocuspocusProviderWebsocket; doc: Y.Doc; name: string; token: string }): { provider: HocuspocusProvider; ready: Promise<void> } {
  let settle: { resolve: () => void; reject: (error: Error) => void } = { resolve: () => undefined, reject: () => undefined };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onSynced: () => settle.resolve(),
    onAuthenticationFailed: ({ reason }) => settle.reject(new Error(`refused: ${reason}`)),
  });
  provider.attach();
  return { provider, ready };
}

/** Inserts one or two letters at a random place of a random segment's draft. */
export function typeSomething(doc: Y.Doc, segmentIds: readonly string[], random: () => number): void {
  const segmentId = segmentIds[Math.floor(random() * segmentIds.length)] as string;
  const entry = getSegmentEntry(doc, segmentId);
  if (!entry) throw new Error(`segment ${segmentId} is missing from the client's document`);
  const text = entryText(entry);
  const letters = random() < 0.5 ? 'e' : 'th';
  text.insert(Math.floor(random() * (text.length + 1)), letters);
}

/**
 * Opens chunks of a work as the editor does, over one shared socket, and resolves with the
 * milliseconds until every chunk has synced, checking that each arrived whole.
 */
export async function openWork({ url, workId, chunks, token, segmentsPerChunk }: { url: string; workId: string; chunks: readonly number[]; token: string; segmentsPerChunk: (chunk: number) => number }): Promise<{ ms: number; close(): void }> {
  const started = performance.now();
  const socket = new HocuspocusProviderWebsocket({ url });
  const opened = chunks.map((chunk) => ({ chunk, ...attach({ socket, doc: new Y.Doc(), name: collabDocumentName({ workId, language: 'en', chunk }), token }) }));
  await Promise.all(opened.map((entry) => entry.ready));
  const ms = performance.now() - started;
  for (const entry of opened) {
    const count = segmentEntries(entry.provider.document).size;
    if (count !== segmentsPerChunk(entry.chunk)) throw new Error(`chunk ${entry.chunk} opened with ${count} segments, expected ${segmentsPerChunk(entry.chunk)}`);
  }
  return {
    ms,
    close() {
      for (const entry of opened) entry.provider.destroy();
      socket.destroy();
    },
  };
}
