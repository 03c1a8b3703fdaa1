import 'server-only';

import type { ProofreadJob, ProofreadJobResult } from './proofread-jobs';
import { MAX_PROOFREAD_QUEUE, PROOFREAD_HEAP_LIMIT_MB, PROOFREAD_IDLE_MS, PROOFREAD_TIME_LIMIT_MS } from '../../config/limits';
import { refusalError, WorkerPool } from '../../worker/worker-pool';

/** The worker module, from the project root (loaded like the parse workers: docs/architecture.md). */
const WORKER_FILE = 'lib/proofread/worker/proofread-worker.ts';

// One pool per process, however many route bundles import this module (like the database client).
const globalForPool = globalThis as unknown as { interlinearProofreadPool?: WorkerPool };

/**
 * The process's one proofreading thread: a pool of one worker that keeps the dictionaries it has
 * built (the Russian one takes 4 s and 300 MB) and ends after {@link PROOFREAD_IDLE_MS} without a
 * job, giving that memory back.
 */
function proofreadPool(): WorkerPool {
  globalForPool.interlinearProofreadPool ??= new WorkerPool({
    workerFile: WORKER_FILE,
    maxWorkers: 1,
    maxQueue: MAX_PROOFREAD_QUEUE,
    timeoutMs: PROOFREAD_TIME_LIMIT_MS,
    heapMb: PROOFREAD_HEAP_LIMIT_MB,
    idleMs: PROOFREAD_IDLE_MS,
    wording: { label: 'proofread worker', work: 'proofread' },
  });
  return globalForPool.interlinearProofreadPool;
}

/**
 * Checks the words of a work in the proofreading thread, off the event loop: building a dictionary
 * takes seconds and checking a volume about a second. Throws SERVER_BUSY when too many jobs wait,
 * PAYLOAD_TOO_LARGE when a job overruns its time or memory limit, INTERNAL when it fails.
 */
export async function runProofreadJob(job: ProofreadJob): Promise<ProofreadJobResult> {
  const outcome = await proofreadPool().run(job);
  // Made here, from this module's AppError class: the one the caller's error mapping knows.
  if (!outcome.ok) throw refusalError(outcome.error);
  return outcome.value as ProofreadJobResult;
}

/** Ends the proofreading thread, if one is idle. */
export function closeProofreadThread(): Promise<void> {
  return proofreadPool().close();
}
