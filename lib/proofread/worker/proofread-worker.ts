import 'server-only';

import { doProofreadJob } from './proofread-jobs';
import { serveWorkerJobs } from '../../worker/serve-worker-jobs';

// The proofreading worker thread, started by the pool of lib/proofread/worker/run-proofread-job.ts.
serveWorkerJobs(doProofreadJob);
