/**
 * The simulated editors of bench/collab.ts, spread over worker threads (collab-editor-worker.ts)
 * a chunk document at a time, driven from the bench's main thread.
 */
import { Worker } from 'node:worker_threads';

import type { EditorWorkerReply, EditorWorkerRequest, EditorWorkerSetup } from './collab-editor-worker';

export interface TurnResult {
  samples: number[];
  edits: number;
  expected: number;
  totalEdits: number;
  /** The worst event-loop delay p99 of the threads while recording (ms). */
  loopDelayP99Ms: number;
}

class EditorThread {
  private readonly waiting: { resolve: (reply: EditorWorkerReply) => void; reject: (error: Error) => void }[] = [];

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: EditorWorkerReply) => this.waiting.shift()?.resolve(reply));
    worker.on('error', (error) => {
      for (const entry of this.waiting.splice(0)) entry.reject(error);
    });
  }

  static async start(setup: EditorWorkerSetup): Promise<EditorThread> {
    const thread = new EditorThread(new Worker(new URL('./collab-editor-worker.ts', import.meta.url), { workerData: setup }));
    const reply = await thread.next();
    if (reply.type !== 'ready') throw new Error(`editors could not connect: ${reply.type === 'failed' ? reply.message : reply.type}`);
    return thread;
  }

  private next(): Promise<EditorWorkerReply> {
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  request(request: EditorWorkerRequest): Promise<EditorWorkerReply> {
    const reply = this.next();
    this.worker.postMessage(request);
    return reply;
  }

  async stop(): Promise<void> {
    await this.request({ type: 'close' });
    await this.worker.terminate();
  }
}

export class EditorThreads {
  private constructor(private readonly threads: EditorThread[]) {}

  /** One thread per setup, each connecting its editors; resolves when every editor has synced. */
  static async start(setups: readonly EditorWorkerSetup[]): Promise<EditorThreads> {
    return new EditorThreads(await Promise.all(setups.map((setup) => EditorThread.start(setup))));
  }

  /** Every thread types at once: warm-up, recorded stretch, then waiting for the stragglers. */
  async turn(request: Omit<Extract<EditorWorkerRequest, { type: 'turn' }>, 'type'>): Promise<TurnResult> {
    const replies = await Promise.all(this.threads.map((thread) => thread.request({ type: 'turn', ...request })));
    const result: TurnResult = { samples: [], edits: 0, expected: 0, totalEdits: 0, loopDelayP99Ms: 0 };
    for (const reply of replies) {
      if (reply.type !== 'turn') throw new Error(`unexpected reply ${reply.type}`);
      for (const sample of reply.samples) result.samples.push(sample);
      result.edits += reply.edits;
      result.expected += reply.expected;
      result.totalEdits += reply.totalEdits;
      result.loopDelayP99Ms = Math.max(result.loopDelayP99Ms, reply.loopDelayP99Ms);
    }
    return result;
  }

  async stop(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.stop()));
  }
}
