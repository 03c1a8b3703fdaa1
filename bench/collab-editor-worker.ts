/**
 * A worker thread of bench/collab.ts holding some of the simulated editors: whole chunk
 * documents, so that every edit it tracks is seen by editors of the same thread (one clock).
 * Spreading the editors over threads keeps the load generator's own event loop from being the
 * bottleneck that the measured latency would include. Driven by messages from the bench.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

import type * as Y from 'yjs';

import { connectEditor, LatencyTracker, typeSomething, type EditorClientKind } from './collab-clients';
import { connectWireEditor } from './collab-wire-client';
import { collabDocumentName } from '../lib/collab/document-name';
import type { PublishedText } from '../lib/collab/published-texts';
import { mulberry32 } from '../test/helpers/random';

export interface EditorWorkerSetup {
  url: string;
  workId: string;
  token: string;
  editsPerSecond: number;
  /** `wire`: editors speaking the protocol themselves (collab-wire-client.ts); `provider`: full Hocuspocus providers. */
  clientKind: EditorClientKind;
  /** The chunk documents of this thread, each with its editors; `seed` for the bare server. */
  chunks: { chunk: number; editors: number; segmentIds: string[]; seed?: PublishedText[] }[];
  randomSeed: number;
}


/** What the thread needs of an editor, whichever kind it is. */
interface Editor {
  doc: Y.Doc;
  ready: Promise<void>;
  destroy(): void;
}

function connect(setup: EditorWorkerSetup, chunk: number, tracker: LatencyTracker, seed: readonly PublishedText[] | undefined): Editor {
  const { url, workId, token } = setup;
  if (setup.clientKind === 'provider') return connectEditor({ url, workId, chunk, token, tracker, seed });
  return connectWireEditor({ url, documentName: collabDocumentName({ workId, language: 'en', chunk }), token, tracker, seed });
}

export type EditorWorkerRequest = { type: 'turn'; warmupMs: number; recordMs: number; drainMs: number } | { type: 'close' };

export type EditorWorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'turn'; samples: number[]; edits: number; expected: number; totalEdits: number; loopDelayP99Ms: number }
  | { type: 'closed' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('collab-editor-worker runs as a worker thread');
  const setup = workerData as EditorWorkerSetup;
  const random = mulberry32(setup.randomSeed);
  const clients: { client: Editor; segmentIds: string[]; observers: number }[] = [];
  const tracker = new LatencyTracker();
  try {
    for (const { chunk, editors, segmentIds, seed } of setup.chunks) {
      // The bare server stores nothing: the first editor of a chunk brings the seeded content.
      const first = connect(setup, chunk, tracker, seed);
      await first.ready;
      const others = Array.from({ length: editors - 1 }, () => connect(setup, chunk, tracker, undefined));
      await Promise.all(others.map((client) => client.ready));
      for (const client of [first, ...others]) clients.push({ client, segmentIds, observers: editors - 1 });
    }
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies EditorWorkerReply);
    return;
  }
  port.postMessage({ type: 'ready' } satisfies EditorWorkerReply);

  port.on('message', (request: EditorWorkerRequest) => {
    if (request.type === 'close') {
      for (const { client } of clients) client.destroy();
      port.postMessage({ type: 'closed' } satisfies EditorWorkerReply);
      return;
    }
    void (async () => {
      // Every editor types 5 times a second, each starting at a random moment.
      const period = 1000 / setup.editsPerSecond;
      const timers: NodeJS.Timeout[] = [];
      for (const { client, segmentIds, observers } of clients) {
        timers.push(setTimeout(() => timers.push(setInterval(() => tracker.edit(client.doc, observers, () => typeSomething(client.doc, segmentIds, random)), period)), random() * period));
      }
      await sleep(request.warmupMs);
      const loopDelay = monitorEventLoopDelay({ resolution: 5 });
      const before = { samples: tracker.samples.length, edits: tracker.edits, expected: tracker.expected };
      loopDelay.enable();
      tracker.isRecording = true;
      await sleep(request.recordMs);
      tracker.isRecording = false;
      for (const timer of timers) clearInterval(timer);
      loopDelay.disable();
      const drainUntil = Date.now() + request.drainMs;
      while (tracker.samples.length < tracker.expected && Date.now() < drainUntil) await sleep(50);
      port.postMessage({
        type: 'turn',
        samples: tracker.samples.slice(before.samples),
        edits: tracker.edits - before.edits,
        expected: tracker.expected - before.expected,
        totalEdits: tracker.totalEdits,
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      } satisfies EditorWorkerReply);
    })();
  });
}

void main();
