import 'server-only';

import { parentPort } from 'node:worker_threads';

import { doProofreadJob, type ProofreadJob } from './proofread-jobs';

/** A message to the worker: a job and the number its answer carries back. */
export interface ProofreadWorkerRequest {
  id: number;
  job: ProofreadJob;
}

/** The worker's answer to one request. */
export type ProofreadWorkerReply = { id: number; ok: true; value: Awaited<ReturnType<typeof doProofreadJob>> } | { id: number; ok: false; failure: string };

// The proofreading worker thread, started by lib/proofread/worker/run-proofread-job.ts. Jobs are
// synchronous once the speller is loaded, so they run one after another in the order they came.
const port = parentPort;
if (!port) throw new Error('The proofreading worker runs in a worker thread.');
port.on('message', ({ id, job }: ProofreadWorkerRequest) => {
  void doProofreadJob(job).then(
    (value) => port.postMessage({ id, ok: true, value } satisfies ProofreadWorkerReply),
    (error: unknown) => port.postMessage({ id, ok: false, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies ProofreadWorkerReply),
  );
});
