import 'server-only';

import type { ParseJobKind, ParseJobs } from './parse-jobs';
import { MAX_PARSE_QUEUE, MAX_PARSE_WORKERS, PARSE_HEAP_LIMIT_MB, PARSE_TIME_LIMIT_MS } from '../../config/limits';
import { refusalError, WorkerPool } from '../../worker/worker-pool';

/** The worker module, from the project root (see {@link WorkerPool}). */
const PARSE_WORKER_FILE = 'lib/import/worker/parse-worker.ts';

// One pool per process, however many route bundles import this module (like the database client).
const globalForPool = globalThis as unknown as { interlinearParsePool?: WorkerPool };

/** The process's pool of parse workers, with the limits of lib/config/limits.ts. */
export function getParsePool(): WorkerPool {
  globalForPool.interlinearParsePool ??= new WorkerPool({
    workerFile: PARSE_WORKER_FILE,
    maxWorkers: MAX_PARSE_WORKERS,
    maxQueue: MAX_PARSE_QUEUE,
    timeoutMs: PARSE_TIME_LIMIT_MS,
    heapMb: PARSE_HEAP_LIMIT_MB,
  });
  return globalForPool.interlinearParsePool;
}

/**
 * Runs a parse job (lib/import/worker/parse-jobs.ts) in a worker thread, off the event loop:
 * every server-side reading of an upload — decode, unzip, parse, cleanup, segmentation — goes
 * through here. Throws the job's AppErrors, SERVER_BUSY when too many uploads wait to be read,
 * PAYLOAD_TOO_LARGE when reading one overruns the time or memory limit, INTERNAL otherwise.
 */
export async function runParseJob<K extends ParseJobKind>(kind: K, input: ParseJobs[K]['input']): Promise<ParseJobs[K]['output']> {
  const outcome = await getParsePool().run({ kind, input });
  // Made here, from this module's AppError class: the one the caller's error mapping knows.
  if (!outcome.ok) throw refusalError(outcome.error);
  return outcome.value as ParseJobs[K]['output'];
}
