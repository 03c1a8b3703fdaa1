import { AppError } from '../../lib/errors/app-error';
import { serveWorkerJobs } from '../../lib/worker/serve-worker-jobs';

/** What a test asks the stub worker to do. */
export type StubJob =
  | { action: 'echo'; value: unknown }
  | { action: 'refuse' }
  | { action: 'fail' }
  | { action: 'exit' }
  | { action: 'loop' }
  | { action: 'allocate' }
  /** Counts itself in `started`, then waits until `gate[0]` is set. */
  | { action: 'hold'; gate: Int32Array; started: Int32Array };

// A worker for the tests of WorkerPool: each job misbehaves as it is told to.
serveWorkerJobs(async (job: StubJob) => {
  switch (job.action) {
    case 'echo':
      return job.value;
    case 'refuse':
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'verbatim', { values: { text: 'The stub does not read this.' }, details: { reason: 'stub' } });
    case 'fail':
      throw new TypeError('secret internal detail');
    case 'exit':
      process.exit(3);
      break;
    case 'loop':
      for (;;) {
        // Never yields: only terminate() ends it.
      }
    case 'allocate': {
      const hoard: number[][] = [];
      for (;;) hoard.push(Array.from({ length: 100_000 }, (_, index) => index * Math.random()));
    }
    case 'hold':
      Atomics.add(job.started, 0, 1);
      Atomics.notify(job.started, 0);
      Atomics.wait(job.gate, 0, 0);
      return 'released';
  }
});
