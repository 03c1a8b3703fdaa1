import 'server-only';

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';

import { AppError, type AppErrorCode } from '../errors/app-error';
import type { ErrorKey, ErrorValues } from '../errors/error-text';

/** A refusal as plain data: the fields of an AppError. */
export interface JobRefusal {
  code: AppErrorCode;
  /** The message's key and arguments (the job's AppError's, or the pool's own), to word it in the reader's language. */
  key: ErrorKey;
  values?: ErrorValues;
  details?: unknown;
}

/** What a worker answers for one job. */
export type WorkerReply = { ok: true; value: unknown } | { ok: false; error: JobRefusal } | { ok: false; error: null; failure: string };

/** How a job ended: its answer, or why it was refused. */
export type JobOutcome = { ok: true; value: unknown } | { ok: false; error: JobRefusal };

/**
 * What the pool's own refusals say, in the words of what its jobs do: `work` chooses the wording
 * of `errors.worker.*` (busy, too long, too big, failed) — reading uploads or checking words.
 */
export interface WorkerPoolWording {
  /** Name in the server's log ("parse worker"). */
  label: string;
  /** What the jobs do, as the catalogue's messages word it. */
  work: 'upload' | 'proofread';
}

/** The wording of the parse workers, which read uploads: the pool's default. */
const UPLOAD_WORDING: WorkerPoolWording = { label: 'parse worker', work: 'upload' };

export interface WorkerPoolOptions {
  /** The worker's module: a TypeScript file under the project root, loaded with tsx. */
  workerFile: string;
  /** Workers running at once. */
  maxWorkers: number;
  /** Jobs that may wait for a worker; one more is refused with SERVER_BUSY. */
  maxQueue: number;
  /** A job still running after this long is stopped (its worker terminated). */
  timeoutMs: number;
  /** Heap of one worker (V8 old generation); a job that outgrows it is stopped. */
  heapMb: number;
  /** An idle worker is kept this long for the next job, then ended. */
  idleMs?: number;
  /** What its refusals say (default: the parse workers', about reading uploads). */
  wording?: WorkerPoolWording;
}

interface PooledWorker {
  worker: Worker;
  idleTimer?: NodeJS.Timeout;
}

/**
 * Runs jobs in worker threads, so that slow work — reading an upload (unzipping, parsing,
 * cleanup), checking a work's words against a dictionary — never blocks the server's event loop: at most `maxWorkers` at once and `maxQueue` waiting (more is
 * refused at once with SERVER_BUSY rather than piling up), each with a time limit and a heap
 * limit. A worker that overruns either is terminated — the main thread carries on — and the job
 * fails with PAYLOAD_TOO_LARGE; a worker that answered is kept for the next job for a while.
 *
 * Outcomes are plain data, never AppError instances: one pool serves the whole process, and the
 * server's own modules (loaded by tsx, e.g. for the demo import at start-up) and Next.js's route
 * bundles each have their own copy of the AppError class, so the caller makes the error.
 *
 * Workers load TypeScript with tsx and the project's `server-only` hook, as `npm start`, the
 * command-line tools and the tests all run from the project root: the worker's file is found
 * there, never through the bundle that Next.js makes of the route code calling the pool.
 */
export class WorkerPool {
  private readonly options: Required<WorkerPoolOptions>;
  private readonly idle: PooledWorker[] = [];
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(options: WorkerPoolOptions) {
    this.options = { idleMs: 10_000, wording: UPLOAD_WORDING, ...options };
  }

  /**
   * Runs one job (a structured-clonable message) in a worker and resolves with its outcome: its
   * answer, or a refusal — the job's own; SERVER_BUSY when `maxQueue` jobs wait already;
   * PAYLOAD_TOO_LARGE when the job overruns the time or heap limit; INTERNAL for any other failure.
   */
  async run(job: unknown): Promise<JobOutcome> {
    if (this.running >= this.options.maxWorkers) {
      if (this.waiting.length >= this.options.maxQueue) {
        return this.refused('SERVER_BUSY', 'worker.busy', {}, { retryAfterSeconds: 30 });
      }
      // A finishing job hands its slot over directly, so `running` stays at the cap.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await this.runInWorker(job);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Ends every idle worker (running jobs finish first). */
  async close(): Promise<void> {
    const idle = this.idle.splice(0);
    await Promise.all(idle.map(({ worker, idleTimer }) => (clearTimeout(idleTimer), worker.terminate())));
  }

  private runInWorker(job: unknown): Promise<JobOutcome> {
    const pooled = this.idle.pop() ?? { worker: this.startWorker() };
    clearTimeout(pooled.idleTimer);
    const { worker } = pooled;
    worker.ref();
    return new Promise((resolve) => {
      let isSettled = false;
      const settle = (outcome: JobOutcome, { keep }: { keep: boolean }) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (keep) this.keepIdle(pooled);
        else void worker.terminate();
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        // terminate() stops the thread even inside a synchronous loop.
        const seconds = Math.round(this.options.timeoutMs / 1000);
        settle(this.refused('PAYLOAD_TOO_LARGE', 'worker.tooLong', { seconds }, { limitMs: this.options.timeoutMs }), { keep: false });
      }, this.options.timeoutMs);
      const onMessage = (reply: WorkerReply) => {
        if (reply.ok || reply.error) return settle(reply, { keep: true });
        console.error(`[${this.options.wording.label}] job failed: ${reply.failure}`);
        settle(this.internal(), { keep: false });
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          return settle(this.refused('PAYLOAD_TOO_LARGE', 'worker.tooBig', { megabytes: this.options.heapMb }, { limitMb: this.options.heapMb }), { keep: false });
        }
        console.error(`[${this.options.wording.label}] failed:`, error);
        settle(this.internal(), { keep: false });
      };
      const onExit = (code: number) => {
        console.error(`[${this.options.wording.label}] exited with code ${code} during a job`);
        settle(this.internal(), { keep: false });
      };
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(job);
    });
  }

  private internal(): JobOutcome {
    return this.refused('INTERNAL', 'worker.failed');
  }

  /** The pool's own refusal, in the words of what its jobs do. */
  private refused(code: AppErrorCode, key: ErrorKey, values: ErrorValues = {}, details?: unknown): JobOutcome {
    const worded = { ...values, work: this.options.wording.work };
    return { ok: false, error: { code, key, values: worded, details } };
  }

  private startWorker(): Worker {
    const root = process.cwd();
    // Next.js's bundler takes `new Worker(…)` of an imported class for a worker to bundle, and fails
    // on a path known only at run time: the class is looked up at run time instead.
    const { Worker: WorkerThread } = process.getBuiltinModule('node:worker_threads');
    // The worker's sources are read from the project at run time, not traced into the build.
    const worker = new WorkerThread(path.resolve(/* turbopackIgnore: true */ root, this.options.workerFile), {
      // Replaces the parent's flags (vitest's, or none): TypeScript through tsx, `server-only` allowed.
      execArgv: ['--import', 'tsx', '--import', pathToFileURL(path.join(root, 'scripts/register-hooks.mjs')).href],
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    // A worker failing while idle is dropped; during a job the job's own listeners report it.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      const index = this.idle.findIndex((pooled) => pooled.worker === worker);
      if (index >= 0) clearTimeout(this.idle.splice(index, 1)[0]?.idleTimer);
    });
    return worker;
  }

  private keepIdle(pooled: PooledWorker): void {
    // An idle worker must not keep a command-line tool from exiting.
    pooled.worker.unref();
    pooled.idleTimer = setTimeout(() => {
      const index = this.idle.indexOf(pooled);
      if (index >= 0) this.idle.splice(index, 1);
      void pooled.worker.terminate();
    }, this.options.idleMs);
    pooled.idleTimer.unref();
    this.idle.push(pooled);
  }
}

/** A job's refusal as an AppError of the calling thread (the class its error mapping knows). */
export function refusalError({ code, key, values, details }: JobRefusal): AppError {
  return new AppError(code, key, { values, details });
}
