import 'server-only';

import { parentPort } from 'node:worker_threads';

import { doParseJob, type ParseJob } from './parse-jobs';
import { AppError } from '../../errors/app-error';
import type { WorkerReply } from './parse-worker-pool';

/**
 * A parse worker thread (started by `ParseWorkerPool`): does the jobs it is sent, one at a time,
 * and answers each with its result or its AppError. Any other failure is answered without
 * internals; the pool reports it as an internal error.
 */
const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread.');

port.on('message', (job: ParseJob) => {
  void doParseJob(job).then(
    (value) => port.postMessage({ ok: true, value } satisfies WorkerReply),
    (error: unknown) => {
      const reply: WorkerReply =
        error instanceof AppError
          ? { ok: false, error: { code: error.code, message: error.message, details: error.details } }
          : { ok: false, error: null, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      port.postMessage(reply);
    },
  );
});
