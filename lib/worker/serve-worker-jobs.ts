import 'server-only';

import { parentPort } from 'node:worker_threads';

import type { WorkerReply } from './worker-pool';
import { AppError } from '../errors/app-error';

/**
 * Makes the calling worker thread serve the jobs a `WorkerPool` sends it, one at a time:
 * each is answered with `doJob`'s result or its AppError (code, message key and arguments, details). Any other
 * failure is answered by its name and message only, which the pool logs and reports as INTERNAL.
 */
export function serveWorkerJobs<J>(doJob: (job: J) => Promise<unknown>): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorkerJobs runs in a worker thread.');
  port.on('message', (job: J) => {
    void doJob(job).then(
      (value) => port.postMessage({ ok: true, value } satisfies WorkerReply),
      (error: unknown) => {
        const reply: WorkerReply =
          error instanceof AppError
            ? { ok: false, error: { code: error.code, key: error.key, values: error.values, details: error.details } }
            : { ok: false, error: null, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
        port.postMessage(reply);
      },
    );
  });
}
