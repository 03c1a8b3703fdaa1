import 'server-only';

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';

import type { ProofreadJob, ProofreadJobResult } from './proofread-jobs';
import type { ProofreadWorkerReply, ProofreadWorkerRequest } from './proofread-worker';
import { MAX_PROOFREAD_QUEUE, PROOFREAD_HEAP_LIMIT_MB, PROOFREAD_IDLE_MS, PROOFREAD_TIME_LIMIT_MS } from '../../config/limits';
import { AppError } from '../../errors/app-error';

/** The worker module, from the project root (loaded like the parse workers: docs/architecture.md). */
const WORKER_FILE = 'lib/proofread/worker/proofread-worker.ts';

interface Pending {
  resolve: (result: ProofreadJobResult) => void;
  reject: (error: AppError) => void;
  timer: NodeJS.Timeout;
}

/**
 * The process's one proofreading thread. It keeps the dictionaries it has built (the Russian one
 * takes 4 s and 300 MB), so it lives on between jobs, and ends after {@link PROOFREAD_IDLE_MS}
 * without one, giving that memory back. A job over its time limit ends the thread (and every job
 * it held); the next job starts a new one.
 */
class ProofreadThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  run(job: ProofreadJob): Promise<ProofreadJobResult> {
    if (this.pending.size >= MAX_PROOFREAD_QUEUE) {
      return Promise.reject(new AppError('SERVER_BUSY', 'The server is busy checking other works. Please try again in a minute.', { retryAfterSeconds: 30 }));
    }
    clearTimeout(this.idleTimer);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(`a job ran over ${PROOFREAD_TIME_LIMIT_MS} ms`), PROOFREAD_TIME_LIMIT_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      worker.postMessage({ id, job } satisfies ProofreadWorkerRequest);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const root = process.cwd();
    // As for the parse workers: the class is looked up at run time so that Next.js's bundler does
    // not try to bundle the worker, whose sources are read from the project when it starts.
    const { Worker: WorkerThread } = process.getBuiltinModule('node:worker_threads');
    const worker = new WorkerThread(path.resolve(/* turbopackIgnore: true */ root, WORKER_FILE), {
      execArgv: ['--import', 'tsx', '--import', pathToFileURL(path.join(root, 'scripts/register-hooks.mjs')).href],
      resourceLimits: { maxOldGenerationSizeMb: PROOFREAD_HEAP_LIMIT_MB },
    });
    worker.on('message', (reply: ProofreadWorkerReply) => this.answer(reply));
    worker.on('error', (error) => this.fail(error.message));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.fail(`exited with code ${code}`);
    });
    this.worker = worker;
    return worker;
  }

  private answer(reply: ProofreadWorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.value);
    else {
      console.error(`[proofread worker] job failed: ${reply.failure}`);
      pending.reject(internal());
    }
    if (this.pending.size === 0) this.rest();
  }

  /** Ends the thread and fails every job it held. */
  private fail(reason: string): void {
    console.error(`[proofread worker] ${reason}`);
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject, timer } of pending) {
      clearTimeout(timer);
      reject(internal());
    }
  }

  private rest(): void {
    const worker = this.worker;
    // An idle thread must not keep a command-line tool from exiting.
    worker?.unref();
    this.idleTimer = setTimeout(() => {
      if (this.worker !== worker || this.pending.size > 0) return;
      this.worker = null;
      void worker?.terminate();
    }, PROOFREAD_IDLE_MS);
    this.idleTimer.unref();
  }

  /** Ends the thread (for tests and tools that want to exit at once). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

function internal(): AppError {
  return new AppError('INTERNAL', 'The words of this work could not be checked just now. Please try again.');
}

// One thread per process, however many route bundles import this module (like the database client).
const globalForThread = globalThis as unknown as { interlinearProofreadThread?: ProofreadThread };

function thread(): ProofreadThread {
  globalForThread.interlinearProofreadThread ??= new ProofreadThread();
  return globalForThread.interlinearProofreadThread;
}

/**
 * Checks the words of a work in the proofreading thread, off the event loop: building a dictionary
 * takes seconds and checking a volume about a second. Throws SERVER_BUSY when too many jobs wait,
 * INTERNAL when the job fails or runs over its time limit.
 */
export function runProofreadJob(job: ProofreadJob): Promise<ProofreadJobResult> {
  return thread().run(job);
}

/** Ends the proofreading thread, if one runs. */
export function closeProofreadThread(): Promise<void> {
  return thread().close();
}
