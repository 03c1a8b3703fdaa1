import 'server-only';

import { doParseJob } from './parse-jobs';
import { serveWorkerJobs } from '../../worker/serve-worker-jobs';

// A parse worker thread, started by the pool of lib/import/worker/run-parse-job.ts.
serveWorkerJobs(doParseJob);
